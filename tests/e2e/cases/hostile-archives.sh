# hostile-archives.sh - input made to hurt the machine that judges it
# (sourced by run.sh). Every archive tests/e2e/hostile-archives.py makes is
# refused or contained, as an archive, as a directory and through capture;
# the host's files (a canary directory the links aim at) never reach a BOM
# or a message; nothing is left in $TMPDIR. Inputs that never end or never
# open (devices, FIFOs) are refused, not waited on. Temporaries go with a
# signal, and a killed run's are removed by the next. -o keeps the mode and
# owner of the file it replaces, and takes a 250-byte name.

ha=$out/hostile
mkdir -p "$ha/canary/id" "$ha/tmp" "$ha/arch" "$ha/dirs"
for f in sys_vendor product_name board_vendor bios_vendor chassis_vendor; do
	echo CANARY-HOST >"$ha/canary/id/$f"
done
if python3 tests/e2e/hostile-archives.py "$ha/arch" "$ha/canary/id" "$ha/tmp"; then ok; else
	bad "tests/e2e/hostile-archives.py failed (python3 is installed by build-aux/deps.sh test)"
fi
# hscan ROOT [ARGS]: the dmi probe on ROOT, $TMPDIR private, 20 s at most
hscan() {
	hs_root=$1
	shift
	rm -f "$ha/bom.xml"
	TMPDIR=$ha/tmp timeout 20 "$hwbom" scan --datadir $fx/db \
		--policy vendor-db/policies/ndaa889.policy --as-of 2024-06-01 --probe dmi \
		--root "$hs_root" -o "$ha/bom.xml" "$@" 2>"$ha/err"
}
# contained WHAT: the canary in neither the BOM nor the messages, and
# $TMPDIR empty (emptied for the next case)
contained() {
	if grep -qs CANARY-HOST "$ha/bom.xml" "$ha/err"; then
		bad "$1: the host's canary file reached the scan"
	else ok; fi
	if [ -z "$(ls -A "$ha/tmp")" ]; then ok; else
		bad "$1: left in \$TMPDIR: $(ls -A "$ha/tmp" | cut -c1-60)"
		chmod -R u+rwx "$ha/tmp" 2>/dev/null
		find "$ha/tmp" -mindepth 1 -delete 2>/dev/null
	fi
}
# refused WHAT WANT: exit status 2, no BOM, WANT in the message
refused() {
	rc=$?
	if [ $rc -eq 2 ] && [ ! -e "$ha/bom.xml" ] && grep -qF -- "$2" "$ha/err"; then ok; else
		bad "$1: exit $rc, expected 2 and \"$2\": $(head -c 300 "$ha/err")"
	fi
	contained "$1"
}

# --- archives: refused, or contained --------------------------------------
while read -r name want; do
	hscan "$ha/arch/$name.tar.gz"
	refused "$name.tar.gz" "$want"
done <<EOF
detour a name longer than 1024 bytes: refused
padded a target longer than 1024 bytes: refused
absolute leads out of the capture
climb leads out of the capture
together leads out of the capture
loop goes through more than 40 links (a loop?): refused
bomb-size 1099511627776 bytes, more than 64 MiB: not a capture
bomb-ratio a compression bomb, not a capture
bomb-count more than 50000 entries: not a capture
EOF
# what no probe reads is left out: the scan goes on without it
for name in hardlink device fifo; do
	hscan "$ha/arch/$name.tar.gz"
	rc=$?
	if [ $rc -eq 0 ] && [ -s "$ha/bom.xml" ]; then ok; else
		bad "$name.tar.gz: exit $rc, expected 0: $(head -c 300 "$ha/err")"
	fi
	contained "$name.tar.gz"
done

# --- the same trees as directories ------------------------------------------
for name in detour padded together loop; do
	mkdir -p "$ha/dirs/$name"
	tar -xzf "$ha/arch/$name.tar.gz" -C "$ha/dirs/$name" 2>/dev/null
done
while read -r name want; do
	hscan "$ha/dirs/$name/x"
	refused "$name (directory)" "$want"
