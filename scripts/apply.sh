#!/bin/sh
# apply.sh: reset the work branch of $BASE to the pristine base and apply
# patches/$BASE/series with git am. The cover letter's text becomes the
# branch description, from which export.sh writes it back.
set -eu
. "$(dirname -- "$0")/lib.sh"

require_clean_tree "commit them and 'make export', or discard them"
cd "$TREE"
work=$(git rev-parse work)
if [ "$work" != "$(git rev-parse base)" ] &&
	[ "$work" != "$(git rev-parse -q --verify refs/applied/work || true)" ]; then
	die "branch 'work' has commits that were never exported; run 'make export BASE=$BASE' first"
fi

git checkout -q work
git reset -q --hard base
set -- $(series_patches)
for p in "$@"; do
	if ! git am -q --committer-date-is-author-date "$p" >"$LOGS/apply-$BASE.log" 2>&1; then
		cat "$LOGS/apply-$BASE.log" >&2
		git am --abort >/dev/null 2>&1 || true
		git reset -q --hard base
		die "$(basename "$p") does not apply to $(cat "$BUILD/$BASE/base.stamp"); the tree is back at the base (log: $LOGS/apply-$BASE.log)"
	fi
done
git update-ref refs/applied/work HEAD

cover=$PATCHES/0000-cover-letter.patch
if [ -f "$cover" ]; then
	"$TOP/scripts/cover-letter.sh" description "$cover" >"$BUILD/$BASE/description"
	git config branch.work.description "$(cat "$BUILD/$BASE/description")"
fi
say "applied $# patches of patches/$BASE onto $(git describe --always base)"
git log --oneline base..HEAD
