#!/bin/sh
# run.sh HWBOM - end-to-end tests of `hwbom scan` on the project's recorded PCI
# fixtures: exact output (expected/), exit status, error messages, schema
# validity of every BOM, atomic output files.
#
# UPDATE=1 tests/e2e/run.sh ./hwbom rewrites expected/ from the current
# output: read the diff before committing it.
set -u

hwbom=${1:?usage: $0 HWBOM}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
fx=tests/fixtures
exp=tests/e2e/expected
schema=tests/schema/bom-1.6.SNAPSHOT.xsd
out=$(mktemp -d)
# the IEEE index cache of these runs (see probes/net/oui_index.h), not the user's
export HWBOM_CACHE_DIR="$out/cache"
trap 'rm -rf "$out"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Scan with the test database, the shipped NDAA 889 policy and the tiny pci.ids.
scan() {
	"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
		--pci-ids $fx/pci.ids --as-of 2024-06-01 "$@"
}

# A scan of the recorded USB devices of $usbdev under umockdev, so that the
# real libusb code path runs with no USB bus; no other probe.
uscan() {
	umockdev-run --device "$fx/usb/$usbdev.umockdev" -- \
		"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
		--usb-ids $fx/usb.ids --as-of 2024-06-01 --probe usb --name "$usbdev" "$@"
}
# The same devices read as a captured tree: umockdev's sysfs under --root.
uscan_root() {
	umockdev-run --device "$fx/usb/$usbdev.umockdev" -- sh -c \
		'exec "$0" scan --root "$UMOCKDEV_DIR" "$@"' "$hwbom" \
		--datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
		--usb-ids $fx/usb.ids --as-of 2024-06-01 --probe usb --name "$usbdev" "$@"
}
runner=scan

# check NAME WANT_STATUS ARGS...: exit status, exact stdout, exact stderr
# of $runner (scan unless set).
check() {
	name=$1 want=$2
	shift 2
	$runner "$@" >"$out/$name.out" 2>"$out/$name.err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		bad "$name: exit status $got, expected $want"
		sed 's/^/    /' "$out/$name.err"
	else
		ok
	fi
	for s in out err; do
		if [ -n "${UPDATE:-}" ]; then
			if [ -s "$out/$name.$s" ]; then cp "$out/$name.$s" "$exp/$name.$s"; else rm -f "$exp/$name.$s"; fi
			continue
		fi
		if [ -f "$exp/$name.$s" ]; then
			if diff -u "$exp/$name.$s" "$out/$name.$s" >"$out/diff"; then ok; else
				bad "$name: std$s differs from $exp/$name.$s"
				head -40 "$out/diff"
			fi
		elif [ -s "$out/$name.$s" ]; then
			bad "$name: unexpected std$s:"
			head -5 "$out/$name.$s"
		else
			ok
		fi
	done
}

# golden NAME: $out/NAME.out and .err are exactly as expected/ holds them
# (for a command run by hand, e.g. in another directory)
golden() {
	for s in out err; do
		if [ -n "${UPDATE:-}" ]; then
			if [ -s "$out/$1.$s" ]; then cp "$out/$1.$s" "$exp/$1.$s"; else rm -f "$exp/$1.$s"; fi
		elif [ -f "$exp/$1.$s" ] && diff -u "$exp/$1.$s" "$out/$1.$s"; then ok
		elif [ ! -f "$exp/$1.$s" ] && [ ! -s "$out/$1.$s" ]; then ok
		else bad "$1: std$s differs from $exp/$1.$s"; fi
	done
}

# valid FILE: the BOM validates against the CycloneDX 1.6 XSD, offline.
valid() {
	if [ ! -f "$schema" ]; then
		bad "$schema is missing (make schema)"
	elif xmllint --nonet --noout --schema "$schema" "$1" 2>"$out/xsd.err"; then
		ok
	else
		bad "$1 does not validate:"
		head -5 "$out/xsd.err"
	fi
}

# xp FILE XPATH WANT: the string value of an XPath expression.
xp() {
	got=$(xmllint --xpath "$2" "$1" 2>/dev/null)
	if [ "$got" = "$3" ]; then ok; else bad "$1: $2 is '$got', expected '$3'"; fi
}

prop() { # prop LOCATION NAME: XPath of a component property's value
	echo "string(//*[local-name()='component'][@bom-ref='pci:$1']/*[local-name()='properties']/*[local-name()='property'][@name='$2'])"
}
dprop() { # dprop BOM-REF NAME
	echo "string(//*[local-name()='component'][@bom-ref='$1']/*[local-name()='properties']/*[local-name()='property'][@name='$2'])"
}
mprop() { # mprop NAME: XPath of a machine property's value
	echo "string(//*[local-name()='metadata']/*[local-name()='properties']/*[local-name()='property'][@name='$1'])"
}

# --- recorded machines: exact BOMs ---------------------------------------
check huawei-taishan 1 --pci-dump $fx/pci/huawei-taishan.dump
check intel-on-lenovo 0 --pci-dump $fx/pci/intel-on-lenovo.dump
check clean-dell 0 --pci-dump $fx/pci/clean-dell.dump
check crlf 1 --pci-dump $fx/pci/crlf.dump
check vvv 1 --pci-dump $fx/pci/vvv.dump
check huawei-server-sysfs 1 --root $fx/root/huawei-server
check empty-tree 0 --root $fx/root/empty
check huawei-taishan-text 1 --pci-dump $fx/pci/huawei-taishan.dump --format text
check intel-on-lenovo-text 0 --pci-dump $fx/pci/intel-on-lenovo.dump --format text
check clean-dell-text 0 --pci-dump $fx/pci/clean-dell.dump --format text
check powered-down-text 0 --pci-dump $fx/pci/powered-down.dump --format text
for f in huawei-taishan intel-on-lenovo clean-dell crlf vvv huawei-server-sysfs empty-tree; do
	valid "$out/$f.out"
