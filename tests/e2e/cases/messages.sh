# messages.sh - what reaches the terminal cannot be used against its reader:
# control characters and bidirectional overrides escaped in every message
# and in --format text; messages whole, however long; exit status 2 when
# standard output cannot be written; a malformed key named as one; CR LF
# cpuinfo read as LF. Sourced by ../run.sh.

# raw: whether FILE holds ESC, CR or U+202E as bytes (it must not)
raw() { LC_ALL=C grep -q "$(printf '\033\\|\r\\|\342\200\256')" "$1"; }

# --- a file name with a terminal escape and a right-to-left override ------
evil=$(printf '%s/no\033[2Jsuch\r\342\200\256txt.exe' "$out")
scan --lspci "$evil" >"$out/msg-evil.out" 2>"$out/msg-evil.err"
same "evil name: exit status" $? 2
if raw "$out/msg-evil.err"; then bad "evil name: raw control bytes in the message"; else ok; fi
same "evil name: escaped" "$(sed "s|$out/||" "$out/msg-evil.err")" \
	'hwbom: no\x1B[2Jsuch\x0D\u202Etxt.exe: No such file or directory'

# --- device strings with bidi controls: kept in the BOM, escaped in text ----
scan --lspci $fx/lspci/bidi.lspci --format text >"$out/msg-bidi.txt" 2>&1
same "bidi text: exit status" $? 0
if raw "$out/msg-bidi.txt"; then bad "bidi text: a raw override in --format text"; else ok; fi
same "bidi text: escaped" "$(grep -c 'Isolate \\u2067x\\u2069 and \\u061C marks' "$out/msg-bidi.txt")" 1
scan --lspci $fx/lspci/bidi.lspci -o "$out/msg-bidi.xml"
valid "$out/msg-bidi.xml"
same "bidi BOM: the string as it was" \
	"$(xmllint --xpath "string(//*[local-name()='property'][@name='hwbom:id:pci.vendor-name'])" "$out/msg-bidi.xml")" \
	"$(printf 'Trusted \342\200\256gnp.exe\342\200\254 Networks')"

# --- a message longer than 1 KB is whole: the reason is at its end ----------
c=$(printf '%0200d' 0 | tr 0 d)
long=$out/$c/$c/$c/$c/$c/$c
scan --lspci "$long" 2>"$out/msg-long.err"
same "long name: exit status" $? 2
same "long name: the whole message" "$(wc -c <"$out/msg-long.err" | tr -d ' ')" \
	"$(($(printf '%s' "hwbom: $long: No such file or directory" | wc -c) + 1))"

# --- standard output that cannot be written: exit status 2 -----------------
for cmd in "--help" "--version" "check --help" "db --help" "policy --help" "scan --help" \
	"diff --help" "db stats --datadir $fx/db" "policy list --datadir vendor-db"; do
	# shellcheck disable=SC2086 # the words of cmd
	"$hwbom" $cmd >/dev/full 2>"$out/msg-full.err"
	same "$cmd >/dev/full: exit status" $? 2
	# stdio writes a long text in blocks at once and keeps no errno of
	# the failed one: then the reason is the generic one
	case $(cat "$out/msg-full.err") in
	"hwbom: standard output: No space left on device" | "hwbom: standard output: write error") ok ;;
	*) bad "$cmd >/dev/full: the message: $(cat "$out/msg-full.err")" ;;
	esac
done
scan --lspci $fx/lspci/bidi.lspci -o "$out/msg-check.xml"
"$hwbom" check --datadir $fx/db --policy vendor-db/policies/ndaa889.policy --as-of 2024-06-01 \
	"$out/msg-check.xml" >/dev/full 2>"$out/msg-full.err"
same "check >/dev/full: exit status" $? 2

# --- a malformed key is a usage error, named --------------------------------
"$hwbom" db lookup --datadir $fx/db pci:zzzz >"$out/msg-key.out" 2>"$out/msg-key.err"
same "lookup pci:zzzz: exit status" $? 2
same "lookup pci:zzzz: the message" "$(cat "$out/msg-key.err")" \
	"hwbom: pci:zzzz: a malformed key: pci and usb keys are 4 hex digits (pci:19e5)"
same "lookup pci:zzzz: nothing on stdout" "$(cat "$out/msg-key.out")" ""
"$hwbom" db lookup --datadir $fx/db usb:12d1 pci:1 >/dev/null 2>&1
same "lookup of a good and a malformed key: exit status" $? 2

# --- cpuinfo with CR LF line ends reads as with LF ----------------------------
sed 's/$/\r/' $fx/root/dell-clean/proc/cpuinfo >"$out/cpuinfo-crlf"
scan --cpuinfo $fx/root/dell-clean/proc/cpuinfo --name crlf -o "$out/cpu-lf.xml"
scan --cpuinfo "$out/cpuinfo-crlf" --name crlf -o "$out/cpu-crlf.xml"
same "cpuinfo CR LF: the same BOM" \
	"$(grep -v 'coverage:cpu:detail' "$out/cpu-crlf.xml" | md5sum)" \
	"$(grep -v 'coverage:cpu:detail' "$out/cpu-lf.xml" | md5sum)"
if raw "$out/cpu-crlf.xml"; then bad "cpuinfo CR LF: a CR in the BOM"; else ok; fi
