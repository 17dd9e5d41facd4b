#!/bin/sh
# kunit-vm.sh NAME [SKIPPED...]: the KUnit results in the serial log of the
# guest boot NAME (build/$BASE/boots/NAME.log; boots-arm64/ for arm64): the
# guest kernels have IMA's suite built in, so it runs at boot, on the
# guest's architecture, with a real TPM. kunit.py
# parse reads the KTAP output; at least 10 tests must run, every one must
# pass except the SKIPPED ones, which must be skipped (boot_record_without_tpm
# where the guest has a TPM), and the kernel log must hold no oops and no
# KASAN or UBSAN report.
# kunit-vm.sh NAME --all-skipped REASON: where IMA did not initialise, every
# test must be skipped, each saying REASON, and the kernel must not oops.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"
. "$TOP/scripts/kunit/lib.sh"

log=$BOOTS/$1.log
out=$LOGS/kunit-vm-$BASE$ARCH_SUFFIX-$1.log
shift
all_skipped=
if [ "${1-}" = --all-skipped ]; then
	[ $# -eq 2 ] || die "usage: kunit-vm.sh NAME --all-skipped REASON"
	all_skipped=$2
	set --
fi
[ -f "$log" ] || die "no serial log $log: boot it first"
boot_is_current "$(basename "$log" .log)"
cd "$TREE"
tr -d '\r' <"$log" | python3 tools/testing/kunit/kunit.py parse >"$out" 2>&1 || true
summary=$(kunit_summary "$out")
say "  $summary"
read -r ran passed skipped other <<EOF
$(kunit_counts "$out")
EOF
[ -n "$ran" ] || die "KUnit in the guest: no summary (log: $out, serial log: $log)"
[ "$ran" -ge 10 ] && [ "$other" -eq 0 ] && [ "$((passed + skipped))" -eq "$ran" ] ||
	die "expected at least 10 tests, none failing: $summary (log: $out)"
if [ -n "$all_skipped" ]; then
	[ "$skipped" -eq "$ran" ] || die "expected every test skipped: $summary (log: $out)"
	# every test's KTAP line, parameterised or not, gives the reason (a
	# parent's or the suite's may give none)
	others=$(tr -d '\r' <"$log" | sed 's/^\[ *[0-9.]*\] //' |
		awk -v r="# SKIP $all_skipped" '/^ *ok [0-9]+ .*# SKIP/ {
			sub(/[ \t]+$/, "")
			i = index($0, "# SKIP")
			if (substr($0, i) != r && substr($0, i) != "# SKIP") print
		}' | head -n 3)
	[ -z "$others" ] || die "skipped for another reason than '$all_skipped': $others (serial log: $log)"
else
	got=$(sed -n 's/^\[..:..:..\] *\[SKIPPED\] \([a-z0-9_]*\).*/\1/p' "$out" | LC_ALL=C sort | tr '\n' ' ')
	want=$(printf '%s\n' "$@" | sed '/^$/d' | LC_ALL=C sort | tr '\n' ' ')
	[ "$got" = "$want" ] || die "skipped: '$got', expected '$want' (log: $out)"
fi
case $(kernel_report "$log") in
oops) die "the guest kernel oopsed (serial log: $log)" ;;
sanitizer) die "a sanitizer reported an error in the guest (serial log: $log)" ;;
esac
