#!/bin/sh
# bench/uefi.sh: the boot times of the UEFI guests of $BASE on $ARCH
# (guest-off and guest-on, started by OVMF or AAVMF through their EFI
# stub, with swtpm), written to build/bench-uefi-$BASE.txt
# (bench-uefi-$BASE-arm64.txt, ...); a report, never a test. Each kernel
# boots $BENCH_UEFI_BOOTS times (default 5), off and on in turn; for each,
# min, median and max of
#  - firmware to kernel: the guest's wall time (boot.sh: QEMU's start to
#    its exit) less the kernel's own uptime when /init ended (vm/init):
#    QEMU's start, the firmware, the EFI stub, the kernel before its clock
#    starts, and the reboot and QEMU's exit after /init ends;
#  - kernel to IMA's first record: when IMA started building it (its
#    "Allocated hash algorithm" message, just before the boot aggregate),
#    in seconds since the kernel started;
#  - the whole boot: the guest's wall time.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"
. "$TOP/scripts/bench/lib.sh"

S=$TOP/scripts
report=$BUILD/bench-uefi-$BASE$ARCH_SUFFIX.txt
boots=${BENCH_UEFI_BOOTS:-5}
[ -n "$(arch_var UEFI_CODE)" ] || die "the guests of $ARCH have no UEFI firmware to time"
"$S/build/kernels.sh" guest >/dev/null
"$S/vm/initramfs.sh" >/dev/null

# stats FILE: min, median and max of the numbers in FILE, aligned
stats() {
	# shellcheck disable=SC2046 # three numbers
	printf '%7.2f %7.2f %7.2f' $(min_median_max "$1")
}
out=$BUILD/$BASE/bench-uefi$ARCH_SUFFIX
rm -rf "$out"
mkdir -p "$out"
i=0
while [ "$i" -lt "$boots" ]; do
	i=$((i + 1))
	for k in off on; do
		b=bench-uefi-$k-$i
		"$S/vm/boot.sh" "$b" "uefi:guest-$k" tpm2 initcall_debug loglevel=8 >/dev/null
		log=$BOOTS/$b.log
		wall=$(cat "$BOOTS/$b.wall")
		up=$(serial_section "$log" uptime)
		[ -n "$up" ] || die "boot $b printed no uptime (serial log: $log)"
		ima=$(ima_first_record_at "$log")
		[ -n "$ima" ] || die "boot $b shows no start of IMA's first record (serial log: $log)"
		echo "$wall" >>"$out/$k.wall"
		awk -v w="$wall" -v u="$up" 'BEGIN { printf "%.2f\n", w - u }' >>"$out/$k.firmware"
		echo "$ima" >>"$out/$k.ima"
		rm -rf "$BOOTS/$b".*
	done
done

{
	echo "Boot times of the UEFI guests of patches/$BASE, $ARCH: $(arch_var UEFI_CODE)"
	echo "(the project at $(git -C "$TOP" log -1 --format='%h %s'); QEMU with TCG, swtpm TPM 2.0;"
	echo "$boots boots each, off and on in turn; initcall_debug loglevel=8; load average"
	echo "after the boots: $(cut -d' ' -f1-3 /proc/loadavg))"
	printf '%-34s %23s   %23s\n' "seconds" "option off" "option on"
	printf '%-34s %7s %7s %7s   %7s %7s %7s\n' "" min median max min median max
	for f in "firmware to kernel:firmware" "kernel to IMA's first record:ima" "QEMU's start to its exit:wall"; do
		printf '%-34s %s   %s\n' "${f%:*}" "$(stats "$out/off.${f##*:}")" "$(stats "$out/on.${f##*:}")"
	done
} >"$report"
cat "$report"
say "report: $report"
