#!/bin/sh
# kselftest/sanitizers.sh: build the kselftest verifier of $BASE with
# AddressSanitizer and UndefinedBehaviorSanitizer (kselftest's lib.mk, gcc)
# and run it on the host over every list and PCR set captured from the VM
# scenarios, and over the tampered ones: it must reach the same verdicts as
# the plain build, with no sanitizer report.
set -eu
. "$(dirname -- "$0")/../lib.sh"

san='-fsanitize=address,undefined -fno-sanitize-recover=all'
out=$BUILD/$BASE/kselftest-sanitizers
mkdir -p "$out"
run_logged "$LOGS/kselftest-sanitizers-$BASE.log" \
	make -C "$TREE/tools/testing/selftests/ima" OUTPUT="$out" \
	CFLAGS="-Wall -O1 -g $san" LDFLAGS="$san" ||
	die "the verifier does not build with sanitizers (log: $LOGS/kselftest-sanitizers-$BASE.log)"
VERIFIER=$out/ima_measurements_test
[ -x "$VERIFIER" ] || die "no $VERIFIER"
export VERIFIER ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
NO_BOOT=1 "$TOP/scripts/vm/scenarios.sh"
"$TOP/scripts/kselftest/tamper.sh" b-option-on
