# lspci.sh - `hwbom scan --lspci FILE`: lspci's text, in every layout, of the
# machines whose dumps the other cases read (tests/fixtures/lspci, made from
# them by mkfixtures.sh). Sourced by ../run.sh.
lx=$fx/lspci

# comps FILE: the BOM's components, less what only -k text carries
comps() {
	xmllint --xpath "//*[local-name()='components']" "$1" 2>/dev/null |
		grep -v 'name="hwbom:pci.driver"'
}
# ids FILE: per PCI component, its location, vendor, device, class (first 4
# digits) and revision: what every layout of lspci text carries
ids() {
	for loc in $(xmllint --xpath "//*[local-name()='property'][@name='hwbom:location']/text()" "$1" 2>/dev/null); do
		printf '%s' "$loc"
		for p in hwbom:id:pci.vendor hwbom:id:pci.device hwbom:id:pci.class hwbom:id:pci.revision; do
			printf ' %s' "$(xmllint --xpath "$(prop "$loc" $p)" "$1" 2>/dev/null | cut -c1-4)"
		done
		echo
	done
}

# --- exact BOMs ---------------------------------------------------------------
check lspci-taishan-nnv 1 --lspci $lx/huawei-taishan.nnv.lspci
check lspci-lenovo-vmmnnk-text 0 --lspci $lx/intel-on-lenovo.vmmnnk.lspci --format text
check lspci-taishan-names 1 --lspci $lx/huawei-taishan.names.lspci
check lspci-taishan-nn-text 1 --lspci $lx/huawei-taishan.nn.lspci --format text
check lspci-cut-short 0 --lspci $lx/cut-short.lspci
check lspci-hostile 0 --lspci $lx/hostile.lspci
for f in lspci-taishan-nnv lspci-taishan-names lspci-cut-short lspci-hostile; do
	valid "$out/$f.out"
done

# --- the same machine through --pci-dump and --lspci -----------------------
# with -v or -vmm the text carries everything a dump gives: the same
# components, ids, names, attributions and verdicts (with -k alone, all but
# the programming interface)
for m in huawei-taishan:nnv,nnvv,nnvvv,Dnnv,vmmnn,mmnn \
	intel-on-lenovo:nnv,nnvv,nnvvv,nnk,vmmnn,vmmnnk,nv,vmmn \
	clean-dell:nnv,nnvv,nnvvv,vmmnn,mmn \
	huawei-taishan:crlf clean-dell:prompt; do
	machine=${m%%:*}
	scan --pci-dump $fx/pci/$machine.dump -o "$out/dump.xml"
	want=$?
	comps "$out/dump.xml" >"$out/dump.c"
	for v in $(echo "${m#*:}" | tr , ' '); do
		f=$lx/$machine.$v.lspci
		[ -f "$f" ] || f=$lx/$v.lspci
		scan --lspci "$f" -o "$out/text.xml"
		same "$machine $v exit status" $? $want
		valid "$out/text.xml"
		comps "$out/text.xml" >"$out/text.c"
		cp "$out/dump.c" "$out/want.c"
		if [ "$v" = nnk ]; then
			# -k is not -v: no prog-if, so the class has 4 digits
			grep -v 'hwbom:id:pci.class' "$out/dump.c" >"$out/want.c"
			grep -v 'hwbom:id:pci.class' "$out/text.c" >"$out/t.c"
			mv "$out/t.c" "$out/text.c"
		fi
		if [ -s "$out/want.c" ] && cmp -s "$out/want.c" "$out/text.c"; then ok; else
			bad "$machine: --lspci $(basename "$f") gives other components than --pci-dump"
			diff "$out/want.c" "$out/text.c" | head -10
		fi
		xp "$out/text.xml" "$(mprop hwbom:verdict)" \
			"$(xmllint --xpath "$(mprop hwbom:verdict)" "$out/dump.xml")"
		xp "$out/text.xml" "$(mprop hwbom:coverage:pci)" read
	done
