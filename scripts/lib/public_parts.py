#!/usr/bin/env python3
"""What crosses between organisations, checked on arrival. Used by scripts/org.sh.

  public_parts.py import BUNDLE PARTNERS_DIR OWN_ORG CATALOGUE [--expect-ca FP] [--expect-tlsca FP] [--replace]
      (CATALOGUE: network-config/organisations.conf; nodeous.yaml beside it is the NodeOU config)
      Checks another organisation's export (scripts/org.sh export) and installs it as
      PARTNERS_DIR/<org>/, printing the fingerprints its administrator must confirm.
  public_parts.py check-block BLOCK_JSON --org MSP_ID,CA,TLSCA,CONSENTER,PEER,ORDERER ...
      Checks a decoded genesis block against the public parts this organisation holds: the same
      organisations, CA certificates, consenters and endpoints, nothing else.

Nothing received is executed or sourced: files are parsed, certificates are checked with
openssl. A failed check installs nothing and says what was wrong.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

# Every file an export may hold, and nothing else.
ALLOWED = {
    "org.env", "msp/cacerts/ca.pem", "msp/tlscacerts/tlsca.pem", "msp/config.yaml",
    "admins/admin.pem", "orderer/tls/server.crt",
}
ENV_KEYS = {"ORG", "MSP_ID", "KIND", "NAME", "PEER", "ORDERER", "EXCHANGE_NODE"}
ENDPOINT = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?:[0-9]{1,5}$")
MAX_FILE_BYTES = 64 * 1024


class Refused(Exception):
    pass


def openssl(*args, data=None):
    result = subprocess.run(["openssl", *args], input=data, capture_output=True)
    return result.returncode, result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")


def fingerprint(pem):
    """SHA-256 of the certificate's DER bytes, as openssl and most tools print it."""
    code, out = openssl("x509", "-noout", "-fingerprint", "-sha256", data=pem)
    if code != 0:
        raise Refused("not a readable X.509 certificate: " + out.strip().splitlines()[0])
    return out.strip().split("=", 1)[1]


def text_of(pem):
    code, out = openssl("x509", "-noout", "-text", data=pem)
    if code != 0:
        raise Refused("not a readable X.509 certificate")
    return out


def subject_of(pem):
    return openssl("x509", "-noout", "-subject", "-nameopt", "RFC2253", data=pem)[1].strip()


def issued_by(pem, ca_pem, work):
    ca_file = os.path.join(work, "issuer.pem")
    with open(ca_file, "wb") as f:
        f.write(ca_pem)
    code, out = openssl("verify", "-CAfile", ca_file, data=pem)
    return code == 0 and ": OK" in out


def is_self_signed_ca(pem, work):
    return "CA:TRUE" in text_of(pem) and issued_by(pem, pem, work)


def read_bundle(path):
    """The bundle's files by name, refusing anything but plain files from ALLOWED."""
    files = {}
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar.getmembers():
                name = member.name[2:] if member.name.startswith("./") else member.name
                if member.isdir():
                    continue
                if not member.isfile():
                    raise Refused(f"{name}: not a plain file (links and devices are never accepted)")
                if name not in ALLOWED:
                    raise Refused(f"{name}: not part of an organisation's public parts")
                if member.size > MAX_FILE_BYTES:
                    raise Refused(f"{name}: {member.size} bytes, more than a certificate or setting takes")
                files[name] = tar.extractfile(member).read()
    except (tarfile.TarError, OSError, EOFError) as e:
        raise Refused(f"not a readable export (tar.gz): {e}")
    missing = [m for m in sorted(ALLOWED) if m not in files]
    if missing:
        raise Refused("missing " + ", ".join(missing))
    for name, data in files.items():
        if b"PRIVATE KEY" in data:
            raise Refused(f"{name} holds a private key: an organisation never sends one; tell its administrator")
    return files


def parse_env(data):
    values = {}
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep or key not in ENV_KEYS or key in values:
            raise Refused(f"org.env line {number}: '{line[:60]}' is not one of {', '.join(sorted(ENV_KEYS))} once")
        values[key] = value
    return values


def catalogue(path):
    orgs = {}
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, msp, base, kind, place, *name = line.split()
        orgs[key] = {"msp": msp, "kind": kind, "name": " ".join(name)}
    return orgs


