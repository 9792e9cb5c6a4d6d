# lsusb.sh - `hwbom scan --lsusb FILE`: USB devices judged from lsusb,
# lsusb -v, lsusb -t and usb-devices text (sourced by ../run.sh).
#
# The text fixtures (tests/fixtures/lsusb/, made by mklsusb.sh) are the
# real tools' output over the same umockdev records the libusb path reads,
# so the two must give the same components and verdicts wherever the text
# carries the facts. Broken files are made here from the real ones.

lscan() { # the USB probe alone, on the test usb.ids
	scan --usb-ids $fx/usb.ids --probe usb "$@"
}
# components NAME FILE: the <components> of a BOM
components() {
	xmllint --xpath "//*[local-name()='components']" "$2" >"$out/$1.c" 2>/dev/null
}
lsfx=$fx/lsusb
# verdicts FILE: "vendor:product verdict" of each USB component, sorted
verdicts() {
	for r in $(xmllint --xpath "//*[local-name()='component'][starts-with(@bom-ref,'usb:')]/@bom-ref" "$1" 2>/dev/null |
		sed 's/ bom-ref="\([^"]*\)"/\1 /g'); do
		q="//*[local-name()='component'][@bom-ref='$r']/*[local-name()='properties']/*[@name='hwbom:"
		echo "$(xmllint --xpath "string(${q}id:usb.vendor'])" "$1"):$(xmllint --xpath "string(${q}id:usb.product'])" "$1") $(xmllint --xpath "string(${q}verdict'])" "$1")"
	done | sort
}

if ! command -v umockdev-run >/dev/null 2>&1; then
	bad "umockdev-run is missing (apt-get install umockdev): --lsusb cannot be compared with libusb"
else
	# the fixtures are what the tools write today
	if [ -x "$(command -v lsusb)" ] && [ -x "$(command -v usb-devices)" ]; then
		if $lsfx/mklsusb.sh --check >"$out/stale" 2>&1; then ok; else
			bad "tests/fixtures/lsusb is stale (run mklsusb.sh): $(head -3 "$out/stale")"
		fi
	else
		bad "lsusb or usb-devices is missing (apt-get install usbutils): cannot check the lsusb fixtures"
	fi
	for pair in huawei-modem:1 quectel-module:0 tplink-wifi:0 lenovo-keyboard:0 \
		logitech-receiver:0 hub-tree:0 hostile-strings:0; do
		usbdev=${pair%:*} want=${pair#*:}
		uscan -o "$out/libusb.xml" 2>/dev/null
		components libusb "$out/libusb.xml"
		# usb-devices carries everything the probe records: the same
		# components, byte for byte, and the same verdict (the hostile
		# file's is refused below)
		if [ $usbdev != hostile-strings ]; then
			lscan --name $usbdev --lsusb $lsfx/$usbdev.usb-devices -o "$out/text.xml"
			same "--lsusb $usbdev.usb-devices exit" $? $want
			components text "$out/text.xml"
			if [ -s "$out/libusb.c" ] && cmp -s "$out/libusb.c" "$out/text.c"; then ok; else
				bad "--lsusb $usbdev.usb-devices gives other components than libusb"
				diff "$out/libusb.c" "$out/text.c" | head -10
			fi
			xp "$out/text.xml" "$(mprop hwbom:verdict)" "$(xmllint --xpath "$(mprop hwbom:verdict)" "$out/libusb.xml")"
			xp "$out/text.xml" "$(mprop hwbom:coverage:usb:detail)" "usb-devices text"
			valid "$out/text.xml"
		fi
		# lsusb -v with lsusb -t: the same, but what lsusb -v cannot say:
		# the active one of several configurations, strings past 127 bytes
		lscan --name $usbdev --lsusb $lsfx/$usbdev.lsusb-vt -o "$out/text.xml"
		same "--lsusb $usbdev.lsusb-vt exit" $? $want
		components text "$out/text.xml"
		diff "$out/libusb.c" "$out/text.c" | grep '^[<>]' | cut -c1-90 >"$out/d"
		case $usbdev in
		huawei-modem | hub-tree) want_d='<         <property name="hwbom:id:usb.interface-classes">' ;;
		hostile-strings) want_d='<         <property name="hwbom:id:usb.serial">0123456789ABCDEF0123456789ABCDEF0123456789A
