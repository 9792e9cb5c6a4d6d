# --- one machine described three ways -----------------------------------------
# (sourced by run.sh) The Huawei TaiShan slice as a captured tree (PCI in
# sysfs, the SMBIOS tables, /proc/cpuinfo), as binary dumps (lspci -xxx,
# dmidecode --dump-bin) and as the tools' text (lspci, dmidecode): the same
# components, attributions, findings and verdicts, whichever way it came.
three="$out/three"
rm -rf "$three" && mkdir -p "$three/proc"
cp -r $fx/root/taishan-pci/sys "$three/"
cp -r $fx/root/dmi-tables/sys/firmware "$three/sys/"
cp $fx/root/kunpeng-cpuinfo/proc/cpuinfo "$three/proc/"
# tscan NAME ARGS...: the components and the machine's verdict of a scan
tscan() {
	n=$1
	shift
	"$hwbom" scan --datadir vendor-db --pci-ids $fx/pci.ids --as-of 2025-06-01 --fail-on never -q --name taishan \
		"$@" -o "$out/three-$n.xml" 2>"$out/three-$n.err" ||
		bad "three ways, $n: exit status $? ($(cat "$out/three-$n.err"))"
	valid "$out/three-$n.xml"
	{
		xmllint --xpath "//*[local-name()='components']" "$out/three-$n.xml"
		echo
		xmllint --xpath "string(//*[local-name()='metadata']//*[@name='hwbom:verdict'])" "$out/three-$n.xml"
	} >"$out/three-$n.comp" 2>&1
}
tscan tree --root "$three"
tscan dumps --pci-dump $fx/pci/huawei-taishan.dump --dmi-dump $fx/dmi/huawei-taishan.bin \
	--cpuinfo "$three/proc/cpuinfo"
tscan text --lspci $fx/lspci/huawei-taishan.nnvvv.lspci --dmidecode $fx/dmi/text/huawei-taishan.txt \
	--cpuinfo "$three/proc/cpuinfo"
tscan text-vmm --lspci $fx/lspci/huawei-taishan.vmmnn.lspci \
	--dmidecode $fx/dmi/text/huawei-taishan-u.txt --cpuinfo "$three/proc/cpuinfo"
# it is the machine it should be: six PCI functions, the system, a verdict
grep -c 'hwbom:kind">pci<' "$out/three-tree.comp" | grep -qx 6 && ok || bad "three ways: not 6 PCI functions"
grep -q 'hwbom:kind">system<' "$out/three-tree.comp" && ok || bad "three ways: no system from SMBIOS"
grep -q 'hwbom:kind">cpu<' "$out/three-tree.comp" && ok || bad "three ways: no CPU from cpuinfo"
[ "$(tail -1 "$out/three-tree.comp")" = block ] && ok || bad "three ways: verdict $(tail -1 "$out/three-tree.comp"), expected block"
for n in dumps text text-vmm; do
	if cmp -s "$out/three-tree.comp" "$out/three-$n.comp"; then ok; else
		bad "three ways: $n differs from the tree"
		diff "$out/three-tree.comp" "$out/three-$n.comp" | head -10
	fi
done
