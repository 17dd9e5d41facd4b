#!/bin/sh
# initramfs.sh: build the kselftest IMA verifier of $BASE statically and pack
# it with busybox-static and vm/init into build/$BASE/initramfs.cpio.gz.
set -eu
. "$(dirname -- "$0")/lib.sh"

out=$BUILD/$BASE/initramfs.cpio.gz
ks=$BUILD/$BASE/kselftest
root=$BUILD/$BASE/initramfs
run_logged "$LOGS/kselftest-$BASE.log" \
	make -C "$TREE/tools/testing/selftests" TARGETS=ima O="$ks" ||
	die "the ima kselftest does not build (log: $LOGS/kselftest-$BASE.log)"
test=$(kselftest_bin)
[ -x "$test" ] || die "no ima_measurements_test under $ks"

rm -rf "$root"
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev"
cp /bin/busybox "$root/bin/busybox"
cp "$TOP/vm/init" "$root/init"
cp "$test" "$root/ima_measurements_test"
chmod 755 "$root/init" "$root/ima_measurements_test"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -9n >"$out"
say "  $out ($(du -k "$out" | cut -f1) KiB)"
