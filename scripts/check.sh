#!/bin/sh
# check.sh [core|arm64]: the tests of every base in $BASES (default:
# all of bases/), each base by check-base.sh in the same mode (core by
# default; arm64 with ARCH=arm64, the others with ARCH=x86_64), then, for
# core, what the series must share. A failing base does not stop
# the next one; the last line counts what passed and failed over all of
# them, and the exit status is 1 if anything failed. Each run adds its wall
# time to build/check-times.txt (check_time in lib.sh), which make bench
# reports.
set -u
. "$(dirname -- "$0")/lib.sh"

mode=${1:-core}
case $mode in arm64) ARCH=arm64 ;; *) ARCH=x86_64 ;; esac
export ARCH
S=$TOP/scripts

check_time_start "$mode"
bases=${BASES:-6.12 mainline}
passed=0
failed=0
per_base=
for b in $bases; do
	say ""
	say "######## $b ($mode): $(BASE=$b base_var BASE_PACKAGE) $(BASE=$b base_var BASE_VERSION)"
	BASE=$b "$S/check-base.sh" "$mode"
	if read -r p f <"$BUILD/check-$b-$mode.result" 2>/dev/null; then :; else
		p=0
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	per_base="${per_base:+$per_base,} $b $p/$((p + f))"
done

if [ "$mode" = core ]; then
	say ""
	say "######## every series"
	# shellcheck disable=SC2086 # one word per base
	if "$S/step.sh" "kselftest: the same source in every series" "$S/same-kselftest.sh" $bases; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
fi

printf '\ncheck %s:%s; %s passed, %s failed\n' "$mode" "$per_base" "$passed" "$failed"
check_time_end "$bases" "$failed"
[ "$failed" -eq 0 ]