done

# the facts the issue names, read back from the BOMs
b=$out/huawei-taishan.out
xp $b "$(prop 0000:3b:00.0 hwbom:id:pci.vendor)" 19e5
xp $b "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor)" huawei
xp $b "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor:country)" CN
xp $b "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor:controller)" huawei-holding
xp $b "$(prop 0000:3b:00.0 hwbom:finding)" "block ndaa889/covered-producer chip-vendor huawei"
xp $b "$(prop 0000:3c:00.0 hwbom:origin:chip-vendor)" intel
xp $b "$(prop 0000:3c:00.0 hwbom:origin:card-assembler)" huawei
xp $b "$(prop 0000:3c:00.0 hwbom:finding)" "block ndaa889/covered-producer card-assembler huawei"
xp $b "$(mprop hwbom:verdict)" block
b=$out/intel-on-lenovo.out
xp $b "$(prop 0000:3b:00.0 hwbom:id:pci.subvendor)" 17aa
xp $b "$(prop 0000:3b:00.0 hwbom:origin:card-assembler)" lenovo
xp $b "$(prop 0000:3b:00.0 hwbom:verdict)" clean
xp $b "$(prop 0000:5e:00.0 hwbom:id:pci.class)" 010802
xp $b "count(//*[local-name()='property'][@name='hwbom:finding'])" 0
# every part read is judged clean; what a PCI dump cannot show is coverage
xp $b "$(mprop hwbom:verdict)" clean
xp $b "$(mprop hwbom:coverage)" partial
xp $b "$(mprop hwbom:unseen:system-assembler:reason)" not-in-input
xp $b "$(mprop hwbom:unseen:system-assembler:collect)" "sudo dmidecode --dump-bin F; hwbom scan --dmi-dump F (or dmidecode's text: --dmidecode F)"
b=$out/vvv.out
xp $b "$(prop 0000:03:00.0 hwbom:origin:chip-vendor)" unknown
xp $b "$(prop 0000:03:00.0 hwbom:verdict)" unknown
scan --pci-dump $fx/pci/powered-down.dump -o "$out/pd.xml"
valid "$out/pd.xml"
xp "$out/pd.xml" "$(prop 0000:01:00.1 hwbom:verdict)" unknown
xp "$out/pd.xml" "$(prop 0000:00:02.0 hwbom:origin:card-assembler)" dell
b=$out/clean-dell.out
xp $b "count(//*[local-name()='components']//*[local-name()='property'][@name='hwbom:verdict'][.!='clean'])" 0

# --- a user overlay adds to the database and its records win ---------------
scan --pci-dump $fx/pci/vvv.dump --db-overlay $fx/db/overlay.db -o "$out/overlay.xml"
xp "$out/overlay.xml" "$(prop 0000:03:00.0 hwbom:origin:chip-vendor)" realtek
xp "$out/overlay.xml" "$(prop 0000:03:00.0 hwbom:origin:chip-vendor:country)" TW
xp "$out/overlay.xml" "$(prop 0000:03:00.0 hwbom:origin:chip-vendor:source)" local-inventory
xp "$out/overlay.xml" "$(prop 0000:03:00.0 hwbom:origin:card-assembler)" asus
xp "$out/overlay.xml" "$(prop 0000:03:00.0 hwbom:origin:chip-vendor:overlay)" "$fx/db/overlay.db"
# a shipped record is not marked as coming from the overlay
xp "$out/overlay.xml" "count(//*[local-name()='property'][@name='hwbom:origin:chip-vendor:overlay'])" 1
# an overlay that maps a shipped key elsewhere replaces the shipped mapping
scan --pci-dump $fx/pci/vvv.dump --db-overlay $fx/db/overlay-clash.db -o "$out/overlay-clash.xml"
xp "$out/overlay-clash.xml" "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor)" intel
xp "$out/overlay-clash.xml" "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor:source)" local
xp "$out/overlay-clash.xml" "$(prop 0000:3b:00.0 hwbom:origin:chip-vendor:overlay)" "$fx/db/overlay-clash.db"
valid "$out/overlay-clash.xml"
# but it may not close an ownership loop; the overlay's line is named
check overlay-cycle 2 --pci-dump $fx/pci/vvv.dump --db-overlay $fx/db/overlay-cycle.db

