# --- country of production: the FCC Covered List's category entries ---------
# (sourced by run.sh) A purchase declaration says what hwbom cannot see: that
# the machine is a consumer router, and where it was produced.
dc=$fx/root/dell-clean
# pscan NAME STATUS ARGS...: the clean Dell, the shipped database, the FCC
# policy; the findings lines of the text output, exactly
pscan() {
	name=$1 want=$2
	shift 2
	"$hwbom" scan --datadir vendor-db --policy fcc-covered --root "$dc" --ieee-dir $fx/ieee \
		--pnp-ids $fx/pnp.ids --pci-ids $fx/pci.ids --usb-ids $fx/usb.ids -q --format text "$@" \
		>"$out/$name.raw" 2>"$out/$name.err"
	got=$?
	[ "$got" -eq "$want" ] && ok || bad "$name: exit status $got, expected $want ($(cat "$out/$name.err"))"
	sed -n '1,/^not covered:/p' "$out/$name.raw" | grep -v '^not covered:' >"$out/$name.out"
	golden "$name"
}
# produced in CN, judged the day before the router entry and the day after
pscan produced-router-before 0 --declaration $fx/purchase/router-cn.xml --as-of 2026-03-22
pscan produced-router-cn 1 --declaration $fx/purchase/router-cn.xml --as-of 2026-04-01
# produced at home: not covered; no country declared: unknown, never clean
pscan produced-router-us 0 --declaration $fx/purchase/router-us.xml --as-of 2026-04-01
pscan produced-router-nowhere 0 --declaration $fx/purchase/router-nowhere.xml --as-of 2026-04-01
grep -q "^    system:system: fcc-covered/foreign-routers: declared a consumer-router, with$" \
	"$out/produced-router-nowhere.raw" && ok || bad "a router with no country of production is not unknown"
# without a declaration, the category rules reach nothing
pscan produced-router-none 0 --as-of 2026-04-01
# a Conditional Approval is a waiver
printf 'waiver ca-1 component=system:system rule=fcc-covered/foreign-routers approved-by="DoW" ref="Conditional Approval 2026-17" date=2026-03-30\n' >"$out/ca.waivers"
pscan produced-router-waived 0 --declaration $fx/purchase/router-cn.xml --as-of 2026-04-01 --waivers "$out/ca.waivers"

# the BOM keeps what was declared: hwbom check judges it again without the
# declaration, and a new declaration replaces it
"$hwbom" scan --datadir vendor-db --policy fcc-covered --root "$dc" --ieee-dir $fx/ieee \
	--pnp-ids $fx/pnp.ids --pci-ids $fx/pci.ids --usb-ids $fx/usb.ids -q --fail-on never \
	--declaration $fx/purchase/router-cn.xml --as-of 2026-03-22 -o "$out/router.xml"
valid "$out/router.xml"
xp "$out/router.xml" "$(dprop system:system hwbom:declared.category)" consumer-router
xp "$out/router.xml" "$(dprop system:system hwbom:declared.country-of-production)" CN
"$hwbom" check --datadir vendor-db --policy fcc-covered --as-of 2026-04-01 -v "$out/router.xml" >"$out/router.sum"
[ $? -eq 1 ] && grep -q "^  + system:system block fcc-covered/foreign-routers produced-in CN$" "$out/router.sum" &&
	ok || bad "check of a declared router: $(cat "$out/router.sum")"
"$hwbom" check --datadir vendor-db --policy fcc-covered --as-of 2026-04-01 \
	--declaration $fx/purchase/router-us.xml "$out/router.xml" >"$out/router.sum"
[ $? -eq 0 ] && grep -q "router.xml: clean, unchanged; coverage complete$" "$out/router.sum" &&
	ok || bad "check with a new declaration: $(cat "$out/router.sum")"

# bad declarations and rules: named with file and line, exit 2
pscan produced-bad-category 2 --declaration $fx/purchase/bad-category.xml
printf 'policy p title=T citation=C edition=2026-01-01 src=fcc-covered-list\nrule r test=produced-abroad categories=consumer-router home=US roles=* severity=block from=2026-03-23 cite=x src=fcc-covered-list\n' >"$out/p1.policy"
printf 'policy p title=T citation=C edition=2026-01-01 src=fcc-covered-list\nrule r test=produced-abroad categories=drone home=US severity=block from=2026-03-23 cite=x src=fcc-covered-list\n' >"$out/p2.policy"
printf 'policy p title=T citation=C edition=2026-01-01 src=fcc-covered-list\nrule r test=produced-abroad categories=uas severity=block from=2026-03-23 cite=x src=fcc-covered-list\n' >"$out/p3.policy"
for n in 1 2 3; do
	"$hwbom" scan --datadir vendor-db --policy "$out/p$n.policy" --pci-dump $fx/pci/clean-dell.dump \
		--pci-ids $fx/pci.ids -o "$out/p.xml" 2>"$out/p$n.err"
	[ $? -eq 2 ] && [ ! -e "$out/p.xml" ] && ok || bad "policy p$n: not refused"
	sed "s|$out/||" "$out/p$n.err" >"$out/produced-policy-$n.err"
	: >"$out/produced-policy-$n.out"
	golden "produced-policy-$n"
done
