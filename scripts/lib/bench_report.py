"""Turns scripts/bench.sh's raw lines into ratios: prints "RATIO <name> <value>" per
figure and rewrites the measured part of docs/benchmarks.md (between the markers),
keeping the hand-written analysis around it."""
import datetime
import os
import platform
import re
import subprocess
import sys

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
LOOKUP_BEGIN, LOOKUP_END = "<!-- bench:lookup:begin -->", "<!-- bench:lookup:end -->"
BATCH_TIMEOUT_MS = 500  # network-config/configtx.yaml


def parse(path):
    """Each line 'KIND k=v ...' (RESULT lines keyed by workload and mode)."""
    found = {}
    for line in open(path, encoding="utf-8"):
        kind, *pairs = line.split()
        if kind == "LOAD":
            found[kind + " " + pairs[0]] = " ".join(pairs[1:])
            continue
        values = dict(p.split("=", 1) for p in pairs if "=" in p)
        key = kind
        if kind == "RESULT":
            key = f"RESULT {values['workload']} {values['mode']}"
        elif kind == "SIGN":
            key = f"SIGN {values['signer']}"
        elif kind == "CALL":
            key = f"CALL {values['name']}"
        elif kind == "CPU":
            key = f"CPU {values.pop('workload')}"
        found[key] = values
    return found


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem_kib = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    sha = "yes" if " sha_ni" in open("/proc/cpuinfo").read() else "no"
    return f"{nproc} cores, {cpu} (SHA extensions: {sha}), {mem_kib / 1048576:.1f} GiB memory, {platform.system()} {platform.release()}"


def figures(r):
    """(name, what, gbx, baseline, ratio, target, met) for every figure the run produced."""
    rows = []
    bare = r.get("RESULT bare-write closed")
    for workload in ("create-request", "record-access"):
        got = r.get(f"RESULT {workload} closed")
        if bare and got:
            ratio = float(got["tps"]) / float(bare["tps"])
            rows.append((f"ledger_{workload.replace('-', '_')}_tps", f"{workload} throughput (tx/s, concurrency {got['concurrency']})",
                         got["tps"], bare["tps"], ratio, ">= 0.9", ratio >= 0.9))
            ratio = float(got["p95"]) / float(bare["p95"])
            rows.append((f"ledger_{workload.replace('-', '_')}_p95", f"{workload} p95 commit latency at saturation (ms)",
                         got["p95"], bare["p95"], ratio, "(info)", None))
    for workload in ("bare-write", "create-request", "record-access"):
        half = r.get(f"RESULT {workload} open")
        if half:
            limit = BATCH_TIMEOUT_MS + 1000
            ratio = float(half["p95"]) / limit
            rows.append((f"half_load_{workload.replace('-', '_')}_p95", f"{workload} p95 at half load, {half['offered']} tx/s offered (ms; baseline = batch timeout + 1 s)",
                         half["p95"], str(limit), ratio, "<= 1.0", ratio <= 1.0))
    if "TRANSFER" in r and "OPENSSL_TLS" in r:
        base = float(r["OPENSSL_TLS"]["mib"]) / float(r["OPENSSL_TLS"]["seconds"])
        gbx = float(r["TRANSFER"]["mib_per_s"])
        rows.append(("transfer", f"goodput of one {r['OPENSSL_TLS']['mib']} MiB package (MiB/s) vs openssl s_server + curl",
                     f"{gbx:.1f}", f"{base:.1f}", gbx / base, ">= 0.8", gbx / base >= 0.8))
    if "HASH" in r and "OPENSSL_DGST" in r:
        base = float(r["OPENSSL_DGST"]["mib"]) / float(r["OPENSSL_DGST"]["seconds"])
        gbx = float(r["HASH"]["mib_per_s"])
        rows.append(("hashing", "package hashing + Merkle tree (MiB/s) vs openssl dgst -sha256",
                     f"{gbx:.0f}", f"{base:.0f}", gbx / base, ">= 0.6", gbx / base >= 0.6))
    for call, peer, what in (("gbx_whoami", "peer_whoami", "gbx whoami"), ("gbx_list", "peer_list", "gbx request list"),
                             ("gbx_show", "peer_show", "gbx request show")):
        got, base = r.get(f"CALL {call}"), r.get(f"CALL {peer}")
        if got and base:
            median = float(got["median"])
            rows.append((f"call_{call[4:]}", f"{what}: wall s, median of {got['runs']} (min {got['min']}, max {got['max']}; "
                         f"CPU {got.get('cpu', '?')} s, peer CLI {base.get('cpu', '?')} s); baseline the same read by "
                         f"peer chaincode query; java -version took {r.get('CALL java_version', {}).get('median', '?')} s",
                         got["median"], base["median"], median / float(base["median"]), "p50 <= 1.0 s", median <= 1.0))
    if "VERIFY" in r and "FETCH" in r:
        ratio = float(r["VERIFY"]["seconds"]) / float(r["FETCH"]["seconds"])
        runs = r["VERIFY"].get("runs", "1")
        rows.append(("verify_over_fetch", f"verify-ledger vs fetching the same {r['VERIFY']['blocks']} blocks (s, best of {runs} each)",
                     r["VERIFY"]["seconds"], r["FETCH"]["seconds"], ratio, "<= 1.5", ratio <= 1.5))
    return rows


