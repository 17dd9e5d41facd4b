#!/bin/sh
# busybox.sh: print the path of a static busybox for the guests of $ARCH:
# the host's /bin/busybox (Debian's busybox-static, deps.sh) when the guest
# runs the host's architecture, else Debian's busybox-static of that
# architecture, downloaded through private apt lists (apt-suite.sh) and
# unpacked with dpkg -x under build/busybox-DEB_ARCH/.
set -eu
. "$(dirname -- "$0")/lib.sh"

arch=$(arch_var DEB_ARCH)
if [ "$arch" = "$(dpkg --print-architecture)" ]; then
	[ -x /bin/busybox ] || die "no /bin/busybox: run 'make deps'"
	echo /bin/busybox
	exit 0
fi
bin=$BUILD/busybox-$arch/bin/busybox
if [ ! -x "$bin" ]; then
	. /etc/os-release
	"$TOP/scripts/apt-suite.sh" "$VERSION_CODENAME" "$arch" >&2
	dl=$BUILD/downloads
	mkdir -p "$dl"
	(cd "$dl" && APT_CONFIG=$BUILD/apt/$VERSION_CODENAME-$arch/apt.conf \
		run_logged "$LOGS/busybox-$arch-download.log" apt-get download busybox-static) ||
		die "could not download busybox-static for $arch (log: $LOGS/busybox-$arch-download.log)"
	deb=$(ls "$dl"/busybox-static_*_"$arch".deb | tail -n 1)
	rm -rf "$BUILD/busybox-$arch"
	dpkg -x "$deb" "$BUILD/busybox-$arch"
	[ -x "$bin" ] || die "$(basename "$deb") holds no bin/busybox"
fi
echo "$bin"
