#!/bin/sh
# initramfs.sh: build the kselftest IMA verifier of $BASE statically
# (LDFLAGS=-static: the initramfs has no libc; the linker's warnings that
# libcrypto's dlopen and getaddrinfo would need glibc's shared libraries
# concern code the test never reaches), for
# this host (build/$BASE/kselftest: verify.sh runs it on what the guests
# hand out) and, when the guests of $ARCH are another architecture, for
# them too (build/$BASE/kselftest-$ARCH, with the arch's cross compiler and
# the headers and libcrypto.a of Debian's libssl-dev of that architecture,
# guest-debs.sh);
# pack the guests' one with a static busybox (busybox.sh), vm/init and
# vm/firmware (as /lib/firmware) into the initramfs
# (build/$BASE/initramfs.cpio.gz; initramfs-$ARCH.cpio.gz).
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

# kselftest DIR ARCH CROSS_COMPILE [SYSROOT]: build the verifier into
# build/$BASE/DIR, against the libssl-dev unpacked in SYSROOT if given
kselftest() {
	_inc='' _lib=''
	if [ -n "${4-}" ]; then
		_triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH -a "$(arch_var DEB_ARCH)" 2>/dev/null)
		_inc="-I$4/usr/include -I$4/usr/include/$_triplet"
		_lib="-L$4/usr/lib/$_triplet"
	fi
	CFLAGS=$_inc run_logged "$LOGS/kselftest-$BASE${3:+-$2}.log" \
		make -C "$TREE/tools/testing/selftests" TARGETS=ima LDFLAGS="-static${_lib:+ $_lib}" \
		ARCH="$2" CROSS_COMPILE="$3" O="$BUILD/$BASE/$1" ||
		die "the ima kselftest does not build for $2 (log: $LOGS/kselftest-$BASE${3:+-$2}.log)"
	[ -x "$(kselftest_bin "$1")" ] || die "no ima_measurements_test under $BUILD/$BASE/$1"
}
kselftest kselftest x86_64 ""
guest=kselftest
cross=$(arch_var CROSS_COMPILE)
if [ -n "$cross" ]; then
	guest=kselftest-$ARCH
	sysroot=$("$TOP/scripts/deps/guest-debs.sh" "sysroot-$(arch_var DEB_ARCH)" libssl-dev)
	kselftest "$guest" "$(arch_var KERNEL_ARCH)" "$cross" "$sysroot"
fi
busybox=$("$TOP/scripts/deps/busybox.sh")

root=$BUILD/$BASE/initramfs$ARCH_SUFFIX
rm -rf "$root"
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/lib/firmware"
cp "$TOP"/vm/firmware/* "$root/lib/firmware/"
cp "$busybox" "$root/bin/busybox"
cp "$TOP/vm/init" "$root/init"
cp "$(kselftest_bin "$guest")" "$root/ima_measurements_test"
chmod 755 "$root/init" "$root/ima_measurements_test"
pack_initramfs "$root" >"$INITRAMFS"
initramfs_source HEAD >"$INITRAMFS.source"
say "  $INITRAMFS ($(du -k "$INITRAMFS" | cut -f1) KiB, $ARCH)"
