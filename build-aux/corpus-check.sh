#!/bin/sh
# corpus-check.sh [HWBOM] [CORPUS] - scan every machine of a corpus of other
# people's captures and print one line per machine: what was read, how many
# components and attributions, the share of components whose every role
# resolved to an entity, and the verdict. A report, not a test (`make
# corpus-check`; not part of `make test`): nothing of the corpus goes into
# the project. CORPUS defaults to ../shared/corpus; without it, nothing is
# done.
#
# Each machine is a folder of whatever its owner captured: lspci text or
# hex dumps, lsusb, dmidecode text or --dump-bin files, cpuinfo, sysfs
# trees packed as tar archives (read with --root FILE). Text sources are
# given with the options `hwbom scan --help` lists (--lspci, --lsusb,
# --dmidecode, --cpuinfo, --lshw, --hwinfo where this hwbom has them); files
# no option takes are named as unused.
#
# Every BOM written is validated against the CycloneDX 1.6 XSD (xmllint
# --schema; SCHEMA, default tests/schema/bom-1.6.SNAPSHOT.xsd, which `make
# schema` fetches): a machine whose BOM is not valid says "schema=INVALID"
# and the first complaint, and the last line counts them. The exit status
# is 1 when any BOM was invalid.
set -u

hwbom=${1:-./hwbom}
corpus=${2:-../shared/corpus}
if [ ! -d "$corpus" ]; then
	echo "corpus-check: no corpus at $corpus; nothing to check"
	exit 0
fi
command -v xmllint >/dev/null 2>&1 || {
	echo "corpus-check: xmllint is needed (Debian libxml2-utils)" >&2
	exit 2
}
schema=${SCHEMA:-$(dirname "$0")/../tests/schema/bom-1.6.SNAPSHOT.xsd}
if [ ! -f "$schema" ]; then
	echo "corpus-check: no schema at $schema (make schema)" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
help=$("$hwbom" scan --help) || exit 2
has() { printf '%s\n' "$help" | grep -q -- "^ *$1 "; }

# lspci files, best first: 5 a hex dump (lspci -x); 4 numeric ids with the
# subsystem's (lspci -nnv, -vmmnn); 3 numeric ids only (lspci -nn, -n);
# 2 names only (plain lspci, lspci -v); 1 a tree (lspci -t). --lspci reads
# each for what it says.
lspci_kind() {
	if grep -q '^[0-9a-f][0-9a-f]: [0-9a-f][0-9a-f] [0-9a-f][0-9a-f] ' "$1"; then
		echo 5
	elif grep -Eq '^([0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7] .*([[][0-9a-f]{4}:[0-9a-f]{4}[]]|: [0-9a-f]{4}:[0-9a-f]{4})|^Vendor:.*[[][0-9a-f]{4}[]]' "$1"; then
		if grep -Eq '^[[:space:]]*Subsystem:.*[[][0-9a-f]{4}:[0-9a-f]{4}[]]|^SVendor:.*[[][0-9a-f]{4}[]]' "$1"; then
			echo 4
		else
			echo 3
		fi
	elif grep -Eq '^-[[+]|^[+]-' "$1"; then
		echo 1
	else
		echo 2
	fi
}

# XPath helpers over a BOM (CycloneDX, any namespace)
C="/*[local-name()='bom']/*[local-name()='components']/*[local-name()='component']"
P="*[local-name()='properties']/*[local-name()='property']"
ROLE="starts-with(@name,'hwbom:origin:') and not(contains(substring(@name,14),':'))"
num() { xmllint --xpath "$2" "$1" 2>/dev/null || echo 0; }

