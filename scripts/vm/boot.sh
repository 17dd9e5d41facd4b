#!/bin/sh
# boot.sh NAME KERNEL TPM [APPEND...]: boot the guest kernel KERNEL of
# $BASE (build/$BASE/kernels/KERNEL; kernels-arm64/ for arm64, ...) in QEMU
# (TCG), on the machine arches/$ARCH.mk names, with the test initramfs and
# the TPM TPM. KERNEL may be K1>K2: K1 boots and starts K2 with kexec
# (kexec-initramfs.sh), which runs the checks; an APPEND that asks /init for
# ima_vm.pcrextend gets tpm2-tools (tpm2-tools-initramfs.sh), and for
# ima_vm.bootconfig the kernel's config. TPM is one of
#   tpm2         swtpm, TPM 2.0, its default PCR banks
#   tpm2-sha256  swtpm, TPM 2.0, the SHA-256 bank only
#   tpm12        swtpm, TPM 1.2
#   none         no TPM
# and APPEND added to the kernel command line. KERNEL written uefi:K is K
# started through its EFI stub by the arch's UEFI firmware (UEFI_* in
# arches/$ARCH.mk: OVMF, AAVMF), which QEMU hands it and the initramfs to,
# on a fresh copy of the firmware's variable store; any other is started by
# QEMU itself. The kernel must have been
# built from the series as it is now (branch work, or test-only commits on
# top of it): anything else is refused, so that a stale kernel is never
# tested. The serial log is kept in build/$BASE/boots/NAME.log
# (boots-arm64/, ...); a guest that does not end within $GUEST_TIMEOUT
# seconds (default 300) is stopped and reported; the wall time of the
# guest, from QEMU's start to its exit, in NAME.wall. QEMU and swtpm are
# stopped when this script is, however it ends.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

