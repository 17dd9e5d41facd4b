#!/bin/sh
# build-test-only.sh NAME TREE [FRAGMENT...]: the kernel of build.sh TREE
# FRAGMENT..., built on the series plus the test-only scaffolding of
# testing-only/$BASE/ (never part of the series), kept as
# build/$BASE/out/NAME/{.config,IMAGE} (out-arm64/ for arm64, ...; IMAGE as
# arches/$ARCH.mk names it). The scaffolding is
# applied on a branch of its own in the same build tree, so only the files
# it touches are rebuilt; TREE is then rebuilt without it.
set -eu
. "$(dirname -- "$0")/lib.sh"

name=$1
shift
tree=$1
require_clean_tree "commit them, or stash them"
cd "$TREE"
trap 'git -C "$TREE" am --abort >/dev/null 2>&1 || true; git -C "$TREE" checkout -q work' EXIT
git checkout -q -B test-only work
for p in "$TOP/testing-only/$BASE"/*.patch; do
	[ -f "$p" ] || die "no test-only patch in testing-only/$BASE"
	git am -q --committer-date-is-author-date "$p" >"$LOGS/test-only-$BASE.log" 2>&1 ||
		die "$(basename "$p") does not apply (log: $LOGS/test-only-$BASE.log)"
done
"$TOP/scripts/build.sh" "$@" >/dev/null
image=$(arch_var IMAGE)
mkdir -p "$OUT/$name/${image%/*}"
cp "$OUT/$tree/.config" "$OUT/$name/.config"
cp "$OUT/$tree/$image" "$OUT/$name/$image"
git checkout -q work
"$TOP/scripts/build.sh" "$@" >/dev/null
say "built $OUT/$name/$image (with testing-only/$BASE)"
