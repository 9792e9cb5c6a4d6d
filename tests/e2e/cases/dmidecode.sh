# dmidecode.sh - `hwbom scan --dmidecode FILE` (dmidecode's text) and
# `--cpuinfo FILE`. Sourced by ../run.sh. The text fixtures are the real
# dmidecode's output for the project's binary tables
# (tests/fixtures/dmi/mktext.sh), so each machine is described both ways.
dt=$fx/dmi/text

# nobin FILE: the BOM without the lines that name how it was read (the
# dmi and cpu coverage details) and the machine's name
nobin() {
	grep -v -e 'hwbom:coverage:dmi:detail' -e 'hwbom:coverage:cpu:detail' "$1"
}
# same_bom NAME A B: the two BOMs are the same but for those lines
same_bom() {
	nobin "$2" >"$out/same.a"
	nobin "$3" >"$out/same.b"
	if [ -s "$out/same.a" ] && cmp -s "$out/same.a" "$out/same.b"; then ok; else
		bad "$1: the BOMs differ"
		diff "$out/same.a" "$out/same.b" | head -20
	fi
}

# --- one machine, two descriptions: the same components and verdicts -----
for m in huawei-taishan whitebox-2.8 huawei-matebook honor-magicbook; do
	scan --dmi-dump $fx/dmi/$m.bin --name $m -o "$out/dt-bin.xml" 2>"$out/dt-bin.err"
	s1=$?
	for v in "" -u; do
		[ -f "$dt/$m$v.txt" ] || continue
		scan --dmidecode "$dt/$m$v.txt" --name $m -o "$out/dt-txt.xml" 2>"$out/dt-txt.err"
		same "$m$v: exit status as from the tables" $? $s1
		same_bom "$m$v: dmidecode text and tables" "$out/dt-bin.xml" "$out/dt-txt.xml"
		valid "$out/dt-txt.xml"
		if [ -s "$out/dt-txt.err" ]; then bad "$m$v: warnings: $(head -2 "$out/dt-txt.err")"; else ok; fi
	done
done
# the shipped database and policies judge the text as the tables
"$hwbom" scan --datadir vendor-db --as-of 2024-06-01 --policy ndaa889 \
	--dmidecode $dt/huawei-matebook.txt -o "$out/dt-matebook.xml"
same "matebook text exit" $? 1
same "matebook text" "$(findings "$out/dt-matebook.xml" system:system)" \
	"block ndaa889/covered-producer system-assembler huawei"
