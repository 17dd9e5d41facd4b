#!/bin/sh
# check-base.sh MODE: the tests of $BASE in one MODE, in pipeline order,
# each as one step:
#   check  (x86_64) what a reviewer must see to trust the series: git am,
#          the byte-stable export, the signed-off form and checkpatch,
#          MAINTAINERS, the DEP-3 form under quilt, every patch built
#          (option on and off, W=1, sparse, kernel-doc), Sphinx, the
#          kselftest, ima-evm-utils with verifiers/ima-evm-utils (built,
#          its boot aggregate test), every VM scenario but i (its evmctl
#          checks each list too; u: through OVMF, the firmware's event log
#          replayed), the KUnit suite as it ran at boot (option off and on,
#          with a TPM and without; IMA not initialised), tamper (the list and
#          PCRs; the event log), the verifier under ASan + UBSan, a short
#          fuzz run
#   full   (x86_64) the other gates: kunit.py on UML (option off and on),
#          coccicheck, the config matrix, clang-19 with KASAN and UBSAN, a
#          guest without IMA (the guests of scenarios i), randconfig
#   arm64  (ARCH=arm64) the guest kernels cross-built, the kselftest, VM
#          scenarios a-d, w (what make demo shows of the price), u through
#          AAVMF (and its event log tampered with), and the KUnit suite run
#          at boot in them
#   s390x  (ARCH=s390x) the same for a big-endian guest without a TPM:
#          scenarios c, the list in the guest's byte order and with
#          ima_canonical_fmt, checked in the guest and on the host
# A step that passed before with the same inputs (the harness, the applied
# series, the base: stamp_file) is not run again: it says so, and counts as
# passed. RERUN=1 runs every step. What the VM steps boot (the kernels, the
# initramfs) is made every time, incrementally: they are inputs of later
# steps, which check where each boot came from (boot_is_current). Stops at
# the first failure; the last line counts what passed and failed, and
# build/check-$BASE-MODE.result keeps the two numbers for check.sh.
set -u
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/check/lib.sh"

mode=${1:-check}
case $mode in
check | full) [ "$ARCH" = x86_64 ] || die "check-base.sh $mode is for ARCH=x86_64, not $ARCH" ;;
arm64 | s390x) [ "$ARCH" = "$mode" ] || die "check-base.sh $mode needs ARCH=$mode" ;;
*) die "usage: check-base.sh check|full|arm64|s390x" ;;
esac
S=$TOP/scripts
# The submission form is checked with a test identity, never the user's.
test_name='Test Submitter'
test_email='test.submitter@example.org'

passed=0
result=$BUILD/check-$BASE-$mode.result
rm -f "$result"
fail() {
	echo "$passed 1" >"$result"
	printf '\n%s %s: %s passed, 1 failed (stopped at: %s; logs: %s)\n' \
		"$BASE" "$mode" "$passed" "$1" "$LOGS" >&2
	exit 1
}
# always NAME CMD...: a step that runs every time (it sets up the tree the
# others read)
always() {
	name=$1
	shift
	"$S/step.sh" "$name" "$@" || fail "$name"
	passed=$((passed + 1))
}
# run NAME CMD...: a step, skipped if it passed before with the same inputs
run() {
	name=$1
	shift
	stamp=$(stamp_file "$mode: $name")
	if [ -f "$stamp" ] && [ "${RERUN-}" != 1 ]; then
		printf '==> %s\n<== %s: ok, passed before with the same inputs\n' "$name" "$name"
	else
		"$S/step.sh" "$name" "$@" || fail "$name"
		mkdir -p "${stamp%/*}"
		date -u +%Y-%m-%dT%H:%MZ >"$stamp"
	fi
	passed=$((passed + 1))
}

case $mode in
check) groups="guest check" ;;
full) groups="guest check full" ;;
arm64 | s390x) groups="guest $mode" ;;
esac
# shellcheck disable=SC2086 # one word per group
always "deps: apt packages ($groups)" "$S/deps/deps.sh" $groups
always "base: Debian $(base_var BASE_PACKAGE) $(base_var BASE_VERSION)" "$S/tree/base.sh"
always "apply: git am patches/$BASE/series" "$S/tree/apply.sh"

