# dell-clean.sh - the clean Dell (issue 6): a Dell Latitude 7410 laptop
# captured whole (tests/fixtures/root/dell-clean: SMBIOS, cpuinfo, SPD, PCI,
# USB, NVMe, EDID, the Wi-Fi's MAC, the TPM), on which every source is read
# and every role of every component names an entity that no list covers.
# Judged with the shipped database and every shipped policy (the us-federal
# profile), it is `clean`, not `unknown`. Sourced by ../run.sh.
dc=$fx/root/dell-clean

# dscan ARGS...: the captured Dell, the shipped database and policies, the
# test copies of the ID lists.
dscan() {
	"$hwbom" scan --datadir vendor-db --root "$dc" --ieee-dir $fx/ieee --pnp-ids $fx/pnp.ids \
		--pci-ids $fx/pci.ids --usb-ids $fx/usb.ids "$@"
}
# The same, without the database fingerprint, which any edit of vendor-db/
# changes: the golden says what this machine is and how it is judged.
dscan_nofp() {
	dscan "$@" >"$out/dc.raw"
	st=$?
	grep -v '<property name="hwbom:db:fingerprint">' "$out/dc.raw"
	return $st
}

# --- the exact BOM and text, clean, exit 0 even with --fail-on info ---------
runner=dscan_nofp
check dell-clean 0 --as-of 2026-07-01
valid "$out/dc.raw"
runner=dscan
check dell-clean-text 0 --as-of 2026-07-01 --format text
check dell-clean-fail-on-info 0 --as-of 2026-07-01 --fail-on info -o "$out/dc-info.xml"
# the whole of the fingerprint was all that was left out
b=$out/dc.raw
if grep -Eq '<property name="hwbom:db:fingerprint">[0-9a-f]{64}</property>' "$b"; then ok; else
	bad "dell-clean: no database fingerprint in the BOM"
fi
if [ "$(grep -c . "$b")" -eq "$(($(grep -c . "$out/dell-clean.out") + 1))" ]; then ok; else
	bad "dell-clean: the golden leaves out more than the fingerprint"
fi

# every source read, no role unseen, nothing unknown, no finding
xp $b "$(mprop hwbom:verdict)" clean
xp $b "$(mprop hwbom:coverage)" complete
xp $b "count(//*[local-name()='component']/*[local-name()='properties']/*[@name='hwbom:coverage'][.!='complete'])" 0
for s in dmi cpu memory pci usb storage display net tpm; do
	xp $b "$(mprop hwbom:coverage:$s)" read
done
xp $b "count(//*[local-name()='property'][@name='hwbom:unseen'])" 0
xp $b "count(//*[local-name()='property'][@name='hwbom:finding'])" 0
xp $b "count(//*[local-name()='component']/*[local-name()='properties']/*[@name='hwbom:verdict'][.!='clean'])" 0
xp $b "count(//*[local-name()='property'][starts-with(@name,'hwbom:origin:')][not(contains(substring-after(@name,'hwbom:origin:'),':'))][.='unknown' or .='none'])" 0
# every maker the issue names, read from its own source
xp $b "$(dprop system:system hwbom:origin:system-assembler)" dell
xp $b "$(dprop baseboard:baseboard hwbom:origin:board-maker)" dell
xp $b "$(dprop bios:bios hwbom:origin:firmware-vendor)" dell
xp $b "$(dprop cpu:U3E1 hwbom:origin:cpu-designer)" intel
xp $b "$(dprop 'memory:DIMM A' hwbom:origin:die-maker)" samsung
xp $b "$(dprop 'memory:DIMM A' hwbom:origin:die-maker:basis)" read
xp $b "$(dprop 'memory:DIMM B' hwbom:origin:die-maker)" sk-hynix
xp $b "$(dprop 'memory:DIMM B' hwbom:origin:module-maker)" sk-hynix
# one part, one component: the processor of SMBIOS type 4 and cpuinfo, each
# module of SMBIOS type 17 and its SPD EEPROM, the NVMe disk and its PCI
# function
xp $b "count(//*[local-name()='component'][starts-with(@bom-ref,'cpu:')])" 1
xp $b "count(//*[local-name()='component'][@bom-ref='cpu:U3E1']//*[@name='hwbom:witness'])" 2
xp $b "count(//*[local-name()='component'][starts-with(@bom-ref,'memory:')])" 2
xp $b "count(//*[local-name()='component'][@bom-ref='memory:DIMM B']//*[@name='hwbom:witness'][.='memory spd:0-0052'])" 1
xp $b "count(//*[local-name()='component'][@bom-ref='pci:0000:02:00.0'])" 0
xp $b "$(dprop storage:nvme0 hwbom:origin:chip-vendor)" samsung
xp $b "count(//*[local-name()='property'][@name='hwbom:conflict'])" 0
xp $b "$(dprop pci:0000:00:00.0 hwbom:origin:card-assembler)" dell
xp $b "$(dprop pci:0000:00:00.0 hwbom:pci.onboard)" yes
xp $b "$(dprop pci:0000:00:14.3 hwbom:net.interface)" wlan0
xp $b "$(dprop pci:0000:00:14.3 hwbom:origin:nic-registrant)" intel
xp $b "$(dprop storage:nvme0 hwbom:origin:storage-vendor)" samsung
xp $b "$(dprop display:card0-eDP-1 hwbom:origin:panel-maker)" auo
xp $b "$(dprop usb:1-10 hwbom:origin:device-vendor)" intel
# the TPM 2.0 of sysfs is the one SMBIOS type 43 names: one component
xp $b "$(dprop tpm:tpm hwbom:origin:tpm-maker)" infineon
xp $b "$(dprop tpm:tpm hwbom:tpm.device)" tpm0
xp $b "count(//*[local-name()='component'][@bom-ref='tpm:tpm0'])" 0

