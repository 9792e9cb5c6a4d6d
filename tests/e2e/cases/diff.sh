# --- hwbom diff: acceptance of a delivered machine ----------------------------
# (sourced by run.sh)
mkdir -p "$out/acc"
hw_abs=$(cd "$(dirname "$hwbom")" && pwd)/$(basename "$hwbom")
scan --pci-dump $fx/pci/accept-ordered.dump --fail-on never -o "$out/acc/ordered.xml"
scan --pci-dump $fx/pci/accept-delivered.dump --fail-on never -o "$out/acc/delivered.xml"
cp $fx/purchase/*.xml "$out/acc/"
# dif NAME STATUS ARGS...: hwbom diff run in $out/diff (file names stay
# short and stable), its output exactly as expected/NAME.out and .err
dif() {
	name=$1 want=$2
	shift 2
	(cd "$out/acc" && "$hw_abs" diff "$@") >"$out/$name.out" 2>"$out/$name.err"
	got=$?
	[ "$got" -eq "$want" ] && ok || bad "$name: exit status $got, expected $want"
	golden "$name"
}

# the same BOM: no difference
dif diff-same 0 ordered.xml ordered.xml
# missing, added, substituted (with its new attribution and verdict), moved,
# a revision changed, the machine's verdict
dif diff-delivered 1 ordered.xml delivered.xml
dif diff-delivered-xml 1 --format xml ordered.xml delivered.xml
xmllint --noout "$out/diff-delivered-xml.out" 2>/dev/null && ok || bad "diff --format xml is not well-formed"
# what does not matter to this inspector is left out, and counted
dif diff-ignore 1 --ignore changed,verdict --ignore moved ordered.xml delivered.xml

# serials and firmware: a unit swapped for another of the same model
sed -e 's|<property name="hwbom:id:pci.subdevice">1044</property>|&<property name="hwbom:id:smbios.serial">A1</property>|' \
	"$out/acc/ordered.xml" >"$out/acc/unit-a.xml"
sed -e 's|<property name="hwbom:id:pci.subdevice">1044</property>|&<property name="hwbom:id:smbios.serial">B2</property>|' \
	-e 's|<property name="hwbom:kind">pci</property>|&|' "$out/acc/ordered.xml" >"$out/acc/unit-b.xml"
dif diff-serial 1 unit-a.xml unit-b.xml
dif diff-serial-ignored 0 --ignore serials unit-a.xml unit-b.xml

# against a purchase declaration: quantities, undeclared parts, and the
# declared country of production of what was matched
dif diff-order 1 -v server-order.xml delivered.xml
dif diff-order-xml 1 --format xml server-order.xml delivered.xml

# bad input: named with file and line, exit 2, nothing written
for b in bad-attribute bad-quantity bad-country bad-dtd bad-root; do
	dif "diff-$b" 2 "$b.xml" delivered.xml
done
printf 'not xml' >"$out/acc/junk.xml"
dif diff-junk 2 ordered.xml junk.xml
dif diff-usage 2 ordered.xml
dif diff-bad-ignore 2 --ignore colour ordered.xml delivered.xml
rm -f "$out/acc/report.txt"
(cd "$out/acc" && "$hw_abs" diff -o report.txt bad-quantity.xml delivered.xml) 2>/dev/null
[ ! -e "$out/acc/report.txt" ] && ok || bad "diff -o wrote a report for bad input"
(cd "$out/acc" && "$hw_abs" diff -o report.txt ordered.xml delivered.xml) >/dev/null
cmp -s "$out/acc/report.txt" "$exp/diff-delivered.out" && ok || bad "diff -o: not the same report as stdout"
