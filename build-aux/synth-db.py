#!/usr/bin/env python3
"""synth-db.py FACTOR SRC_DATADIR OUT_DATADIR - a synthetic database FACTOR
times the size of SRC_DATADIR (a vendor-db/ folder: data/ and policies/),
for `make bench`: every record of data/*.db is kept, and FACTOR-1 renamed
copies of each are added (entity, source ids and names get a suffix; pci
and usb keys take hex values no other record has; other keys a suffix), so
the loader meets the same mix of records, names, ownership chains and
identifier maps, FACTOR times over. The policies are copied as they are.
Nothing here is a fact: the output is for timing only.

Python 3 standard library only.
"""

import os
import re
import shutil
import sys

TOKEN = re.compile(r'(?:[^\s"]|"(?:[^"\\]|\\.)*")+')
ATTR = re.compile(r'^[a-z_]+=')


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[0])
    factor, src, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    data = os.path.join(src, "data")
    files = sorted(f for f in os.listdir(data) if f.endswith(".db"))
    recs = {}
    used = set()
    for f in files:
        lines = []
        with open(os.path.join(data, f), encoding="utf-8") as fh:
            for line in fh:
                t = TOKEN.findall(line)
                if not t or t[0].startswith("#"):
                    continue
                lines.append(t)
                if t[0] == "id" and re.match(r'^(pci|usb):[0-9a-f]{4}$', t[1]):
                    used.add(t[1])
        recs[f] = lines
    fresh = {}

    def hexkey(key, k):
        ns, v = key.split(":")
        n = (int(v, 16) + 0x2f1 * k) % 0x10000
        while "%s:%04x" % (ns, n) in used:
            n = (n + 1) % 0x10000
        new = "%s:%04x" % (ns, n)
        used.add(new)
        fresh[(key, k)] = new
        return new

    def suffix(tok, k):
        return tok if k == 0 else tok + "-s%d" % k

    def quoted_suffix(tok, k):
        if k == 0:
            return tok
        if tok.startswith('"'):
            return tok[:-1] + " s%d\"" % k
        return tok + "-s%d" % k

    def attr(tok, k):
        key, _, val = tok.partition("=")
        if key == "src":
            return "src=" + ",".join(suffix(s, k) for s in val.split(","))
        if key == "name" and k:
            return "name=" + (val[:-1] + ' s%d"' % k if val.startswith('"') else val + "-s%d" % k)
        return tok

    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "data"))
    shutil.copytree(os.path.join(src, "policies"), os.path.join(out, "policies"))
    for f in files:
        with open(os.path.join(out, "data", f), "w", encoding="utf-8") as o:
            o.write("# synthetic: %d x %s (build-aux/synth-db.py); for timing only\n" % (factor, f))
            for k in range(factor):
                for t in recs[f]:
                    v = t[0]
                    pos = [x for x in t[1:] if not ATTR.match(x)]
                    kv = [x for x in t[1:] if ATTR.match(x)]
                    if v in ("source", "entity"):
                        pos[0] = suffix(pos[0], k)
                    elif v == "alias":
                        pos[0] = suffix(pos[0], k)
                        pos[1] = quoted_suffix(pos[1], k)
                    elif v == "list":
                        pos[0] = suffix(pos[0], k)
                    elif v == "owner":
                        pos[0], pos[1] = suffix(pos[0], k), suffix(pos[1], k)
                    elif v == "id":
                        if k:
                            key = pos[0].strip('"')
                            if re.match(r'^(pci|usb):[0-9a-f]{4}$', key):
                                pos[0] = fresh.get((key, k)) or hexkey(key, k)
                            else:
                                pos[0] = '"%s-s%d"' % (key.replace('"', ''), k)
                        pos[1] = suffix(pos[1], k)
                    elif v in ("placeholder", "model"):
                        if k:
                            pos[0] = quoted_suffix(pos[0], k)
                        if v == "model" and len(pos) > 1:
                            pos[1] = suffix(pos[1], k)
                    o.write(" ".join([v] + pos + [attr(x, k) for x in kv]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
