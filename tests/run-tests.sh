#!/bin/sh
# run-tests.sh BUILD HWBOM - run every unit test binary in BUILD/tests and the
# end-to-end tests against HWBOM; print the totals and fail if anything did.
set -u
build=${1:?usage: $0 BUILD HWBOM}
hwbom=${2:?usage: $0 BUILD HWBOM}
pass=0
fail=0
log=$(mktemp)
replay_tmp=$(mktemp -d)
trap 'rm -rf "$log" "$replay_tmp"' EXIT

for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log")
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	# a crash or a sanitizer report leaves no cmocka totals: count it
	if [ "$rc" -ne 0 ] && [ -z "$f" ]; then
		echo "FAIL: $t exited with status $rc"
		fail=$((fail + 1))
	fi
done

# the fuzz targets as plain programs, on every input that once found a bug;
# the files they feed the code go to a TMPDIR of their own, removed after
for t in "$build"/tests/replay_*; do
	[ -x "$t" ] || continue
	name=${t##*/replay_}
	dir=tests/fuzz/regression/$name
	[ -d "$dir" ] || continue
	n=$(find "$dir" -type f ! -name '*.md' | wc -l)
	if find "$dir" -type f ! -name '*.md' -print0 | sort -z |
		TMPDIR=$replay_tmp xargs -0 "$t" >"$log" 2>&1; then
		echo "fuzz regression $name: $n inputs passed"
		pass=$((pass + n))
	else
		cat "$log"
		echo "FAIL: fuzz regression $name: $(tail -1 "$log")"
		fail=$((fail + 1))
	fi
done

tests/e2e/run.sh "$hwbom" >"$log" 2>&1
cat "$log"
p=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$log")
f=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$log")
if [ -z "$p" ]; then
	echo "FAIL: the end-to-end tests did not finish"
	fail=$((fail + 1))
else
	pass=$((pass + p))
	fail=$((fail + f))
fi

echo
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
