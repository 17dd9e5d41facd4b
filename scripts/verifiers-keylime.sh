#!/bin/sh
# verifiers-keylime.sh: Keylime with the patches of verifiers/keylime, on
# the measurement lists our kernels wrote (make verifiers-keylime
# KEYLIME_SRC=DIR). DIR is a clone of keylime/keylime that holds the commit
# the patches are for (verifiers/keylime/base-commit); Keylime is no Debian
# package and CI cannot fetch it, so this is outside make check. It runs
# with Debian's python3 packages (deps.sh keylime), in build/verifiers/:
#   1. Keylime as it is at that commit cannot take a late list: its policy
#      tool aborts on b-option-on (the patches are needed);
#   2. the patches apply, and Keylime's tests of what they change pass;
#   3. for each boot below, keylime-policy makes a policy from the boot's
#      list (as ASCII, as evmctl -vv prints it), with or without
#      --allow-boot-aggregate-late, and Keylime's verifier code judges the
#      list against that policy, PCR 10 and the boot aggregates of the
#      boot's PCRs (keylime-judge.py): the verdict must be the one listed.
# The lists are those of make check for $BASE (build/$BASE/boots).
set -eu
. "$(dirname -- "$0")/lib.sh"

[ -n "${KEYLIME_SRC-}" ] ||
	die "KEYLIME_SRC is not set: a clone of https://github.com/keylime/keylime (verifiers/README.md)"
want=$(cat "$TOP/verifiers/keylime/base-commit")
git -C "$KEYLIME_SRC" cat-file -e "$want^{commit}" 2>/dev/null ||
	die "$KEYLIME_SRC holds no commit $want, which verifiers/keylime is for"
py=/usr/bin/python3
dir=$BUILD/verifiers/keylime
log=$LOGS/verifiers-keylime.log
: >"$log"

# checkout NAME: Keylime at $want in $dir/NAME, without the large binary
# that snapshots of its repository may lack (demo/payload.enc)
checkout() {
	rm -rf "${dir:?}/$1"
	git clone -q --no-checkout --shared "$KEYLIME_SRC" "$dir/$1"
	git -C "$dir/$1" sparse-checkout set --no-cone '/*' '!/demo/payload.enc'
	git -C "$dir/$1" checkout -q "$want" 2>>"$log" ||
		die "cannot check out $want of $KEYLIME_SRC (log: $log)"
}
mkdir -p "$dir"
checkout upstream
checkout patched
for p in "$TOP"/verifiers/keylime/0[0-9][0-9][1-9]-*.patch; do
	git -C "$dir/patched" apply "$p" 2>>"$log" ||
		die "$(basename "$p") does not apply to $want (log: $log)"
done
# Keylime's configuration, made by Keylime from its templates
mkdir -p "$dir/conf"
(cd "$dir/patched" && "$py" -m keylime.cmd.convert_config --defaults --out "$dir/conf" \
	--templates "$dir/patched/templates" >>"$log" 2>&1) ||
	die "Keylime's convert_config failed (log: $log)"
KEYLIME_LOGGING_CONFIG=$dir/conf/logging.conf
KEYLIME_VERIFIER_CONFIG=$dir/conf/verifier.conf
export KEYLIME_LOGGING_CONFIG KEYLIME_VERIFIER_CONFIG

boots=$BUILD/$BASE/boots
for b in a-option-off b-option-on d-deferred-off d-deferred-on j-kexec-off-on; do
	[ -s "$boots/$b.list" ] && [ -d "$boots/$b.pcrs" ] ||
		die "no list and PCRs of $b in $boots: run 'make check' (or 'make scenarios BASE=$BASE') first"
	# Keylime reads the list as the kernel prints ascii_runtime_measurements;
	# evmctl's verbose replay prints each record so, on stderr
	evmctl -vv ima_measurement "$boots/$b.list" 2>&1 >/dev/null |
		grep -E '^[0-9]+ [0-9a-f]{40} ' >"$dir/$b.ascii" ||
		die "evmctl printed no record of $boots/$b.list"
done

# policy KEYLIME NAME OPTION...: a runtime policy from NAME's list, made by
# the keylime-policy of KEYLIME, in $dir/NAME.policy.json
policy() {
	_k=$1 _n=$2
	shift 2
	(cd "$dir/$_k" && "$py" -m keylime.cmd.keylime_policy create runtime \
		--ima-measurement-list "$dir/$_n.ascii" --ima-buf "$@" \
		--output "$dir/$_n.policy.json") >"$dir/$_n.policy.log" 2>&1
}

say "  Keylime $want, as it is: keylime-policy on b-option-on's list"
if policy upstream b-option-on; then
	die "Keylime without the patches made a policy from a list that starts with boot_aggregate_late (log: $dir/b-option-on.policy.log)"
fi
grep -q "Invalid digest algorithm found in the IMA measurement list" "$dir/b-option-on.policy.log" ||
	die "Keylime without the patches failed otherwise than expected (log: $dir/b-option-on.policy.log)"
say "    aborts: Invalid digest algorithm found in the IMA measurement list"

say "  Keylime with verifiers/keylime: its tests"
(cd "$dir/patched" && "$py" -m pytest -q test/test_create_runtime_policy.py \
	test/test_ima_verification.py) >"$dir/pytest.log" 2>&1 ||
	die "Keylime's tests fail with the patches (log: $dir/pytest.log)"
say "    $(tail -n 1 "$dir/pytest.log")"

# judge NAME WANT [OPTION]: policy from NAME's list (with OPTION), then the
# verifier's verdict, which must be WANT: pass, or the failure events
judge() {
	_n=$1 _w=$2
	shift 2
	policy patched "$_n" "$@" || die "keylime-policy failed on $_n's list (log: $dir/$_n.policy.log)"
	# Keylime logs to stdout: the verdict is the last line
	_got=$(PYTHONPATH=$dir/patched "$py" "$TOP/scripts/keylime-judge.py" "$dir/$_n.ascii" \
		"$boots/$_n.pcrs" "$dir/$_n.policy.json" 2>>"$log" | tee -a "$log" | tail -n 1)
	[ "$_got" = "$_w" ] ||
		die "$_n${1:+ ($1)}: Keylime says '$_got', expected '$_w' (policy: $dir/$_n.policy.json, log: $log)"
	say "    $_n${1:+ ($1)}: $_got"
}
late=ima.validation.boot_aggregate.boot_aggregate_late
say "  Keylime with verifiers/keylime: policy and verifier on the lists of $BASE"
judge a-option-off pass
judge b-option-on "fail: $late"
judge b-option-on pass --allow-boot-aggregate-late
judge d-deferred-on "fail: $late"
judge d-deferred-on pass --allow-boot-aggregate-late
judge j-kexec-off-on "fail: $late"
judge j-kexec-off-on pass --allow-boot-aggregate-late
grep -q "The boot aggregate boot_aggregate is all zeros" "$dir/j-kexec-off-on.policy.log" &&
	die "keylime-policy took j-kexec-off-on's aggregate for zero"
judge d-deferred-off "fail: ima.validation.boot_aggregate.boot_aggregate_zero ima.validation.ima-ng.runtime_policy_hash"
grep -q "The boot aggregate boot_aggregate is all zeros" "$dir/d-deferred-off.policy.log" ||
	die "keylime-policy did not say that d-deferred-off's boot aggregate is all zeros (log: $dir/d-deferred-off.policy.log)"
