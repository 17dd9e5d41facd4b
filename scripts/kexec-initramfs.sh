#!/bin/sh
# kexec-initramfs.sh KERNEL OUT: make OUT, the initramfs of a kexec boot into
# the guest kernel KERNEL of $BASE: the test initramfs with
# /kexec added (KERNEL's image; the test initramfs, as its initrd; kexec
# from Debian's kexec-tools and the libraries it loads). vm/init, finding
# /kexec, starts KERNEL with kexec_file_load, and KERNEL runs the checks.
set -eu
. "$(dirname -- "$0")/lib.sh"

[ -z "$(arch_var CROSS_COMPILE)" ] || die "kexec boots run on the host's architecture only"
image=$KERNELS/$1/$(basename "$(arch_var IMAGE)")
[ -f "$image" ] || die "no kernel $image: build it first"
kernel_is_current "$1"
[ -f "$INITRAMFS" ] || die "no initramfs $INITRAMFS: run scripts/initramfs.sh first"
kexec=$(PATH=$PATH:/sbin:/usr/sbin command -v kexec) ||
	die "kexec is not installed (make deps)"

out=$2
root=$out.d
rm -rf "$root"
mkdir -p "$root/kexec"
cp "$image" "$root/kexec/image"
cp "$INITRAMFS" "$root/kexec/initrd"
cp "$kexec" "$root/kexec/kexec"
for lib in $(ldd "$kexec" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
	mkdir -p "$root${lib%/*}"
	cp -L "$lib" "$root$lib"
done
# The kernel unpacks one archive after the other: the test initramfs, then
# /kexec over it.
{
	cat "$INITRAMFS"
	pack_initramfs "$root"
} >"$out"
rm -rf "$root"