done
# -k names the driver, which a dump cannot
scan --lspci $lx/intel-on-lenovo.nnk.lspci -o "$out/k.xml"
xp "$out/k.xml" "$(prop 0000:3b:00.1 hwbom:pci.driver)" igb
xp "$out/k.xml" "$(prop 0000:5e:00.0 hwbom:pci.driver)" nvme
xp "$out/k.xml" "$(prop 0000:00:00.0 hwbom:pci.driver)" ""
scan --lspci $lx/intel-on-lenovo.vmmnnk.lspci -o "$out/k.xml"
xp "$out/k.xml" "$(prop 0000:5e:00.0 hwbom:pci.driver)" nvme

# without -v lspci shows no subsystem and no prog-if: the same ids as far as
# they go, and the card assembler is unknown rather than absent
for m in huawei-taishan:nn intel-on-lenovo:nn intel-on-lenovo:n clean-dell:nn; do
	machine=${m%%:*} v=${m#*:}
	scan --pci-dump $fx/pci/$machine.dump -o "$out/dump.xml"
	scan --lspci $lx/$machine.$v.lspci -o "$out/text.xml"
	valid "$out/text.xml"
	ids "$out/dump.xml" >"$out/dump.ids"
	ids "$out/text.xml" >"$out/text.ids"
	if [ -s "$out/dump.ids" ] && cmp -s "$out/dump.ids" "$out/text.ids"; then ok; else
		bad "$machine: lspci -$v gives other ids than the dump"
		diff "$out/dump.ids" "$out/text.ids" | head -5
	fi
	xp "$out/text.xml" "$(mprop hwbom:coverage:pci)" partial
	xp "$out/text.xml" "count(//*[local-name()='property'][@name='hwbom:pci.subsystem'][.='unread'])" \
		"$(xmllint --xpath "count(//*[local-name()='property'][@name='hwbom:kind'][.='pci'])" "$out/dump.xml")"
	xp "$out/text.xml" "count(//*[local-name()='property'][@name='hwbom:id:pci.subvendor'])" 0
done
b=$out/lspci-taishan-nn-text.out
scan --lspci $lx/huawei-taishan.nn.lspci -o "$out/nn.xml"
xp "$out/nn.xml" "$(prop 0000:3c:00.0 hwbom:origin:card-assembler)" unknown
xp "$out/nn.xml" "$(prop 0000:3c:00.0 hwbom:coverage)" partial
xp "$out/nn.xml" "$(prop 0000:3c:00.0 hwbom:unseen)" card-assembler
xp "$out/nn.xml" "$(mprop hwbom:unseen:card-assembler:collect)" "lspci -nnv > F; hwbom scan --lspci F (beside the other files)"
xp "$out/nn.xml" "$(prop 0000:3c:00.0 hwbom:id:pci.class)" 0200
xp "$out/nn.xml" "$(prop 0000:3b:00.0 hwbom:finding)" "block ndaa889/covered-producer chip-vendor huawei"

# the tree (-tvnn): every function at its address; ids where lspci names them
scan --pci-dump $fx/pci/intel-on-lenovo.dump -o "$out/dump.xml"
scan --lspci $lx/intel-on-lenovo.tvnn.lspci -o "$out/tree.xml"
valid "$out/tree.xml"
ids "$out/dump.xml" | cut -d' ' -f1-3 >"$out/dump.ids"
ids "$out/tree.xml" | cut -d' ' -f1-3 >"$out/tree.ids"
if [ -s "$out/dump.ids" ] && cmp -s "$out/dump.ids" "$out/tree.ids"; then ok; else
	bad "intel-on-lenovo: lspci -tvnn gives other functions or ids than the dump"
	diff "$out/dump.ids" "$out/tree.ids" | head -5
fi
xp "$out/tree.xml" "$(mprop hwbom:coverage:pci)" partial
xp "$out/tree.xml" "$(prop 0000:3b:00.1 hwbom:id:pci.class)" ""
xp "$out/tree.xml" "$(prop 0000:3b:00.1 hwbom:id:pci.revision)" ""
xp "$out/tree.xml" "$(prop 0000:3b:00.1 hwbom:pci.subsystem)" unread
scan --lspci $lx/huawei-taishan.tvnn.lspci -o "$out/tree.xml"
same "huawei-taishan -tvnn exit" $? 1
xp "$out/tree.xml" "count(//*[local-name()='property'][@name='hwbom:kind'][.='pci'])" 6
xp "$out/tree.xml" "$(prop 0000:3b:00.0 hwbom:finding)" "block ndaa889/covered-producer chip-vendor huawei"
# a bridge with functions behind it is drawn without its name or ids
xp "$out/tree.xml" "$(prop 0000:7c:00.0 hwbom:pci.numeric-ids)" absent
xp "$out/tree.xml" "$(prop 0000:7c:00.0 hwbom:origin:chip-vendor)" unknown
scan --lspci $lx/clean-dell.tv.lspci -o "$out/tree.xml"
xp "$out/tree.xml" "$(prop 0000:01:00.0 hwbom:origin:chip-vendor:key)" "pci.vendor-name:NVIDIA Corporation"
xp "$out/tree.xml" "$(prop 0000:01:00.0 hwbom:id:pci.device-name)" "Device 1cb3"

# --- names only: read for what they say, matched by name, and said so ------
for v in names vmm; do
	scan --lspci $lx/huawei-taishan.$v.lspci -o "$out/names.xml"
	same "names-only $v exit" $? 1
	valid "$out/names.xml"
	xp "$out/names.xml" "count(//*[local-name()='property'][starts-with(@name,'hwbom:id:pci.vendor')][not(contains(@name,'-name'))])" 0
	xp "$out/names.xml" "count(//*[local-name()='property'][@name='hwbom:pci.numeric-ids'][.='absent'])" 6
	xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:id:pci.vendor-name)" "Huawei Technologies Co., Ltd."
	xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:id:pci.device-name)" "Hi1822 Family (4*25GE)"
	xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor)" huawei
	xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor:key)" "pci.vendor-name:Huawei Technologies Co., Ltd."
	xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:finding)" "block ndaa889/covered-producer chip-vendor huawei"
	xp "$out/names.xml" "$(mprop hwbom:coverage:pci)" partial
