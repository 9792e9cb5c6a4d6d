#!/usr/bin/env python3
"""hostile-archives.py OUTDIR CANARY TMPDIR - write the hostile capture
archives of tests/e2e/cases/hostile-archives.sh into OUTDIR.

Every archive holds one top directory x/ (as hwbom capture writes them) and
tries to make `hwbom scan --root ARCHIVE` read the directory CANARY, a
sysfs-like dmi/id directory of the machine that judges (its files say
CANARY-HOST), or to exhaust it; TMPDIR is the $TMPDIR of the scans, a
sibling of CANARY's parent (one case climbs to it). One archive a line of CASES: its name and
what it tries. Each must be refused or contained; none may leave anything
in $TMPDIR.

Made with Python's tarfile (pax format: names and links of any length), so
the test needs no archive fixtures in the tree.
"""
import io
import os
import sys
import tarfile

CASES = """\
detour      relative links through directories whose full path passes PATH_MAX, then up and out
padded      links whose resolution's text passes PATH_MAX, then up and out
absolute    a link to the canary by its absolute name
climb       a link that climbs out with ../..
together    links each inside alone (d/up is x/), out together: d/up/../..
loop        two links that point at each other
hardlink    a hard link to the canary's file by its absolute name
device      a character device (1,5: /dev/zero) where a sysfs attribute is
fifo        a FIFO where a sysfs attribute is
bomb-size   a file whose header says 1 TiB
bomb-ratio  20 MiB of zeros (20 KiB compressed)
bomb-count  60,000 empty files
"""

LONG = 200   # bytes of one directory name of the detour
LEVELS = 22  # of them: 22 * 201 bytes pass PATH_MAX (4096)
PAD = 1400   # bytes of "./" in each of the detour's three links
TMPDIR = None


def entry(name, kind=tarfile.REGTYPE, **kw):
    ti = tarfile.TarInfo(name)
    ti.type = kind
    ti.mode = 0o755 if kind == tarfile.DIRTYPE else 0o644
    ti.mtime = 0
    for k, v in kw.items():
        setattr(ti, k, v)
    return ti


def dirs(t, path):
    """Add the directories of path (a/b/c: a, a/b, a/b/c)."""
    parts = path.split("/")
    for i in range(1, len(parts) + 1):
        t.addfile(entry("/".join(parts[:i]), tarfile.DIRTYPE))


def link(t, name, target):
    t.addfile(entry(name, tarfile.SYMTYPE, linkname=target))


def data(t, name, body):
    t.addfile(entry(name, size=len(body)), io.BytesIO(body))


def sysfs(t):
    """The start of a capture: x/sys/class/dmi/ (its id/ the attack's)."""
    dirs(t, "x/sys/class/dmi")


def detour(t, canary):
    # As the red-team review made it. x/p/U -> ../.. is the capture's root,
    # so U/../.. is two levels above it: $TMPDIR's parent, where the test
    # keeps the canary. The link the dmi probe reads leads to E, 11 long
    # directories down, which goes down 11 more (past PATH_MAX), back up
    # 22 to x/, then to p/U/../.. and down to the canary. Every link's name
    # and target stay inside; realpath() of each link that leads out fails
    # with ENAMETOOLONG on the way down, which the old check took for a
    # dead link, while the kernel follows them to the host. Unpacking also
    # leaves directories too deep for nftw() to remove.
    names = ["D%d" % i + "d" * (LONG - 2 - len(str(i))) for i in range(1, LEVELS + 1)]
    half = LEVELS // 2
    near = os.path.relpath(canary, os.path.dirname(TMPDIR))
    sysfs(t)
    dirs(t, "x/p")
    link(t, "x/p/U", "../..")
    mid = "x/" + "/".join(names[:half])
    dirs(t, mid)
    link(t, "x/sys/class/dmi/id", "../../../" + "/".join(names[:half]) + "/E")
    link(t, mid + "/E", "/".join(names[half:]) + "/" + "../" * LEVELS + "p/U/../../" + near)
    path = mid
    for n in names[half:]:
        path += "/" + n
        t.addfile(entry(path, tarfile.DIRTYPE))


