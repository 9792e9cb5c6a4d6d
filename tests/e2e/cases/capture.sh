# capture.sh - hwbom capture (sourced by run.sh): a capture of a recorded
# tree (--from, never this machine) is judged as the tree itself, as a
# directory and as a .tar.gz; only what the probes read is copied; bad
# outputs are refused; output is whole or absent.

cap() { "$hwbom" capture "$@"; }
# Every source and name from the fixtures, so both scans see the same.
cscan() {
	"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
		--pci-ids $fx/pci.ids --usb-ids $fx/usb.ids --pnp-ids $fx/pnp.ids \
		--ieee-dir $fx/ieee --as-of 2024-06-01 --name capture "$@"
}
# same_scan WHAT ROOT_A ROOT_B [ARGS]: exit status, BOM and messages of
# scan --root agree (the roots' own paths aside).
same_scan() {
	cs_what=$1 cs_a=$2 cs_b=$3
	shift 3
	cscan --root "$cs_a" "$@" >"$out/cs-a.out" 2>"$out/cs-a.err"
	cs_ra=$?
	cscan --root "$cs_b" "$@" >"$out/cs-b.out" 2>"$out/cs-b.err"
	cs_rb=$?
	for s in out err; do
		sed "s#$cs_a#ROOT#g" "$out/cs-a.$s" >"$out/cs-a.$s.n"
		# (messages name a file in an archive ARCHIVE:PATH)
		sed "s#$cs_b:#ROOT/#g; s#$cs_b#ROOT#g" "$out/cs-b.$s" >"$out/cs-b.$s.n"
	done
	if [ "$cs_ra" -eq "$cs_rb" ] && [ "$cs_ra" -le 1 ] && [ -s "$out/cs-a.out" ] &&
		cmp -s "$out/cs-a.out.n" "$out/cs-b.out.n" && cmp -s "$out/cs-a.err.n" "$out/cs-b.err.n"; then
		ok
	else
		bad "$cs_what: scan --root of the capture differs from the original (exit $cs_rb, $cs_ra)"
		diff -u "$out/cs-a.out.n" "$out/cs-b.out.n" | head -20
		diff -u "$out/cs-a.err.n" "$out/cs-b.err.n" | head -10
	fi
}

# --- round trip: several trees, as a directory and as a .tar.gz --------------
mkdir -p "$out/cap"
for t in huawei-server nics storage-mix laptop-displays spd tpm dmi-tables dmi-id \
	kunpeng-cpuinfo zhaoxin-cpuinfo empty; do
	if cap -q --from $fx/root/$t -o "$out/cap/$t" 2>"$out/cap-err"; then ok; else
		bad "capture --from $t: $(cat "$out/cap-err")"
	fi
	same_scan "$t (directory)" $fx/root/$t "$out/cap/$t"
	cap -q --from $fx/root/$t -o "$out/cap/$t.tar.gz" 2>"$out/cap-err" && ok ||
		bad "capture --from $t -o .tar.gz: $(cat "$out/cap-err")"
	same_scan "$t (tar.gz)" $fx/root/$t "$out/cap/$t.tar.gz"
done
# the archive holds one directory named after it, with the MANIFEST
if tar tzf "$out/cap/nics.tar.gz" | grep -qx "nics/MANIFEST" &&
	! tar tzf "$out/cap/nics.tar.gz" | grep -v "^nics/" | grep -q .; then ok; else
	bad "nics.tar.gz: not everything under nics/, or no nics/MANIFEST"
fi
# an archive's machine is named from SMBIOS, not after the archive: this one
# has none
xp_args="string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='name'])"
"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --as-of 2024-06-01 \
	--root "$out/cap/nics.tar.gz" -o "$out/cap-name.xml" 2>/dev/null
xp "$out/cap-name.xml" "$xp_args" "unnamed machine"
valid "$out/cap-name.xml"
# a scan of an archive leaves no unpacked copy behind
mkdir "$out/tmpdir"
TMPDIR="$out/tmpdir" cscan --root "$out/cap/nics.tar.gz" -o /dev/null 2>/dev/null
if [ -z "$(ls -A "$out/tmpdir")" ]; then ok; else bad "scan --root FILE.tar.gz left $(ls "$out/tmpdir")"; fi

# an attribute only root can read (here a directory where a file was) stays
# unread in the capture: the coverage says the same
cp -r $fx/root/dmi-id "$out/noroot"
mkdir "$out/noroot/sys/class/dmi/id/product_serial"
cap -q --from "$out/noroot" -o "$out/cap/noroot"
same_scan "dmi-id without root" "$out/noroot" "$out/cap/noroot" --probe dmi
xp "$out/cs-b.out" "$(mprop hwbom:coverage:dmi)" partial

