#!/bin/sh
# base.sh: download the pinned Debian linux-source package of $BASE
# (bases/$BASE.mk), unpack it into a git tree under build/, and tag the
# pristine tree "base". A tree is kept only if its stamp names the pinned
# package and version: after a change of BASE_VERSION the new one is
# unpacked, and what was built from the old one (build/$BASE/) removed. A
# .deb already downloaded is used only if it is of that version.
set -eu
. "$(dirname -- "$0")/../lib.sh"

pkg=$(base_var BASE_PACKAGE)
want=$(base_var BASE_VERSION)
tarball=$(base_var BASE_TARBALL)
suite=$(base_var BASE_SUITE)
dl=$BUILD/downloads
stamp=$BUILD/$BASE/base.stamp
mkdir -p "$dl"
# deb_of VERSION: the downloaded .deb of $pkg VERSION, or nothing
deb_of() {
	ls "$dl/${pkg}_$(printf %s "$1" | sed 's/:/%3a/')_"*.deb 2>/dev/null | head -n 1 || true
}

# kept: stop here if the tree is already that of $version
kept() {
	if [ "$(cat "$stamp" 2>/dev/null)" = "$pkg $version" ] &&
		git -C "$TREE" rev-parse -q --verify base >/dev/null; then
		say "base $BASE: $pkg $version already unpacked in $TREE"
		exit 0
	fi
}

version=$want
kept
deb=$(deb_of "$want")
if [ -z "$deb" ]; then
	# A suite the machine does not use (for example trixie-backports) is read
	# through private lists (apt-suite.sh), so nothing on the machine is
	# upgraded from it.
	if [ -n "$suite" ]; then
		"$TOP/scripts/deps/apt-suite.sh" "$suite"
		APT_CONFIG=$BUILD/apt/$suite/apt.conf
		export APT_CONFIG
	fi

	# apt's package lists may be missing or old on a machine set up by hand
	if [ -z "$(apt-cache madison "$pkg" 2>/dev/null)" ]; then
		run_logged "$LOGS/base-$BASE-apt-update.log" apt-get update ||
			die "apt-get update failed: is the Debian archive reachable? (log: $LOGS/base-$BASE-apt-update.log)"
	fi
	if ! apt-cache madison "$pkg" | awk -F' *[|] *' '{ print $2 }' | grep -qxF -- "$want"; then
		version=$(apt-cache policy "$pkg" | sed -n 's/^ *Candidate: *//p')
		[ -n "$version" ] && [ "$version" != "(none)" ] ||
			die "$pkg is not in any apt source (did apt-get update run?)"
		cat >&2 <<-MSG
		******************************************************************
		WARNING: $pkg $want is no longer in the archive.
		         Falling back to $version; the checks below show whether
		         the series still applies to it.
		******************************************************************
		MSG
	fi

	deb=$(deb_of "$version")
	[ -z "$deb" ] || kept
	if [ -z "$deb" ]; then
		say "downloading $pkg $version"
		(cd "$dl" && run_logged "$LOGS/base-$BASE-download.log" \
			apt-get download "$pkg=$version")
		deb=$(deb_of "$version")
		[ -n "$deb" ] || die "apt-get download left no .deb of $pkg $version in $dl"
	fi
fi

# Whatever was built from another tree goes with it: tar gives the new
# sources their packaged dates, older than the objects of the old tree.
[ ! -f "$stamp" ] || say "base $BASE: $TREE holds $(cat "$stamp"): replacing it, and all that was built from it, with $pkg $version"
rm -rf "${BUILD:?}/$BASE"
mkdir -p "$BUILD/$BASE"
mkdir -p "$BUILD/$BASE/pkg" "$TREE"
say "unpacking $(basename "$deb")"
dpkg -x "$deb" "$BUILD/$BASE/pkg"
tar -xJf "$BUILD/$BASE/pkg/$tarball" -C "$TREE" --strip-components=1
rm -rf "$BUILD/$BASE/pkg"

say "making a git tree of it (git add -f: Debian's .gitignore ignores all)"
cd "$TREE"
git init -q -b work
git config core.autocrlf false
git config gc.auto 0
git add -f .
git -c commit.gpgsign=false commit -q --date="$HARNESS_DATE" \
	-m "Debian $pkg $version"
git tag base
printf '%s %s\n' "$pkg" "$version" >"$stamp"
say "base $BASE: $pkg $version at $(git rev-parse --short base)"
