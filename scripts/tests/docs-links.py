#!/usr/bin/env python3
"""The clone stands alone: every reference in the README and docs resolves inside it.

Fails (exit 1, listing each problem with file and line) when a tracked file points
outside the repository to the founders' shared folder, when a Markdown link names a
file or anchor that does not exist, when a text names a repository path (docs/x.md,
scripts/x.sh, ...) that is not tracked, when a doc cites a requirement id that
docs/design.md does not define, or when a doc cites the founders' design sections or
issue numbers. `--self-test` first checks that a made-up broken clone is caught.

Usage: scripts/tests/docs-links.py [--self-test] [REPO]
"""
import os
import re
import subprocess
import sys
import tempfile

# Spelled in two parts so this file does not match its own check.
OUTSIDE = [".." + "/shared", "/work" + "/shared"]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
REPO_PATH = re.compile(r"(?<![\w./-])((?:docs|scripts|network-config|chaincode|gateway-client)/[\w./-]*\w)")
REQUIREMENT = re.compile(r"\bG(\d+)\b")
FOUNDERS = [(re.compile(r"DESIGN\s*(§|G\d)"), "cites the founders' design instead of docs/design.md"),
            (re.compile(r"\b[Ii]ssues?\s+#?\d+"), "cites an issue number, which a reader of the clone cannot open")]
SELF = "scripts/tests/docs-links.py"  # its self-test names broken paths on purpose
ANCHOR = re.compile(r"""<a\s+(?:id|name)=["']([^"']+)["']""")


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`|\*\*|\*", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    found, seen = set(), {}
    in_code = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("```"):
                in_code = not in_code
            if in_code:
                continue
            m = re.match(r"#+\s+(.*)", line)
            if m:
                base = slug(m.group(1))
                n = seen.get(base, 0)
                seen[base] = n + 1
                found.add(base if n == 0 else f"{base}-{n}")
            found.update(ANCHOR.findall(line))
    return found


def tracked(repo):
    out = subprocess.run(["git", "-C", repo, "ls-files", "-z"], check=True, capture_output=True).stdout
    return [p for p in out.decode().split("\0") if p]


def check(repo):
    files = tracked(repo)
    tracked_set = set(files)
    folders = set()
    for p in files:
        p = os.path.dirname(p)
        while p:
            folders.add(p)
            p = os.path.dirname(p)
    problems = []
    design = os.path.join(repo, "docs", "design.md")
    defined = {a[1:] for a in anchors(design) if re.fullmatch(r"g\d+", a)} if os.path.exists(design) else set()
    anchor_cache = {}

    def exists(rel):
        rel = os.path.normpath(rel)
        return rel in tracked_set or rel in folders

    for path in files:
        if path == SELF:
            continue
        full = os.path.join(repo, path)
        try:
            with open(full, encoding="utf-8") as f:
                lines = f.read().split("\n")
        except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
            continue
        is_doc = path.endswith(".md")
        in_code = False
        for number, line in enumerate(lines, 1):
            where = f"{path}:{number}"
            for outside in OUTSIDE:
                if outside in line:
                    problems.append(f"{where}: points outside the clone ({outside})")
            for m in REPO_PATH.finditer(line):
                target = m.group(1).rstrip(".")
                built = "/target/" in target + "/"  # build output, made by mvn
                if not built and not any(ch in target for ch in "<>*") and not exists(target):
                    problems.append(f"{where}: names {target}, which is not a tracked file or folder")
            if not is_doc:
                continue
            if line.startswith("```"):
                in_code = not in_code
            for pattern, why in FOUNDERS:
                if pattern.search(line):
                    problems.append(f"{where}: {why}: {line.strip()[:80]}")
            if in_code:
                continue
            for m in REQUIREMENT.finditer(line):
                if m.group(1) not in defined:
                    problems.append(f"{where}: requirement G{m.group(1)} is not defined in docs/design.md")
            for m in LINK.finditer(line):
                target = m.group(1)
                if re.match(r"[a-z]+:", target):
                    continue
                file_part, _, anchor = target.partition("#")
                linked = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
                if not exists(linked):
                    problems.append(f"{where}: links to {file_part}, which does not exist")
                    continue
                if anchor and linked.endswith(".md"):
                    if linked not in anchor_cache:
                        anchor_cache[linked] = anchors(os.path.join(repo, linked))
                    if anchor not in anchor_cache[linked]:
                        problems.append(f"{where}: links to {linked}#{anchor}, which has no such heading or anchor")
    return problems


def self_test():
    """A broken made-up clone must be caught, once for each kind of problem."""
    with tempfile.TemporaryDirectory() as repo:
        os.makedirs(os.path.join(repo, "docs"))
        pages = {
            "README.md": f"See `{OUTSIDE[0]}/DESIGN.md` and `docs/missing.md`.\n",
            "docs/design.md": '# Design\n\n| <a id="g1"></a>G1 | x |\n',
            "docs/a.md": "# A page\n\n[ok](design.md#g1) [ok](#a-page) [bad](design.md#nowhere) [bad](gone.md)\n"
                         "G1 is fine, G7 is not. See DESIGN §4 and issue 13.\n",
        }
        for name, text in pages.items():
            with open(os.path.join(repo, name), "w", encoding="utf-8") as f:
                f.write(text)
        subprocess.run(["git", "-C", repo, "init", "-q"], check=True)
        subprocess.run(["git", "-C", repo, "add", "."], check=True)
        found = check(repo)
        expected = ["points outside the clone", "docs/missing.md", "design.md#nowhere", "gone.md",
                    "G7 is not defined", "founders' design", "issue number"]
        missed = [e for e in expected if not any(e in p for p in found)]
        false_alarms = [p for p in found if "#g1" in p or "#a-page" in p or "G1 is not" in p]
        if missed or false_alarms or len(found) != len(expected):
            print("docs-links self-test FAILED; found:", *found, sep="\n  ")
            print("missed:", missed, "false alarms:", false_alarms)
            sys.exit(1)
    print("docs-links self-test: a broken clone is caught (7 problems of 7 kinds)")


def main(argv):
    args = [a for a in argv if a != "--self-test"]
    if "--self-test" in argv:
        self_test()
    repo = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    problems = check(os.path.abspath(repo))
    if problems:
        print(f"{len(problems)} reference(s) do not resolve inside the clone:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print(f"docs-links: every reference in {len(tracked(repo))} tracked files resolves inside the clone")


if __name__ == "__main__":
    main(sys.argv[1:])