# --- SMBIOS: dumps, trees, hostile tables -----------------------------------
check dmi-taishan 1 --dmi-dump $fx/dmi/huawei-taishan.bin
check dmi-whitebox-text 0 --dmi-dump $fx/dmi/whitebox-2.8.bin --format text
scan --dmi-dump $fx/dmi/whitebox-2.8.bin -o "$out/wb.xml"
xp "$out/wb.xml" "$(dprop memory:ChannelB-DIMM0 hwbom:origin:module-maker)" sk-hynix
xp "$out/wb.xml" "$(dprop memory:ChannelB-DIMM0 hwbom:origin:module-maker:key)" jedec:1:ad
xp "$out/wb.xml" "$(dprop memory:ChannelC-DIMM0 hwbom:origin:module-maker)" cxmt
xp "$out/wb.xml" "$(dprop memory:ChannelD-DIMM0 hwbom:origin:module-maker:key)" jedec:3:9e
check dmi-tables-tree 1 --root $fx/root/dmi-tables --probe dmi
check dmi-id-tree-text 0 --root $fx/root/dmi-id --probe dmi --format text
valid "$out/dmi-taishan.out"
valid "$out/dmi-tables-tree.out"
# without root the serials cannot be read: the coverage says which
cp -r $fx/root/dmi-id "$out/dmi-noroot"
mkdir "$out/dmi-noroot/sys/class/dmi/id/product_serial" # there, but unreadable
scan --root "$out/dmi-noroot" --probe dmi -o "$out/noroot.xml"
xp "$out/noroot.xml" "$(mprop hwbom:coverage:dmi)" partial
xp "$out/noroot.xml" "$(mprop hwbom:coverage:dmi:detail)" "dmi/id attributes (no SMBIOS tables: they need root); not read: product_serial"
for f in bad-checksum bad-truncated; do
	check "dmi-$f" 2 --dmi-dump $fx/dmi/$f.bin -o "$out/none.xml"
done
# faults inside a sound table: warned about, the rest decoded
for f in bad-len bad-string-index bad-unterminated bad-255; do
	check "dmi-$f" 0 --dmi-dump $fx/dmi/$f.bin -o "$out/dmi-$f.xml"
	valid "$out/dmi-$f.xml"
done
b=$out/dmi-taishan.out
xp $b "$(dprop system:system hwbom:origin:system-assembler)" huawei
xp $b "$(dprop system:system hwbom:id:smbios.uuid)" 4c444544-4200-1035-8052-b2c04f4b4e32
xp $b "$(dprop cpu:CPU0 hwbom:origin:cpu-designer)" hisilicon
xp $b "$(dprop cpu:CPU0 hwbom:finding)" "block ndaa889/covered-producer cpu-designer hisilicon"
xp $b "$(dprop cpu:CPU0 hwbom:id:cpu.family)" 0101
xp $b "$(dprop memory:DIMM000 hwbom:id:jedec)" 1:ce
xp $b "$(dprop memory:DIMM000 hwbom:id:memory.size-mb)" 32768
xp $b "count(//*[local-name()='component'][@bom-ref='memory:DIMM020'])" 0
xp $b "$(dprop tpm:tpm hwbom:id:tpm.vendor)" HISI
xp $b "$(dprop tpm:tpm hwbom:origin:tpm-maker)" huawei
# the same values as dmidecode reads them from the same dump
if command -v dmidecode >/dev/null 2>&1; then
	d=$fx/dmi/huawei-taishan.bin
	xp $b "$(dprop system:system hwbom:id:smbios.manufacturer)" "$(dmidecode --from-dump $d -s system-manufacturer 2>/dev/null)"
	xp $b "$(dprop system:system hwbom:id:smbios.uuid)" "$(dmidecode --from-dump $d -s system-uuid 2>/dev/null)"
	xp $b "$(dprop baseboard:baseboard hwbom:id:smbios.product)" "$(dmidecode --from-dump $d -s baseboard-product-name 2>/dev/null)"
	xp $b "$(dprop bios:bios hwbom:id:smbios.version)" "$(dmidecode --from-dump $d -s bios-version 2>/dev/null)"
else
	bad "dmidecode is missing (apt-get install dmidecode): cannot cross-check the SMBIOS decoding"
fi

# the machine takes its maker from SMBIOS; a card made by the system's
# assembler is on its board
scan --dmi-dump $fx/dmi/huawei-taishan.bin --pci-dump $fx/pci/huawei-taishan.dump --name taishan \
	-o "$out/both.xml"
valid "$out/both.xml"
xp "$out/both.xml" "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='manufacturer']/*[local-name()='name'])" "Huawei Technologies Co., Ltd."
xp "$out/both.xml" "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='description'])" "TaiShan 200 (Model 2280)"
xp "$out/both.xml" "$(dprop pci:0000:3c:00.0 hwbom:pci.onboard)" yes
xp "$out/both.xml" "count(//*[local-name()='property'][@name='hwbom:pci.onboard'])" 1

# --- CPU: /proc/cpuinfo of captured trees ----------------------------------
check cpu-kunpeng-text 1 --root $fx/root/kunpeng-cpuinfo --probe cpu --format text
check cpu-zhaoxin 0 --root $fx/root/zhaoxin-cpuinfo --probe cpu
valid "$out/cpu-zhaoxin.out"
xp "$out/cpu-zhaoxin.out" "$(dprop cpu:0 hwbom:id:cpuid.vendor)" "  Shanghai  "
xp "$out/cpu-zhaoxin.out" "$(dprop cpu:0 hwbom:origin:cpu-designer)" zhaoxin
xp "$out/cpu-zhaoxin.out" "$(dprop cpu:0 hwbom:id:cpu.family)" 07
scan --root $fx/root/loongson-cpuinfo --probe cpu -o "$out/loongson.xml"
xp "$out/loongson.xml" "$(dprop cpu:0 hwbom:id:cpu.model-name)" Loongson-3A5000
xp "$out/loongson.xml" "$(dprop cpu:0 hwbom:origin:cpu-designer)" loongson
mkdir -p "$out/nocpu/proc" && echo "processor : 0" >"$out/nocpu/proc/cpuinfo"
scan --root "$out/nocpu" --probe cpu -o /dev/null 2>"$out/err"
if [ $? -eq 2 ] && grep -q "no processor vendor" "$out/err"; then ok; else bad "cpuinfo without a vendor: $(cat "$out/err")"; fi