def padded(t, canary):
    # the same climb through U, with links padded with "./" so that the
    # text of a resolution passes PATH_MAX
    sysfs(t)
    dirs(t, "x/p")
    pad = "./" * (PAD // 2)
    near = os.path.relpath(canary, os.path.dirname(TMPDIR))
    link(t, "x/p/U", "../..")
    link(t, "x/p/B", "U/../../" + near + "/" + pad)
    link(t, "x/p/A", "B/" + pad)
    link(t, "x/sys/class/dmi/id", "../../../p/A/" + pad)


def absolute(t, canary):
    sysfs(t)
    link(t, "x/sys/class/dmi/id", canary)


def climb(t, canary):
    sysfs(t)
    link(t, "x/sys/class/dmi/id", "../" * 64 + canary.lstrip("/"))


def together(t, canary):
    # x/d/up -> ../.. is the capture's root; lexically x/sys/class/dmi/ +
    # ../../../d/up/../.. stays at x/, in fact it is two levels above the
    # root: $TMPDIR's parent, where the test keeps the canary
    sysfs(t)
    dirs(t, "x/d")
    link(t, "x/d/up", "../..")
    near = os.path.relpath(canary, os.path.dirname(TMPDIR))
    link(t, "x/sys/class/dmi/id", "../../../d/up/../../" + near)


def loop(t, canary):
    sysfs(t)
    link(t, "x/sys/class/dmi/id", "a")
    link(t, "x/sys/class/dmi/a", "id")


def hardlink(t, canary):
    dirs(t, "x/sys/class/dmi/id")
    t.addfile(entry("x/sys/class/dmi/id/sys_vendor", tarfile.LNKTYPE,
                    linkname=os.path.join(canary, "sys_vendor")))


def device(t, canary):
    dirs(t, "x/sys/class/dmi/id")
    t.addfile(entry("x/sys/class/dmi/id/sys_vendor", tarfile.CHRTYPE, devmajor=1, devminor=5))


def fifo(t, canary):
    dirs(t, "x/sys/class/dmi/id")
    t.addfile(entry("x/sys/class/dmi/id/sys_vendor", tarfile.FIFOTYPE))


def bomb_size(t, canary):
    # only the header: its size field says 1 TiB, no data follows
    dirs(t, "x/sys/firmware/dmi/tables")
    ti = entry("x/sys/firmware/dmi/tables/DMI", size=1 << 40)
    buf = ti.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")
    t.fileobj.write(buf)
    t.offset += len(buf)


def bomb_ratio(t, canary):
    dirs(t, "x/sys")

    t.addfile(entry("x/junk", size=20 << 20), io.BytesIO(bytes(20 << 20)))


def bomb_count(t, canary):
    # ustar headers made by hand: tarfile's addfile() would take seconds
    dirs(t, "x/sys")
    head = entry("x/e00000").tobuf(tarfile.USTAR_FORMAT, "utf-8", "strict")
    for i in range(60000):
        h = bytearray(head)
        h[0:8] = b"x/e%05d" % i
        h[148:156] = b" " * 8
        h[148:156] = b"%06o\0 " % sum(h)
        t.fileobj.write(h)
        t.offset += len(h)


def main():
    global TMPDIR
    if len(sys.argv) != 4:
        sys.exit("usage: hostile-archives.py OUTDIR CANARY TMPDIR")
    out, canary = sys.argv[1], os.path.abspath(sys.argv[2])
    TMPDIR = os.path.abspath(sys.argv[3])
    for line in CASES.splitlines():
        name = line.split()[0]
        make = globals()[name.replace("-", "_")]
        with tarfile.open(os.path.join(out, name + ".tar.gz"), "w:gz",
                          format=tarfile.PAX_FORMAT, compresslevel=6) as t:
            make(t, canary)


if __name__ == "__main__":
    main()