>         <property name="hwbom:id:usb.serial">0123456789ABCDEF0123456789ABCDEF0123456789A' ;;
		*) want_d= ;;
		esac
		same "--lsusb $usbdev.lsusb-vt against libusb" "$(sed 's/">[0-9a-f,]*<\/property>$/">/' "$out/d")" "$want_d"
		xp "$out/text.xml" "$(mprop hwbom:verdict)" "$(xmllint --xpath "$(mprop hwbom:verdict)" "$out/libusb.xml")"
		valid "$out/text.xml"
		# plain lsusb: ids and device numbers only, and the same verdict
		# where no string is needed for it
		lscan --name $usbdev --lsusb $lsfx/$usbdev.lsusb -o "$out/plain.xml"
		same "--lsusb $usbdev.lsusb exit" $? $want
		xp "$out/plain.xml" "$(mprop hwbom:verdict)" "$(xmllint --xpath "$(mprop hwbom:verdict)" "$out/libusb.xml")"
		# the same devices with the same verdicts, located otherwise
		same "--lsusb $usbdev.lsusb devices and verdicts" "$(verdicts "$out/plain.xml")" "$(verdicts "$out/libusb.xml")"
		valid "$out/plain.xml"
	done
	usbdev=tplink-wifi
	uscan -o "$out/libusb.xml" 2>/dev/null
fi

# exact BOMs: plain lsusb (located by device number), lsusb -v (composite
# device, a device that names another maker), lsusb + lsusb -t
runner=lscan
check lsusb-plain-tplink 0 --lsusb $lsfx/tplink-wifi.lsusb
check lsusb-v-tplink 0 --lsusb $lsfx/tplink-wifi.lsusb-v
check lsusb-t-hub-tree-text 0 --lsusb $lsfx/hub-tree.lsusb-t --format text
for f in lsusb-plain-tplink lsusb-v-tplink; do valid "$out/$f.out"; done
uprop() { echo "string(//*[local-name()='component'][@bom-ref='usb:$1']/*[local-name()='properties']/*[local-name()='property'][@name='$2'])"; }
b=$out/lsusb-v-tplink.out
xp $b "$(uprop 1-dev4 hwbom:origin:device-brand)" realtek
xp $b "$(uprop 1-dev4 hwbom:conflict)" 'idVendor usb:2357 names tp-link, the manufacturer string "Realtek" names realtek'
xp $b "$(uprop 1-0 hwbom:usb.controller)" pci:0000:00:14.0
b=$out/lsusb-plain-tplink.out
xp $b "$(uprop 1-dev4 hwbom:usb.strings)" not-recorded
xp $b "count(//*[@name='hwbom:origin:device-brand'])" 0
xp $b "$(uprop 1-0 hwbom:usb.hub)" root
# a composite device is one component with every interface's class
lscan --lsusb $lsfx/quectel-module.lsusb-v -o "$out/q.xml"
xp "$out/q.xml" "$(uprop 1-dev2 hwbom:id:usb.interface-classes)" ff,ff,ff,ff,ff
xp "$out/q.xml" "count(//*[local-name()='component'][starts-with(@bom-ref,'usb:')])" 2
lscan --lsusb $lsfx/logitech-receiver.usb-devices -o "$out/l.xml"
xp "$out/l.xml" "$(uprop 1-7 hwbom:id:usb.interface-classes)" 03,03,03
# hostile strings through lsusb -v: sanitised, the XML well-formed
b=$out/h.xml
lscan --lsusb $lsfx/hostile-strings.lsusb-v -o $b
valid $b
xp $b "$(uprop 1-dev2 hwbom:id:usb.product-name)" "USB�Serial�FAKE����"
xp $b "$(uprop 1-dev7 hwbom:id:usb.product-name)" "<Keyboard> & \"Mouse\" 'Combo', ; | \\ \$(reboot) \`id\` ]]> --><!--"
xp $b "$(uprop 1-dev5 hwbom:usb.strings)" missing
if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" $b; then
	bad "--lsusb hostile-strings.lsusb-v: a control byte reached the BOM"
else ok; fi

# with other recorded sources: each reads its own, the machine is named after
# the first, and --lsusb wins over a tree's USB devices
scan --usb-ids $fx/usb.ids --pci-dump $fx/pci/huawei-taishan.dump --lsusb $lsfx/hub-tree.usb-devices \
	-o "$out/both.xml"