# --- displays: EDID of DRM connectors ---------------------------------------
check display-laptop 0 --root $fx/root/laptop-displays --probe display --pnp-ids $fx/pnp.ids
valid "$out/display-laptop.out"
b=$out/display-laptop.out
xp $b "$(dprop display:card0-eDP-1 hwbom:id:pnp)" BOE
xp $b "$(dprop display:card0-eDP-1 hwbom:origin:panel-maker)" boe
xp $b "$(dprop display:card0-HDMI-A-1 hwbom:id:edid.serial)" CN0XYZ12AB34
xp $b "count(//*[local-name()='component'][starts-with(@bom-ref,'display:')])" 2

# --- storage: NVMe and SCSI disks in a captured tree --------------------------
check storage-mix 1 --root $fx/root/storage-mix --probe storage
valid "$out/storage-mix.out"
b=$out/storage-mix.out
xp $b "$(dprop storage:nvme0 hwbom:origin:storage-vendor)" samsung
xp $b "$(dprop storage:nvme0 hwbom:storage.pci)" pci:0000:3d:00.0
xp $b "$(dprop storage:nvme0 hwbom:id:storage.serial)" S4EWNX0R123456A
xp $b "$(dprop storage:nvme1 hwbom:origin:storage-vendor)" ymtc
xp $b "$(dprop storage:sda hwbom:origin:storage-vendor)" samsung
xp $b "$(dprop storage:sdb hwbom:finding)" "block ndaa889/covered-producer storage-vendor huawei"
xp $b "count(//*[local-name()='component'][@bom-ref='storage:loop0'])" 0

# --- NICs: permanent MACs and their IEEE registrants ------------------------
check nics 1 --root $fx/root/nics --probe pci --probe usb --probe net --ieee-dir $fx/ieee \
	--usb-ids $fx/usb.ids
valid "$out/nics.out"
b=$out/nics.out
xp $b "$(dprop nic:eth0 hwbom:id:oui)" 30fbb8
xp $b "$(dprop nic:eth0 hwbom:origin:nic-registrant)" huawei
xp $b "$(dprop nic:eth0 hwbom:oui.country)" CN
xp $b "$(dprop pci:0000:3b:00.0 hwbom:net.interface)" eth1
xp $b "$(dprop pci:0000:3b:00.0 hwbom:id:oui)" 3cfdfea
xp $b "$(dprop pci:0000:3b:00.0 hwbom:origin:nic-registrant:country)" GB
xp $b "count(//*[local-name()='component'][@bom-ref='nic:eth1' or @bom-ref='nic:wlan0' or @bom-ref='nic:br0' or @bom-ref='nic:lo' or @bom-ref='nic:eth2'])" 0
# a USB NIC joins its USB device
xp $b "$(dprop usb:2-1 hwbom:net.interface)" eth2
xp $b "$(dprop usb:2-1 hwbom:net.driver)" r8152
xp $b "$(dprop usb:2-1 hwbom:origin:nic-registrant)" realtek

# --- memory: DDR4 SPD EEPROMs --------------------------------------------------
check spd 0 --root $fx/root/spd --probe memory
valid "$out/spd.out"
b=$out/spd.out
xp $b "$(dprop memory:spd:0-0050 hwbom:origin:die-maker)" samsung
xp $b "$(dprop memory:spd:0-0051 hwbom:id:jedec.dram)" 11:91
xp $b "$(dprop memory:spd:0-0051 hwbom:origin:die-maker)" cxmt
xp $b "$(dprop memory:spd:0-0051 hwbom:origin:module-maker)" samsung
xp $b "count(//*[local-name()='component'][@bom-ref='memory:spd:0-0052'])" 0
xp $b "$(dprop memory:spd:1-0053 hwbom:origin:die-maker)" sk-hynix
xp $b "$(dprop memory:spd:1-0053 hwbom:id:smbios.part-number)" HMT41GU6BFR8C-PB
xp $b "count(//*[local-name()='component'][@bom-ref='memory:spd:1-0054'])" 0

# --- TPM: the chip's own manufacturer id --------------------------------------
check tpm12 0 --root $fx/root/tpm/tpm12 --probe tpm
valid "$out/tpm12.out"
xp "$out/tpm12.out" "$(dprop tpm:tpm0 hwbom:id:tpm.vendor)" IFX
xp "$out/tpm12.out" "$(dprop tpm:tpm0 hwbom:origin:tpm-maker)" infineon
# a TPM 2.0 in a capture: sysfs does not name its maker, which stays unknown
check tpm20 0 --root $fx/root/tpm/tpm20 --probe tpm
xp "$out/tpm20.out" "$(dprop tpm:tpm0 hwbom:origin:tpm-maker)" unknown
# ...unseen: the part was read, not its maker; the chip tells it to root
xp "$out/tpm20.out" "$(dprop tpm:tpm0 hwbom:verdict)" clean
xp "$out/tpm20.out" "$(dprop tpm:tpm0 hwbom:coverage)" partial
xp "$out/tpm20.out" "$(dprop tpm:tpm0 hwbom:unseen)" tpm-maker
xp "$out/tpm20.out" "$(mprop hwbom:unseen:tpm-maker:reason)" needs-root

# --- judged as of another day ---------------------------------------------
check huawei-before-889 0 --pci-dump $fx/pci/huawei-taishan.dump --as-of 2019-08-12 --format text