for pair in 2020-06-01:1 2021-06-01:0; do
	"$hwbom" scan --datadir vendor-db --as-of ${pair%:*} --policy ndaa889 \
		--dmidecode $dt/honor-magicbook.txt -o /dev/null
	same "honor text ${pair%:*} exit" $? ${pair#*:}
done

# every decoded type, read back from the text (golden and values)
check dmidecode-taishan 1 --dmidecode $dt/huawei-taishan.txt
check dmidecode-whitebox-text 0 --dmidecode $dt/whitebox-2.8.txt --format text
valid "$out/dmidecode-taishan.out"
b=$out/dmidecode-taishan.out
xp $b "$(dprop bios:bios hwbom:id:smbios.version)" 1.79                         # type 0
xp $b "$(dprop system:system hwbom:id:smbios.uuid)" 4c444544-4200-1035-8052-b2c04f4b4e32 # 1
xp $b "$(dprop system:system hwbom:smbios.oem-string)" "Huawei TaiShan"       # 11
xp $b "$(dprop baseboard:baseboard hwbom:id:smbios.product)" BC82AMDD          # 2
xp $b "$(dprop chassis:chassis hwbom:id:smbios.chassis-type)" 17               # 3
xp $b "$(dprop cpu:CPU1 hwbom:id:cpu.family)" 0101                             # 4
xp $b "$(dprop cpu:CPU1 hwbom:id:cpu.signature)" 00900f01
xp $b "$(dprop memory:DIMM010 hwbom:id:jedec)" 1:ad                            # 17
xp $b "$(dprop memory:DIMM010 hwbom:id:memory.size-mb)" 32768
xp $b "$(dprop memory:DIMM010 hwbom:id:memory.type)" 1a
xp $b "count(//*[local-name()='component'][@bom-ref='memory:DIMM020'])" 0
xp $b "$(dprop tpm:tpm hwbom:id:tpm.vendor)" HISI                              # 43
xp $b "string(//*[local-name()='component'][@bom-ref='tpm:tpm:firmware']/*[local-name()='version'])" 1.2
xp $b "$(mprop hwbom:coverage:dmi:detail)" "dmidecode 3.4 text, SMBIOS 3.7"
# placeholders: "To be filled by O.E.M." is a string as in the tables; an
# unpopulated socket (Status: Unpopulated) is no component
scan --dmidecode $dt/whitebox-2.8.txt -o "$out/dt-wb.xml"
xp "$out/dt-wb.xml" "$(dprop system:system hwbom:id:smbios.manufacturer)" "To be filled by O.E.M."
xp "$out/dt-wb.xml" "count(//*[local-name()='component'][@bom-ref='cpu:SOCKET 1'])" 0
xp "$out/dt-wb.xml" "count($(dprop system:system hwbom:id:smbios.uuid | sed 's/^string//'))" 0
xp "$out/dt-wb.xml" "$(dprop memory:ChannelC-DIMM0 hwbom:origin:module-maker)" cxmt

# no banner, CRLF line ends: the same BOM
for f in no-banner crlf; do
	scan --dmidecode $dt/$f.txt -o "$out/dt-$f.xml"
	same_bom "dmidecode $f" "$out/dmidecode-taishan.out" "$out/dt-$f.xml"
done
# <BAD INDEX> is warned about as the tables' bad index is; <OUT OF SPEC>
# and names this hwbom does not know leave the identifier out, warned about
check dmidecode-bad-string-index 0 --dmidecode $dt/bad-string-index.txt -o "$out/dt-bsi.xml"
xp "$out/dt-bsi.xml" "count($(dprop system:system hwbom:id:smbios.manufacturer | sed 's/^string//'))" 0
check dmidecode-out-of-spec 1 --dmidecode $dt/out-of-spec.txt -o "$out/dt-oos.xml"
xp "$out/dt-oos.xml" "count($(dprop memory:DIMM000 hwbom:id:memory.type | sed 's/^string//'))" 0
xp "$out/dt-oos.xml" "$(dprop memory:DIMM010 hwbom:id:memory.type)" 1a
xp "$out/dt-oos.xml" "count($(dprop cpu:CPU0 hwbom:id:cpu.family | sed 's/^string//'))" 0

# --- selections and files cut short: incomplete, never clean ----------------
check dmidecode-t17 0 --dmidecode $dt/huawei-taishan-t17.txt
b=$out/dmidecode-t17.out
valid $b
xp $b "$(mprop hwbom:coverage:dmi)" incomplete
xp $b "$(mprop hwbom:verdict)" clean
xp $b "$(mprop hwbom:coverage)" partial
xp $b "$(mprop hwbom:unseen:system-assembler:reason)" not-in-input
xp $b "count(//*[local-name()='metadata']//*[local-name()='property'][@name='hwbom:unseen'][.='system-assembler'])" 1
# its memory modules are those of the whole text
mods() { xmllint --xpath "//*[local-name()='component'][starts-with(@bom-ref,'memory:')]" "$1" 2>/dev/null; }
if [ -n "$(mods $b)" ] && [ "$(mods $b)" = "$(mods "$out/dmidecode-taishan.out")" ]; then ok; else
	bad "dmidecode -t 17: other memory components than the whole text"
fi
scan --dmidecode $dt/whitebox-2.8-tcpu-mem.txt -o "$out/dt-sel.xml"
xp "$out/dt-sel.xml" "count(//*[local-name()='component'][starts-with(@bom-ref,'memory:') or starts-with(@bom-ref,'cpu:')])" 5
xp "$out/dt-sel.xml" "count(//*[local-name()='component'][@bom-ref='system:system'])" 0
scan --dmidecode $dt/cut-short.txt -o "$out/dt-cut.xml" --fail-on never
xp "$out/dt-cut.xml" "$(mprop hwbom:coverage:dmi)" incomplete
xp "$out/dt-cut.xml" "$(mprop hwbom:verdict)" block

# --- hostile text ---------------------------------------------------------
# control bytes and bytes that are not UTF-8 come out as U+FFFD; a 5000-byte
# serial is cut to the sanitiser's limit; the BOM stays valid
scan --dmidecode $dt/hostile.txt -o "$out/dt-hostile.xml" --fail-on never
valid "$out/dt-hostile.xml"
xp "$out/dt-hostile.xml" "$(dprop system:system hwbom:id:smbios.manufacturer)" "Hua�[31mwei���"
xp "$out/dt-hostile.xml" "string-length($(dprop system:system hwbom:id:smbios.serial | sed 's/^string//')) < 1100" true
# not dmidecode's text, or broken: exit 2, the file and line, no output
for f in bad-quiet bad-handle bad-huge-line bad-nul bad-u-short bad-after-end bad-empty; do
	rm -f "$out/dt-none.xml"
	check "dmidecode-$f" 2 --dmidecode $dt/$f.txt -o "$out/dt-none.xml"
	if [ -e "$out/dt-none.xml" ]; then bad "dmidecode-$f: an output file was written"; else ok; fi
done
# dmidecode found no SMBIOS (a VM without it): unseen, as without sysfs tables
scan --dmidecode $dt/no-smbios.txt -o "$out/dt-nosmbios.xml"
same "dmidecode without SMBIOS exit" $? 0
xp "$out/dt-nosmbios.xml" "$(mprop hwbom:coverage:dmi)" unavailable
# nothing read, nothing found; every role unseen, never complete
xp "$out/dt-nosmbios.xml" "$(mprop hwbom:verdict)" clean
xp "$out/dt-nosmbios.xml" "$(mprop hwbom:coverage)" partial
xp "$out/dt-nosmbios.xml" "$(mprop hwbom:unseen:system-assembler:reason)" not-shown
check dmidecode-not-text 2 --dmidecode $fx/dmi/huawei-taishan.bin
check dmidecode-lspci 2 --dmidecode $fx/pci/clean-dell.dump
check dmidecode-missing 2 --dmidecode $dt/no-such-file.txt
check dmidecode-and-dump 2 --dmidecode $dt/huawei-taishan.txt --dmi-dump $fx/dmi/huawei-taishan.bin

# --- several recorded sources make one BOM --------------------------------
scan --dmi-dump $fx/dmi/huawei-taishan.bin --pci-dump $fx/pci/huawei-taishan.dump --name taishan \
	-o "$out/dt-both-bin.xml"
scan --dmidecode $dt/huawei-taishan.txt --pci-dump $fx/pci/huawei-taishan.dump --name taishan \
	-o "$out/dt-both-txt.xml"
same_bom "--dmidecode with --pci-dump" "$out/dt-both-bin.xml" "$out/dt-both-txt.xml"
xp "$out/dt-both-txt.xml" "$(dprop pci:0000:3c:00.0 hwbom:pci.onboard)" yes
xp "$out/dt-both-txt.xml" "$(mprop hwbom:coverage:pci)" read

# --- --cpuinfo: what --root reads from DIR/proc/cpuinfo -------------------
for m in kunpeng zhaoxin loongson; do
	scan --root $fx/root/$m-cpuinfo --probe cpu --name $m -o "$out/ci-root.xml"
	s1=$?
	scan --cpuinfo $fx/root/$m-cpuinfo/proc/cpuinfo --probe cpu --name $m -o "$out/ci-file.xml"
	same "--cpuinfo $m: exit status as --root" $? $s1
	same_bom "--cpuinfo $m" "$out/ci-root.xml" "$out/ci-file.xml"
	valid "$out/ci-file.xml"
done
xp "$out/ci-file.xml" "$(mprop hwbom:coverage:cpu:detail)" "cpuinfo text"
# with the dmidecode text of the same kind of machine: one BOM, both read
scan --dmidecode $dt/huawei-taishan.txt --cpuinfo $fx/root/kunpeng-cpuinfo/proc/cpuinfo -o "$out/ci-dmi.xml"
xp "$out/ci-dmi.xml" "$(mprop hwbom:coverage:cpu)" read
xp "$out/ci-dmi.xml" "$(mprop hwbom:coverage:dmi)" read
xp "$out/ci-dmi.xml" "$(dprop cpu:0 hwbom:origin:cpu-designer)" hisilicon
check cpuinfo-none 2 --cpuinfo $fx/pci/clean-dell.dump
check cpuinfo-missing 2 --cpuinfo $fx/root/no-such/cpuinfo
if "$hwbom" scan --help | grep -q -- "--dmidecode FILE" && "$hwbom" scan --help | grep -q -- "--cpuinfo FILE"; then ok; else
	bad "hwbom scan --help does not name --dmidecode and --cpuinfo"
fi
