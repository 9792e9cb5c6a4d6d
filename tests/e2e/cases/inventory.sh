# inventory.sh - `hwbom scan --lshw`, `--hwinfo`, `--glpi FILE|DIR`: the
# inventories other tools keep (sourced by ../run.sh).
#
# The vm.* fixtures (tests/fixtures/inventory/) were written by the real
# tools on one machine (a Debian 12 VM): lspci -xxx, lshw (plain, -xml,
# -json, -html; lshw 02.19), hwinfo --all and fusioninventory-agent --local.
# What each carries of a PCI function must give the same component as the
# dump; what it cannot show must be coverage, not a made-up identifier.
ifx=$fx/inventory
iscan() { # a scan with the test pci.ids and usb.ids, to a file
	n=$1
	shift
	scan --usb-ids $fx/usb.ids --fail-on never -q --name vm "$@" -o "$out/inv-$n.xml" \
		2>"$out/inv-$n.err" || bad "inventory $n: exit status $? ($(cat "$out/inv-$n.err"))"
	valid "$out/inv-$n.xml"
}
# pcicomp NAME [DROP]: the PCI components of a BOM, without the properties
# matching DROP (a grep -E pattern)
pcicomp() {
	xmllint --xpath "//*[local-name()='component'][starts-with(@bom-ref,'pci:')]" \
		"$out/inv-$1.xml" 2>/dev/null | sed 's/></>\n</g' | grep -Ev "${2:-^\$}" >"$out/inv-$1.pci"
}
iscan dump --pci-dump $ifx/vm.pci.dump
iscan lshw-xml --lshw $ifx/vm.lshw.xml
iscan hwinfo --hwinfo $ifx/vm.hwinfo
iscan fusion --glpi $ifx/vm.ocs
pcicomp dump
grep -c 'hwbom:kind">pci<' "$out/inv-dump.pci" | grep -qx 6 && ok || bad "inventory: the dump has not 6 PCI functions"
# lshw -xml (B.02.19: hints and modalias) and hwinfo carry every id the
# dump does; both add the kernel driver
for n in lshw-xml hwinfo; do
	pcicomp $n 'pci.driver'
	if cmp -s "$out/inv-dump.pci" "$out/inv-$n.pci"; then ok; else
		bad "inventory: the PCI functions of $n differ from the dump's"
		diff "$out/inv-dump.pci" "$out/inv-$n.pci" | head -10
	fi
done
# the agent's lspci -nn parse has no programming interface (4-digit class)
pcicomp dump 'pci.class'
pcicomp fusion 'pci.driver|pci.class'
if cmp -s "$out/inv-dump.pci" "$out/inv-fusion.pci"; then ok; else
	bad "inventory: the PCI functions of the FusionInventory XML differ from the dump's"
	diff "$out/inv-dump.pci" "$out/inv-fusion.pci" | head -10
fi
xp "$out/inv-fusion.xml" "$(prop 0000:00:03.0 hwbom:id:pci.class)" 0200
xp "$out/inv-fusion.xml" "$(mprop hwbom:coverage:pci)" partial

# lshw's plain, -json and -html output has names only: matched by name,
# no ids made up, and the card assembler unseen (coverage), not unknown
for f in txt json html; do
	iscan lshw-$f --lshw $ifx/vm.lshw.$f
	b=$out/inv-lshw-$f.xml
	xp $b "$(prop 0000:00:03.0 hwbom:id:pci.vendor)" ""
	xp $b "$(prop 0000:00:03.0 hwbom:id:pci.vendor-name)" "Red Hat, Inc."
	xp $b "$(prop 0000:00:03.0 hwbom:pci.numeric-ids)" absent
	xp $b "$(prop 0000:00:03.0 hwbom:pci.subsystem)" unseen
	xp $b "$(prop 0000:00:03.0 hwbom:origin:card-assembler)" ""
	xp $b "$(mprop hwbom:coverage:card-assembler)" unseen
	xp $b "$(mprop hwbom:coverage:pci)" partial
done
# the three name-only formats give the same components
for f in json html; do
	pcicomp lshw-txt
	pcicomp lshw-$f
	if cmp -s "$out/inv-lshw-txt.pci" "$out/inv-lshw-$f.pci"; then ok; else
		bad "inventory: lshw -$f differs from lshw's text"
		diff "$out/inv-lshw-txt.pci" "$out/inv-lshw-$f.pci" | head -10
	fi
done
# an lspci source of the machine's own wins over the inventory's PCI
iscan lshw-lspci --lshw $ifx/vm.lshw.txt --pci-dump $ifx/vm.pci.dump
pcicomp dump
pcicomp lshw-lspci
if cmp -s "$out/inv-dump.pci" "$out/inv-lshw-lspci.pci"; then ok; else
	bad "inventory: --pci-dump beside --lshw did not give the dump's functions"
fi