# --- --fail-on --------------------------------------------------------------
# a clean dump alone is clean, coverage partial: --fail-on does not count the
# coverage, --require complete does
check clean-fail-on-unknown 0 --pci-dump $fx/pci/clean-dell.dump --fail-on unknown -o $out/x.xml
check clean-require-complete 1 --pci-dump $fx/pci/clean-dell.dump --require complete -o $out/x.xml
check clean-require-bad 2 --pci-dump $fx/pci/clean-dell.dump --require everything -o $out/x.xml
# --- waivers: in force, the finding stays and does not count; expired, it does
check waived 0 --pci-dump $fx/pci/huawei-taishan.dump --waivers $fx/waivers/huawei.waivers --format text
check waiver-expired 1 --pci-dump $fx/pci/huawei-taishan.dump --waivers $fx/waivers/huawei.waivers \
	--as-of 2025-06-01 --format text
scan --pci-dump $fx/pci/huawei-taishan.dump --waivers $fx/waivers/huawei.waivers -o "$out/waived.xml"
valid "$out/waived.xml"
xp "$out/waived.xml" "$(prop 0000:3c:00.0 hwbom:finding)" "block ndaa889/covered-producer card-assembler huawei"
xp "$out/waived.xml" "$(prop 0000:3c:00.0 hwbom:verdict)" clean
xp "$out/waived.xml" "$(prop 0000:3c:00.0 hwbom:waiver)" \
	"ndaa889/covered-producer card-assembler huawei: waived by w-huawei (TEST-2024-001, approved by Contracting Officer (test) on 2024-01-01, until 2025-01-01)"
check waiver-bad 2 --pci-dump $fx/pci/huawei-taishan.dump --waivers $fx/waivers/bad.waivers -o "$out/w.xml"
if [ ! -e "$out/w.xml" ]; then ok; else bad "a bad waiver file left an output file"; fi
check waiver-missing 2 --pci-dump $fx/pci/huawei-taishan.dump --waivers $fx/waivers/none.waivers

# info is below unknown: nothing is found on the same machine either
check clean-fail-on-info 0 --pci-dump $fx/pci/clean-dell.dump --fail-on info -o $out/x.xml
check huawei-fail-never 0 --pci-dump $fx/pci/huawei-taishan.dump --fail-on never -o $out/x.xml

# --- malformed input: status 2, the file and line named, no output ---------
for f in bad-truncated bad-cut-line bad-garbage bad-empty bad-token bad-long-line bad-no-data \
	bad-header-only-text; do
	echo keep >"$out/keep.xml"
	check "$f" 2 --pci-dump $fx/pci/$f.dump -o "$out/keep.xml"
	if [ "$(cat "$out/keep.xml")" = keep ] && [ -z "$(ls "$out" | grep 'keep.xml.')" ]; then ok; else
		bad "$f: -o file was touched or a temporary file left behind"
	fi
done
check bad-missing-device 2 --root $fx/root/bad-missing-device -o "$out/none.xml"
if [ -e "$out/none.xml" ]; then bad "bad-missing-device: wrote $out/none.xml"; else ok; fi
check missing-dump 2 --pci-dump $fx/pci/no-such.dump
check missing-root 2 --root $fx/root/no-such

check bad-pci-ids 2 --pci-dump $fx/pci/crlf.dump --pci-ids $fx/bad-pci.ids

# trees made here: an entry that is no PCI address, an attribute that is no number
mkdir -p "$out/t1/sys/bus/pci/devices/README" "$out/t2/sys/bus/pci/devices/0000:00:01.0"
printf '0x8086\n' >"$out/t2/sys/bus/pci/devices/0000:00:01.0/vendor"
printf 'garbage\n' >"$out/t2/sys/bus/pci/devices/0000:00:01.0/device"
printf '0x020000\n' >"$out/t2/sys/bus/pci/devices/0000:00:01.0/class"
for t in t1 t2; do
	scan --root "$out/$t" >/dev/null 2>"$out/err"
	if [ $? -eq 2 ]; then ok; else bad "tree $t: exit status is not 2"; fi
	sed "s|$out/||" "$out/err" >"$out/$t.err"
done
if [ "$(cat "$out/t1.err")" = "hwbom: t1/sys/bus/pci/devices/README: not a PCI address (dddd:bb:dd.f)" ]; then ok; else
	bad "tree t1: $(cat "$out/t1.err")"
fi
if [ "$(cat "$out/t2.err")" = "hwbom: t2/sys/bus/pci/devices/0000:00:01.0/device:1: not a hex number: \"garbage\"" ]; then ok; else
	bad "tree t2: $(cat "$out/t2.err")"
fi

# --- usage errors -----------------------------------------------------------
check bad-as-of 2 --as-of 2024-02-30
check bad-format 2 --format json
check bad-fail-on 2 --fail-on clean
check stray-argument 2 extra
check unknown-policy 2 --policy no-such-policy --pci-dump $fx/pci/clean-dell.dump

# --- output files -----------------------------------------------------------
rm -f "$out/a.xml"
(umask 022 && scan --pci-dump $fx/pci/clean-dell.dump -o "$out/a.xml")
if [ "$(stat -c %a "$out/a.xml" 2>/dev/null)" = 644 ]; then ok; else bad "-o file mode is not 644"; fi
if cmp -s "$out/a.xml" "$out/clean-dell.out"; then ok; else bad "-o output differs from stdout"; fi
scan --pci-dump $fx/pci/clean-dell.dump -o "$out/b.xml"
if cmp -s "$out/a.xml" "$out/b.xml"; then ok; else bad "two runs differ"; fi
scan --pci-dump $fx/pci/clean-dell.dump --timestamp --serial -o "$out/c.xml"
valid "$out/c.xml"
xp "$out/c.xml" "boolean(/*/@serialNumber)" true
if scan --pci-dump $fx/pci/clean-dell.dump -o /nonexistent-dir/x.xml 2>"$out/err"; then
	bad "writing into a missing directory succeeded"
