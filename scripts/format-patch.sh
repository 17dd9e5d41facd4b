#!/bin/sh
# format-patch.sh BRANCH DIR: git format-patch base..BRANCH of $BASE's tree
# into DIR, with a cover letter from BRANCH's description, in the form the
# project stores and sends: no commit ids, no git version signature, and
# the recipients that scripts/get_maintainer.pl names for the series (the
# MAINTAINERS of BRANCH): To the people, Cc the lists, with KUnit's lists
# when the series adds a KUnit suite (a .kunitconfig).
set -eu
. "$(dirname -- "$0")/lib.sh"

branch=$1 dir=$2
mkdir -p "$dir"
plain=$dir/.plain
rm -rf "$plain"
git -C "$TREE" format-patch -q --zero-commit --no-signature -o "$plain" "base..$branch"
git -C "$TREE" show "$branch:MAINTAINERS" >"$plain/MAINTAINERS"
gm() {
	(cd "$TREE" && perl scripts/get_maintainer.pl --mpath "$plain/MAINTAINERS" \
		--no-rolestats --nogit --nogit-fallback "$@")
}
to=$(gm --nol "$plain"/*.patch)
cc=$({
	gm --nom --nor "$plain"/*.patch
	if git -C "$TREE" diff --name-only "base..$branch" | grep -q '/\.kunitconfig$'; then
		gm --nom --nor -f include/kunit/test.h
	fi
} | awk '!seen[$0]++')
rm -rf "$plain"
[ -n "$to" ] && [ -n "$cc" ] || die "scripts/get_maintainer.pl named no one for the series"
set --
while IFS= read -r r; do set -- "$@" --to="$r"; done <<R
$to
R
while IFS= read -r r; do set -- "$@" --cc="$r"; done <<R
$cc
R
git -C "$TREE" format-patch -q --zero-commit --no-signature --cover-letter \
	--cover-from-description=subject "$@" -o "$dir" "base..$branch"