same "--pci-dump with --lsusb exit" $? 1
xp "$out/both.xml" "$(mprop hwbom:coverage:pci)" read
xp "$out/both.xml" "$(mprop hwbom:coverage:usb:detail)" "usb-devices text"
xp "$out/both.xml" "$(mprop hwbom:coverage:dmi)" not-probed
xp "$out/both.xml" "count(//*[local-name()='component'][starts-with(@bom-ref,'usb:')])" 7
scan --usb-ids $fx/usb.ids --lsusb $lsfx/hub-tree.usb-devices -o "$out/alone.xml"
xp "$out/alone.xml" "string(//*[local-name()='metadata']/*[local-name()='component']/*[local-name()='name'])" "unnamed machine"
xp "$out/alone.xml" "$(mprop hwbom:coverage:pci)" not-probed
scan --usb-ids $fx/usb.ids --root $fx/root/nics --lsusb $lsfx/tplink-wifi.usb-devices -o "$out/r.xml"
xp "$out/r.xml" "count(//*[local-name()='component'][starts-with(@bom-ref,'usb:')])" 2
xp "$out/r.xml" "$(uprop 1-5 hwbom:id:usb.vendor)" 2357
# an empty capture: a machine without USB
: >"$out/empty.txt"
scan --lsusb "$out/empty.txt" --probe usb -o "$out/e.xml"
xp "$out/e.xml" "$(mprop hwbom:coverage:usb)" absent

# broken files: exit 2, the file and line named, no output
broken() { # broken NAME WANT-MESSAGE: scan $out/NAME, expect exit 2 and the message
	lscan --lsusb "$out/$1" -o "$out/none.xml" >/dev/null 2>"$out/err"
	st=$?
	if [ $st -eq 2 ] && [ "$(sed "s|$out/||" "$out/err")" = "hwbom: $2" ] && [ ! -e "$out/none.xml" ]; then ok; else
		bad "--lsusb $1: exit $st, $(cat "$out/err")"
	fi
}
runner=lscan
check lsusb-bad-vendor 2 --lsusb $lsfx/hostile-strings.usb-devices -o "$out/none.xml"
sed -n '/^\/:/,$p' $lsfx/hub-tree.lsusb-t >"$out/tree-only.txt"
broken tree-only.txt "tree-only.txt: lsusb -t output alone gives no vendor or product ids; give it together with lsusb or lsusb -v output"
check lsusb-missing 2 --lsusb $lsfx/no-such.txt
if [ -e "$out/none.xml" ]; then bad "--lsusb of a bad file left an output file"; else ok; fi
# cut short: inside a device descriptor, inside a configuration, after a
# T: line; and a file of something else
head -n 12 $lsfx/tplink-wifi.lsusb-v >"$out/cut-desc.txt"
broken cut-desc.txt "cut-desc.txt:12: the descriptors of Bus 001 Device 004 end before bcdDevice"
head -n 20 $lsfx/tplink-wifi.lsusb-v >"$out/cut-device.txt"
broken cut-device.txt "cut-device.txt:20: a configuration of Bus 001 Device 004 is cut short"
head -n 120 $lsfx/huawei-modem.lsusb-v >"$out/cut-config.txt"
broken cut-config.txt "cut-config.txt:120: configuration 1 of Bus 001 Device 003 has 4 interfaces, 3 described (cut short?)"
head -n 11 $lsfx/tplink-wifi.usb-devices >"$out/cut-t.txt"
broken cut-t.txt "cut-t.txt:11: Bus 001 Dev# 4 has no D: line (cut short?)"
head -c 1500 $lsfx/hub-tree.usb-devices >"$out/cut-mid.txt"
broken cut-mid.txt "cut-mid.txt:37: usb-devices: unknown S: line"
sed '3s/.*/D:  Ver= 2.00 Cls=zz(hub  ) Sub=00 Prot=01 MxPS=64 #Cfgs=  1/' $lsfx/tplink-wifi.usb-devices >"$out/bad-class.txt"
broken bad-class.txt "bad-class.txt:3: usb-devices: D: Cls= is not a class"
cp $fx/pci/clean-dell.dump "$out/dump.txt"
broken dump.txt "dump.txt:1: not lsusb, lsusb -v, lsusb -t or usb-devices output: \"$(head -1 $fx/pci/clean-dell.dump | cut -c1-40)\""
printf 'Bus 001 Device 002: ID 1d6b:0002 x\n\000\n' >"$out/nul.txt"
broken nul.txt "nul.txt:2: a NUL byte: not lsusb or usb-devices text"
# lsusb -v of another version: a shell prompt line, CRLF, usbutils 015's
# negotiated speed
{ echo '$ sudo lsusb -v'; sed 's/^Device Descriptor:/Negotiated speed: High Speed (480Mbps)\n&/' \
	$lsfx/tplink-wifi.lsusb-v; } | sed 's/$/\r/' >"$out/v015.txt"
lscan --lsusb "$out/v015.txt" -o "$out/v015.xml"
xp "$out/v015.xml" "$(uprop 1-dev4 hwbom:usb.speed)" 480
xp "$out/v015.xml" "$(uprop 1-dev4 hwbom:id:usb.manufacturer)" Realtek
if "$hwbom" scan --help | grep -q -- "--lsusb FILE"; then ok; else bad "hwbom scan --help has no --lsusb"; fi
runner=scan
