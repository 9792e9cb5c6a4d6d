# --- hwbom check: saved BOMs judged anew ---------------------------------------
# (sourced by run.sh)

# chk ARGS...: hwbom check with the test database and the NDAA 889 policy
chk() {
	"$hwbom" check --datadir $fx/db --policy vendor-db/policies/ndaa889.policy "$@"
}
mkdir -p "$out/chk"

# A BOM checked with what it was judged with comes back byte for byte: every
# identifier, name, fact, coverage and firmware survives the round trip.
for m in pci/huawei-taishan.dump pci/powered-down.dump root/storage-mix root/nics dmi/honor-magicbook.bin; do
	case $m in
	*.dump) src="--pci-dump $fx/$m" ;;
	*.bin) src="--dmi-dump $fx/$m" ;;
	*) src="--root $fx/$m" ;;
	esac
	n=$(basename "$m" | sed 's/\..*//')
	scan $src --ieee-dir $fx/ieee --pnp-ids $fx/pnp.ids --fail-on never -q -o "$out/chk/$n.xml"
	chk --as-of 2024-06-01 -q --fail-on never -o "$out/chk/again" "$out/chk/$n.xml" >"$out/chk/$n.sum" 2>&1
	if cmp -s "$out/chk/$n.xml" "$out/chk/again/$n.xml" && [ ! -s "$out/chk/$n.sum" ]; then ok; else
		bad "check round trip of $m: $(diff "$out/chk/$n.xml" "$out/chk/again/$n.xml" | head -5) $(cat "$out/chk/$n.sum")"
	fi
done

# --in-place leaves a BOM whose judgement did not change as it is (the same
# file, not a rewritten copy), and replaces one that changed
cp "$out/chk/huawei-taishan.xml" "$out/chk/inplace.xml"
ino=$(stat -c %i "$out/chk/inplace.xml")
chk --as-of 2024-06-01 -q --fail-on never --in-place "$out/chk/inplace.xml"
[ "$(stat -c %i "$out/chk/inplace.xml")" = "$ino" ] && ok || bad "check --in-place rewrote an unchanged BOM"
chk --as-of 2019-01-01 -q --fail-on never --in-place "$out/chk/inplace.xml" >/dev/null
[ "$(stat -c %i "$out/chk/inplace.xml")" != "$ino" ] && ok || bad "check --in-place did not replace a changed BOM"
xp "$out/chk/inplace.xml" "$(mprop hwbom:as-of)" 2019-01-01

# A BOM judged anew keeps its serial number; its version counts up when it
# changed (CycloneDX), and not when it did not
scan --pci-dump $fx/pci/huawei-taishan.dump --serial --fail-on never -o "$out/chk/serial.xml"
serial=$(xmllint --xpath "string(/*/@serialNumber)" "$out/chk/serial.xml")
case $serial in urn:uuid:????????-????-4???-????-????????????) ok ;; *) bad "scan --serial gave '$serial'" ;; esac
chk --as-of 2024-06-01 -q --fail-on never --in-place "$out/chk/serial.xml"
xp "$out/chk/serial.xml" "string(/*/@version)" 1
chk --as-of 2019-01-01 -q --fail-on never --in-place "$out/chk/serial.xml" >/dev/null
xp "$out/chk/serial.xml" "string(/*/@version)" 2
xp "$out/chk/serial.xml" "string(/*/@serialNumber)" "$serial"
chk --as-of 2019-01-01 -q --fail-on never -o "$out/chk/serial-copy" "$out/chk/serial.xml"
xp "$out/chk/serial-copy/serial.xml" "string(/*/@version)" 2
valid "$out/chk/serial.xml"

# The same BOM judged as of a day before NDAA 889 took effect, then checked
# as of a day after: the findings it now has are listed, one line per file.
scan --pci-dump $fx/pci/huawei-taishan.dump --as-of 2019-01-01 -o "$out/chk/taishan-2019.xml"
hw_abs=$(cd "$(dirname "$hwbom")" && pwd)/$(basename "$hwbom")
(cd "$out/chk" && "$hw_abs" check --datadir "$top/$fx/db" --policy "$top/vendor-db/policies/ndaa889.policy" \
	--as-of 2024-06-01 -v taishan-2019.xml) >"$out/check-as-of.out" 2>"$out/check-as-of.err"
[ $? -eq 1 ] && ok || bad "check-as-of: exit status, expected 1"
golden check-as-of
# and back: the findings clear
chk --as-of 2019-01-01 -o "$out/chk/back" "$out/chk/huawei-taishan.xml" >"$out/chk/back.sum"
grep -q "huawei-taishan.xml: block -> clean, 0 new, 6 cleared; coverage complete$" "$out/chk/back.sum" && ok ||
	bad "check as of 2019: $(cat "$out/chk/back.sum")"
