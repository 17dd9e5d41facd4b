#!/bin/sh
# kexec-initramfs.sh KERNEL ROOT: add to ROOT, a tree that boot.sh unpacks
# over the test initramfs, what a kexec boot into the guest kernel KERNEL
# of $BASE needs: /kexec (KERNEL's image; the test initramfs, as its
# initrd; kexec from Debian's kexec-tools and the libraries it loads).
# vm/init, finding /kexec, starts KERNEL with kexec_file_load (kexec_load
# with ima_vm.kexec_load), and KERNEL runs the checks.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

[ -z "$(arch_var CROSS_COMPILE)" ] || die "kexec boots run on the host's architecture only"
image=$KERNELS/$1/$(basename "$(arch_var IMAGE)")
[ -f "$image" ] || die "no kernel $image: build it first"
kernel_is_current "$1"
[ -f "$INITRAMFS" ] || die "no initramfs $INITRAMFS: run scripts/vm/initramfs.sh first"
kexec=$(PATH=$PATH:/sbin:/usr/sbin command -v kexec) ||
	die "kexec is not installed (make deps)"

root=$2
mkdir -p "$root/kexec"
cp "$image" "$root/kexec/image"
cp "$INITRAMFS" "$root/kexec/initrd"
cp "$kexec" "$root/kexec/kexec"
copy_libs "$root" "$kexec"
