#!/usr/bin/env python3
"""population-check.py - how the origin database does on real machines.

A report, not a test (`make population-check`; not part of `make test`):
nothing of the population goes into the project.

    population-check.py [--hwbom ./hwbom] --dmi DIR [--n 2000] [--seed 11]
                        [--pop README.md] [--top 30] [--jobs 2]
                        [--unresolved-out FILE] [--unresolved-top 200]

--dmi DIR is a folder of dmidecode text files (one machine each, searched
recursively) or a git repository (bare or not) holding them, such as the
linuxhw/DMI collection, read through `git cat-file`. N of them are drawn at
random with the seed (the same seed, the same machines), each is scanned
with `hwbom scan --dmidecode FILE` (--jobs at a time), and the report gives:

- the exit statuses and the machines' verdicts;
- per role, the maker strings that resolved to an entity, those that are
  placeholders (a string firmware leaves where a name belongs, by the list
  in vendor-db/data/placeholders.db, which this script reads: nothing else
  counts as a placeholder), and those that name a maker the database does
  not know;
- the share of machines whose every named maker resolved;
- the most frequent unresolved strings per role (--top each; with
  --unresolved-out, --unresolved-top each are written to FILE too);
- with --pop FILE (the README.md of linuxhw/DevicePopulation: markdown
  tables of PCI devices with counts), the PCI device population whose chip
  vendor the database resolves (`hwbom db lookup pci:XXXX`), weighted by
  the device counts, and the missing vendor ids, most devices first.

Python 3 standard library only.
"""

import argparse
import collections
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# The roles an SMBIOS maker string proves (DESIGN.md section 5).
NAME_NOISE = {
    "co", "ltd", "inc", "incorporated", "corp", "corporation", "company",
    "limited", "llc", "gmbh", "ag", "sa", "sas", "spa", "plc", "bv", "nv",
    "kk", "pte", "pty", "the", "group", "technologies", "technology",
    "holding", "holdings", "international", "intl", "r", "tm",
}


def name_key(s):
    """The key vendor-db/names.c matches names by (name_key())."""
    words = re.split(r"[^a-z0-9]+", s.lower())
    return " ".join(w for w in words if w and w not in NAME_NOISE)


def unquote(tok):
    if len(tok) >= 2 and tok[0] == '"' and tok[-1] == '"':
        return re.sub(r'\\(["\\])', r"\1", tok[1:-1])
    return tok


def load_placeholders(path):
    """The keys of the strings vendor-db/data/placeholders.db lists
    (`placeholder "STRING" src=...`), and the file's line of each."""
    keys = {}
    if not os.path.exists(path):
        return keys
    tok = re.compile(r'"(?:[^"\\]|\\.)*"|\S+')
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            t = tok.findall(line)
            if len(t) >= 2 and t[0] == "placeholder":
                keys[name_key(unquote(t[1])).replace(" ", "")] = n
    return keys


def list_files(dmi):
    """(reader, names): the dmidecode files of a folder or a git repository."""
    git = None
    if os.path.isdir(os.path.join(dmi, "objects")) and os.path.exists(os.path.join(dmi, "HEAD")):
        git = dmi
    elif os.path.isdir(os.path.join(dmi, ".git")):
        git = dmi
    if git:
        out = subprocess.run(["git", "-C", git, "ls-tree", "-r", "-z", "--name-only", "HEAD"],
                             check=True, capture_output=True).stdout
        names = [n.decode("utf-8", "surrogateescape") for n in out.split(b"\0") if n]
        names = [n for n in names if not os.path.basename(n).startswith(("README", "LICENSE", "."))]
        return ("git", git), sorted(names)
    names = []
    for root, dirs, files in os.walk(dmi):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith("."):
                names.append(os.path.relpath(os.path.join(root, f), dmi))
    return ("dir", dmi), sorted(names)


