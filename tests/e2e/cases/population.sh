# population.sh - what real machines write, as the linuxhw/DMI collection
# shows it (issue 11): Dell's 12-hex-digit memory maker ids with a CXMT die,
# placeholders in every maker field, dmidecode's own warnings inside its
# text, and the database lint's rules on the facts. Sourced by ../run.sh.
# The machines are the project's generators' (tests/fixtures/dmi/mksmbios.py,
# mktext.sh); the judgements use the shipped database and policies.
ship() { "$hwbom" scan --datadir vendor-db "$@"; }

# --- a Dell whose memory firmware writes "80AD00008A91": SK hynix modules,
# CXMT dies (bank 11, 0x91); NDAA FY2023 s.5949 reviews before 2027-12-23
# and blocks from it, from the binary tables and from dmidecode's text alike
for src in "--dmi-dump $fx/dmi/dell-cxmt.bin" "--dmidecode $fx/dmi/text/dell-cxmt.txt"; do
	# shellcheck disable=SC2086
	ship --as-of 2027-12-22 --policy ndaa2023-5949 $src -o "$out/cxmt-1.xml" 2>"$out/cxmt.err"
	same "cxmt before: exit ($src)" $? 0
	xp "$out/cxmt-1.xml" "$(mprop hwbom:verdict)" review
	xp "$out/cxmt-1.xml" "$(dprop "memory:DIMM A" hwbom:origin:die-maker)" cxmt
	xp "$out/cxmt-1.xml" "$(dprop "memory:DIMM A" hwbom:origin:die-maker:key)" jedec:11:91
	xp "$out/cxmt-1.xml" "$(dprop "memory:DIMM A" hwbom:origin:module-maker)" sk-hynix
	same "cxmt before: findings" "$(findings "$out/cxmt-1.xml" "memory:DIMM B")" \
		"review ndaa2023-5949/before-effect die-maker cxmt"
	valid "$out/cxmt-1.xml"
	# shellcheck disable=SC2086
	ship --as-of 2027-12-23 --policy ndaa2023-5949 $src -o "$out/cxmt-2.xml" 2>"$out/cxmt.err"
	same "cxmt after: exit ($src)" $? 1
	xp "$out/cxmt-2.xml" "$(mprop hwbom:verdict)" block
	same "cxmt after: findings" "$(findings "$out/cxmt-2.xml" "memory:DIMM A")" \
		"block ndaa2023-5949/covered-semiconductor die-maker cxmt"
done

# --- placeholders in every maker field: unknown, each one named as a
# placeholder, never "not in the database"; the module whose string says
# nothing falls back to its SMBIOS 3.2 Module Manufacturer ID
ship --policy ndaa889 --dmi-dump $fx/dmi/placeholders.bin --format text -q >"$out/ph.txt" 2>&1
same "placeholders: exit" $? 0
if grep -q "not in the origin database" "$out/ph.txt"; then
	bad "placeholders: $(grep -m1 'not in the origin database' "$out/ph.txt")"
else ok; fi
for s in "system-assembler not known: smbios.manufacturer:System manufacturer is a placeholder" \
	"board-maker not known: smbios.manufacturer:To Be Filled By O.E.M. is a placeholder" \
	"firmware-vendor not known: smbios.manufacturer:Default string is a placeholder" \
	"cpu-designer not known: smbios.manufacturer:Unknown is a placeholder" \
	"module-maker not known: smbios.manufacturer:ABCD is a placeholder" \
	"module-maker not known: smbios.manufacturer:Manufacturer0 is a placeholder" \
	"module-maker not known: smbios.manufacturer:0000 is a placeholder"; do
	# the report wraps at 80 columns: read it as one line
	if tr -s '\n ' '  ' <"$out/ph.txt" | grep -qF "$s"; then ok; else bad "placeholders: no '$s'"; fi
done
ship --policy ndaa889 --dmi-dump $fx/dmi/placeholders.bin -o "$out/ph.xml" 2>/dev/null
xp "$out/ph.xml" "$(mprop hwbom:verdict)" unknown
xp "$out/ph.xml" "$(dprop memory:DIMM3 hwbom:origin:module-maker)" samsung
xp "$out/ph.xml" "$(dprop memory:DIMM3 hwbom:origin:module-maker:key)" jedec:1:ce
valid "$out/ph.xml"

# --- dmidecode's own warning and a wrapper's line: read past, said, the
# same BOM as without them
scan --dmidecode $fx/dmi/text/huawei-matebook.txt --name w -o "$out/w0.xml" 2>/dev/null
s0=$?
scan --dmidecode $fx/dmi/text/dmidecode-warnings.txt --name w -o "$out/w1.xml" 2>"$out/w1.err"
same "dmidecode warnings: exit" $? $s0
same_bom "dmidecode warnings" "$out/w0.xml" "$out/w1.xml"
same "dmidecode warnings: said" "$(cut -d: -f6- "$out/w1.err")" \
" not a line of dmidecode's (\"[proxychains] DLL init: proxychains-ng 4.13\"); read past
 dmidecode's own warning \"Wrong DMI structures length: 1331 bytes announced, only 1205 bytes available.\"; read past"

# --- db lint: shares need dates; PRC control=unknown entities a note
printf 'entity dark name=Dark country=CN control=unknown src=test\nowner dark realtek share=5 src=test\n' \
	>"$out/lint-overlay.db"
"$hwbom" db lint --datadir $fx/db --db-overlay "$out/lint-overlay.db" >"$out/lint.out" 2>"$out/lint.err"
same "lint: exit" $? 0
same "lint: warnings" "$(sed "s|$out/||" "$out/lint.err")" \
"hwbom: warning: tests/fixtures/db/data/test.db:31: owner huawei -> hisilicon share=100 has no from= date
hwbom: warning: tests/fixtures/db/data/test.db:56: owner huawei-holding -> huawei share=100 has no from= date
hwbom: warning: lint-overlay.db:2: owner dark -> realtek share=5 has no from= date
hwbom: warning: lint-overlay.db:1: entity dark (CN, control=unknown) has no note= saying what was searched"
"$hwbom" db lint --strict --datadir $fx/db --db-overlay "$out/lint-overlay.db" >/dev/null 2>&1
same "lint --strict: exit" $? 1
