#!/bin/sh
# busybox.sh: print the path of a static busybox for the guests of $ARCH:
# the host's /bin/busybox (Debian's busybox-static, deps.sh) when the guest
# runs the host's architecture, else Debian's busybox-static of that
# architecture (guest-debs.sh, under build/busybox-DEB_ARCH/).
set -eu
. "$(dirname -- "$0")/../lib.sh"

arch=$(arch_var DEB_ARCH)
if [ "$arch" = "$(dpkg --print-architecture)" ]; then
	[ -x /bin/busybox ] || die "no /bin/busybox: run 'make deps'"
	echo /bin/busybox
	exit 0
fi
dir=$("$TOP/scripts/deps/guest-debs.sh" "busybox-$arch" busybox-static)
[ -x "$dir/bin/busybox" ] || die "busybox-static of $arch holds no bin/busybox"
echo "$dir/bin/busybox"
