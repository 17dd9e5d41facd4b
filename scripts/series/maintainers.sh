#!/bin/sh
# maintainers.sh: every file the series of $BASE adds is covered by the IMA
# entry of MAINTAINERS, as scripts/get_maintainer.pl sees it.
set -eu
. "$(dirname -- "$0")/../lib.sh"

entry='INTEGRITY MEASUREMENT ARCHITECTURE (IMA)'
cd "$TREE"
files=$(git diff --name-only --diff-filter=A base work)
[ -n "$files" ] || die "the series adds no file"
bad=0
for f in $files; do
	if perl scripts/get_maintainer.pl --nogit --nogit-fallback -f "$f" 2>/dev/null |
		grep -qF "$entry"; then
		say "  $f: $entry"
	else
		say "  $f: NOT covered by $entry" >&2
		bad=1
	fi
done
[ "$bad" -eq 0 ] || die "MAINTAINERS does not cover every added file"

# A series for a distribution's kernel goes to its kernel maintainers: the
# Maintainer of the package the base was unpacked from
to=$(base_var SERIES_TO)
if [ -n "$to" ]; then
	deb=$(ls "$BUILD/downloads/$(base_var BASE_PACKAGE)_"*.deb 2>/dev/null | head -n 1)
	[ -n "$deb" ] || die "no .deb of $(base_var BASE_PACKAGE) in $BUILD/downloads to read its Maintainer from"
	m=$(dpkg-deb -f "$deb" Maintainer)
	[ "$m" = "$to" ] || die "SERIES_TO in bases/$BASE.mk is '$to'; $(basename "$deb") says Maintainer: $m"
	say "  To: $to, the Maintainer of $(basename "$deb")"
fi

# Each person once in the headers of each stored patch, whatever addresses
# MAINTAINERS gives them
for p in "$PATCHES"/*.patch; do
	twice=$(awk '/^$/ { exit } /^(To|Cc):/ { h = 1 } /^[^ \t]/ && !/^(To|Cc):/ { h = 0 } h' "$p" |
		sed 's/^\(To\|Cc\): *//; s/^ *//; s/,$//' | sed 's/ *<[^>]*>$//' | sort | uniq -d)
	[ -z "$twice" ] || die "$(basename "$p") names $twice more than once in To: and Cc:"
done
say "  every patch names each recipient once"
