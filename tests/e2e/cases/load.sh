# load.sh - big inputs cost what they should: a saved BOM past the bound
# on components is refused with the bound in the message (before its model
# takes gigabytes), and `hwbom diff` matches by sorted index, not by pairs.
# Sourced by ../run.sh. The BOMs are build-aux/mkbom.sh's.

build-aux/mkbom.sh 100001 >"$out/load-100001.xml"
timeout 60 "$hwbom" check --datadir $fx/db --policy vendor-db/policies/ndaa889.policy -q "$out/load-100001.xml" >"$out/load.out" 2>"$out/load.err"
same "100001 components: exit status" $? 2
same "100001 components: the message" "$(sed "s|$out/||" "$out/load.err")" \
	"hwbom: load-100001.xml:100008: more than 100000 components: not a BOM of one machine (hwbom reads at most 100000)"
same "100001 components: nothing on stdout" "$(cat "$out/load.out")" ""
rm -f "$out/load-100001.xml"

# diff of N and of 4N modules, half of them moved: matched pair by pair, 4N
# costs 16 times N (on the base commit: 0.8 s and 12.6 s); by sorted index,
# about 4 times. Measured in CPU seconds, so a busy machine or a sanitizer
# build slows both alike.
cpu() { # cpu N: CPU seconds of diff of N modules, half moved
	build-aux/mkbom.sh "$1" >"$out/load-a.xml"
	build-aux/mkbom.sh "$1" 50 >"$out/load-b.xml"
	/usr/bin/time -f "%U %S" -o "$out/load-time" "$hwbom" diff "$out/load-a.xml" "$out/load-b.xml" \
		>"$out/load-diff.out" 2>&1
	echo "diff exit $?" >>"$out/load-diff.out"
	tail -1 "$out/load-time" | awk '{ print $1 + $2 }'
}
small=$(cpu 10000)
big=$(cpu 40000)
same "diff of 40,000 with half moved: the count" "$(tail -2 "$out/load-diff.out" | tr '\n' ' ')" \
	"20000 differences diff exit 1 "
same "diff of 40,000: the moves" "$(grep -c '^moved  *memory:MOVED[0-9]*  location: memory:DIMM' "$out/load-diff.out")" 20000
if awk -v s="$small" -v b="$big" 'BEGIN { exit !(b < 9 * (s > 0.05 ? s : 0.05)) }'; then ok; else
	bad "diff: 4 times the components took $big s of CPU against $small s: not linear"
fi
rm -f "$out/load-a.xml" "$out/load-b.xml"