def extract(reader, names, tmp):
    """Paths of the sampled files on disk (a git repository's, written out
    under tmp through one `git cat-file --batch`)."""
    kind, where = reader
    if kind == "dir":
        return [os.path.join(where, n) for n in names]
    paths = []
    p = subprocess.Popen(["git", "-C", where, "cat-file", "--batch"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for i, n in enumerate(names):
        p.stdin.write(("HEAD:" + n + "\n").encode("utf-8", "surrogateescape"))
        p.stdin.flush()
        head = p.stdout.readline().split()
        path = os.path.join(tmp, "m%05d.txt" % i)
        if len(head) == 3:
            size = int(head[2])
            data = p.stdout.read(size)
            p.stdout.read(1)
            with open(path, "wb") as f:
                f.write(data)
        paths.append(path)
    p.stdin.close()
    p.wait()
    return paths


def local(tag):
    return tag.rsplit("}", 1)[-1]


def props(el):
    """The hwbom: properties of one component (or of the metadata)."""
    out = []
    for ps in el:
        if local(ps.tag) == "properties":
            for p in ps:
                if local(p.tag) == "property":
                    out.append((p.get("name", ""), p.text or ""))
    return out


def scan_one(hwbom, path, as_of):
    cmd = [hwbom, "scan", "--dmidecode", path, "-q"]
    if as_of:
        cmd += ["--as-of", as_of]
    r = subprocess.run(cmd, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


ROLE_RE = re.compile(r"^hwbom:origin:([a-z-]+)$")


def attributions(xml):
    """(machine verdict, [(role, entity or None, maker string)])."""
    root = ET.fromstring(xml)
    verdict = "?"
    found = []
    for el in root.iter():
        t = local(el.tag)
        if t == "metadata":
            for n, v in props(el):
                if n == "hwbom:verdict":
                    verdict = v
        if t != "component":
            continue
        ps = props(el)
        d = dict(ps)
        for n, v in ps:
            m = ROLE_RE.match(n)
            if not m:
                continue
            role = m.group(1)
            key = d.get(n + ":key", "")
            if key == "none":  # no string at all (dmidecode's "Not Specified")
                s = ""
            elif key.startswith("smbios.manufacturer:"):
                s = key.split(":", 1)[1]
            else:
                s = d.get("hwbom:id:smbios.manufacturer", key)
            found.append((role, None if v == "unknown" else v, s))
    return verdict, found


def pci_coverage(hwbom, pop, top, out):
    text = open(pop, encoding="utf-8", errors="replace").read()
    row = re.compile(r"^\|\s*pci:([0-9a-fA-F]{4})-[0-9a-fA-F]{4}\s*\|\s*([^|]*?)\s*\|[^|]*\|\s*(\d+)\s*\|", re.M)
    count = collections.Counter()
    mfg = {}
    for v, name, c in row.findall(text):
        v = v.lower()
        count[v] += int(c)
        mfg.setdefault(v, name)
    known = set()
    ids = sorted(count)
    for i in range(0, len(ids), 200):
        r = subprocess.run([hwbom, "db", "lookup"] + ["pci:" + v for v in ids[i:i + 200]],
                           capture_output=True, text=True)
        cur = None
        for line in r.stdout.splitlines():
            if line.startswith("pci:"):
                cur = line[4:].strip()
            elif line.startswith("  entity") and cur:
                known.add(cur)
    total = sum(count.values())
    have = sum(c for v, c in count.items() if v in known)
    missing = sorted((v for v in count if v not in known), key=lambda v: (-count[v], v))
    out.append("")
    out.append("== PCI device population (%s) ==" % os.path.basename(pop))
    out.append("devices %d, vendor ids %d; chip vendor resolved: %d devices (%.2f %%), %d vendor ids; missing %d vendor ids (%d devices)"
               % (total, len(count), have, 100.0 * have / total if total else 0, len(known),
                  len(missing), total - have))
    out.append("missing vendor ids, most devices first (top %d):" % top)
    for v in missing[:top]:
        out.append("  %7d  pci:%s  %s" % (count[v], v, mfg[v]))


def pct(a, b):
    return "%.1f %%" % (100.0 * a / b) if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hwbom", default="./hwbom")
    ap.add_argument("--dmi", required=True)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", default="11")
    ap.add_argument("--pop")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--as-of")
    ap.add_argument("--datadir", default=None,
                    help="where placeholders.db is (default: the vendor-db/ beside --hwbom)")
    ap.add_argument("--unresolved-out")
    ap.add_argument("--unresolved-top", type=int, default=200)
    a = ap.parse_args()

    if a.pop and not os.path.isfile(a.pop):
        sys.exit("population-check: %s: no such file (--pop, POP=)" % a.pop)
    hwbom = os.path.abspath(a.hwbom)
    datadir = a.datadir or os.path.join(os.path.dirname(hwbom), "vendor-db")
    ph = load_placeholders(os.path.join(datadir, "data", "placeholders.db"))
    reader, names = list_files(a.dmi)
    if not names:
        sys.exit("population-check: no files in %s" % a.dmi)
    sample = random.Random(a.seed).sample(names, min(a.n, len(names)))
    tmp = tempfile.mkdtemp(prefix="hwbom-pop.")
    try:
        paths = extract(reader, sample, tmp)
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            results = list(ex.map(lambda p: scan_one(hwbom, p, a.as_of), paths))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    status = collections.Counter()
    verdicts = collections.Counter()
    refused = []
    warned = collections.Counter()
    roles = collections.defaultdict(lambda: collections.Counter())
    unresolved = collections.defaultdict(collections.Counter)
    placeholders = collections.defaultdict(collections.Counter)
    all_named = 0
    scanned = 0
    for name, (rc, out, err) in zip(sample, results):
        status[rc] += 1
        for line in err.splitlines():
            m = re.search(r"warning: (?:[a-z]+: )?(?:[^:]*:\d+: )?(.*)", line)
            if m:
                warned[re.sub(r"0x[0-9a-fA-F]+|\"[^\"]*\"|\d+", "N", m.group(1))[:90]] += 1
        if rc not in (0, 1) or not out:
            refused.append((name, err.strip().splitlines()[-1] if err.strip() else "(no message)"))
            continue
        try:
            verdict, found = attributions(out)
        except ET.ParseError as e:
            refused.append((name, "output is not XML: %s" % e))
            continue
        scanned += 1
        verdicts[verdict] += 1
        ok = True
        for role, ent, s in found:
            if ent:
                roles[role]["resolved"] += 1
            elif name_key(s).replace(" ", "") in ph or not name_key(s):
                roles[role]["placeholder"] += 1
                placeholders[role][s] += 1
            else:
                roles[role]["unresolved"] += 1
                unresolved[role][s] += 1
                ok = False
        all_named += ok

    o = []
    o.append("population-check: %d of %d machines of %s (seed %s), scanned with %s"
             % (len(sample), len(names), a.dmi, a.seed, a.hwbom))
    o.append("placeholder list: %d strings (%s)" % (len(ph), os.path.join(datadir, "data", "placeholders.db")))
    o.append("")
    o.append("== exit statuses ==")
    for rc in sorted(status):
        o.append("  exit %d: %d (%s)" % (rc, status[rc], pct(status[rc], len(sample))))
    if refused:
        o.append("refused or failed (first 10 of %d):" % len(refused))
        for n, why in refused[:10]:
            o.append("  %s: %s" % (n, why))
    if warned:
        o.append("warnings (kinds, most frequent first, top 10):")
        for w, c in warned.most_common(10):
            o.append("  %6d  %s" % (c, w))
    o.append("")
    o.append("== verdicts (%d machines scanned) ==" % scanned)
    for v, c in verdicts.most_common():
        o.append("  %-8s %d (%s)" % (v, c, pct(c, scanned)))
    o.append("")
    o.append("== maker strings per role (resolved = share of those that name a maker) ==")
    tot = collections.Counter()
    for role in sorted(roles):
        r = roles[role]
        named = r["resolved"] + r["unresolved"]
        tot.update(r)
        o.append("  %-18s strings %6d  placeholders %5d  naming a maker %6d  resolved %6d (%s)"
                 % (role, named + r["placeholder"], r["placeholder"], named, r["resolved"],
                    pct(r["resolved"], named)))
    named = tot["resolved"] + tot["unresolved"]
    o.append("  %-18s strings %6d  placeholders %5d  naming a maker %6d  resolved %6d (%s)"
             % ("all roles", named + tot["placeholder"], tot["placeholder"], named, tot["resolved"],
                pct(tot["resolved"], named)))
    o.append("machines whose every named maker resolved: %d of %d (%s)" % (all_named, scanned, pct(all_named, scanned)))

    def tops(k):
        lines = []
        for role in sorted(unresolved):
            lines.append("-- %s (%d strings, %d distinct) --" % (role, sum(unresolved[role].values()), len(unresolved[role])))
            for s, c in unresolved[role].most_common(k):
                lines.append("  %6d  %s" % (c, s))
        return lines

    o.append("")
    o.append("== most frequent unresolved strings per role (top %d) ==" % a.top)
    o += tops(a.top)
    o.append("")
    o.append("== most frequent placeholders per role (top 10) ==")
    for role in sorted(placeholders):
        o.append("-- %s --" % role)
        for s, c in placeholders[role].most_common(10):
            o.append("  %6d  %s" % (c, s))
    if a.pop:
        pci_coverage(hwbom, a.pop, a.top, o)
    print("\n".join(o))
    if a.unresolved_out:
        with open(a.unresolved_out, "w", encoding="utf-8") as f:
            f.write("# unresolved maker strings per role, top %d, from: %s\n" % (a.unresolved_top, o[0]))
            f.write("\n".join(tops(a.unresolved_top)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
