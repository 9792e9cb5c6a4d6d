# foreign.sh - CycloneDX BOMs hwbom did not write, judged and compared
# (sourced by ../run.sh): cdxgen's cdx-hbom output of the vm.* machine
# (JSON, CycloneDX 1.7, made by `npx @cdxgen/cdx-hbom` 0.5.1 on it) and a
# hand-written vendor HBOM (XML, 1.5).
ifx=$fx/inventory
jdg="--datadir $top/$fx/db --policy $top/vendor-db/policies/ndaa889.policy --as-of 2024-06-01"
scan --pci-dump $ifx/vm.pci.dump --fail-on never -q --name vm -o "$out/vm-scan.xml"
# hwbom check judges them: the vendor's Huawei parts are found
"$hwbom" check $jdg -v $ifx/vendor-hbom.xml >"$out/foreign-check-vendor.out" 2>"$out/foreign-check-vendor.err"
[ $? -eq 1 ] && ok || bad "check of a vendor HBOM: exit status not 1"
golden foreign-check-vendor
"$hwbom" check $jdg -v $ifx/vm.cdx-hbom.json >"$out/foreign-check-cdxgen.out" 2>"$out/foreign-check-cdxgen.err"
[ $? -eq 0 ] && ok || bad "check of cdx-hbom's BOM: exit status not 0"
golden foreign-check-cdxgen
# ... and writes them as hwbom BOMs that validate, saying what was not mapped
rm -rf "$out/fchk" && mkdir "$out/fchk"
"$hwbom" check $jdg -q -o "$out/fchk" $ifx/vendor-hbom.xml $ifx/vm.cdx-hbom.json >/dev/null 2>&1
for f in "$out"/fchk/*; do valid "$f"; done
b=$(ls "$out"/fchk/vendor-hbom*)
xp "$b" "$(prop 0000:00:00.0 hwbom:foreign.unmapped)" "acme:warranty"
xp "$b" "$(prop 0000:00:03.0 hwbom:origin:chip-vendor)" huawei
# a MAC address the vendor lists: its registrant from the IEEE registries
xp "$b" "$(dprop nic:port-1 hwbom:origin:nic-registrant)" huawei
xp "$b" "count(//*[local-name()='component'][@bom-ref='library:firmware-tools'])" 0
# hwbom diff: the inspector's comparison of a delivered BOM with the machine
case $hwbom in /*) hw=$hwbom ;; *) hw=$top/$hwbom ;; esac
for pair in vendor:vendor-hbom.xml cdxgen:vm.cdx-hbom.json; do
	n=${pair%%:*} f=${pair#*:}
	(cd "$out" && "$hw" diff $jdg "$top/$ifx/$f" vm-scan.xml) >"$out/foreign-diff-$n.out" 2>"$out/foreign-diff-$n.err"
	[ $? -eq 1 ] && ok || bad "diff of $f with the scan: exit status not 1"
	sed -i "s|$top/||" "$out/foreign-diff-$n.out"
	golden foreign-diff-$n
done
# every PCI function cdx-hbom saw is the scan's: no "changed" or "substituted"
grep -q '^\(changed\|substituted\|attribution\).*pci:' "$exp/foreign-diff-cdxgen.out" && bad "cdx-hbom's PCI functions differ from the scan's" || ok
# broken foreign BOMs: exit 2 naming the file and line or JSON path
printf '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": {}}' >"$out/comps.json"
printf '{"bomFormat": "SPDX"}' >"$out/spdx.json"
head -c 900 $ifx/vendor-hbom.xml >"$out/cut.xml"
for n in comps.json spdx.json cut.xml; do
	"$hwbom" check $jdg "$out/$n" >/dev/null 2>"$out/err"
	[ $? -eq 2 ] && ok || bad "check of a broken foreign BOM $n: exit status not 2"
	sed "s|$out/||" "$out/err" >"$out/foreign-bad-$n.err"
	: >"$out/foreign-bad-$n.out"
	golden "foreign-bad-$n"
done
