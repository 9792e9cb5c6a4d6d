#!/bin/sh
# bench.sh HWBOM - the timings of the foundation issue, side by side in one
# run on this machine:
#   1. hwbom scan of the live machine (to /dev/null) against lshw -xml and
#      lspci -nnvmm;
#   2. hwbom scan --pci-dump of synthetic lspci -xxx dumps of 1,024 and 4,096
#      functions (growth should be linear);
#   3. where the time goes: callgrind's instruction counts on the 4,096 dump;
#   4. the USB probe on a recorded tree of 64 devices (umockdev), through
#      libusb and as a captured tree, beside lsusb and lsusb -v;
#   6. hwbom check of 1,000 and 10,000 saved BOMs of a 200-component
#      machine: files per second and peak memory (section 5, the database,
#      is the Makefile's);
#   7. hwbom check of one BOM of 100,000 components (time, peak memory and
#      memory per component), of one past the bound (refused), and hwbom
#      diff of two 100,000-component BOMs with 10% moved.
# Needs hyperfine, lshw, pciutils, valgrind, usbutils and umockdev
# (build-aux/deps.sh bench).
set -eu

hwbom=${1:?usage: $0 HWBOM}
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/build-aux/deps.sh" bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scan="$hwbom scan --datadir $top/vendor-db -q --fail-on never"

# An lspci -xxx dump of N functions: 16 buses of 32 devices of 8 functions,
# cycling through real vendor/device/subsystem IDs.
mkdump() {
	awk -v n="$1" '
	function h2(s) { return (index("0123456789abcdef", substr(s, 1, 1)) - 1) * 16 + index("0123456789abcdef", substr(s, 2, 1)) - 1 }
	BEGIN {
		split("8086 1521 17aa 1074|19e5 1822 19e5 d139|10de 1cb3 1028 11be|144d a808 144d a801|8086 1572 19e5 d11c|10ec 8168 1043 8677", ids, "|")
		for (i = 0; i < n; i++) {
			split(ids[i % 6 + 1], id, " ")
			printf "0000:%02x:%02x.%d Device\n", int(i / 256), int(i / 8) % 32, i % 8
			for (off = 0; off < 256; off += 16) {
				printf "%02x:", off
				for (b = off; b < off + 16; b++) {
					v = 0
					if (b == 0) v = h2(substr(id[1], 3, 2))
					if (b == 1) v = h2(substr(id[1], 1, 2))
					if (b == 2) v = h2(substr(id[2], 3, 2))
					if (b == 3) v = h2(substr(id[2], 1, 2))
					if (b == 11) v = 2
					if (b == 44) v = h2(substr(id[3], 3, 2))
					if (b == 45) v = h2(substr(id[3], 1, 2))
					if (b == 46) v = h2(substr(id[4], 3, 2))
					if (b == 47) v = h2(substr(id[4], 1, 2))
					printf " %02x", v
				}
				printf "\n"
			}
			printf "\n"
		}
	}'
}
mkdump 1024 >"$tmp/1024.dump"
mkdump 4096 >"$tmp/4096.dump"
echo "machine: $(nproc) cores, $(lspci | wc -l) PCI functions live; $(uname -r)"
echo

echo "== 1. the live machine =="
hyperfine -N --warmup 3 --runs 30 --export-markdown "$tmp/live.md" \
	"$scan -o /dev/null" "lshw -xml" "lspci -nnvmm" >/dev/null
cat "$tmp/live.md"
echo

echo "== 2. synthetic dumps =="
hyperfine -N --warmup 2 --runs 15 --export-markdown "$tmp/dump.md" \
	"$scan --pci-dump $tmp/1024.dump -o /dev/null" \
	"$scan --pci-dump $tmp/4096.dump -o /dev/null" \
	"lspci -F $tmp/4096.dump -nn" >/dev/null
sed "s|$tmp/||g" "$tmp/dump.md"
echo

echo "== 3. where the time goes (callgrind, 4,096 functions) =="
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
	$scan --pci-dump "$tmp/4096.dump" -o /dev/null >/dev/null 2>&1
