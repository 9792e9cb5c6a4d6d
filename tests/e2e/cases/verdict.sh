# verdict.sh - the verdict apart from the coverage (issue 12): what was read
# and found, said apart from what was not seen and how to see it; DRAM dies
# inferred from the module maker, and marked so; one part, one component;
# the BOM as CycloneDX consumers read it (--redact, names, versions); the
# text report at 80 columns. Sourced by ../run.sh; the variants of the
# fixtures are made here from the generated ones (root/dell-clean, the
# dmidecode text of dmi/mktext.sh).
dc=$fx/root/dell-clean
dt=$fx/dmi/text
cv=$out/cov
mkdir -p "$cv"

# cscan ARGS...: the shipped database and policies, the test ID lists
cscan() {
	"$hwbom" scan --datadir vendor-db --ieee-dir $fx/ieee --pnp-ids $fx/pnp.ids \
		--pci-ids $fx/pci.ids --usb-ids $fx/usb.ids --as-of 2026-07-01 "$@"
}

# --- the Dell without its SPD EEPROMs: dies inferred, coverage complete ------
# Its modules are Samsung's and SK hynix's, DRAM makers that use their own
# dies (vendor-db/data/dram.db): the die maker is inferred, and says so.
cp -r "$dc" "$cv/nospd"
rm -r "$cv/nospd/sys/bus/i2c"
cscan --root "$cv/nospd" -o "$cv/nospd.xml"
same "dell without SPD exit" $? 0
valid "$cv/nospd.xml"
b=$cv/nospd.xml
xp $b "$(mprop hwbom:verdict)" clean
xp $b "$(mprop hwbom:coverage)" complete
xp $b "$(mprop hwbom:coverage:memory)" unavailable
xp $b "$(dprop 'memory:DIMM A' hwbom:origin:die-maker)" samsung
xp $b "$(dprop 'memory:DIMM A' hwbom:origin:die-maker:basis)" inferred
xp $b "$(dprop 'memory:DIMM A' hwbom:origin:die-maker:inference)" "module maker samsung uses only its own DRAM dies"
xp $b "$(dprop 'memory:DIMM B' hwbom:origin:die-maker)" sk-hynix
xp $b "$(dprop 'memory:DIMM B' hwbom:origin:die-maker:basis)" inferred
xp $b "$(dprop 'memory:DIMM B' hwbom:origin:module-maker:basis)" read
# inspectors who must have everything read say so
cscan --root "$cv/nospd" --require complete -o /dev/null
same "nospd --require complete" $? 0
cscan --root "$cv/nospd" --require read -o /dev/null 2>"$cv/err"
same "nospd --require read" $? 1
same "nospd --require read says why" "$(cat "$cv/err")" \
	"hwbom: warning: --require read: memory:DIMM A die-maker samsung was inferred, not read"

# --- a Kingston module, no SPD: the die maker unseen, and how to see it -----
# Kingston assembles modules from others' dies: nothing to infer. (The
# Huawei TaiShan's dmidecode text, its SK hynix module made a Kingston.)
sed 's/^	Manufacturer: Hynix$/	Manufacturer: Kingston/; s/Module Manufacturer ID: Bank 1, Hex 0xAD/Module Manufacturer ID: Bank 2, Hex 0x98/; s/HMA84GR7CJR4N-XN/KSM32RD4\/32MRR/' \
	$dt/huawei-taishan.txt >"$cv/kingston.txt"
runner=cscan
check cov-kingston-text 1 --dmidecode "$cv/kingston.txt" --format text
check cov-kingston-require 1 --dmidecode "$cv/kingston.txt" --fail-on never --require complete -o "$cv/kingston.xml"
runner=scan
valid "$cv/kingston.xml"
b=$cv/kingston.xml
xp $b "$(dprop memory:DIMM010 hwbom:origin:module-maker)" kingston
xp $b "count(//*[local-name()='component'][@bom-ref='memory:DIMM010']//*[starts-with(@name,'hwbom:origin:die-maker')])" 0
xp $b "$(dprop memory:DIMM010 hwbom:coverage)" partial
xp $b "$(dprop memory:DIMM010 hwbom:unseen)" die-maker
xp $b "$(mprop hwbom:coverage)" partial
xp $b "count($(mprop hwbom:unseen | sed 's/^string//')[.='die-maker'])" 1
xp $b "$(mprop hwbom:unseen:die-maker:reason)" not-in-input
xp $b "$(mprop hwbom:unseen:die-maker:collect)" "sudo modprobe ee1004 && sudo hwbom scan"
# the Samsung module beside it: inferred
xp $b "$(dprop memory:DIMM000 hwbom:origin:die-maker)" samsung
xp $b "$(dprop memory:DIMM000 hwbom:origin:die-maker:basis)" inferred
# the attestation of a rule that reaches the unseen role affirms nothing
att="//*[local-name()='declarations']/*[local-name()='attestations']/*[local-name()='attestation']"
xp $b "count($att/*[local-name()='map'][*[local-name()='requirement']='requirement:ndaa889/covered-producer'][*[local-name()='conformance']])" 1
xp $b "count($att[starts-with(*[local-name()='summary'],'ndaa889 ')][contains(*[local-name()='summary'],'coverage partial, unseen: ')])" 1

