#!/bin/sh
# verify.sh NAME KERNEL NAME_WANTED DIGEST_WANTED SELFTEST_WANTED: check the
# guest boot NAME (build/$BASE/boots/NAME.log) as a remote verifier would.
#   NAME_WANTED      boot_aggregate | boot_aggregate_late
#   DIGEST_WANTED    pcrs (the aggregate of the TPM's PCRs) | zero
#   SELFTEST_WANTED  pass | bypass (fails only because a TPM is present
#                    but IMA ran in TPM-bypass mode: the bug)
# The kselftest's verdict in the guest is checked, then the list and PCRs
# copied out of the guest are checked again on the host by the same binary,
# or by the build of it that VERIFIER names (one with sanitizers, say): any
# sanitizer report fails.
set -eu
. "$(dirname -- "$0")/lib.sh"

name=$1 kernel=$2 want_name=$3 want_digest=$4 want_selftest=$5
dir=$BOOTS
log=$dir/$name.log
[ -f "$log" ] || die "no serial log $log: boot $name first"
boot_is_current "$name"
section() { serial_section "$log" "$1"; }
fail() { die "$name: $* (serial log: $log)"; }

st=$(section selftest)
first=$(printf '%s\n' "$st" | sed -n 's/^# first record: \([a-z_]*\),.*/\1/p')
digest=$(printf '%s\n' "$st" | sed -n 's/^# boot_aggregate[a-z_]* digest: //p')
exit_code=$(tr -d '\r' <"$log" | sed -n 's/^@@ selftest-exit //p')
[ -n "$first" ] || fail "the kselftest printed no first record"
[ "$first" = "$want_name" ] || fail "first record is '$first', expected '$want_name'"
case $want_digest in
zero)
	printf '%s\n' "$digest" | grep -Eq '^[a-z0-9]+:0+$' ||
		fail "boot aggregate $digest, expected all zeros"
	section dmesg | grep -q 'No TPM chip found, activating TPM-bypass!' ||
		fail "no TPM-bypass message in the kernel log"
	;;
pcrs)
	printf '%s\n' "$st" | grep -q "^# $want_name matches PCRs 0-[79] " ||
		fail "boot aggregate $digest does not match the PCRs"
	;;
*) die "unknown digest expectation '$want_digest'" ;;
esac
case $want_selftest in
pass)
	[ "$exit_code" = 0 ] || fail "the kselftest failed in the guest (exit $exit_code)"
	;;
bypass)
	[ "$exit_code" != 0 ] || fail "the kselftest passed, expected it to catch TPM-bypass"
	printf '%s\n' "$st" | grep -q 'a TPM is present, yet the boot aggregate is zero' ||
		fail "the kselftest failed, but not on TPM-bypass"
	;;
*) die "unknown selftest expectation '$want_selftest'" ;;
esac

# Off-target: the same verifier on the host, on what the guest handed out.
section list | base64 -d >"$dir/$name.list" || fail "the list in the serial log is not valid base64"
tpm=none
if [ -n "$(section pcrs)" ]; then
	tpm=$dir/$name.pcrs
	rm -rf "$tpm"
	section pcrs | while read -r bank idx value; do
		mkdir -p "$tpm/$bank"
		printf '%s\n' "$value" >"$tpm/$bank/$idx"
	done
fi
test=${VERIFIER:-$(kselftest_bin)}
hlog=$dir/$name.host${VERIFIER:+.$(basename "$VERIFIER")}.log
hrc=0
IMA_LIST=$dir/$name.list IMA_TPM=$tpm IMA_CONFIG=$KERNELS/$kernel/.config \
	"$test" >"$hlog" 2>&1 || hrc=$?
! sanitizer_report "$hlog" ||
	fail "a sanitizer reported an error in the verifier on the host (log: $hlog)"
if [ "$want_selftest" = pass ] && [ "$hrc" -ne 0 ]; then
	fail "the kselftest passed in the guest but fails on the host (log: $hlog)"
fi
if [ "$want_selftest" = bypass ] && [ "$hrc" -eq 0 ]; then
	fail "the kselftest on the host missed the TPM-bypass (log: $hlog)"
fi
say "  $name: $first $digest; kselftest $want_selftest in the guest and on the host"
