#!/bin/sh
# scenarios.sh [PATTERN]: boot and verify every scenario of vm/scenarios
# (and vm/scenarios.$BASE, those of one base) whose name matches the grep
# PATTERN (default: all but i, which boot the kernels of make check-full:
# clang with KASAN + UBSAN, IMA off; nor j and p for guests of another architecture; c
# and l on an arch whose guests have no TPM), then check
# that starting IMA later loses no record (g, when both are asked for):
# with the same policy and initramfs, every record after the first is the
# same with the option off (a-option-off) as on (b-option-on). The guests
# boot BOOT_JOBS at a time (default: one a core), then each is verified in
# the table's order.
# The table is read on its own descriptor, and every matching line must
# have been verified, so that nothing a step runs can cut the list short.
# With NO_BOOT=1 the guests are not booted again: their serial logs are
# verified again (with VERIFIER, see verify.sh).
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

default='^[a-hj-z]-'
# guests of another architecture than the host's: not j and p, whose
# extra initramfs trees (kexec-initramfs.sh, tpm2-tools-initramfs.sh)
# hold the host's own programs and libraries
[ -z "$(arch_var CROSS_COMPILE)" ] || default='^[a-hk-oq-z]-'
# an arch whose guests have no TPM: the scenarios without one
arch_has_tpm || default='^[cl]-'
pattern=${1:-$default}
mkdir -p "$BOOTS"
table=$BOOTS/.scenarios
scenario_table >"$table"
want=$(awk '!/^#/ && NF { print $1 }' "$table" | grep -c -- "$pattern" || true)
[ "$want" -gt 0 ] || die "no scenario matches '$pattern'"
# matches NAME: whether the scenario NAME is one of those asked for
matches() {
	case $1 in '#'* | '') return 1 ;; esac
	printf '%s\n' "$1" | grep -q -- "$pattern"
}

# The boots first, BOOT_JOBS (default: one a core) at a time; each guest
# is one QEMU process with its own swtpm.
if [ "${NO_BOOT-}" != 1 ]; then
	jobs=${BOOT_JOBS:-$(nproc)}
	pids=
	running=0
	failed=
	on_exit 'for pn in $pids; do kill "${pn%%:*}" 2>/dev/null; done; wait; true'
	wait_batch() {
		for pn in $pids; do
			wait "${pn%%:*}" || failed="$failed ${pn#*:}"
		done
		pids=
		running=0
	}
	mkdir -p "$BOOTS"
	while read -r name kernel tpm _ _ _ cmdline <&3; do
		matches "$name" || continue
		# shellcheck disable=SC2086 # the command line is a list of words
		"$TOP/scripts/vm/boot.sh" "$name" "$kernel" "$tpm" $cmdline \
			>/dev/null 2>"$BOOTS/$name.boot.err" &
		pids="$pids $!:$name"
		running=$((running + 1))
		[ "$running" -lt "$jobs" ] || wait_batch
	done 3<"$table"
	wait_batch
	for f in $failed; do
		cat "$BOOTS/$f.boot.err" >&2
	done
	[ -z "$failed" ] || die "guests that did not complete:$failed"
fi

# Then each verified, in the order of the table.
n=0
while read -r name kernel tpm want_name digest selftest cmdline <&3; do
	matches "$name" || continue
	"$TOP/scripts/vm/verify.sh" "$name" "$kernel" "$want_name" "$digest" "$selftest"
	n=$((n + 1))
done 3<"$table"
[ "$n" -eq "$want" ] || die "verified $n of the $want scenarios matching '$pattern'"

boots=$BOOTS
if [ "$(printf 'a-option-off\nb-option-on\n' | grep -c -- "$pattern")" -eq 2 ]; then
	for b in a-option-off b-option-on; do
		serial_section "$boots/$b.log" ascii | tail -n +2 >"$boots/$b.after-first"
	done
	[ -s "$boots/a-option-off.after-first" ] || die "a-option-off has no record after the first"
	diff -u "$boots/a-option-off.after-first" "$boots/b-option-on.after-first" >&2 ||
		die "records after the first differ between option off and on"
	say "  g: the $(wc -l <"$boots/a-option-off.after-first") records after the first are the same with the option off and on"
fi