printf '# machine  read=probes that read something  components attributions resolved=share of components with roles whose every role is an entity  verdict  coverage (unseen roles; how=those with a command to see them)  (files given; unused)\n'
written=0 invalid=0 invalid_names=""
for dir in "$corpus"/*/; do
	m=$(basename "$dir")
	set --
	used="" unused="" best_pci="" best_kind=0 usb="" usb_tree="" dmi="" inv=""
	for f in "$dir"*; do
		[ -f "$f" ] || continue
		b=$(basename "$f")
		case "$b" in
		SOURCE.txt | README*) continue ;;
		*.tar.bz2 | *.tar.gz | *.tgz | *.tar.xz | *.tar)
			set -- "$@" --root "$f"
			used="$used $b"
			continue
			;;
		*.gz)
			gzip -dc "$f" >"$tmp/${b%.gz}" 2>/dev/null || { unused="$unused $b"; continue; }
			f="$tmp/${b%.gz}"
			;;
		esac
		case "$b" in
		lspci*)
			k=$(lspci_kind "$f")
			if [ "$k" -gt "$best_kind" ]; then
				[ -n "$best_pci" ] && unused="$unused $(basename "$best_pci")"
				best_pci=$f best_kind=$k
			else
				unused="$unused $b"
			fi
			;;
		lsusb*)
			# verbose output says more; a tree (-t) has no ids, but adds
			# the port paths to lsusb output in the same file
			if grep -q '^/:  Bus ' "$f"; then
				usb_tree=$f
				continue
			fi
			if grep -q '^Bus [0-9]* Device [0-9]*: ID ' "$f" &&
				{ [ -z "$usb" ] || grep -q idVendor "$f"; }; then
				[ -n "$usb" ] && unused="$unused $(basename "$usb")"
				usb=$f
			else
				unused="$unused $b"
			fi
			;;
		dmidecode*)
			if head -c 5 "$f" | grep -q '^_SM'; then
				dmi="--dmi-dump $f"
			elif grep -q '^Handle 0x' "$f" && has --dmidecode; then
				dmi="--dmidecode $f"
			else
				unused="$unused $b"
				continue
			fi
			used="$used $b"
			;;
		lshw* | hwinfo*)
			# an inventory of several sources: one a machine; the
			# probes' own files above win over what it says of them
			case "$b" in lshw*) opt=--lshw ;; *) opt=--hwinfo ;; esac
			if has "$opt" && [ -z "$inv" ]; then
				inv="$opt $f"
				used="$used $b"
			else
				unused="$unused $b"
			fi
			;;
		cpuinfo*)
			if has --cpuinfo; then
				set -- "$@" --cpuinfo "$f"
				used="$used $b"
			else
				unused="$unused $b"
			fi
			;;
		*) unused="$unused $b" ;;
		esac
	done
	if [ "$best_kind" -eq 5 ]; then
		set -- "$@" --pci-dump "$best_pci"
		used="$used $(basename "$best_pci")"
	elif [ "$best_kind" -gt 0 ] && has --lspci; then
		set -- "$@" --lspci "$best_pci"
		used="$used $(basename "$best_pci")"
	elif [ -n "$best_pci" ]; then
		unused="$unused $(basename "$best_pci")"
	fi
	if [ -n "$usb" ] && has --lsusb; then
		used="$used $(basename "$usb")"
		if [ -n "$usb_tree" ]; then
			cat "$usb" "$usb_tree" >"$tmp/usb-with-tree"
			usb=$tmp/usb-with-tree
			used="$used $(basename "$usb_tree")"
		fi
		set -- "$@" --lsusb "$usb"
	elif [ -n "$usb" ]; then
		unused="$unused $(basename "$usb")"
	fi
	[ -n "$usb_tree" ] && [ -z "$usb" ] && unused="$unused $(basename "$usb_tree")"
	# shellcheck disable=SC2086 # "--dmi-dump FILE": two words; corpus names have no blanks
	[ -n "$dmi" ] && set -- "$@" $dmi
	# shellcheck disable=SC2086 # "--lshw FILE" likewise
	[ -n "$inv" ] && set -- "$@" $inv
	files="(${used# }${unused:+${used:+; }unused:$unused})"
	if [ $# -eq 0 ]; then
		printf '%s  nothing hwbom reads %s\n' "$m" "$files"
		continue
	fi
	"$hwbom" scan "$@" --name "$m" --fail-on never -q -o "$tmp/bom.xml" 2>"$tmp/err"
	if [ $? -ne 0 ]; then
		printf '%s  error: %s %s\n' "$m" "$(head -1 "$tmp/err")" "$files"
		continue
	fi
	b=$tmp/bom.xml
	written=$((written + 1))
	if xmllint --noout --schema "$schema" "$b" >/dev/null 2>"$tmp/xsd"; then
		valid=valid
	else
		valid="INVALID: $(grep -v 'fails to validate$' "$tmp/xsd" | head -1 | sed "s|^$b:||")"
		invalid=$((invalid + 1))
		invalid_names="$invalid_names $m"
	fi
	read=$(xmllint --xpath "/*[local-name()='bom']/*[local-name()='metadata']/$P[starts-with(@name,'hwbom:coverage:') and not(contains(substring(@name,16),':')) and (.='read' or .='partial')]/@name" "$b" 2>/dev/null |
		sed 's/ name="hwbom:coverage:\([^"]*\)"/\1 /g' | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
	comps=$(num "$b" "count($C)")
	attrs=$(num "$b" "count($C/$P[$ROLE])")
	with=$(num "$b" "count($C[$P[$ROLE]])")
	resolved=$(num "$b" "count($C[$P[$ROLE] and not($P[$ROLE and .='unknown'])])")
	verdict=$(num "$b" "string(/*[local-name()='bom']/*[local-name()='metadata']/$P[@name='hwbom:verdict'])")
	coverage=$(num "$b" "string(/*[local-name()='bom']/*[local-name()='metadata']/$P[@name='hwbom:coverage'])")
	M="/*[local-name()='bom']/*[local-name()='metadata']/$P"
	unseen=$(xmllint --xpath "$M[@name='hwbom:unseen']/text()" "$b" 2>/dev/null | tr '\n' ',' | sed 's/,$//')
	nunseen=$(num "$b" "count($M[@name='hwbom:unseen'])")
	nhow=$(num "$b" "count($M[starts-with(@name,'hwbom:unseen:') and substring(@name,string-length(@name)-7)=':collect' and string-length(.)>0])")
	share=$([ "$with" -gt 0 ] && echo "$((100 * resolved / with))%" || echo "-")
	printf '%s  read=%s  components=%s attributions=%s resolved=%s  verdict=%s  coverage=%s%s how=%s/%s schema=%s  %s\n' \
		"$m" "${read:-none}" "$comps" "$attrs" "$share" "$verdict" "${coverage:-none}" \
		"${unseen:+($unseen)}" "$nhow" "$nunseen" "$valid" "$files"
done
printf '# %s BOMs written, %s not valid against %s%s\n' "$written" "$invalid" \
	"$(basename "$schema")" "${invalid_names:+:$invalid_names}"
[ "$invalid" -eq 0 ]
