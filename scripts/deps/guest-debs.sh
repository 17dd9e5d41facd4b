#!/bin/sh
# guest-debs.sh DIR PACKAGE...: unpack Debian's PACKAGEs of the guests'
# architecture ($ARCH's DEB_ARCH, this release) into build/DIR with dpkg -x,
# downloaded through private apt lists (apt-suite.sh): nothing is installed
# and no architecture is added to dpkg. Prints build/DIR. Unpacks afresh
# only when the list of packages changed.
set -eu
. "$(dirname -- "$0")/../lib.sh"

[ $# -ge 2 ] || die "usage: guest-debs.sh DIR PACKAGE..."
dest=$BUILD/$1
shift
arch=$(arch_var DEB_ARCH)
if [ "$(cat "$dest/.packages" 2>/dev/null)" != "$arch $*" ]; then
	. /etc/os-release
	"$TOP/scripts/deps/apt-suite.sh" "$VERSION_CODENAME" "$arch" >&2
	dl=$BUILD/downloads/$arch
	log=$LOGS/debs-$(basename "$dest").log
	rm -rf "$dl" "$dest"
	mkdir -p "$dl"
	(cd "$dl" && APT_CONFIG=$BUILD/apt/$VERSION_CODENAME-$arch/apt.conf \
		run_logged "$log" apt-get download "$@") ||
		die "could not download $* for $arch (log: $log)"
	for deb in "$dl"/*.deb; do
		dpkg -x "$deb" "$dest"
	done
	echo "$arch $*" >"$dest/.packages"
fi
echo "$dest"