callgrind_annotate --inclusive=yes "$tmp/cg.out" 2>/dev/null |
	grep -E "PROGRAM TOTALS|^ *[0-9,]+ \([ 0-9.]+%\)" | head -25

echo
echo "== 4. USB: 64 recorded devices (tests/fixtures/usb/many-64.umockdev) =="
# one umockdev-run around hyperfine: setting up the testbed takes seconds
umockdev-run --device "$top/tests/fixtures/usb/many-64.umockdev" -- sh -c '
	hyperfine -N --warmup 3 --runs 30 --export-markdown "$1/usb.md" \
		"$2 --probe usb -o /dev/null" \
		"$2 --probe usb --root $UMOCKDEV_DIR -o /dev/null" \
		"lsusb" "lsusb -v" >/dev/null 2>&1' sh "$tmp" "$scan"
sed "s|/tmp/umockdev\.[A-Za-z0-9]*|\$UMOCKDEV_DIR|g" "$tmp/usb.md"

echo
echo "== 6. hwbom check: saved BOMs of a 200-component machine =="
# one BOM, hard-linked 10,000 times: each is read, judged and (-o) written
mkdump 200 >"$tmp/200.dump"
$scan --pci-dump "$tmp/200.dump" -o "$tmp/m200.xml"
mkdir "$tmp/boms"
perl -e 'for (1 .. 10000) { link($ARGV[0], sprintf("%s/m%05d.xml", $ARGV[1], $_)) or die "$!\n" }' \
	"$tmp/m200.xml" "$tmp/boms"
echo "one BOM: $(grep -c '<component type="device"' "$tmp/m200.xml") components, $(wc -c <"$tmp/m200.xml") bytes; $(nproc) jobs"
check="$hwbom check --datadir $top/vendor-db -q --fail-on never"
# timed N LABEL ARGS...: elapsed time, files per second and peak memory
timed() {
	n=$1 label=$2
	shift 2
	/usr/bin/time -f "%e %M" -o "$tmp/time" $check "$@" >/dev/null
	awk -v n="$n" -v l="$label" '{ printf "%6d BOMs, %-13s %6.2f s  %6.0f BOMs/s  peak RSS %d KB\n", n, l, $1, n / $1, $2 }' "$tmp/time"
}
for n in 1000 10000; do
	if [ "$n" -eq 1000 ]; then set -- "$tmp"/boms/m00*.xml "$tmp/boms/m01000.xml"; else set -- "$tmp"/boms/m*.xml; fi
	timed "$n" "summary only" "$@"
	timed "$n" "--in-place" --in-place "$@" # unchanged: compared, not rewritten
	rm -rf "$tmp/out"
	timed "$n" "written (-o)" -o "$tmp/out" "$@"
done

echo
echo "== 7. big BOMs: memory per component, a bound, and diff by hash =="
# synthetic BOMs of memory modules (build-aux/mkbom.sh): one of 100,000
# components checked (time, peak RSS, RSS per component); one of 100,001,
# past the bound, refused; two of 100,000 with 10% moved, diffed
mk="$top/build-aux/mkbom.sh"
"$mk" 100000 >"$tmp/c100k.xml"
"$mk" 100000 10 >"$tmp/c100k-moved.xml"
"$mk" 100001 >"$tmp/c100k1.xml"
big() {
	label=$1 n=$2
	shift 2
	rc=0
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/big.err" || rc=$?
	awk -v l="$label" -v n="$n" -v rc="$rc" '{ printf "%-34s %6.2f s  peak RSS %7d KB  %5.2f KB/component  exit %d\n", l, $1, $2, $2 / n, rc }' "$tmp/time"
}
big "check, 100,000 components" 100000 $check "$tmp/c100k.xml"
big "check, 100,001 (refused)" 100001 $check "$tmp/c100k1.xml"
sed 's/^/  /' "$tmp/big.err"
big "diff, 2 x 100,000, 10% moved" 200000 "$hwbom" diff "$tmp/c100k.xml" "$tmp/c100k-moved.xml"
