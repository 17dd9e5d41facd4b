#!/bin/sh
# build-test-only.sh TREE KERNEL [FRAGMENT...]: the guest kernel KERNEL of
# build.sh, built in the build tree TREE (gcc) from the series plus
# the test-only scaffolding of testing-only/$BASE/ (never part of the
# series). The scaffolding is applied on a branch of its own (test-only), so only the
# files it touches are compiled again; the kernel tree is back on branch
# work afterwards, however this script ends.
set -eu
. "$(dirname -- "$0")/../lib.sh"

[ $# -ge 2 ] || die "usage: build-test-only.sh TREE KERNEL [FRAGMENT...]"
require_clean_tree "commit them, or stash them"
cd "$TREE"
on_exit 'git -C "$TREE" am --abort >/dev/null 2>&1 || true; git -C "$TREE" checkout -q -f work'
git checkout -q -B test-only work
n=0
for p in "$TOP/testing-only/$BASE"/*.patch; do
	[ -f "$p" ] || die "no test-only patch in testing-only/$BASE"
	git am -q --committer-date-is-author-date "$p" >"$LOGS/test-only-$BASE.log" 2>&1 ||
		die "$(basename "$p") does not apply (log: $LOGS/test-only-$BASE.log)"
	n=$((n + 1))
done
TEST_ONLY=1 "$TOP/scripts/build/build.sh" "$@" >/dev/null
say "kernel $2: $KERNELS/$2 (the series + $n test-only patch(es) of testing-only/$BASE)"
