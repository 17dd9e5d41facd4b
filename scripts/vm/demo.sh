#!/bin/sh
# demo.sh: what 'make demo' shows a person. The kernel with the option
# boots with a TPM (swtpm); its measurement list and the verifier's verdict;
# then the bug the option fixes, a TPM whose first probe is deferred, side
# by side with the option off (with IMA's report of the late TPM) and on,
# with a timeline of each boot; then the price, side by side too: firmware
# a driver loads from its deferred probe, measured and appraised with the
# option off, neither with it on. Where the arch has UEFI firmware (OVMF,
# AAVMF), the bug once more as measured boot has it in the field: the
# firmware's PCRs, replayed from its event log, and the chain from them to
# IMA's list, whole with the option on, broken with it off.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

arch_has_tpm ||
	die "make demo boots guests with a TPM, and those of $ARCH have none: make scenarios ARCH=$ARCH boots what they can"
S=$TOP/scripts
boots=$BOOTS
section() { serial_section "$boots/$1.log" "$2"; }
show_boot() {
	section "$1" ascii | awk 'NR == 1 { print "  first record: " $5 ", " $4 }'
	section "$1" selftest | sed -n \
		-e 's/^\(ok\|not ok\) [0-9]* \(boot_aggregate_value\|pcr_replay\) # *\(.*\)/  kselftest: \2: \3/p' \
		-e 's/^# \(Totals: .*\)/  kselftest: \1/p'
	section "$1" dmesg | sed -n \
		-e "s/^\[ *[0-9.]*\] \($msg_tpm_bypass.*\)/  kernel: \1/p" \
		-e "s/^\[ *[0-9.]*\] \($msg_late_tpm.*\)/  kernel: \1/p"
}

"$S/step.sh" "build: the guest kernel, IMA_INIT_LATE_SYNC=y" "$S/build/build.sh" gcc guest-on option-on kunit
"$S/step.sh" "build: initramfs with the kselftest verifier" "$S/vm/initramfs.sh"
"$S/step.sh" "boot: QEMU ($ARCH) + swtpm (TPM 2.0), option on" \
	"$S/vm/scenarios.sh" '^b-option-on$'

say ""
say "== The measurement list (first lines), option on, TPM 2.0"
section b-option-on ascii | head -n 3 | cut -c1-150 | sed 's/^/  /'
say ""
say "== The verifier (tools/testing/selftests/ima), in the guest"
section b-option-on selftest | grep -E '^(ok|not ok|# (list|PCR|Totals))' | sed 's/^/  /'
say ""
st=$(section b-option-on selftest)
if printf '%s\n' "$st" | grep -q '^ok [0-9]* boot_aggregate_value #  record 0 is the aggregate of the PCRs' &&
	printf '%s\n' "$st" | grep -q '^ok [0-9]* pcr_replay #  PCR 10 is the replay of the list in every bank' &&
	! printf '%s\n' "$st" | grep -q '^not ok'; then
	say "Summary: IMA started at late_initcall_sync; boot_aggregate_late is the aggregate of the TPM's PCRs; the list replays to PCR 10."
else
	die "the demo boot did not verify (serial log: $boots/b-option-on.log)"
fi

say ""
say "== The bug: the TPM's first probe is deferred (test-only scaffolding)"
"$S/step.sh" "build: option on and off, deferred TPM probe" "$S/build/kernels.sh" deferred
"$S/step.sh" "boot: both, with initcall_debug" "$S/vm/scenarios.sh" '^d-'
for side in d-deferred-off d-deferred-on; do
	say ""
	case $side in
	d-deferred-off) say "-- IMA_INIT_LATE_SYNC off (IMA at late_initcall):" ;;
	*) say "-- IMA_INIT_LATE_SYNC on (IMA at late_initcall_sync):" ;;
	esac
	show_boot "$side"
	"$S/vm/timeline.sh" "$side"
done

say ""
say "== The price: firmware loaded from a deferred probe (test-only driver)"
"$S/step.sh" "boot: option off and on, ima_policy=tcb, then secure_boot" "$S/vm/scenarios.sh" '^w-'
show_firmware() {
	fw=/lib/firmware/$(cmdline_param "$(boot_cmdline "$boots/$1.log")" ima_window_test.firmware)
	section "$1" dmesg | sed -n 's/^\[ *[0-9.]*\] ima_window_test [^ ]*: TEST ONLY: \(firmware .*\)/  driver: \1/p'
	case $1 in
	*tcb*)
		section "$1" ascii | awk -v fw="$fw" '$NF == fw { print "  list:", $3, $4, $5 }' |
			grep . || say "  list: no record of $fw"
		;;
	esac
}
for side in w-window-tcb-off w-window-tcb-on w-window-appraise-off w-window-appraise-on; do
	say ""
	case $side in
	*tcb-off) say "-- IMA_INIT_LATE_SYNC off, ima_policy=tcb: the TPM is missed, the firmware measured" ;;
	*tcb-on) say "-- IMA_INIT_LATE_SYNC on, ima_policy=tcb: the TPM is found, the firmware not measured" ;;
	*appraise-off) say "-- IMA_INIT_LATE_SYNC off, ima_policy=secure_boot: the unsigned firmware is refused" ;;
	*appraise-on) say "-- IMA_INIT_LATE_SYNC on, ima_policy=secure_boot: the unsigned firmware loads" ;;
	esac
	show_boot "$side"
	show_firmware "$side"
done
# show_chain NAME: the firmware's PCRs of the UEFI boot NAME, as its event
# log replays them (verify.sh checked them against the TPM's), and the
# boot aggregate they give against IMA's
show_chain() {
	ev=$boots/$1.eventlog
	say "  firmware: PCRs 0-9 (sha256), replayed from its event log with tpm2_eventlog, as the TPM holds them:"
	sed -e 's/^PCR-0*\([0-9]\): /    \1: /' -e 's/^\(    9: .*\)/\1 (the command line and the initrd, measured by the EFI stub)/' \
		"$ev.replayed/sha256"
	want=$(tail -n 1 "$ev.aggregate.log")
	got=$(section "$1" ascii | awk 'NR == 1 { print $4 }')
	say "  boot aggregate of those PCRs (evmctl): $want"
	say "  IMA's boot aggregate:                  $got"
	if [ "$want" = "$got" ]; then
		say "  the chain is whole: IMA's list starts from what the firmware measured"
	else
		say "  the chain is broken: IMA's list does not start from what the firmware measured"
	fi
}
uefi=$(arch_var UEFI_CODE)
if [ -n "$uefi" ]; then
	say ""
	say "== Measured boot: UEFI firmware ($uefi) with the TPM, the kernel through its EFI stub"
	"$S/step.sh" "boot: through the firmware, the TPM's probe deferred, option off and on" \
		"$S/vm/scenarios.sh" '^u-deferred-'
	for side in u-deferred-off u-deferred-on; do
		say ""
		case $side in
		*-off) say "-- IMA_INIT_LATE_SYNC off: IMA starts before the TPM is there" ;;
		*) say "-- IMA_INIT_LATE_SYNC on: IMA starts after the deferred probe" ;;
		esac
		show_boot "$side"
		show_chain "$side"
	done
fi
say ""
say "Serial logs, lists and timelines: $boots"
