# wellformed.sh - every BOM is well-formed XML and valid against the XSD,
# whatever the device strings hold and however often firmware repeats a
# name. Sourced by ../run.sh.

# --- bytes a lenient UTF-8 decoder lets through ---------------------------
scan --lspci $fx/lspci/utf8-edges.lspci -o "$out/wf-utf8.xml"
same "utf8-edges: exit status" $? 0
# xmllint's parser is strict: a BOM with BF BF in it is not XML at all
valid "$out/wf-utf8.xml"
# the text around each bad sequence is kept, the sequence replaced
same "utf8-edges: stray continuation bytes" \
	"$(xmllint --xpath "string(//*[local-name()='property'][@name='hwbom:id:pci.vendor-name'])" "$out/wf-utf8.xml")" \
	"Stray �� Continuations"
scan --dmidecode $fx/dmi/text/repeated.txt -o "$out/wf-rep.xml"
same "repeated: exit status" $? 1
valid "$out/wf-rep.xml"

# --- repeated sockets, locators and structures: unique bom-refs ------------
refs() { grep -o 'bom-ref="[^"]*"' "$1" | sort; }
same "repeated: every bom-ref once" "$(refs "$out/wf-rep.xml" | uniq -d)" ""
same "repeated: the repeats numbered" \
	"$(refs "$out/wf-rep.xml" | grep -e 'cpu:' -e 'memory:' | tr '\n' ' ')" \
	'bom-ref="cpu:CPU0 #2" bom-ref="cpu:CPU0" bom-ref="memory:DIMM000 #2" bom-ref="memory:DIMM000" '
# the same on every run, and the same when the BOM is judged again
scan --dmidecode $fx/dmi/text/repeated.txt -o "$out/wf-rep2.xml"
if cmp -s "$out/wf-rep.xml" "$out/wf-rep2.xml"; then ok; else bad "repeated: two runs differ"; fi
rm -rf "$out/wf-check"
"$hwbom" check --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --as-of 2024-06-01 \
	-o "$out/wf-check" "$out/wf-rep.xml" >"$out/wf-check.out" 2>&1
same "repeated: check exit status" $? 1
valid "$out/wf-check/wf-rep.xml"
same "repeated: check keeps the refs" "$(refs "$out/wf-check/wf-rep.xml")" "$(refs "$out/wf-rep.xml")"
same "repeated: check sees no change" "$(sed 's/; coverage .*//' "$out/wf-check.out")" "$out/wf-rep.xml: block, unchanged"