def table(r, rows):
    lines = [f"Run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}.",
             f"Load average (1, 5, 15 min) at the start: {r.get('LOAD start', '?')}; at the end: {r.get('LOAD end', '?')}.",
             "", "| figure | what | gbx | baseline | ratio | target | met |", "|---|---|---|---|---|---|---|"]
    for name, what, gbx, base, ratio, target, met in rows:
        lines.append(f"| `{name}` | {what} | {gbx} | {base} | {ratio:.2f} | {target} | "
                     f"{'-' if met is None else ('yes' if met else '**no**')} |")
    cpu = {k[4:]: v for k, v in r.items() if k.startswith("CPU ")}
    if cpu:
        kinds = [k for k in next(iter(cpu.values())) if k != "total_ms"] + ["total_ms"]
        lines += ["", "CPU per committed transaction at saturation (ms, all processes of each kind; "
                  "from /proc of the pids the network scripts recorded):", "",
                  "| workload | " + " | ".join(k[:-3] for k in kinds) + " |", "|---" * (len(kinds) + 1) + "|"]
        lines += [f"| {w} | " + " | ".join(v.get(k, "-") for k in kinds) + " |" for w, v in cpu.items()]
    lines += ["", "Raw ledger runs (latencies in ms; client_cpu = the load generator's share of all cores):", "", "```"]
    lines += [" ".join(f"{k}={v}" for k, v in values.items()) for key, values in r.items() if key.startswith("RESULT")]
    lines += [f"signer {k[5:]}: {v['us']} us per signature" for k, v in r.items() if k.startswith("SIGN")]
    if "TRANSFER" in r:
        lines.append(f"transfer: peak heap {r['TRANSFER']['peak_heap_mib']} MiB of {r['TRANSFER']['max_heap_mib']} MiB (sender and receiver in one JVM)")
    lines.append("```")
    return "\n".join(lines)


def lookup_table(r):
    """The lookups' figures against their own targets (docs/lookup.md); None when the run had no lookup part."""
    prep, size, answer = r.get("LOOKUP_PREPARE"), r.get("LOOKUP_SET"), r.get("LOOKUP_ANSWER")
    if not prep:
        return None
    lines = [f"Run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}.",
             f"Load average (1, 5, 15 min) at the start: {r.get('LOAD start', '?')}; at the end: {r.get('LOAD end', '?')}.",
             "", "| figure | what | measured | target | met |", "|---|---|---|---|---|"]
    rate = float(prep["per_second"])
    lines.append(f"| `lookup_prepare` | holder's set preparation, {int(prep['ids']):,} synthetic identifiers on "
                 f"{prep['cores']} cores (identifiers/s; one core: {prep['one_core_per_second']}/s) | {rate:,.0f} | >= 5,000 | "
                 f"{'yes' if rate >= 5000 else '**no**'} |")
    if size:
        per = float(size["per_identifier"])
        lines.append(f"| `lookup_set_size` | set sent per identifier (bytes; {int(size['bytes']):,} in all; read in "
                     f"{size['read_ms']} ms, one search {size['find_us']} us) | {per:.2f} | <= 24 | {'yes' if per <= 24 else '**no**'} |")
    if answer and "median_ms" in answer:
        ms = int(answer["median_ms"])
        lines.append(f"| `lookup_answer` | one lookup without the ledger commit (ms, median of {answer['runs']}; max "
                     f"{answer['max_ms']}, first {answer['first_ms']}; the commit itself {answer['ledger_median_ms']} ms) "
                     f"| {ms} | <= 50 | {'yes' if ms <= 50 else '**no**'} |")
    elif answer:
        lines.append("| `lookup_answer` | one lookup without the ledger commit | not measured: the officer's daily cap "
                     "is used up on this network | <= 50 | - |")
    return "\n".join(lines)


def replace(text, begin, end, body):
    if begin not in text:
        text += f"\n{begin}\n{end}\n"
    start, stop = text.index(begin) + len(begin), text.index(end)
    return text[:start] + "\n" + body + "\n" + text[stop:]


def main(results, doc, _concurrency):
    r = parse(results)
    rows = figures(r)
    for name, *_rest in rows:
        print(f"RATIO {name} {_rest[3]:.2f}")
    text = open(doc, encoding="utf-8").read() if os.path.exists(doc) else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    # A run of some parts only keeps the figures of the others as the last full run wrote them.
    if rows:
        text = replace(text, BEGIN, END, table(r, rows))
    lookups = lookup_table(r)
    if lookups:
        text = replace(text, LOOKUP_BEGIN, LOOKUP_END, lookups)
    with open(doc, "w", encoding="utf-8") as out:
        out.write(text)
    print(f"wrote {doc}")


if __name__ == "__main__":
    main(*sys.argv[1:])