case $mode in
check)
	run "export: apply + export is byte-stable" "$S/tree/roundtrip.sh"
	run "submission: signed off by a test identity" env GIT_CONFIG_COUNT=2 \
		GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0="$test_name" \
		GIT_CONFIG_KEY_1=user.email GIT_CONFIG_VALUE_1="$test_email" \
		"$S/series/submission.sh" "$BUILD/$BASE/submission-test"
	run "forms: stored neutral, submission signed off" \
		"$S/series/forms.sh" "$BUILD/$BASE/submission-test" "$test_name" "$test_email"
	run "checkpatch --strict: submission form" "$S/series/checkpatch.sh" "$BUILD/$BASE/submission-test"
	run "maintainers: IMA entry covers added files" "$S/series/maintainers.sh"
	run "distro: DEP-3 patches pushed with quilt give git am's tree" \
		"$S/series/quilt-same-tree.sh"
	run "build: base and every patch, option on and off; W=1, sparse, kernel-doc" \
		"$S/build/build-each.sh"
	run "build: a compiler warning fails the build, every time" "$S/build/werror.sh"
	run "docs: Sphinx, security/" "$S/build/docs.sh"
	always "kselftest: build, and pack the initramfs" "$S/vm/initramfs.sh"
	always "kernels: guests with the option on and off" "$S/build/kernels.sh" guest
	always "kernels: guests with a deferred TPM probe (test-only)" "$S/build/kernels.sh" deferred
	always "verifiers: ima-evm-utils (Debian's source) with verifiers/ima-evm-utils: build, its boot aggregate tests" \
		"$S/verifiers/ima-evm-utils.sh"
	EVMCTL=$BUILD/verifiers/ima-evm-utils/src/src/evmctl
	export EVMCTL
	run "vm: every scenario but i, QEMU + swtpm (u: OVMF); evmctl of verifiers/ima-evm-utils beside" \
		"$S/vm/scenarios.sh" '^[a-hj-z]-'
	run "kunit: in the x86_64 guest with a TPM, option off (a)" \
		"$S/kunit/kunit-vm.sh" a-option-off boot_record_without_tpm
	run "kunit: in the x86_64 guest with a TPM, option on (b)" \
		"$S/kunit/kunit-vm.sh" b-option-on boot_record_without_tpm
	run "kunit: in the x86_64 guest without a TPM, option on (c)" "$S/kunit/kunit-vm.sh" c-no-tpm
	run "kunit: in the x86_64 guest without a TPM, option off (c)" "$S/kunit/kunit-vm.sh" c-no-tpm-off
	run "kunit: in the x86_64 guest where IMA did not initialise (o): every case skipped, no oops" \
		"$S/kunit/kunit-vm.sh" o-ima-md5-no-md5 --all-skipped \
		"IMA is not initialised: init_ima() failed or did not run"
	run "tamper: the kselftest fails a changed byte, PCR 0, the other name, a cut list; skips a changed PCR 10, saying why" \
		"$S/kselftest/tamper.sh" b-option-on
	run "tamper: verify.sh catches a cut event log, a zero PCR 9, a wrong boot aggregate (u, OVMF)" \
		"$S/vm/tamper-eventlog.sh" u-option-on
	run "verifier: ASan + UBSan build over every captured list" "$S/kselftest/sanitizers.sh"
	run "fuzz: the list parser, 30 s from the captured lists" "$S/kselftest/fuzz.sh" 30
	;;
full)
	run "kunit: kunit.py on UML, IMA_INIT_LATE_SYNC off" "$S/kunit/kunit.sh" option-off
	run "kunit: kunit.py on UML, IMA_INIT_LATE_SYNC on" \
		"$S/kunit/kunit.sh" option-on CONFIG_IMA_INIT_LATE_SYNC=y
	run "coccicheck: no new finding from any patch" "$S/build/coccicheck.sh"
	run "matrix: KUnit variants, a TPM driver as a module" "$S/build/matrix.sh"
	always "kernels: clang-19, KASAN + UBSAN, option off then on" "$S/build/kernels.sh" clang-kasan
	always "kselftest: build, and pack the initramfs" "$S/vm/initramfs.sh"
	always "kernels: a guest without IMA" "$S/build/kernels.sh" no-ima
	run "vm: scenarios i (clang-19, KASAN + UBSAN; IMA off), QEMU + swtpm" "$S/vm/scenarios.sh" '^i-'
	run "kunit: in the clang-19 KASAN + UBSAN x86_64 guest (i)" \
		"$S/kunit/kunit-vm.sh" i-clang-kasan boot_record_without_tpm
	run "randconfig: security/integrity, seeds 1 2 3" "$S/build/randconfig.sh" 1 2 3
	;;
arm64)
	always "kselftest: cross-built for arm64, and pack the initramfs" "$S/vm/initramfs.sh"
	always "kernels: arm64 guests with the option on and off" "$S/build/kernels.sh" guest
	always "kernels: arm64 guests with a deferred TPM probe (test-only)" "$S/build/kernels.sh" deferred
	run "vm: scenarios a-d, w, u (AAVMF), qemu-system-aarch64 -M virt + swtpm" \
		"$S/vm/scenarios.sh" '^[a-duw]-'
	run "tamper: verify.sh catches a cut event log, a zero PCR 9, a wrong boot aggregate (u, AAVMF)" \
		"$S/vm/tamper-eventlog.sh" u-option-on
	run "kunit: in the arm64 guest with a TPM, option off (a)" \
		"$S/kunit/kunit-vm.sh" a-option-off boot_record_without_tpm
	run "kunit: in the arm64 guest with a TPM, option on (b)" \
		"$S/kunit/kunit-vm.sh" b-option-on boot_record_without_tpm
	run "kunit: in the arm64 guest without a TPM (c)" "$S/kunit/kunit-vm.sh" c-no-tpm
	;;
s390x)
	always "kselftest: cross-built for s390x, and pack the initramfs" "$S/vm/initramfs.sh"
	always "kernels: s390x guests with the option on and off" "$S/build/kernels.sh" guest
	run "vm: scenarios c (no TPM; big-endian, ima_canonical_fmt), qemu-system-s390x" \
		"$S/vm/scenarios.sh" '^c-'
	run "kunit: in the s390x guest, option on (c)" "$S/kunit/kunit-vm.sh" c-no-tpm
	run "kunit: in the s390x guest, option off (c)" "$S/kunit/kunit-vm.sh" c-no-tpm-off
	;;
esac
echo "$passed 0" >"$result"
printf '\n%s %s: %s passed, 0 failed\n' "$BASE" "$mode" "$passed"
