#!/bin/sh
# check-base.sh [core|arm64]: the tests of $BASE, in pipeline order, each as
# one step. core (the default) is every test of the series and the harness,
# the reviewer gates among them: static analysis of every patch, the config
# and compiler matrix, seeded randconfig, the KUnit suite under KASAN and
# UBSAN (UML, and a clang-built x86_64 guest), the verifier under ASan and
# UBSan and its parser fuzzed. arm64 builds the series for arm64
# (ARCH=arm64, arches/arm64.mk) and runs KUnit in QEMU and VM scenarios a-d
# there.
# Stops at the first failure; the last line counts what
# passed and failed, and build/check-$BASE-MODE.result keeps the two
# numbers for check.sh.
set -u
. "$(dirname -- "$0")/lib.sh"

mode=${1:-core}
case $mode in
core) [ "$ARCH" = x86_64 ] || die "check-base.sh core is for ARCH=x86_64, not $ARCH" ;;
arm64) [ "$ARCH" = arm64 ] || die "check-base.sh arm64 needs ARCH=arm64" ;;
*) die "usage: check-base.sh [core|arm64]" ;;
esac
S=$TOP/scripts
# The submission form is checked with a test identity, never the user's.
test_name='Test Submitter'
test_email='test.submitter@example.org'

passed=0
result=$BUILD/check-$BASE-$mode.result
rm -f "$result"
run() {
	name=$1
	shift
	if "$S/step.sh" "$name" "$@"; then
		passed=$((passed + 1))
	else
		echo "$passed 1" >"$result"
		printf '\n%s %s: %s passed, 1 failed (stopped at: %s; logs: %s)\n' \
			"$BASE" "$mode" "$passed" "$name" "$LOGS" >&2
		exit 1
	fi
}

run "deps: apt packages" "$S/deps.sh"
run "base: Debian $(base_var BASE_PACKAGE) $(base_var BASE_VERSION)" "$S/base.sh"
run "apply: git am patches/$BASE/series" "$S/apply.sh"

if [ "$mode" = core ]; then
	run "export: apply + export is byte-stable" "$S/roundtrip.sh"
	run "submission: signed off by a test identity" env GIT_CONFIG_COUNT=2 \
		GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0="$test_name" \
		GIT_CONFIG_KEY_1=user.email GIT_CONFIG_VALUE_1="$test_email" \
		"$S/submission.sh" "$BUILD/$BASE/submission-test"
	run "forms: stored neutral, submission signed off" \
		"$S/forms.sh" "$BUILD/$BASE/submission-test" "$test_name" "$test_email"
	run "checkpatch --strict: submission form" "$S/checkpatch.sh" "$BUILD/$BASE/submission-test"
	run "maintainers: IMA entry covers added files" "$S/maintainers.sh"
	run "build: base and every patch, option on and off; W=1, sparse, kernel-doc" \
		"$S/build-each.sh"
	run "coccicheck: no new finding from any patch" "$S/coccicheck.sh"
	run "kunit: UML, KASAN + UBSAN, IMA_INIT_LATE_SYNC off" \
		"$S/kunit.sh" late sanitizers.config
	run "kunit: UML, KASAN + UBSAN, IMA_INIT_LATE_SYNC on" \
		"$S/kunit.sh" late-sync CONFIG_IMA_INIT_LATE_SYNC=y sanitizers.config
	run "docs: Sphinx, security/" "$S/docs.sh"
	run "kselftest: build, and pack the initramfs" "$S/initramfs.sh"
	run "build: deferred TPM probe (test-only), option off" \
		"$S/build-test-only.sh" late-defer late late kunit
	run "build: deferred TPM probe (test-only), option on" \
		"$S/build-test-only.sh" late-sync-defer late-sync late-sync kunit
	run "matrix: IMA off, KUnit variants, TPM module; clang-19 KASAN + UBSAN" \
		"$S/matrix.sh"
	run "randconfig: security/integrity, seeds 1 2 3" "$S/randconfig.sh" 1 2 3
	run "vm: scenarios a-i, QEMU + swtpm" "$S/scenarios.sh" '^[a-i]-'
	run "kunit: in the x86_64 guest with a TPM (b)" \
		"$S/kunit-vm.sh" b-late-sync first_record_without_tpm
	run "kunit: in the x86_64 guest without a TPM (c)" "$S/kunit-vm.sh" c-no-tpm
	run "kunit: in the clang-19 KASAN + UBSAN x86_64 guest (i)" \
		"$S/kunit-vm.sh" i-sanitizers first_record_without_tpm
	run "tamper: the verifier catches changed bytes and PCRs" "$S/tamper.sh" b-late-sync
	run "verifier: ASan + UBSan build over every captured list" "$S/verifier-sanitizers.sh"
	run "fuzz: the list parser, 30 s from the captured lists" "$S/fuzz.sh" 30
elif [ "$mode" = arm64 ]; then
	run "build: arm64, IMA_INIT_LATE_SYNC=y" "$S/build.sh" late-sync late-sync kunit
	run "build: arm64, IMA_INIT_LATE_SYNC=n" "$S/build.sh" late late kunit
	run "kunit: kunit.py --arch=arm64 (QEMU), option on" \
		"$S/kunit.sh" late-sync CONFIG_IMA_INIT_LATE_SYNC=y
	run "kselftest: cross-built for arm64, and pack the initramfs" "$S/initramfs.sh"
	run "build: arm64, deferred TPM probe (test-only), option off" \
		"$S/build-test-only.sh" late-defer late late kunit
	run "build: arm64, deferred TPM probe (test-only), option on" \
		"$S/build-test-only.sh" late-sync-defer late-sync late-sync kunit
	run "vm: scenarios a-d, qemu-system-aarch64 -M virt + swtpm" "$S/scenarios.sh" '^[a-d]-'
	run "kunit: in the arm64 guest with a TPM, option off (a)" \
		"$S/kunit-vm.sh" a-late first_record_without_tpm
	run "kunit: in the arm64 guest with a TPM, option on (b)" \
		"$S/kunit-vm.sh" b-late-sync first_record_without_tpm
	run "kunit: in the arm64 guest without a TPM (c)" "$S/kunit-vm.sh" c-no-tpm
fi
echo "$passed 0" >"$result"
printf '\n%s %s: %s passed, 0 failed\n' "$BASE" "$mode" "$passed"
