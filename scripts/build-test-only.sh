#!/bin/sh
# build-test-only.sh NAME [FRAGMENT...]: build.sh, on the series plus the
# test-only scaffolding of testing-only/$BASE/ (never part of the series),
# applied on a branch of its own; the tree returns to branch work after.
set -eu
. "$(dirname -- "$0")/lib.sh"

require_clean_tree "commit them, or stash them"
cd "$TREE"
trap 'git -C "$TREE" am --abort >/dev/null 2>&1 || true; git -C "$TREE" checkout -q work' EXIT
git checkout -q -B test-only work
for p in "$TOP/testing-only/$BASE"/*.patch; do
	[ -f "$p" ] || die "no test-only patch in testing-only/$BASE"
	git am -q --committer-date-is-author-date "$p" >"$LOGS/test-only-$BASE.log" 2>&1 ||
		die "$(basename "$p") does not apply (log: $LOGS/test-only-$BASE.log)"
done
"$TOP/scripts/build.sh" "$@"