def check_bundle(files, own_org, orgs, catalogue_path, work):
    env = parse_env(files["org.env"])
    org = env.get("ORG", "")
    if org not in orgs:
        raise Refused(f"organisation '{org}' is not in network-config/organisations.conf ({', '.join(orgs)})")
    if org == own_org:
        raise Refused(f"this is {org}'s own export; import the other organisations' exports")
    known = orgs[org]
    for key, expected in (("MSP_ID", known["msp"]), ("KIND", known["kind"]), ("NAME", known["name"])):
        if env.get(key) != expected:
            raise Refused(f"{key} is '{env.get(key)}', but organisations.conf says '{expected}' for {org}")
    needed = {"PEER", "ORDERER"} | ({"EXCHANGE_NODE"} if known["kind"] == "force" else set())
    for key in sorted(needed):
        if not ENDPOINT.match(env.get(key, "")):
            raise Refused(f"{key} '{env.get(key, '')}' is not host:port")
    ca, tlsca = files["msp/cacerts/ca.pem"], files["msp/tlscacerts/tlsca.pem"]
    for label, pem in (("the enrolment CA certificate", ca), ("the TLS CA certificate", tlsca)):
        if not is_self_signed_ca(pem, work):
            raise Refused(f"{label} is not a self-signed CA certificate")
        if f"O={known['name']}" not in subject_of(pem):
            raise Refused(f"{label} names '{subject_of(pem)}', not O={known['name']}")
    if fingerprint(ca) == fingerprint(tlsca):
        raise Refused("the enrolment CA and the TLS CA are the same certificate; they must be two CAs")
    if files["msp/config.yaml"] != open(os.path.join(os.path.dirname(catalogue_path), "nodeous.yaml"), "rb").read():
        raise Refused("msp/config.yaml is not the NodeOU configuration every organisation of the channel uses")
    admin = files["admins/admin.pem"]
    if not issued_by(admin, ca, work):
        raise Refused("the admin certificate was not issued by the organisation's enrolment CA")
    if "OU=admin" not in subject_of(admin):
        raise Refused("the admin certificate is not an admin's (no OU=admin)")
    consenter = files["orderer/tls/server.crt"]
    if not issued_by(consenter, tlsca, work):
        raise Refused("the orderer's TLS certificate was not issued by the organisation's TLS CA")
    host = env["ORDERER"].rsplit(":", 1)[0]
    if not re.search(rf"(DNS|IP Address):{re.escape(host)}(,|\s|$)", text_of(consenter)):
        raise Refused(f"the orderer's TLS certificate does not name {host}, the address its endpoint gives")
    return env


def fingerprints(files):
    return [("enrolment CA", fingerprint(files["msp/cacerts/ca.pem"])),
            ("TLS CA", fingerprint(files["msp/tlscacerts/tlsca.pem"])),
            ("admin", fingerprint(files["admins/admin.pem"])),
            ("orderer (consenter)", fingerprint(files["orderer/tls/server.crt"]))]


def same_fingerprint(a, b):
    return a.replace(":", "").upper() == b.replace(":", "").upper()


def cmd_import(args):
    orgs = catalogue(args.catalogue)
    with tempfile.TemporaryDirectory() as work:
        files = read_bundle(args.bundle)
        env = check_bundle(files, args.own, orgs, args.catalogue, work)
        prints = dict(fingerprints(files))
        for label, expected in (("enrolment CA", args.expect_ca), ("TLS CA", args.expect_tlsca)):
            if expected and not same_fingerprint(prints[label], expected):
                raise Refused(f"the {label}'s fingerprint is {prints[label]}, not {expected} as its administrator said")
        target = os.path.join(args.partners, env["ORG"])
        if os.path.isdir(target):
            old = {name: open(os.path.join(target, name), "rb").read()
                   for name in ALLOWED if os.path.isfile(os.path.join(target, name))}
            if old == files:
                print(f"   {env['NAME']} ({env['MSP_ID']}): already imported, unchanged")
                return
            if not args.replace:
                raise Refused(f"{env['ORG']} was imported before with other contents; a changed CA or endpoint "
                              "needs --replace after its administrator confirmed it")
        staged = target + ".new"
        shutil.rmtree(staged, ignore_errors=True)
        for name, data in files.items():
            os.makedirs(os.path.dirname(os.path.join(staged, name)), exist_ok=True)
            with open(os.path.join(staged, name), "wb") as f:
                f.write(data)
        shutil.rmtree(target, ignore_errors=True)
        os.rename(staged, target)
    print(f"   imported {env['NAME']} ({env['MSP_ID']}): peer {env['PEER']}, orderer {env['ORDERER']}"
          + (f", exchange node {env['EXCHANGE_NODE']}" if "EXCHANGE_NODE" in env else ""))
    print("   compare these SHA-256 fingerprints with what its administrator reads to you (phone, letter):")
    for label, value in prints.items():
        print(f"     {label:20} {value}")