# a file the capturing user cannot read: empty, without permissions, named
# in the MANIFEST; the scan of the capture says "not read" as the scan of
# the machine by that user does
cp -r $fx/root/dmi-id "$out/unreadable"
echo 2102310YJA10K3000123 >"$out/unreadable/sys/class/dmi/id/board_serial"
chmod 000 "$out/unreadable/sys/class/dmi/id/board_serial"
chmod 777 "$out/cap"
as_user() { if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
chmod 755 "$out"
as_user "$hwbom" capture -q --from "$out/unreadable" -o "$out/cap/unreadable" 2>"$out/cap-err" && ok ||
	bad "capture of a tree with an unreadable file: $(cat "$out/cap-err")"
if grep -qx "not-read: sys/class/dmi/id/board_serial: Permission denied" "$out/cap/unreadable/MANIFEST" &&
	[ ! -s "$out/cap/unreadable/sys/class/dmi/id/board_serial" ]; then ok; else
	bad "unreadable board_serial: not an empty file named in MANIFEST"
fi
as_user "$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --as-of 2024-06-01 \
	--probe dmi --root "$out/unreadable" -o "$out/cap/unreadable.xml" 2>/dev/null
cscan --probe dmi --root "$out/cap/unreadable" -o "$out/unreadable-cap.xml" 2>/dev/null
xp "$out/cap/unreadable.xml" "$(mprop hwbom:coverage:dmi:detail)" \
	"dmi/id attributes (no SMBIOS tables: they need root); not read: board_serial"
xp "$out/unreadable-cap.xml" "$(mprop hwbom:coverage:dmi:detail)" \
	"dmi/id attributes (no SMBIOS tables: they need root); not read: board_serial"
chmod 700 "$out"

# --- nothing but what the probes read ---------------------------------------
cp -r $fx/root/nics "$out/decoy"
mkdir -p "$out/decoy/home/alice" "$out/decoy/etc" "$out/decoy/proc" \
	"$out/decoy/sys/class/net/eth0/statistics"
echo secret >"$out/decoy/home/alice/notes"
echo decoy-host >"$out/decoy/etc/hostname"
echo "MemTotal: 1 kB" >"$out/decoy/proc/meminfo"
echo 12345 >"$out/decoy/sys/class/net/eth0/statistics/rx_bytes"
echo decoy >"$out/decoy/sys/class/net/eth0/ifalias"
cap -q --from "$out/decoy" -o "$out/cap/decoy"
same_scan "decoy tree" "$out/decoy" "$out/cap/decoy"
for f in home etc proc/meminfo sys/class/net/eth0/statistics sys/class/net/eth0/ifalias \
	sys/bus/usb/drivers/r8152/uevent sys/devices/platform/hns-0/uevent; do
	if [ -e "$out/cap/decoy/$f" ]; then bad "capture copied $f, which no probe reads"; else ok; fi
done
if grep -rq "decoy\|secret" "$out/cap/decoy"; then bad "a decoy's content is in the capture"; else ok; fi
# MAC addresses: the permanent universal ones of hardware only; not the
# bridge's, the loopback's, nor the locally administered one of wlan0
for mac in 02:11:22:33:44:55 00:00:00:00:00:00; do
	if grep -rqi "$mac" "$out/cap/decoy"; then bad "capture holds the MAC address $mac"; else ok; fi
done
for i in br0 lo; do
	if [ -e "$out/cap/decoy/sys/class/net/$i" ]; then bad "capture holds interface $i"; else ok; fi
done
if [ -s "$out/cap/decoy/sys/class/net/eth0/address" ]; then ok; else bad "eth0's permanent address not captured"; fi

# --- the MANIFEST and the PCI dump ------------------------------------------
m="$out/cap/huawei-server/MANIFEST"
for line in "hwbom-version: " "source: a recorded tree (--from)" "captured: pci 17 files" \
	"pci-dump: pci.dump, 1 function" \
	"warning: pci.dump: 0000:3b:00.0: configuration space not readable; left out"; do
	if grep -q "^$line" "$m"; then ok; else bad "MANIFEST lacks '$line'"; fi
done
if grep -qi "$(hostname)" "$m"; then bad "MANIFEST names the host"; else ok; fi
# the dump is lspci -xxx text: libpci (--pci-dump) reads it as the tree
cscan --pci-dump "$out/cap/huawei-server/pci.dump" --probe pci -o "$out/dump.xml"
xp "$out/dump.xml" "$(prop 0000:00:00.0 hwbom:id:pci.vendor)" 19e5
xp "$out/dump.xml" "$(prop 0000:00:00.0 hwbom:id:pci.class)" 060400
# --root of a tree without sys/bus/pci reads its pci.dump
cp -r "$out/cap/huawei-server" "$out/dumponly"
rm -rf "$out/dumponly/sys/bus/pci"
cscan --root "$out/dumponly" --probe pci -o "$out/dumponly.xml"
xp "$out/dumponly.xml" "$(mprop hwbom:coverage:pci:detail)" "lspci -x dump"
xp "$out/dumponly.xml" "$(prop 0000:00:00.0 hwbom:id:pci.device)" "$(xmllint --xpath "$(prop 0000:00:00.0 hwbom:id:pci.device)" "$out/dump.xml")"

# --- bad outputs: exit 2, nothing written ------------------------------------
runner=cap
check capture-no-output 2 --from $fx/root/nics
check capture-nonempty 2 --from $fx/root/nics -o $fx/root/nics
check capture-onto-file 2 --from $fx/root/nics -o $fx/pci.ids
check capture-bz2 2 --from $fx/root/nics -o $fx/root/nics.tar.bz2
check capture-no-parent 2 --from $fx/root/nics -o $fx/no-such-dir/capture
check capture-no-from 2 --from $fx/root/no-such -o $fx/no-such-dir/capture
check capture-help 0 --help
runner=scan
# a capture that cannot be written whole (files limited to 512 bytes: the
# SMBIOS table is 1079) leaves no output and no temporary behind
capsmall() { (trap '' XFSZ && ulimit -f 1 && exec "$hwbom" capture "$@"); }
for o in atomic atomic.tar.gz; do
	capsmall -q --from $fx/root/dmi-tables -o "$out/cap/$o" 2>"$out/cap-err"
	if [ $? -eq 2 ] && [ ! -e "$out/cap/$o" ] && ! ls "$out/cap" | grep -q "^$o\."; then ok; else
		bad "failed capture -o $o: status, or output or temporary left: $(ls "$out/cap" | grep "^atomic")"
	fi
done
# an empty directory is filled; it stays when the capture fails
mkdir "$out/cap/was-empty" "$out/cap/stays-empty"
cap -q --from $fx/root/nics -o "$out/cap/was-empty" && [ -f "$out/cap/was-empty/MANIFEST" ] && ok ||
	bad "capture into an empty directory"
capsmall -q --from $fx/root/dmi-tables -o "$out/cap/stays-empty" 2>/dev/null
[ -d "$out/cap/stays-empty" ] && [ -z "$(ls -A "$out/cap/stays-empty")" ] && ok ||
	bad "a failed capture changed the empty output directory"

# --- hostile archives for scan --root -------------------------------------
mkdir -p "$out/evil/x/sys/class"
ln -s /sys/class/net "$out/evil/x/sys/class/net"
tar czf "$out/evil.tar.gz" -C "$out/evil" x
cscan --root "$out/evil.tar.gz" -o "$out/evil.xml" 2>"$out/err"
if [ $? -eq 2 ] && [ ! -e "$out/evil.xml" ] &&
	grep -q 'link "x/sys/class/net" -> "/sys/class/net" leads out of the capture' "$out/err"; then ok; else
	bad "an archive with a link to the host's /sys: $(cat "$out/err")"
fi
rm -rf "$out/evil" && mkdir -p "$out/evil/x/sys"
ln -s ../../../../etc "$out/evil/x/sys/class"
tar czf "$out/evil.tar.gz" -C "$out/evil" x
cscan --root "$out/evil.tar.gz" -o "$out/evil.xml" 2>"$out/err"
if [ $? -eq 2 ] && grep -q "leads out of the capture" "$out/err"; then ok; else
	bad "an archive with a link above its root: $(cat "$out/err")"
fi
# each link inside on its own, out together: x/l is t, y two levels above
rm -rf "$out/evil" "$out/evil.xml" && mkdir -p "$out/evil/t/x"
ln -s .. "$out/evil/t/x/l"
ln -s x/l/../.. "$out/evil/t/y"
tar czf "$out/evil.tar.gz" -C "$out/evil" t
cscan --root "$out/evil.tar.gz" -o "$out/evil.xml" 2>"$out/err"
if [ $? -eq 2 ] && grep -q 'link "t/y" -> "x/l/../.." leads out of the capture' "$out/err"; then ok; else
	bad "an archive whose links together lead out: $(cat "$out/err")"
fi
rm -f "$out/evil.xml"
printf 'not an archive\n' >"$out/notar.tar.gz"
cscan --root "$out/notar.tar.gz" -o "$out/evil.xml" 2>"$out/err"
if [ $? -eq 2 ] && [ ! -e "$out/evil.xml" ] && grep -q "notar.tar.gz: " "$out/err"; then ok; else
	bad "--root of a file that is no archive: $(cat "$out/err")"
fi
# a truncated archive: an error naming the archive, not a crash (the fuzz
# target found a use after free in this message)
head -c 1000 "$out/cap/nics.tar.gz" >"$out/trunc.tar.gz"
cscan --root "$out/trunc.tar.gz" -o "$out/evil.xml" 2>"$out/err"
if [ $? -eq 2 ] && [ ! -e "$out/evil.xml" ] && grep -q "^hwbom: $out/trunc.tar.gz: " "$out/err"; then ok; else
	bad "--root of a truncated archive: $(cat "$out/err")"
fi
