#!/bin/sh
# apply.sh [--if-needed]: reset the work branch of $BASE to the pristine
# base and apply patches/$BASE/series with git am. The cover letter's text
# becomes the branch description, from which export.sh writes it back.
# With --if-needed (the prerequisite of the one-base make targets), nothing
# is done when the tree already holds the series as stored, nor when branch
# work has commits not exported yet (they are what the developer is trying).
set -eu
. "$(dirname -- "$0")/../lib.sh"

if_needed=0
[ "${1-}" != --if-needed ] || if_needed=1
patches=$(series_patches) || exit 1
require_clean_tree "commit them and 'make export', or discard them"
sum=$(series_sum)
cd "$TREE"
# on branch work, whatever a step stopped by force (kill -9) left checked out
git checkout -q work
work=$(git rev-parse work)
applied=$(git rev-parse -q --verify refs/applied/work || true)
if [ "$work" != "$(git rev-parse base)" ] && [ "$work" != "$applied" ]; then
	if [ "$if_needed" -eq 1 ]; then
		say "branch work has commits not exported yet: using them as they are"
		exit 0
	fi
	die "branch 'work' has commits that were never exported; run 'make export BASE=$BASE' first"
fi
if [ "$if_needed" -eq 1 ] && [ "$work" = "$applied" ] &&
	[ "$sum" = "$(cat "$BUILD/$BASE/applied.sum" 2>/dev/null)" ]; then
	say "patches/$BASE is applied already"
	exit 0
fi

git checkout -q work
git reset -q --hard base
set -- $patches
for p in "$@"; do
	if ! git am -q --committer-date-is-author-date "$p" >"$LOGS/apply-$BASE.log" 2>&1; then
		cat "$LOGS/apply-$BASE.log" >&2
		git am --abort >/dev/null 2>&1 || true
		git reset -q --hard base
		die "$(basename "$p") does not apply to $(cat "$BUILD/$BASE/base.stamp"); the tree is back at the base (log: $LOGS/apply-$BASE.log)"
	fi
done
git update-ref refs/applied/work HEAD
printf '%s\n' "$sum" >"$BUILD/$BASE/applied.sum"

cover=$PATCHES/0000-cover-letter.patch
if [ -f "$cover" ]; then
	"$TOP/scripts/series/cover-letter.sh" description "$cover" >"$BUILD/$BASE/description"
	git config branch.work.description "$(cat "$BUILD/$BASE/description")"
fi
say "applied $# patches of patches/$BASE onto $(git describe --always base)"
git log --oneline base..HEAD