done
scan --lspci $lx/intel-on-lenovo.mm.lspci -o "$out/mm.xml"
xp "$out/mm.xml" "$(prop 0000:3b:00.0 hwbom:origin:card-assembler:key)" "pci.subvendor-name:Lenovo"
xp "$out/mm.xml" "$(prop 0000:3b:00.0 hwbom:id:pci.subdevice-name)" "ThinkServer I350-T4 AnyFabric"
xp "$out/mm.xml" "$(prop 0000:5e:00.0 hwbom:origin:card-assembler)" ""
xp "$out/mm.xml" "$(mprop hwbom:coverage:pci:detail)" "lspci -mm text with names only, no numeric ids (no -nn): makers matched by name"
# -vmm prints the subsystem's vendor apart: the card's assembler, by name
xp "$out/names.xml" "$(prop 0000:3c:00.0 hwbom:origin:card-assembler)" huawei
xp "$out/names.xml" "$(prop 0000:3c:00.0 hwbom:origin:card-assembler:key)" "pci.subvendor-name:Huawei Technologies Co., Ltd."
# lspci -v without -n: "Subsystem: Lenovo ThinkServer ..." split by pci.ids
scan --lspci $lx/intel-on-lenovo.names-v.lspci -o "$out/names.xml"
xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:id:pci.subvendor-name)" Lenovo
xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:id:pci.subdevice-name)" "ThinkServer I350-T4 AnyFabric"
xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:origin:card-assembler)" lenovo
xp "$out/names.xml" "$(prop 0000:5e:00.0 hwbom:origin:card-assembler)" ""
xp "$out/names.xml" "$(prop 0000:5e:00.0 hwbom:id:pci.class)" ""
xp "$out/names.xml" "string(//*[local-name()='component'][@bom-ref='pci:0000:5e:00.0']/*[local-name()='description'])" "Non-Volatile memory controller"
# without a pci.ids to tell vendor from device, the two stay one string
"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --as-of 2024-06-01 \
	--pci-ids $fx/no-such.ids --lspci $lx/huawei-taishan.names.lspci -o "$out/names.xml" 2>/dev/null
xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:id:pci.name)" "Huawei Technologies Co., Ltd. Hi1822 Family (4*25GE)"
xp "$out/names.xml" "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor:key)" "pci.name:Huawei Technologies Co., Ltd. Hi1822 Family (4*25GE)"

