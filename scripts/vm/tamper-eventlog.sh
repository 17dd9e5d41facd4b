#!/bin/sh
# tamper-eventlog.sh NAME: verify.sh must catch a measured boot that does
# not hold together. NAME is a verified boot through UEFI firmware (a u-
# scenario of vm/scenarios whose boot aggregate is that of the PCRs); each
# case below is a copy of its serial log, changed in one place and
# verified again as a boot of its own (NAME-tamper-CASE) with NAME's
# expectations, and must fail with its reason:
#   cut        the firmware's event log cut short (its last event gone): it
#              replays to other PCRs than the TPM's
#   initrd     the tag of the EFI stub's initrd event changed (0x8f3b22ec
#              to 0x8f3b22ee): the log still replays to the TPM's PCRs,
#              but holds no measurement of the initrd
#   pcr9       PCR 9 zero in every bank of the TPM, as when nothing
#              measured the command line or the initrd: refused before any
#              replay
#   aggregate  the list's first record, one digit of its digest changed:
#              no longer the boot aggregate of the replayed PCRs
# The untouched copy must pass. The copies are removed afterwards.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

name=$1
log=$BOOTS/$name.log
[ -f "$log" ] || die "no serial log $log: boot $name first"
boot_is_current "$name"
line=$(scenario_row "$name")
# shellcheck disable=SC2086 # the table's columns
set -- $line
kernel=$2 names=$4 digest=$5 selftest=$6
boots_uefi "$kernel" || die "$name did not boot through UEFI firmware (its kernel is $kernel, not uefi:...)"
[ "$digest" = pcrs ] || die "$name's boot aggregate is not that of the PCRs ($digest)"
on_exit 'rm -rf "$BOOTS/$name"-tamper-*'

# make CASE: the copy of the boot for CASE, with its serial log on stdin
make_case() {
	cat >"$BOOTS/$name-tamper-$1.log"
	cp "$BOOTS/$name.source" "$BOOTS/$name-tamper-$1.source"
}
# verify CASE: verify.sh on the copy for CASE, its output in CASE's .out
verify() {
	"$TOP/scripts/vm/verify.sh" "$name-tamper-$1" "$kernel" "$names" "$digest" "$selftest" \
		>"$BOOTS/$name-tamper-$1.out" 2>&1
}
# expect_fail CASE TEXT: verify.sh fails on CASE, saying TEXT
expect_fail() {
	out=$BOOTS/$name-tamper-$1.out
	if verify "$1"; then
		cat "$out" >&2
		die "$1: verify.sh passed a tampered measured boot; expected: $2"
	fi
	grep -qF -- "$2" "$out" || {
		cat "$out" >&2
		die "$1: verify.sh failed without saying: $2"
	}
	say "  $1: caught: $(sed -n -e 's/ (\(serial \)\{0,1\}log: [^)]*)//g' -e 's/^error: [^:]*: //p' "$out")"
}
# with_section SECTION CMD...: the serial log with the lines of SECTION
# passed through CMD
with_section() {
	_s=$1
	shift
	tr -d '\r' <"$log" | awk -v s="@@ $_s" '{ print } $0 == s { exit }'
	serial_section "$log" "$_s" | "$@"
	tr -d '\r' <"$log" | awk -v s="@@ $_s" '$0 == s { on = 1; next } on && /^@@ / { on = 2 } on == 2'
}

# the untouched copy passes
make_case same <"$log"
verify same || { cat "$BOOTS/$name-tamper-same.out" >&2; die "the untouched copy of $name fails"; }
say "  same: passes"

# cut: the event log without its last event: the longest prefix of it
# that tpm2_eventlog parses whole, with one event less.
ev=$BOOTS/$name.eventlog
[ -s "$ev" ] || die "no event log of $name: verify it first"
# events FILE: how many events tpm2_eventlog parses in FILE; -1 if it
# cannot parse it whole
scratch=$BOOTS/$name-tamper-events.yaml
events() {
	tpm2_eventlog "$1" >"$scratch" 2>/dev/null || { echo -1; return; }
	grep -c '^- EventNum:' "$scratch" || true
}
n=$(events "$ev")
[ "$n" -gt 1 ] || die "the event log of $name holds $n events"
size=$(wc -c <"$ev")
cut=$BOOTS/$name-tamper-cut.eventlog.bin
while :; do
	size=$((size - 1))
	[ "$size" -gt 0 ] || die "no shorter prefix of the event log of $name parses"
	head -c "$size" "$ev" >"$cut"
	m=$(events "$cut")
	[ "$m" -ne "$((n - 1))" ] || break
done
with_section eventlog sh -c "base64 '$cut'" | make_case cut
expect_fail cut "the firmware's event log replays to"

# initrd: the initrd event's tag, once in the log, changed
hex=$(xxd -p "$ev" | tr -d '\n')
[ "$(printf '%s\n' "$hex" | grep -o 'ec223b8f' | wc -l)" -eq 1 ] ||
	die "the event log of $name holds the initrd event's tag not once"
printf '%s\n' "$hex" | sed 's/ec223b8f/ee223b8f/' | xxd -r -p >"$BOOTS/$name-tamper-initrd.eventlog.bin"
with_section eventlog sh -c "base64 '$BOOTS/$name-tamper-initrd.eventlog.bin'" | make_case initrd
expect_fail initrd "holds no measurement of the initrd into PCR 9 by the EFI stub"

# pcr9: PCR 9 zero in every bank of the TPM
with_section pcrs awk '$2 == 9 { v = $3; gsub(/./, "0", v); $3 = v } { print }' | make_case pcr9
expect_fail pcr9 "is zero: nothing measured the kernel's command line or initrd"

# aggregate: the list's first record, the last digit of its digest changed
with_section ascii awk 'NR == 1 { $4 = substr($4, 1, length($4) - 1) (substr($4, length($4)) == "0" ? "1" : "0") } { print }' |
	make_case aggregate
expect_fail aggregate "the PCRs 0-9 the firmware's event log replays to give"
