#!/bin/sh
# check-base.sh: every test of $BASE, in pipeline order, each as one step.
# Stops at the first failure; the last line counts what passed and failed,
# and build/check-$BASE.result keeps the two numbers for check.sh.
set -u
. "$(dirname -- "$0")/lib.sh"

S=$TOP/scripts
# The submission form is checked with a test identity, never the user's.
test_name='Test Submitter'
test_email='test.submitter@example.org'

passed=0
result=$BUILD/check-$BASE.result
rm -f "$result"
run() {
	name=$1
	shift
	if "$S/step.sh" "$name" "$@"; then
		passed=$((passed + 1))
	else
		echo "$passed 1" >"$result"
		printf '\n%s: %s passed, 1 failed (stopped at: %s; logs: %s)\n' \
			"$BASE" "$passed" "$name" "$LOGS" >&2
		exit 1
	fi
}

run "deps: apt packages" "$S/deps.sh"
run "base: Debian $(base_var BASE_PACKAGE) $(base_var BASE_VERSION)" "$S/base.sh"
run "apply: git am patches/$BASE/series" "$S/apply.sh"
run "export: apply + export is byte-stable" "$S/roundtrip.sh"
run "submission: signed off by a test identity" env GIT_CONFIG_COUNT=2 \
	GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0="$test_name" \
	GIT_CONFIG_KEY_1=user.email GIT_CONFIG_VALUE_1="$test_email" \
	"$S/submission.sh" "$BUILD/$BASE/submission-test"
run "forms: stored neutral, submission signed off" \
	"$S/forms.sh" "$BUILD/$BASE/submission-test" "$test_name" "$test_email"
run "checkpatch --strict: submission form" "$S/checkpatch.sh" "$BUILD/$BASE/submission-test"
run "maintainers: IMA entry covers added files" "$S/maintainers.sh"
run "build: base and every patch, option on and off; W=1, sparse, kernel-doc" "$S/build-each.sh"
run "kunit: IMA_INIT_LATE_SYNC off" "$S/kunit.sh" late
run "kunit: IMA_INIT_LATE_SYNC on" "$S/kunit.sh" late-sync CONFIG_IMA_INIT_LATE_SYNC=y
run "docs: Sphinx, security/" "$S/docs.sh"
run "kselftest: build, and pack the initramfs" "$S/initramfs.sh"
run "build: deferred TPM probe (test-only), option off" \
	"$S/build-test-only.sh" late-defer late late kunit
run "build: deferred TPM probe (test-only), option on" \
	"$S/build-test-only.sh" late-sync-defer late-sync late-sync kunit
run "vm: scenarios a-h, QEMU + swtpm" "$S/scenarios.sh"
run "tamper: the verifier catches changed bytes and PCRs" "$S/tamper.sh" b-late-sync
run "verifier: ASan + UBSan build over every captured list" "$S/verifier-sanitizers.sh"
run "fuzz: the list parser, 30 s from the captured lists" "$S/fuzz.sh" 30
echo "$passed 0" >"$result"
printf '\n%s: %s passed, 0 failed\n' "$BASE" "$passed"
