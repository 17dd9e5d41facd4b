#!/bin/sh
# export.sh: write the commits of the work branch of $BASE back to
# patches/$BASE as git format-patch output, with the cover letter (from the
# branch description) and the series file. Exporting an unchanged tree
# changes no byte.
set -eu
. "$(dirname -- "$0")/../lib.sh"

require_clean_tree "commit them first (git commit --fixup, then git rebase -i --autosquash base)"
cd "$TREE"
n=$(git rev-list --count base..work)
[ "$n" -gt 0 ] || die "branch 'work' has no commits on top of the base: nothing to export"
git config branch.work.description >/dev/null ||
	die "branch 'work' has no description for the cover letter (git branch --edit-description work)"

tmp=$BUILD/$BASE/export.tmp
rm -rf "$tmp"
"$TOP/scripts/tree/format-patch.sh" work "$tmp"

mkdir -p "$PATCHES"
rm -f "$PATCHES"/*.patch
cp "$tmp"/*.patch "$PATCHES/"
(cd "$tmp" && ls [0-9]*.patch | grep -v '^0000-cover-letter.patch$') >"$PATCHES/series"
rm -rf "$tmp"
git update-ref refs/applied/work work
series_sum >"$BUILD/$BASE/applied.sum"
say "exported $n patches and the cover letter to patches/$BASE"