elif grep -q "^hwbom: /nonexistent-dir/x.xml: cannot create a temporary file beside it" "$out/err"; then ok; else
	bad "unclear message for an unwritable -o: $(cat "$out/err")"
fi

# a device or a pipe (-o /dev/null) is written directly: never renamed over
mkfifo "$out/fifo"
cat "$out/fifo" >"$out/fifo.out" &
scan --pci-dump $fx/pci/clean-dell.dump -o "$out/fifo"
wait
if [ -p "$out/fifo" ] && cmp -s "$out/fifo.out" "$out/a.xml"; then ok; else
	bad "-o FIFO: the FIFO was replaced, or the BOM did not come through it"
fi
if scan --pci-dump $fx/pci/clean-dell.dump -o "$out" 2>"$out/err"; then
	bad "-o DIRECTORY succeeded"
elif grep -q "is a directory" "$out/err"; then ok; else bad "-o DIRECTORY: $(cat "$out/err")"; fi

# --- names come only from the given pci.ids --------------------------------
"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --as-of 2024-06-01 \
	--pci-ids $fx/no-such.ids --pci-dump $fx/pci/clean-dell.dump -o "$out/noids.xml" 2>"$out/err"
if grep -q "warning: pci: $fx/no-such.ids: No such file or directory; devices will have no names" "$out/err"; then ok; else
	bad "no warning for a missing pci.ids: $(cat "$out/err")"
fi
valid "$out/noids.xml"
xp "$out/noids.xml" "string(//*[local-name()='component'][@bom-ref='pci:0000:00:1f.6']/*[local-name()='name'])" "pci device 0000:00:1f.6"

# --- the command's own help -------------------------------------------------
if "$hwbom" --help | grep -q "^Usage: hwbom COMMAND"; then ok; else bad "hwbom --help"; fi
if "$hwbom" scan --help | grep -q -- "--pci-dump FILE"; then ok; else bad "hwbom scan --help"; fi
if "$hwbom" --version | grep -Eq "^hwbom [0-9]+\.[0-9]+\.[0-9]+$"; then ok; else bad "hwbom --version"; fi
"$hwbom" frobnicate 2>/dev/null
if [ $? -eq 2 ]; then ok; else bad "unknown command does not exit 2"; fi

# --- the shipped database and policies judge the same fixtures -------------
"$hwbom" scan --datadir vendor-db --pci-ids $fx/pci.ids --as-of 2024-06-01 \
	--pci-dump $fx/pci/huawei-taishan.dump -o "$out/shipped.xml"
if [ $? -eq 1 ]; then ok; else bad "shipped database: Huawei dump does not exit 1"; fi
valid "$out/shipped.xml"
xp "$out/shipped.xml" "$(prop 0000:3c:00.0 hwbom:origin:chip-vendor)" intel
# every shipped policy judges it: the findings of the card, in order
findings() { # findings FILE BOM-REF: the component's findings, one per line
	xmllint --xpath "//*[local-name()='component'][@bom-ref='$2']/*[local-name()='properties']/*[local-name()='property'][@name='hwbom:finding']/text()" "$1" 2>/dev/null
}
same() { # same NAME GOT WANT
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}
same "shipped policies 2024" "$(findings "$out/shipped.xml" pci:0000:3c:00.0)" \
"info dod-1260h/listed card-assembler huawei
info entity-list/listed card-assembler huawei
block fcc-covered/covered-entity card-assembler huawei
block ndaa889/covered-producer card-assembler huawei
review pl113-6-516/owned-or-directed card-assembler huawei"
# the same judgement as CycloneDX attestations: each policy a standard, each
# rule in force a map from its requirement to the claims and a score
ns="*[local-name()='declarations']/*[local-name()='attestations']/*[local-name()='attestation']"
mapx="//$ns/*[local-name()='map'][*[local-name()='requirement']='requirement:ndaa889/covered-producer']"
xp "$out/shipped.xml" "string($mapx/*[local-name()='conformance']/*[local-name()='score'])" 0
xp "$out/shipped.xml" "count(//*[local-name()='standard'])" 7
c1=$(xmllint --xpath "string($mapx/*[local-name()='claims']/*[local-name()='claim'][1])" "$out/shipped.xml" 2>/dev/null)
xp "$out/shipped.xml" "string(//*[local-name()='declarations']/*[local-name()='claims']/*[local-name()='claim'][@bom-ref='$c1']/*[local-name()='target'])" pci:0000:00:00.0
# far-52.204-23 finds nothing here: conformance 1 is only given when every
# source was read, so a PCI-only dump (verdict unknown) gets no score
fmap="//$ns/*[local-name()='map'][*[local-name()='requirement']='requirement:far-52.204-23/kaspersky']"
xp "$out/shipped.xml" "count($fmap)" 1
xp "$out/shipped.xml" "count($fmap/*[local-name()='conformance'])" 0
# from 2026-06-30 the §805 bar makes the 1260H listing a review finding
"$hwbom" scan --datadir vendor-db --pci-ids $fx/pci.ids --as-of 2026-07-01 \
	--pci-dump $fx/pci/huawei-taishan.dump -o "$out/shipped-2026.xml"
same "shipped policies 2026" "$(findings "$out/shipped-2026.xml" pci:0000:3c:00.0 | head -1)" \
	"review dod-1260h/contract-bar card-assembler huawei"