# the attestations: one per policy, one map per rule in force (three of
# pl113-6-516), each with conformance score 1: no requirement left without
# a score, as a machine with an unread source or an unknown maker would;
# but for the two FCC country-of-production rules in force, which see
# nothing without a purchase declaration, and affirm nothing
att="//*[local-name()='declarations']/*[local-name()='attestations']/*[local-name()='attestation']"
xp $b "count($att)" 7
xp $b "count($att/*[local-name()='map'])" 11
xp $b "count($att/*[local-name()='map'][*[local-name()='conformance']/*[local-name()='score']='1'])" 9
xp $b "count($att/*[local-name()='map'][not(*[local-name()='conformance'])][starts-with(*[local-name()='requirement'],'requirement:fcc-covered/foreign-')])" 2

# --- the us-federal profile is the same judgement --------------------------
dscan --as-of 2026-07-01 --profile us-federal -o "$out/dc-fed.xml"
same "dell-clean us-federal exit" $? 0
xp "$out/dc-fed.xml" "$(mprop hwbom:profile)" us-federal
xp "$out/dc-fed.xml" "$(mprop hwbom:verdict)" clean
# (the profile lists the policies in its own order: the same lines, sorted)
grep -v -e 'hwbom:db:fingerprint' -e 'hwbom:profile' "$out/dc-fed.xml" | sort >"$out/dc-fed.cmp"
sort "$out/dell-clean.out" >"$out/dc-def.cmp"
if cmp -s "$out/dc-fed.cmp" "$out/dc-def.cmp"; then ok; else
	bad "dell-clean: --profile us-federal judges otherwise than no --policy"
fi

# --- later: with NDAA FY2023 s.5949 in force, still clean -------------------
check dell-clean-2028-text 0 --as-of 2028-01-01 --fail-on info --format text
dscan --as-of 2028-01-01 -o "$out/dc-2028.xml"
same "dell-clean 2028 exit" $? 0
valid "$out/dc-2028.xml"
b=$out/dc-2028.xml
xp $b "$(mprop hwbom:verdict)" clean
xp $b "count($att/*[local-name()='map'][*[local-name()='requirement']='requirement:ndaa2023-5949/covered-semiconductor'])" 1
xp $b "count($att/*[local-name()='map'][not(*[local-name()='conformance'])])" 3
xp $b "count($att/*[local-name()='map'][*[local-name()='conformance']/*[local-name()='score']!='1'])" 0

# a TPM whose version is not the one SMBIOS describes is another TPM: not
# joined, its maker unread: unseen (the chip tells it to root), not unknown
cp -r "$dc" "$out/dell-tpm12"
echo 1 >"$out/dell-tpm12/sys/class/tpm/tpm0/tpm_version_major"
"$hwbom" scan --datadir vendor-db --root "$out/dell-tpm12" --ieee-dir $fx/ieee --pnp-ids $fx/pnp.ids \
	--pci-ids $fx/pci.ids --usb-ids $fx/usb.ids --as-of 2026-07-01 -o "$out/dc-tpm12.xml"
same "dell-tpm12 exit" $? 0
xp "$out/dc-tpm12.xml" "$(dprop tpm:tpm0 hwbom:origin:tpm-maker)" unknown
xp "$out/dc-tpm12.xml" "count($(dprop tpm:tpm hwbom:tpm.device | sed 's/^string//'))" 0
xp "$out/dc-tpm12.xml" "$(mprop hwbom:verdict)" clean
xp "$out/dc-tpm12.xml" "$(mprop hwbom:coverage)" partial
xp "$out/dc-tpm12.xml" "$(mprop hwbom:unseen)" tpm-maker

# --- the test can fail: one SO-DIMM with CXMT dies -------------------------
# The same tree with the SK hynix module's SPD replaced by one whose DRAM
# maker is CXMT (JEP106 bank 11, 0x91; the module maker stays SK hynix):
# blocked under s.5949 once it is in force.
cp -r "$dc" "$out/dell-cxmt"
printf '\212\221' | dd of="$out/dell-cxmt/sys/bus/i2c/drivers/ee1004/0-0052/eeprom" bs=1 seek=350 \
	conv=notrunc status=none # bytes 350-351: 0x8a 0x91
"$hwbom" scan --datadir vendor-db --root "$out/dell-cxmt" --ieee-dir $fx/ieee --pnp-ids $fx/pnp.ids \
	--pci-ids $fx/pci.ids --usb-ids $fx/usb.ids --as-of 2028-01-01 -o "$out/dc-cxmt.xml"
same "dell-cxmt 2028 exit" $? 1
valid "$out/dc-cxmt.xml"
b=$out/dc-cxmt.xml
xp $b "$(mprop hwbom:verdict)" block
xp $b "$(dprop 'memory:DIMM B' hwbom:id:jedec.dram)" 11:91
xp $b "$(dprop 'memory:DIMM B' hwbom:origin:die-maker)" cxmt
xp $b "$(dprop 'memory:DIMM B' hwbom:origin:die-maker:basis)" read
same "dell-cxmt findings" "$(findings $b 'memory:DIMM B' | grep ndaa2023-5949)" \
	"block ndaa2023-5949/covered-semiconductor die-maker cxmt"
xp $b "$(dprop 'memory:DIMM A' hwbom:verdict)" clean
xp $b "$(dprop system:system hwbom:verdict)" clean
runner=scan
