# graphs.sh - the ownership graph is checked in linear time: a long plain
# chain is no cycle, a deep "diamond" (each level owned twice by the next)
# takes no time, a real cycle is still refused, and look-through shares
# over a diamond's 2^N paths are summed exactly. Sourced by ../run.sh.

# overlay NAME LEVELS SHAPE: an overlay of LEVELS owners above hisilicon,
# SHAPE chain (each owned 100% by the next) or diamond (each level two
# entities, each owned 50% by both of the next level), ending at a
# state-owned top
overlay() {
	awk -v n="$2" -v shape="$3" 'BEGIN {
		print "source  graph-test  date=2026-01-01  title=\"hwbom test: generated owners\""
		print "entity  top  name=\"Top\"  country=CN  control=soe-central  src=graph-test"
		for (i = 1; i <= n; i++) {
			printf "entity  a%d  name=\"A%d\"  country=CN  control=private  src=graph-test\n", i, i
			if (shape == "diamond")
				printf "entity  b%d  name=\"B%d\"  country=CN  control=private  src=graph-test\n", i, i
		}
		if (shape == "chain") {
			print "owner   a1  huawei-holding  share=100  src=graph-test"
			for (i = 1; i < n; i++)
				printf "owner   a%d  a%d  share=100  src=graph-test\n", i + 1, i
			printf "owner   top  a%d  share=100  src=graph-test\n", n
		} else {
			print "owner   a1  huawei-holding  share=50  src=graph-test"
			print "owner   b1  huawei-holding  share=50  src=graph-test"
			for (i = 1; i < n; i++) {
				printf "owner   a%d  a%d  share=50  src=graph-test\n", i + 1, i
				printf "owner   b%d  a%d  share=50  src=graph-test\n", i + 1, i
				printf "owner   a%d  b%d  share=50  src=graph-test\n", i + 1, i
				printf "owner   b%d  b%d  share=50  src=graph-test\n", i + 1, i
			}
			printf "owner   top  a%d  share=100  src=graph-test\n", n
			printf "owner   top  b%d  share=100  src=graph-test\n", n
		}
	}' >"$out/$1.db"
}
glint() { timeout 20 "$hwbom" db lint --datadir $fx/db --db-overlay "$out/$1.db"; }

overlay chain70 70 chain
glint chain70 >"$out/chain70.out" 2>&1
same "a chain of 70 owners is no cycle" "$?" 0
overlay chain3000 3000 chain
glint chain3000 >"$out/chain3000.out" 2>&1
same "a chain of 3000 owners" "$?" 0
overlay diamond40 40 diamond
glint diamond40 >"$out/diamond40.out" 2>&1
same "a diamond of 40 levels (2^40 paths), checked at once" "$?" 0
# the look-through share of hisilicon held by top: 100% over 2^40 paths
timeout 20 "$hwbom" db lookup --datadir $fx/db --db-overlay "$out/diamond40.db" --as-of 2027-01-01 \
	arm:0x48 >"$out/diamond40.lookup" 2>&1
same "diamond: lookup exit status" "$?" 0
same "diamond: the state share summed over every path" \
	"$(sed -n 's/^  state share on 2027-01-01: \([^ ]*\) over .*/\1/p' "$out/diamond40.lookup")" "100%"
# a cycle is still one, and the line named is the overlay's
{ cat "$out/chain70.db"; echo "owner   a1  a70  share=10  src=graph-test"; } >"$out/cycle.db"
glint cycle >"$out/cycle.out" 2>&1
same "a cycle of 71 owners: exit status" "$?" 2
same "a cycle of 71 owners: the message" "$(sed "s|$out/||" "$out/cycle.out")" \
	"hwbom: cycle.db:74: ownership cycle: a1 already owns a2, directly or not"