# exact BOMs of the formats, as text
check inventory-lshw-xml 0 --lshw $ifx/vm.lshw.xml --format text --name vm
check inventory-hwinfo 0 --hwinfo $ifx/vm.hwinfo --format text --name vm
check inventory-glpi-json 0 --glpi $ifx/glpi-dir/dell-xps.json --usb-ids $fx/usb.ids --format text
check inventory-fusion 0 --glpi $ifx/vm.ocs --format text --name vm

# GLPI JSON: the facts the schema's example carries, read back
iscan glpi --glpi $ifx/glpi-dir/dell-xps.json
b=$out/inv-glpi.xml
xp $b "$(prop 0000:00:02.0 hwbom:id:pci.subvendor)" 1028
xp $b "$(prop 0000:00:02.0 hwbom:id:pci.subdevice)" 0704
xp $b "$(dprop system:system hwbom:id:smbios.manufacturer)" "Dell Inc."
xp $b "$(dprop display:monitor0 hwbom:id:pnp)" SHP
xp $b "count(//*[local-name()='component'][starts-with(@bom-ref,'usb:')])" 9
xp $b "count(//*[local-name()='component'][starts-with(@bom-ref,'memory:')])" 2

# a directory of inventories: one BOM each, named after its file
rm -rf "$out/glpi-boms"
scan --glpi $ifx/glpi-dir -o "$out/glpi-boms" --fail-on never -q 2>"$out/glpi-dir.err" &&
	ok || bad "--glpi DIR: exit status $? ($(cat "$out/glpi-dir.err"))"
[ "$(ls "$out/glpi-boms" | tr '\n' ' ')" = "dell-xps.xml vm.xml " ] && ok ||
	bad "--glpi DIR wrote: $(ls "$out/glpi-boms" | tr '\n' ' ')"
for f in "$out"/glpi-boms/*.xml; do valid "$f"; done
# each machine is named by its inventory (hardware.name), else its file
xp "$out/glpi-boms/dell-xps.xml" "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='name'])" glpixps
# and they are judged again as saved BOMs
"$hwbom" check --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --as-of 2024-06-01 \
	"$out"/glpi-boms/*.xml >"$out/glpi-check.out" 2>&1
[ $? -le 1 ] && ok || bad "check of the GLPI BOMs: $(head -2 "$out/glpi-check.out")"
# a directory needs -o DIR
check inventory-glpi-dir-no-o 2 --glpi $ifx/glpi-dir

# bad input: exit 2, the file and line (or JSON path), no output file
head -c 2000 $ifx/vm.lshw.xml >"$out/cut.lshw.xml"
printf '{"content": {"controllers": [{"pcislot": "00:02.0", "vendorid": "80x6", "productid": "1916"}]}}\n' \
	>"$out/badid.json"
head -c 300 $ifx/glpi-dir/dell-xps.json >"$out/cut.json"
printf '07: PCI 00.0: 0600 Host bridge\n  SysFS BusID: 0000:00:00.0\nno colon here\n' >"$out/bad.hwinfo"
printf 'vm\n    description: Computer\n  *-core\n       a line of nothing\n' >"$out/bad.lshw"
printf 'vm\n  *-core\n\000\n' >"$out/nul.lshw"
for c in "lshw-cut:--lshw:$out/cut.lshw.xml" "glpi-badid:--glpi:$out/badid.json" \
	"glpi-cut:--glpi:$out/cut.json" "hwinfo-bad:--hwinfo:$out/bad.hwinfo" \
	"lshw-bad:--lshw:$out/bad.lshw" "lshw-nul:--lshw:$out/nul.lshw"; do
	n=${c%%:*} rest=${c#*:}
	opt=${rest%%:*} file=${rest#*:}
	rm -f "$out/inv-bad.xml"
	scan $opt "$file" -o "$out/inv-bad.xml" >/dev/null 2>"$out/inv-$n.err"
	st=$?
	[ $st -eq 2 ] && ok || bad "inventory $n: exit status $st, expected 2"
	[ ! -e "$out/inv-bad.xml" ] && ok || bad "inventory $n: an output file was left"
	sed "s|$out/||" "$out/inv-$n.err" >"$out/inventory-bad-$n.err"
	: >"$out/inventory-bad-$n.out"
	golden inventory-bad-$n
done
# two inventories of one name (host.json, host.xml): the second is refused,
# not written over the first
rm -rf "$out/glpi-dup" "$out/glpi-dup-boms" && mkdir "$out/glpi-dup"
cp $ifx/glpi-dir/dell-xps.json "$out/glpi-dup/host.json"
cp $ifx/vm.ocs "$out/glpi-dup/host.xml"
scan --glpi "$out/glpi-dup" -o "$out/glpi-dup-boms" --fail-on never -q 2>"$out/glpi-dup.err"
[ $? -eq 2 ] && ok || bad "--glpi DIR with two inventories of one name: exit status not 2"
grep -q "host.xml: the same BOM name as .*host.json" "$out/glpi-dup.err" && ok ||
	bad "--glpi DIR with two of one name: $(cat "$out/glpi-dup.err")"
xp "$out/glpi-dup-boms/host.xml" "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='name'])" glpixps