# a line lspci cut short keeps its names, loses its ids, and says so
b=$out/lspci-cut-short.out
xp $b "$(prop 0000:5e:00.0 hwbom:id:pci.vendor)" ""
xp $b "$(prop 0000:5e:00.0 hwbom:id:pci.vendor-name)" "Samsung Electronics Co Ltd"
xp $b "$(prop 0000:5e:00.0 hwbom:pci.numeric-ids)" absent
xp $b "$(prop 0000:3b:00.0 hwbom:id:pci.vendor)" 8086
# hostile strings: kept, sanitised, the BOM valid (checked above)
b=$out/lspci-hostile.out
xp $b "string-length($(prop 0000:00:02.0 hwbom:id:pci.vendor-name | sed 's/^string//'))" 1025
xp $b "contains($(prop 0000:00:01.0 hwbom:id:pci.vendor-name | sed 's/^string//'), 'Bad')" true

# --- several sources make one BOM -----------------------------------------------
scan --dmi-dump $fx/dmi/huawei-taishan.bin -o "$out/dmi.xml"
scan --lspci $lx/huawei-taishan.vmmnn.lspci --dmi-dump $fx/dmi/huawei-taishan.bin -o "$out/both.xml"
same "--lspci with --dmi-dump exit" $? 1
valid "$out/both.xml"
xp "$out/both.xml" "$(mprop hwbom:coverage:pci)" read
xp "$out/both.xml" "$(mprop hwbom:coverage:pci:detail)" "lspci -vmm text with numeric ids"
xp "$out/both.xml" "$(mprop hwbom:coverage:dmi)" "$(xmllint --xpath "$(mprop hwbom:coverage:dmi)" "$out/dmi.xml")"
n_dmi=$(xmllint --xpath "count(//*[local-name()='components']/*[local-name()='component'])" "$out/dmi.xml")
xp "$out/both.xml" "count(//*[local-name()='components']/*[local-name()='component'])" $((n_dmi + 6))
# named from SMBIOS: maker, product, serial; not after the input file
xp "$out/both.xml" "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='name'])" "Huawei TaiShan 200 (Model 2280) 2102312SEW10M7000123"
# a recorded source: nothing live is read (cpu, usb, ... not probed)
xp "$out/both.xml" "$(mprop hwbom:coverage:usb)" not-probed
xp "$out/both.xml" "$(mprop hwbom:coverage:cpu)" not-probed

# --- bad input: exit 2, the file and line named, no output -----------------------
for f in bad-empty bad-truncated bad-truncated-record bad-corrupt-id bad-duplicate \
	bad-long-line bad-nul bad-garbage bad-quoted; do
	check "lspci-$f" 2 --lspci $lx/$f.lspci
done
rm -f "$out/none.xml"
scan --lspci $lx/bad-truncated.lspci -o "$out/none.xml" 2>/dev/null
if [ -e "$out/none.xml" ]; then bad "a bad --lspci file left output"; else ok; fi
check lspci-missing 2 --lspci $lx/no-such.lspci
check lspci-with-dump 2 --lspci $lx/huawei-taishan.nnv.lspci --pci-dump $fx/pci/vvv.dump
if "$hwbom" scan --help | grep -q -- "--lspci FILE"; then ok; else bad "hwbom scan --help lacks --lspci"; fi

# a vendor name with pci.ids' bracketed short form is matched without it
# (the shipped database knows AMD; "Advanced", the first word, is nobody)
printf 'Slot:\t00:00.0\nClass:\tHost bridge\nVendor:\tAdvanced Micro Devices, Inc. [AMD]\nDevice:\tRenoir\n' >"$out/br.lspci"
"$hwbom" scan --datadir vendor-db --policy ndaa889 --as-of 2024-06-01 --lspci "$out/br.lspci" -o "$out/br.xml"
xp "$out/br.xml" "$(prop 0000:00:00.0 hwbom:origin:chip-vendor)" amd
xp "$out/br.xml" "$(prop 0000:00:00.0 hwbom:origin:chip-vendor:key)" "pci.vendor-name:Advanced Micro Devices, Inc. [AMD]"