done <<EOF
detour a target longer than 1024 bytes: refused
padded a target longer than 1024 bytes: refused
together leads out of the tree
loop goes through more than 40 links (a loop?): refused
EOF
# a FIFO or a device where a sysfs attribute is: refused, not waited on
mkdir -p "$ha/dirs/fifo/sys/class/dmi/id" "$ha/dirs/dev/sys/class/dmi/id"
mkfifo "$ha/dirs/fifo/sys/class/dmi/id/sys_vendor"
hscan "$ha/dirs/fifo"
refused "a FIFO in a --root tree" '"sys/class/dmi/id/sys_vendor": a FIFO in the tree: refused'
ln -s /dev/zero "$ha/dirs/dev/sys/class/dmi/id/sys_vendor"
hscan "$ha/dirs/dev"
refused "a link to /dev/zero in a --root tree" 'leads out of the tree'
# hwbom capture of the detour copies nothing of the host
cap_rc=0
TMPDIR=$ha/tmp timeout 20 "$hwbom" capture -q --from "$ha/dirs/detour/x" -o "$ha/detour-cap.tar.gz" \
	2>"$ha/err" || cap_rc=$?
if [ $cap_rc -le 2 ] && ! { [ -e "$ha/detour-cap.tar.gz" ] && tar -xzOf "$ha/detour-cap.tar.gz" |
	grep -q CANARY-HOST; }; then ok; else
	bad "capture --from the detour tree: exit $cap_rc, or the canary in it"
fi
contained "capture --from the detour tree"
# a run killed before it could clean up (pid 4194305: above any Linux pid)
# left an unpacked copy deeper than PATH_MAX: the next run removes it, and
# not the temporaries of a live process (this shell)
mkdir -p "$ha/tmp/hwbom-root-4194305-abcdef" "$ha/tmp/hwbom-root-$$-abcdef"
tar -xzf "$ha/arch/detour.tar.gz" -C "$ha/tmp/hwbom-root-4194305-abcdef" 2>/dev/null
hscan "$ha/arch/loop.tar.gz"
if [ ! -e "$ha/tmp/hwbom-root-4194305-abcdef" ] && [ -d "$ha/tmp/hwbom-root-$$-abcdef" ]; then ok; else
	bad "a dead run's hwbom-root-PID-XXXXXX (deeper than PATH_MAX) not removed, or a live one's removed"
fi
rmdir "$ha/tmp/hwbom-root-$$-abcdef"
contained "the stale copy"

# --- named inputs that never end or never open ---------------------------------
mkfifo "$ha/fifo"
for opt in --pci-dump --lspci --dmi-dump --lsusb --dmidecode --cpuinfo --db-overlay --waivers \
	--declaration; do
	for f in /dev/zero "$ha/fifo"; do
		rm -f "$ha/bom.xml"
		timeout 10 "$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
			--root $fx/root/empty $opt "$f" -o "$ha/bom.xml" 2>"$ha/err"
		rc=$?
		case $f in /dev/zero) want="$f: a character device, not a regular file: refused" ;;
		*) want="$f: a FIFO, not a regular file: refused" ;; esac
		if [ $rc -eq 2 ] && [ ! -e "$ha/bom.xml" ] && grep -qF "$want" "$ha/err"; then ok; else
			bad "scan $opt $f: exit $rc (124 means it hung), expected 2 and \"$want\": $(head -c 200 "$ha/err")"
		fi
	done
done
# the inventories of other tools (they stand instead of --root)
for opt in --lshw --hwinfo --glpi; do
	for f in /dev/zero "$ha/fifo"; do
		rm -f "$ha/bom.xml"
		timeout 10 "$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
			$opt "$f" -o "$ha/bom.xml" 2>"$ha/err"
		rc=$?
		case $f in /dev/zero) want="$f: a character device, not a regular file: refused" ;;
		*) want="$f: a FIFO, not a regular file: refused" ;; esac
		if [ $rc -eq 2 ] && [ ! -e "$ha/bom.xml" ] && grep -qF "$want" "$ha/err"; then ok; else
			bad "scan $opt $f: exit $rc (124 means it hung), expected 2 and \"$want\": $(head -c 200 "$ha/err")"
		fi
	done
done
# an lspci dump without a newline ends with a message, not a hang
head -c 1048576 /dev/zero >"$ha/zeros.dump"
timeout 10 "$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
	--pci-dump "$ha/zeros.dump" -o "$ha/bom.xml" 2>"$ha/err"
