#!/bin/sh
# tpm2-tools-initramfs.sh ROOT: add to ROOT, a tree that boot.sh unpacks
# over the test initramfs, what /init needs to extend PCR 10 from user
# space (ima_vm.pcrextend): Debian's tpm2-tools (/usr/bin/tpm2, the
# libraries it loads, and the TCTI module it opens /dev/tpm0 with). These
# are the host's binaries: the guests must be of the host's architecture.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

[ -z "$(arch_var CROSS_COMPILE)" ] || die "tpm2-tools runs in guests of the host's architecture only"
tpm2=$(command -v tpm2) || die "tpm2-tools is not installed (make deps)"
tcti=/usr/lib/$(gcc -print-multiarch)/libtss2-tcti-device.so.0
[ -f "$tcti" ] || die "no $tcti: tpm2-tools' device TCTI is missing (make deps)"

root=$1
mkdir -p "$root/usr/bin" "$root${tcti%/*}"
cp "$tpm2" "$root/usr/bin/tpm2"
cp -L "$tcti" "$root$tcti"
copy_libs "$root" "$tpm2" "$tcti"
