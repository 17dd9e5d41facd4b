#!/bin/sh
# scenarios.sh [PATTERN]: boot and verify every scenario of vm/scenarios
# whose name matches the grep PATTERN (default: a to h; i boots the clang
# KASAN + UBSAN kernel that matrix.sh builds), then check that
# starting IMA later loses no record: with the same policy and initramfs,
# every record after the first is the same with the option off (a-late) as
# on (b-late-sync). With NO_BOOT=1 the guests are not booted again: their
# serial logs are verified again (with VERIFIER, see verify.sh).
set -eu
. "$(dirname -- "$0")/lib.sh"

pattern=${1:-^[a-h]-}
n=0
while read -r name kernel tpm want_name digest selftest cmdline; do
	case $name in '#'* | '') continue ;; esac
	printf '%s\n' "$name" | grep -q -- "$pattern" || continue
	# shellcheck disable=SC2086 # the command line is a list of words
	[ "${NO_BOOT-}" = 1 ] || "$TOP/scripts/boot.sh" "$name" "$kernel" "$tpm" $cmdline >/dev/null
	"$TOP/scripts/verify.sh" "$name" "$kernel" "$want_name" "$digest" "$selftest"
	n=$((n + 1))
done <"$TOP/vm/scenarios"
[ "$n" -gt 0 ] || die "no scenario matches '$pattern'"

boots=$BOOTS
if [ -f "$boots/a-late.log" ] && [ -f "$boots/b-late-sync.log" ] &&
	printf 'a-late\nb-late-sync\n' | grep -q -- "$pattern"; then
	for b in a-late b-late-sync; do
		serial_section "$boots/$b.log" ascii | tail -n +2 >"$boots/$b.after-first"
	done
	[ -s "$boots/a-late.after-first" ] || die "a-late has no record after the first"
	diff -u "$boots/a-late.after-first" "$boots/b-late-sync.after-first" >&2 ||
		die "records after the first differ between option off and on"
	say "  g: the $(wc -l <"$boots/a-late.after-first") records after the first are the same with the option off and on"
fi
