#!/bin/sh
# build-each.sh: build the kernel of $BASE after each patch in turn, with
# IMA_INIT_LATE_SYNC on and off and the KUnit tests built in, so that every
# patch is known to build on its own (bisectable).
set -eu
. "$(dirname -- "$0")/lib.sh"

require_clean_tree "commit them, or stash them"
cd "$TREE"
commits=$(git rev-list --reverse base..work)
n=$(echo "$commits" | wc -l)
trap 'git -C "$TREE" checkout -q work' EXIT
i=0
for c in $commits; do
	i=$((i + 1))
	git checkout -q --detach "$c"
	say "  [$i/$n] $(git log -1 --format=%s "$c")"
	for variant in late-sync late; do
		ALLOW_UNDEFINED=1 "$TOP/scripts/build.sh" "$variant" "$variant" kunit >/dev/null ||
			die "patch $i/$n does not build with IMA_INIT_LATE_SYNC $variant (log: $LOGS/build-$BASE-$variant.log)"
	done
done
