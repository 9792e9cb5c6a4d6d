# --- lspci -xxx saved with 2>&1: libpci's warning inside a hex line -----------
# (sourced by run.sh) The message is cut out, with a warning naming the
# line; the functions are those of the same dump without it.
scan --pci-dump $fx/pci/huawei-taishan.dump --name taishan -o "$out/sp-clean.xml"
scan --pci-dump $fx/pci/stderr-spliced.dump --name taishan -o "$out/sp-spliced.xml" 2>"$out/pci-stderr-spliced.err"
[ $? -eq 1 ] && ok || bad "stderr-spliced: exit status, expected 1 (block)"
sed 's/stderr-spliced/huawei-taishan/' "$out/sp-spliced.xml" | cmp -s - "$out/sp-clean.xml" && ok ||
	bad "stderr-spliced: not the BOM of huawei-taishan.dump"
: >"$out/pci-stderr-spliced.out"
golden pci-stderr-spliced
check pci-stderr-at-end 2 --pci-dump $fx/pci/bad-stderr-at-end.dump