# a module whose maker string names nobody, numbered in Samsung's scheme
sed 's/^	Manufacturer: Samsung$/	Manufacturer: Unknown/; s/Module Manufacturer ID: Bank 1, Hex 0xCE/Module Manufacturer ID: Unknown/' \
	$dt/huawei-taishan.txt >"$cv/partno.txt"
cscan --dmidecode "$cv/partno.txt" --fail-on never -o "$cv/partno.xml"
xp "$cv/partno.xml" "$(dprop memory:DIMM000 hwbom:origin:die-maker)" samsung
xp "$cv/partno.xml" "$(dprop memory:DIMM000 hwbom:origin:die-maker:key)" partno:M393A

# --- repeated DIMM locators, duplicate structures: unique bom-refs ------------
# the type 1 structure twice, a memory device twice with its handle, and a
# third with the same locator and another handle
{
	sed -n '1,228p' $dt/huawei-taishan.txt
	sed -n '24,34p' $dt/huawei-taishan.txt
	sed -n '130,164p' $dt/huawei-taishan.txt
	sed -n '130,164p' $dt/huawei-taishan.txt | sed 's/^Handle 0x0011/Handle 0x0014/; s/40E3A1B2/40E3A1B9/'
	sed -n '229,$p' $dt/huawei-taishan.txt
} >"$cv/dup.txt"
cscan --dmidecode "$cv/dup.txt" --fail-on never -o "$cv/dup.xml"
same "duplicates exit" $? 0
valid "$cv/dup.xml"
same "duplicates: bom-refs unique" "$(grep -o 'bom-ref="[^"]*"' "$cv/dup.xml" | sort | uniq -d)" ""
xp "$cv/dup.xml" "count(//*[local-name()='component'][starts-with(@bom-ref,'memory:DIMM000')])" 3
xp "$cv/dup.xml" "count(//*[local-name()='component'][@bom-ref='system:system #2'])" 1

# --- a BOM written by the previous version, judged into the new form ---------
# tests/fixtures/bom/v0.1.0-dell-nospd.xml: hwbom 0.1.0 (main at b9775b7)
# scanned the Dell without SPD: unknown (the die maker unseen), the
# processor twice, the disk twice
cp $fx/bom/v0.1.0-dell-nospd.xml "$cv/old.xml"
"$hwbom" check --datadir vendor-db --as-of 2026-07-01 -o "$cv/new" "$cv/old.xml" >"$cv/old.sum"
same "check of a 0.1.0 BOM exit" $? 0
same "check of a 0.1.0 BOM" "$(cat "$cv/old.sum")" \
	"$cv/old.xml: unknown -> clean, 0 new, 0 cleared; coverage complete"
valid "$cv/new/old.xml"
b=$cv/new/old.xml
xp $b "$(mprop hwbom:verdict)" clean
xp $b "$(mprop hwbom:coverage)" complete
xp $b "count(//*[local-name()='component'][starts-with(@bom-ref,'cpu:')])" 1
xp $b "count(//*[local-name()='component'][@bom-ref='pci:0000:02:00.0'])" 0
xp $b "$(dprop 'memory:DIMM A' hwbom:origin:die-maker:basis)" inferred
# and the new form checked again comes back byte for byte
"$hwbom" check --datadir vendor-db --as-of 2026-07-01 -q -o "$cv/again" "$b" >/dev/null
if cmp -s "$b" "$cv/again/old.xml"; then ok; else bad "check of a re-judged 0.1.0 BOM changed it"; fi

# --- --redact: no serial, UUID or MAC address leaves the building ------------
cscan --root "$dc" --redact -o "$cv/redact.xml"
same "redact exit" $? 0
valid "$cv/redact.xml"
for secret in TESTDL7410 CNCMK0000000001 41A2B3C4 41a2b3c4 S4ENNX0TEST0001 \
	"$(cat "$dc/sys/class/net/wlan0/address")" \
	"$(xmllint --xpath "$(dprop system:system hwbom:id:smbios.uuid)" "$out/dc.raw")"; do
	if [ -n "$secret" ] && grep -qi -- "$secret" "$cv/redact.xml"; then
		bad "--redact left '$secret' in the BOM"
	else ok; fi
done
xp "$cv/redact.xml" "$(dprop system:system hwbom:id:smbios.serial)" \
	"sha256:$(printf %s TESTDL7410 | openssl dgst -sha256 -r | cut -c1-16)"
xp "$cv/redact.xml" "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='name'])" "Dell Inc. Latitude 7410"
xp "$cv/redact.xml" "count($(mprop hwbom:redacted | sed 's/^string//'))" 1

# --- CycloneDX as its consumers read it ---------------------------------------
b=$out/dc.raw
# the machine named from SMBIOS (maker, product, serial), not after the
# input; --name still wins
xp $b "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='name'])" "Dell Inc. Latitude 7410 TESTDL7410"
cscan --root "$dc" --name dell-7410 -o "$cv/named.xml"
xp "$cv/named.xml" "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='name'])" dell-7410
# the BIOS version in <version>; placeholder serials left out
xp $b "string(//*[local-name()='component'][@bom-ref='bios:bios']/*[local-name()='version'])" 1.15.0
xp "$cv/dup.xml" "count(//*[local-name()='property'][starts-with(@name,'hwbom:id:')][contains(@name,'serial')][.='Not Specified' or .='To Be Filled By O.E.M.' or .='0' or .='--'])" 0
# a manufacturer or supplier is an entity's name or the hardware's string,
# never a sentence
for f in "$b" "$cv/kingston.xml" "$out/nn.xml" "$out/dt-nosmbios.xml" "$out/vvv.out"; do
	[ -f "$f" ] || continue
	n=$(xmllint --xpath "count(//*[local-name()='manufacturer' or local-name()='supplier']/*[local-name()='name'][contains(.,'not ') or contains(.,'placeholder') or contains(.,'naming') or contains(.,'read')])" "$f" 2>/dev/null)
	same "no sentence for a maker's name in $(basename "$f")" "$n" 0
done

# --- the text report fits 80 columns, CJK included ---------------------------
# the largest fixture (the PCI dump of most functions) with -v, and a
# machine whose product name is CJK, two columns a character: its verdict
# still starts under VERDICT
"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --pci-ids $fx/pci.ids \
	--as-of 2024-06-01 --pci-dump "$(ls -S $fx/pci/*.dump | head -1)" --format text -v \
	>"$cv/wide.txt" 2>/dev/null
sed 's/^	Product Name: TaiShan 200 (Model 2280)$/	Product Name: 泰山服务器二百型号二二八零测试版本/' \
	$dt/huawei-taishan.txt >"$cv/cjk-dmi.txt"
cscan --dmidecode "$cv/cjk-dmi.txt" --format text >"$cv/cjk.txt" 2>/dev/null
if grep -q '泰山' "$cv/cjk.txt"; then ok; else bad "no CJK name in the text report"; fi
for f in "$cv/wide.txt" "$cv/cjk.txt" "$exp/cov-kingston-text.out" "$exp/dell-clean-text.out"; do
	w=$(LC_ALL=C.UTF-8 wc -L <"$f")
	if [ "$w" -le 80 ]; then ok; else bad "$(basename "$f"): a line of $w columns (more than 80)"; fi
done
cols=$(python3 -c '
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head = next(l for l in lines if l.startswith("LOCATION"))
row = next(l for l in lines if l.startswith("system "))
print(w(head[:head.index("VERDICT")]), w(row[:row.rindex(" block")+1]))' "$cv/cjk.txt")
same "CJK: the verdict column aligns" "$cols" "$(echo "$cols" | cut -d' ' -f1) $(echo "$cols" | cut -d' ' -f1)"