def cmd_fingerprints(args):
    files = {name: open(os.path.join(args.dir, name), "rb").read() for name in ALLOWED if name != "org.env"}
    for label, value in fingerprints(files):
        print(f"     {label:20} {value}")


def pem_of(b64):
    return base64.b64decode(b64)


def cmd_check_block(args):
    block = json.load(open(args.block_json))
    group = block["data"]["data"][0]["payload"]["data"]["config"]["channel_group"]["groups"]
    expected = {}
    for spec in args.org:
        msp, ca, tlsca, consenter, peer, orderer = spec.split(",")
        expected[msp] = {"ca": open(ca, "rb").read(), "tlsca": open(tlsca, "rb").read(),
                         "consenter": open(consenter, "rb").read(), "peer": peer, "orderer": orderer}
    problems = []
    for section in ("Application", "Orderer"):
        found = set(group[section]["groups"])
        if found != set(expected):
            problems.append(f"the {section} organisations are {sorted(found)}, expected {sorted(expected)}")
    for msp, want in expected.items():
        for section in ("Application", "Orderer"):
            org = group[section]["groups"].get(msp)
            if org is None:
                continue
            config = org["values"]["MSP"]["value"]["config"]
            if config["name"] != msp:
                problems.append(f"{section}/{msp} is named {config['name']}")
            roots = [pem_of(c) for c in config.get("root_certs") or []]
            tls_roots = [pem_of(c) for c in config.get("tls_root_certs") or []]
            if roots != [want["ca"]]:
                problems.append(f"{section}/{msp}: enrolment CA is not the one imported")
            if tls_roots != [want["tlsca"]]:
                problems.append(f"{section}/{msp}: TLS CA is not the one imported")
            if not (config.get("fabric_node_ous") or {}).get("enable"):
                problems.append(f"{section}/{msp}: NodeOUs are not enabled")
        anchors = group["Application"]["groups"].get(msp, {}).get("values", {}).get("AnchorPeers", {})
        anchor_list = [f"{a['host']}:{a['port']}" for a in anchors.get("value", {}).get("anchor_peers", [])]
        if anchor_list != [want["peer"]]:
            problems.append(f"{msp}: anchor peers {anchor_list}, expected [{want['peer']}]")
        endpoints = group["Orderer"]["groups"].get(msp, {}).get("values", {}).get("Endpoints", {})
        if endpoints.get("value", {}).get("addresses", []) != [want["orderer"]]:
            problems.append(f"{msp}: orderer endpoints {endpoints.get('value', {}).get('addresses')}, "
                            f"expected [{want['orderer']}]")
    consenters = group["Orderer"]["values"]["ConsensusType"]["value"]["metadata"]["consenters"]
    seen = sorted((f"{c['host']}:{c['port']}", hashlib.sha256(pem_of(c["client_tls_cert"])).hexdigest(),
                   hashlib.sha256(pem_of(c["server_tls_cert"])).hexdigest()) for c in consenters)
    wanted = sorted((w["orderer"], hashlib.sha256(w["consenter"]).hexdigest(), hashlib.sha256(w["consenter"]).hexdigest())
                    for w in expected.values())
    if seen != wanted:
        problems.append("the Raft consenters are not each organisation's orderer with the certificate it sent")
    if problems:
        raise Refused("the genesis block does not match the public parts imported here:\n     "
                      + "\n     ".join(problems))
    print(f"   genesis block checked: {len(expected)} organisations, {len(consenters)} consenters, "
          "CA certificates, endpoints and consenter certificates as imported")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import")
    p.add_argument("bundle")
    p.add_argument("partners")
    p.add_argument("own")
    p.add_argument("catalogue")
    p.add_argument("--expect-ca")
    p.add_argument("--expect-tlsca")
    p.add_argument("--replace", action="store_true")
    p = sub.add_parser("fingerprints")
    p.add_argument("dir")
    p = sub.add_parser("check-block")
    p.add_argument("block_json")
    p.add_argument("--org", action="append", required=True)
    args = parser.parse_args()
    try:
        {"import": cmd_import, "fingerprints": cmd_fingerprints, "check-block": cmd_check_block}[args.command](args)
    except Refused as e:
        print(f"error: refused: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