# laptops: a Huawei-assembled one with Intel silicon is blocked through its
# system assembler; an Honor one is while Honor was Huawei's, not after
"$hwbom" scan --datadir vendor-db --as-of 2024-06-01 --policy ndaa889 \
	--dmi-dump $fx/dmi/huawei-matebook.bin -o "$out/matebook.xml"
same "matebook exit" $? 1
same "matebook" "$(findings "$out/matebook.xml" system:system)" \
	"block ndaa889/covered-producer system-assembler huawei"
xp "$out/matebook.xml" "string(//*[local-name()='component'][*[local-name()='properties']/*[@name='hwbom:kind']='cpu'][1]/*[local-name()='properties']/*[@name='hwbom:verdict'])" clean
for pair in 2020-06-01:1 2021-06-01:0; do
	"$hwbom" scan --datadir vendor-db --as-of ${pair%:*} --policy ndaa889 \
		--dmi-dump $fx/dmi/honor-magicbook.bin -o "$out/honor.xml"
	same "honor ${pair%:*} exit" $? ${pair#*:}
done
same "honor after the sale" "$(findings "$out/honor.xml" system:system)" ""
# profiles: dod raises the §805 bar to block, us-federal keeps it at review
for pair in us-federal:review dod:block; do
	"$hwbom" scan --datadir vendor-db --pci-ids $fx/pci.ids --as-of 2026-07-01 --profile ${pair%:*} \
		--pci-dump $fx/pci/huawei-taishan.dump -o "$out/profile.xml"
	same "profile ${pair%:*}" "$(findings "$out/profile.xml" pci:0000:3c:00.0 | grep dod-1260h)" \
		"${pair#*:} dod-1260h/contract-bar card-assembler huawei"
	xp "$out/profile.xml" "$(mprop hwbom:profile)" "${pair%:*}"
done
"$hwbom" scan --datadir vendor-db --profile dod --policy ndaa889 --pci-dump $fx/pci/vvv.dump \
	>/dev/null 2>&1
same "--profile with --policy" $? 2
"$hwbom" scan --datadir vendor-db --profile no-such --pci-dump $fx/pci/vvv.dump >/dev/null 2>&1
same "--profile no-such" $? 2
# §5949: CXMT DRAM dies are a review finding before 2027-12-23 and block after
for pair in 2027-01-01:0:review:before-effect 2028-01-01:1:block:covered-semiconductor; do
	d=${pair%%:*} rest=${pair#*:}
	"$hwbom" scan --datadir vendor-db --root $fx/root/spd --probe memory --as-of $d \
		--policy ndaa2023-5949 -o "$out/5949.xml" 2>/dev/null
	same "5949 $d exit" $? "${rest%%:*}"
	rest=${rest#*:}
	same "5949 $d" "$(findings "$out/5949.xml" memory:spd:0-0051)" \
		"${rest%%:*} ndaa2023-5949/${rest#*:} die-maker cxmt"
	same "5949 $d samsung die" "$(findings "$out/5949.xml" memory:spd:0-0050)" ""
done
valid "$out/5949.xml"
"$hwbom" scan --datadir vendor-db --pci-ids $fx/pci.ids --as-of 2024-06-01 \
	--pci-dump $fx/pci/intel-on-lenovo.dump -o "$out/shipped2.xml"
xp "$out/shipped2.xml" "$(prop 0000:3b:00.0 hwbom:origin:card-assembler)" lenovo
xp "$out/shipped2.xml" "$(prop 0000:5e:00.0 hwbom:origin:chip-vendor)" samsung

# --- USB: recorded devices under umockdev ---------------------------------
if ! command -v umockdev-run >/dev/null 2>&1; then
	bad "umockdev-run is missing (apt-get install umockdev): the USB tests cannot run"
else
	# device file and the exit status its BOM must give (1: a block finding)
	for pair in huawei-modem:1 quectel-module:0 tplink-wifi:0 lenovo-keyboard:0 \
		logitech-receiver:0 hub-tree:0 hostile-strings:0; do
		usbdev=${pair%:*}
		runner=uscan
		check "usb-$usbdev" "${pair#*:}"
		valid "$out/usb-$usbdev.out"
		# the captured tree gives the same components
		uscan_root -o "$out/root.xml" 2>/dev/null
		xmllint --xpath "//*[local-name()='components']" "$out/usb-$usbdev.out" >"$out/a.c" 2>/dev/null
		xmllint --xpath "//*[local-name()='components']" "$out/root.xml" >"$out/b.c" 2>/dev/null
		if [ -s "$out/a.c" ] && cmp -s "$out/a.c" "$out/b.c"; then ok; else
			bad "usb-$usbdev: --root of the same tree gives other components"
			diff "$out/a.c" "$out/b.c" | head -10
		fi
	done
	uprop() { # uprop LOCATION NAME: XPath of a USB component property's value
		echo "string(//*[local-name()='component'][@bom-ref='usb:$1']/*[local-name()='properties']/*[local-name()='property'][@name='$2'])"
	}
	b=$out/usb-huawei-modem.out
	xp $b "$(uprop 1-2 hwbom:id:usb.vendor)" 12d1
	xp $b "$(uprop 1-2 hwbom:origin:device-vendor)" huawei
	xp $b "$(uprop 1-2 hwbom:finding)" "block ndaa889/covered-producer device-vendor huawei"
	xp $b "$(uprop 1-0 hwbom:usb.hub)" root
	xp $b "$(uprop 1-0 hwbom:usb.controller)" pci:0000:00:14.0
	xp $b "count(//*[local-name()='component'][@bom-ref='usb:1-0']//*[starts-with(@name,'hwbom:origin:')])" 0
	b=$out/usb-tplink-wifi.out
	xp $b "$(uprop 1-5 hwbom:origin:device-vendor)" tp-link
	xp $b "$(uprop 1-5 hwbom:origin:device-brand)" realtek
	xp $b "$(uprop 1-5 hwbom:conflict)" 'idVendor usb:2357 names tp-link, the manufacturer string "Realtek" names realtek'
	b=$out/usb-hub-tree.out
	xp $b "count(//*[local-name()='component'][starts-with(@bom-ref,'usb:')])" 7
	xp $b "$(uprop 1-1.4.2.1 hwbom:id:usb.product)" 5581
	xp $b "$(uprop 1-1.4 hwbom:usb.hub)" hub
	xp $b "$(uprop 2-1 hwbom:usb.speed)" 5000
	b=$out/usb-hostile-strings.out
	xp $b "string-length($(uprop 1-3 hwbom:id:usb.serial | sed 's/^string//'))" 1025
	xp $b "$(uprop 1-4 hwbom:usb.strings)" missing
	xp $b "$(uprop 1-5 hwbom:id:usb.vendor)" 0403
	usbdev=tplink-wifi
	check usb-tplink-wifi-text 0 --format text
	runner=scan

	# nothing is opened when sysfs describes a device; a device without
	# sysfs strings is asked, and its silence is recorded
	if command -v strace >/dev/null 2>&1; then
		usbdev=logitech-receiver
		strace -f -e trace=open,openat -o "$out/strace" sh -c \
			'umockdev-run --device "$0" -- "$1" scan --probe usb --datadir "$2" -o /dev/null' \
			"$fx/usb/$usbdev.umockdev" "$hwbom" "$fx/db" 2>/dev/null
		# (umockdev itself creates the nodes: O_CREAT)
		grep -E 'dev/bus/usb/[0-9]+/[0-9]+"' "$out/strace" | grep -v O_CREAT >"$out/opens"
		if [ -s "$out/opens" ]; then
			bad "the USB scan opened a device node: $(head -1 "$out/opens")"
		else ok; fi
	else
		bad "strace is missing (apt-get install strace): cannot check that no device is opened"
	fi
fi

# --- hwbom db: lookup, lint, stats -------------------------------------------
dbrun() { sub=$1; shift; "$hwbom" db "$sub" --datadir $fx/db --ieee-dir $fx/ieee --as-of 2024-06-01 "$@"; }
runner=dbrun
check db-lookup 0 lookup pci:19E5 "oui:30-fb-b8-12-34-56" smbios:HUAWEI tpm:hisi "cpuid:  Shanghai  "
check db-lookup-unknown 1 lookup usb:ffff pci:0x8086
check db-lookup-bad 2 lookup nonsense
check db-lint 0 lint
check db-stats 0 stats
check db-lint-overlay 0 lint --db-overlay $fx/db/overlay-clash.db

# --- hwbom policy: list, show ------------------------------------------------
prun() { sub=$1; shift; "$hwbom" policy "$sub" --datadir vendor-db --as-of 2027-01-01 "$@"; }
runner=prun
check policy-list 0 list
check policy-show 0 show ndaa2023-5949 vendor-db/policies/dod-1260h.policy
check policy-show-unknown 2 show no-such-policy
check policy-show-none 2 show
check policy-bad-command 2 frob
printf 'policy p title=T citation=C edition=2020-01-01 src=pl115-232\nrule r list=ndaa889 reach=all roles=* severity=block from=2020-01-01 cite=x src=pl115-232\n' >"$out/bad.policy"
prun show "$out/bad.policy" >/dev/null 2>"$out/err"
if [ $? -eq 2 ] && grep -q "bad.policy:2: rule needs reach=self, subsidiaries or affiliates" "$out/err"; then ok; else
	bad "policy show of a malformed policy: $(cat "$out/err")"
fi
runner=scan
# the shipped database passes its own lint
if "$hwbom" db lint --datadir vendor-db >/dev/null 2>"$out/err"; then ok; else
	bad "hwbom db lint fails on the shipped database: $(cat "$out/err")"
fi

# ./hwbom finds vendor-db/ beside it; a lone copy says what to do
if [ "$hwbom" = ./hwbom ]; then
	"$hwbom" scan --pci-ids $fx/pci.ids --pci-dump $fx/pci/clean-dell.dump --as-of 2024-06-01 \
		--fail-on never -o "$out/tree.xml" 2>"$out/err" && [ ! -s "$out/err" ] && ok ||
		bad "the tree's binary without --datadir: $(cat "$out/err")"
fi
# (only where no hwbom is installed in the default place)
if [ "$hwbom" = ./hwbom ] && [ ! -e /usr/local/share/hwbom ]; then
	cp "$hwbom" "$out/lone-hwbom"
	"$out/lone-hwbom" scan --pci-dump $fx/pci/clean-dell.dump >/dev/null 2>"$out/err"
	if [ $? -eq 2 ] && grep -q "^hwbom: no database in /usr/local/share/hwbom/data: No such file or directory (give --datadir DIR, or make install)$" "$out/err"; then ok; else
		bad "a lone binary without a database: $(cat "$out/err")"
	fi
fi

# --- further cases, one file a subject (they use the helpers above) ---------
for f in tests/e2e/cases/*.sh; do
	[ -e "$f" ] || continue
	runner=scan
	. "$f"
done

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