valid "$out/chk/back/huawei-taishan.xml"

# A BOM written with an old overlay, checked with a new one: the card the
# site had recorded as ASUS is now recorded as Huawei's, and is blocked.
runner=scan
scan --pci-dump $fx/pci/vvv.dump --db-overlay $fx/db/overlay.db -o "$out/chk/vvv.xml"
sed 's/^id      pci:1043  asus .*/id      pci:1043  huawei  src=local-inventory/' $fx/db/overlay.db >"$out/chk/new-overlay.db"
chk --as-of 2024-06-01 -v --db-overlay "$out/chk/new-overlay.db" --in-place "$out/chk/vvv.xml" >"$out/chk/vvv.sum"
rc=$?
[ $rc -eq 1 ] && ok || bad "check with a new overlay: exit status $rc, expected 1"
if grep -qx "  + pci:0000:03:00.0 block ndaa889/covered-producer card-assembler huawei" "$out/chk/vvv.sum" &&
	grep -q "vvv.xml: block -> block, 1 new, 0 cleared; coverage partial (device-vendor, " "$out/chk/vvv.sum"; then ok; else
	bad "check with a new overlay: $(cat "$out/chk/vvv.sum")"
fi
xp "$out/chk/vvv.xml" "$(prop 0000:03:00.0 hwbom:origin:card-assembler)" huawei
xp "$out/chk/vvv.xml" "$(prop 0000:03:00.0 hwbom:origin:card-assembler:overlay)" "$out/chk/new-overlay.db"
valid "$out/chk/vvv.xml"

# Files that are not hwbom's BOMs: each named, the others still judged, and
# the exit status the worst (2).
printf '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">\n  <metadata><tools><components><component type="application"><name>syft</name></component></components></tools></metadata>\n</bom>\n' >"$out/chk/foreign.xml"
printf '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1"/>\n' >"$out/chk/old-spec.xml"
printf '<?xml version="1.0"?>\n<project><name>x</name></project>\n' >"$out/chk/not-cdx.xml"
head -c 2000 "$out/chk/huawei-taishan.xml" >"$out/chk/truncated.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE bom [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.6">&x;</bom>\n' >"$out/chk/dtd.xml"
sed 's|<property name="hwbom:kind">pci</property>||' "$out/chk/huawei-taishan.xml" >"$out/chk/no-kind.xml"
: >"$out/chk/empty.xml"
cp "$out/chk/huawei-taishan.xml" "$out/chk/good.xml"
rm -rf "$out/chk/bad-out"
(cd "$out/chk" && "$hw_abs" check --datadir "$top/$fx/db" --policy "$top/vendor-db/policies/ndaa889.policy" \
	--as-of 2024-06-01 -o bad-out foreign.xml old-spec.xml not-cdx.xml truncated.xml dtd.xml \
	no-kind.xml empty.xml missing.xml good.xml) >"$out/check-bad.out" 2>"$out/check-bad.err"
rc=$?
[ $rc -eq 2 ] && ok || bad "check of bad files: exit status $rc, expected 2"
golden check-bad
# only the good one was written
[ "$(ls "$out/chk/bad-out")" = good.xml ] && ok || bad "check wrote $(ls "$out/chk/bad-out")"

# usage errors
runner=chk
check check-usage-none 2
check check-usage-both 2 -o "$out/x" --in-place "$out/chk/good.xml"
check check-usage-jobs 2 -j 0 "$out/chk/good.xml"
mkdir -p "$out/chk/a" "$out/chk/b"
cp "$out/chk/good.xml" "$out/chk/a/" && cp "$out/chk/good.xml" "$out/chk/b/"
chk -o "$out/chk/c" "$out/chk/a/good.xml" "$out/chk/b/good.xml" >/dev/null 2>"$out/err"
[ $? -eq 2 ] && grep -q "two BOMs named good.xml would both be written to" "$out/err" && ok ||
	bad "check -o with two files of one name: $(cat "$out/err")"
runner=scan

# a fleet's list of BOMs on standard input ("-"): longer than a command line
printf '%s\n' "$out/chk/good.xml" "" "$out/chk/huawei-taishan.xml" |
	chk --as-of 2024-06-01 - >"$out/chk/list.sum" 2>&1
[ $? -eq 1 ] && [ "$(grep -c ': block, unchanged; coverage ' "$out/chk/list.sum")" -eq 2 ] && ok ||
	bad "check - : $(cat "$out/chk/list.sum")"
: | chk - >/dev/null 2>"$out/err"
[ $? -eq 2 ] && grep -q "^hwbom: -: no BOM listed on standard input$" "$out/err" && ok ||
	bad "check - with an empty list: $(cat "$out/err")"
runner=scan