refused "a dump of zeros" "zeros.dump:1: line longer than 65536 bytes: not an lspci dump"
# a FIFO in the cache directory is no cache: the scan goes on
mkdir -p "$ha/cache"
nscan() {
	HWBOM_CACHE_DIR=$ha/cache timeout 10 "$hwbom" scan --datadir $fx/db \
		--policy vendor-db/policies/ndaa889.policy --ieee-dir $fx/ieee --root $fx/root/nics \
		--probe net -o "$ha/bom.xml" 2>"$ha/err"
}
nscan
for c in "$ha/cache"/*; do
	[ -f "$c" ] && rm -f "$c" && mkfifo "$c"
done
nscan
rc=$?
if [ $rc -le 1 ] && [ -s "$ha/bom.xml" ]; then ok; else
	bad "a FIFO in the cache directory: exit $rc (124 means it hung): $(head -c 200 "$ha/err")"
fi

# --- temporaries: signals, dead runs ---------------------------------------------
if command -v strace >/dev/null 2>&1; then
	# SIGTERM (then SIGINT) at the fsync before the rename: the temporary
	# goes with the process
	for sig in TERM INT; do
		mkdir -p "$ha/sig"
		strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:signal=$sig \
			"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
			--pci-dump $fx/pci/clean-dell.dump -o "$ha/sig/bom.xml" 2>/dev/null
		if [ -z "$(ls -A "$ha/sig")" ]; then ok; else
			bad "SIG$sig while -o is written left $(ls -A "$ha/sig")"
		fi
		rm -rf "$ha/sig"
	done
	# SIGINT while an archive is unpacked (the 3rd mkdir: inside it)
	"$hwbom" capture -q --from $fx/root/dell-clean -o "$ha/dell.tar.gz"
	rm -f "$ha/bom.xml"
	TMPDIR=$ha/tmp strace -f -qq -o /dev/null -e trace=/mkdir -e inject=/mkdir:signal=INT:when=3 \
		"$hwbom" scan --datadir $fx/db --policy vendor-db/policies/ndaa889.policy \
		--root "$ha/dell.tar.gz" -o "$ha/bom.xml" 2>/dev/null
	[ ! -e "$ha/bom.xml" ] && ok || bad "SIGINT during the unpacking: a BOM was written"
	contained "SIGINT during the unpacking"
else
	bad "strace is missing (apt-get install strace): cannot send signals at a known point"
fi
# a dead run's output temporary is removed beside the next output; a live
# one's is not
mkdir -p "$ha/stale"
: >"$ha/stale/.hwbom-tmp-4194305-abcdef"
: >"$ha/stale/.hwbom-tmp-$$-abcdef"
scan --pci-dump $fx/pci/clean-dell.dump -o "$ha/stale/bom.xml"
if [ ! -e "$ha/stale/.hwbom-tmp-4194305-abcdef" ] && [ -e "$ha/stale/.hwbom-tmp-$$-abcdef" ] &&
	[ -s "$ha/stale/bom.xml" ]; then ok; else
	bad "beside -o: $(ls -A "$ha/stale")"
fi

# --- what -o replaces keeps its mode and owner; long names ---------------------
: >"$ha/mode.xml"
chmod 600 "$ha/mode.xml"
scan --pci-dump $fx/pci/clean-dell.dump -o "$ha/mode.xml"
[ "$(stat -c %a "$ha/mode.xml")" = 600 ] && ok || bad "-o over a 0600 file made it $(stat -c %a "$ha/mode.xml")"
chmod 640 "$ha/mode.xml"
"$hwbom" check --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --as-of 2019-01-01 -q \
	--fail-on never --in-place "$ha/mode.xml" >/dev/null
[ "$(stat -c %a "$ha/mode.xml")" = 640 ] && ok ||
	bad "check --in-place over a 0640 file made it $(stat -c %a "$ha/mode.xml")"
if [ "$(id -u)" -eq 0 ]; then
	chown 65534:65534 "$ha/mode.xml"
	scan --pci-dump $fx/pci/clean-dell.dump -o "$ha/mode.xml"
	[ "$(stat -c %u:%g "$ha/mode.xml")" = 65534:65534 ] && ok ||
		bad "-o as root over another user's file made it $(stat -c %U:%G "$ha/mode.xml")'s"
fi
long=$(printf '%0246d' 0).xml # 250 bytes: legal (NAME_MAX is 255)
scan --pci-dump $fx/pci/clean-dell.dump -o "$ha/$long" 2>"$ha/err"
if [ $? -eq 0 ] && [ -s "$ha/$long" ]; then ok; else bad "-o with a 250-byte name: $(cat "$ha/err")"; fi