name=$1 kernel=${2%%>*} next=${2#"${2%%>*}"} tpm=$3
shift 3
firmware=
case $kernel in uefi:*) firmware=uefi kernel=${kernel#uefi:} ;; esac
image=$KERNELS/$kernel/$(basename "$(arch_var IMAGE)")
initrd=$INITRAMFS
dir=$BOOTS
qemu=$(arch_var QEMU)
log=$dir/$name.log
state=$dir/$name.tpm
timeout=${GUEST_TIMEOUT:-300}
[ "$tpm" = none ] || arch_has_tpm ||
	die "$name: the guests of $ARCH have no TPM, not $tpm"
[ -f "$image" ] || die "no kernel $image: build it first"
kernel_is_current "$kernel"
[ -f "$initrd" ] || die "no initramfs $initrd: run scripts/vm/initramfs.sh first"
[ "$(cat "$initrd.source" 2>/dev/null)" = "$(initramfs_source)" ] ||
	die "the initramfs $initrd is not of the series now applied, or of this vm/init: run scripts/vm/initramfs.sh"
fwargs=
vars=$dir/$name.vars.fd
append=$(arch_var KERNEL_APPEND)
if [ "$firmware" = uefi ]; then
	qemu=$(arch_var UEFI_QEMU)
	code=$(arch_var UEFI_CODE)
	[ -n "$code" ] || die "$name: the guests of $ARCH have no UEFI firmware to start $kernel"
	grep -qsx 'CONFIG_EFI_STUB=y' "$KERNELS/$kernel/.config" ||
		die "$name: $kernel has no EFI stub for UEFI firmware to start"
	[ -f "$code" ] && [ -f "$(arch_var UEFI_VARS)" ] ||
		die "no UEFI firmware $code or $(arch_var UEFI_VARS): make deps (ovmf, qemu-efi-aarch64)"
	fwargs="-drive if=pflash,format=raw,unit=0,readonly=on,file=$code -drive if=pflash,format=raw,unit=1,file=$vars"
fi
command -v "${qemu%% *}" >/dev/null || die "${qemu%% *} is not installed (make deps)"
mkdir -p "$dir"
rm -rf "$state" "$log" "$vars" "$dir/$name.wall" "$dir/$name.source" "$dir/$name".*.cpio.gz
[ -z "$fwargs" ] || cp --sparse=always "$(arch_var UEFI_VARS)" "$vars"
# What this boot's /init needs beyond the test initramfs, in a tree
# unpacked over it: the next kernel and kexec (K1>K2), tpm2-tools
# (ima_vm.pcrextend), the kernel's config (ima_vm.bootconfig).
extra=$dir/$name.initramfs.d
rm -rf "$extra"
mkdir -p "$extra"
[ -z "$next" ] || "$TOP/scripts/vm/kexec-initramfs.sh" "${next#>}" "$extra"
if cmdline_flag "$(printf '%s\n' "$@")" ima_vm.pcrextend; then
	[ -z "$next" ] || die "$name: the kernel started by kexec would have no tpm2-tools"
	[ "$tpm" != none ] || die "$name: ima_vm.pcrextend needs a TPM"
	"$TOP/scripts/vm/tpm2-tools-initramfs.sh" "$extra"
fi
if cmdline_flag "$(printf '%s\n' "$@")" ima_vm.bootconfig; then
	[ -z "$next" ] || die "$name: the config would be the first kernel's, not the one that runs the checks"
	mkdir -p "$extra/ima-vm"
	cp "$KERNELS/$kernel/.config" "$extra/ima-vm/kernel.config"
fi
if [ -n "$(ls -A "$extra")" ]; then
	initrd=$dir/$name.initramfs.cpio.gz
	initramfs_with "$extra" >"$initrd"
fi
rm -rf "$extra"

# shellcheck disable=SC2086 # $append is a list of words
set -- console="$(arch_var CONSOLE)" panic=-1 $append "$@"
qemu_pid=
on_exit '[ -z "$qemu_pid" ] || kill "$qemu_pid" 2>/dev/null; [ ! -f "$state/pid" ] || kill "$(cat "$state/pid")" 2>/dev/null; rm -f "$vars"; true'
tpmargs=
if [ "$tpm" != none ]; then
	command -v swtpm >/dev/null || die "swtpm is not installed (make deps)"
	mkdir -p "$state"
	case $tpm in
	tpm2) ver=--tpm2 ;;
	tpm2-sha256)
		ver=--tpm2
		run_logged "$state/setup.log" swtpm_setup --tpm2 --tpmstate "$state" \
			--pcr-banks sha256 --overwrite ||
			die "swtpm_setup failed (log: $state/setup.log)"
		;;
	tpm12) ver= ;;
	*) die "unknown TPM '$tpm'" ;;
	esac
	# shellcheck disable=SC2086 # $ver is one flag or none
	swtpm socket $ver --tpmstate dir="$state" \
		--ctrl type=unixio,path="$state/sock" \
		--pid file="$state/pid" --log file="$state/swtpm.log" \
		--terminate --daemon ||
		die "swtpm did not start (log: $state/swtpm.log)"
	tpmargs="-chardev socket,id=chrtpm,path=$state/sock -tpmdev emulator,id=tpm0,chardev=chrtpm -device $(arch_var QEMU_TPM_DEVICE),tpmdev=tpm0"
fi

# In the background, and waited for: a signal to this script then stops
# it at once (the trap above), where a command in the foreground would
# first have to end. Its input is /dev/null, not the caller's.
# shellcheck disable=SC2086 # $qemu, $fwargs and $tpmargs are lists of words
start=$(date +%s.%N)
timeout "$timeout" $qemu -accel tcg -m 512M $fwargs \
	-display none -monitor none -no-reboot -serial file:"$log" \
	-kernel "$image" -initrd "$initrd" -append "$*" $tpmargs \
	</dev/null >"$dir/$name.qemu.log" 2>&1 &
qemu_pid=$!
rc=0
wait "$qemu_pid" || rc=$?
qemu_pid=
awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f\n", b - a }' >"$dir/$name.wall"
rm -f "$vars"

if [ "$rc" -eq 124 ]; then
	tail -n 20 "$log" >&2
	die "guest $name hung: stopped after ${timeout}s (serial log: $log)"
fi
[ "$rc" -eq 0 ] || die "qemu failed for $name, exit $rc (log: $dir/$name.qemu.log)"
grep -q '^@@ ima-vm end' "$log" ||
	die "guest $name did not finish its checks (serial log: $log)"
kind=plain
[ ! -f "$KERNELS/$kernel/test-only" ] || kind=test-only
printf '%s %s %s\n' "$(cat "$KERNELS/$kernel/commit")" "$kind" "$(cat "$INITRAMFS.source")" >"$dir/$name.source"
by=
[ -z "$fwargs" ] || by=" through UEFI firmware"
say "  $name: booted $kernel$next ($ARCH)$by, TPM $tpm (serial log: $log)"
