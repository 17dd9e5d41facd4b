#!/bin/sh
# build-each.sh: build the kernel of $BASE at the base and after each patch
# in turn, with IMA_INIT_LATE_SYNC on and off and the KUnit tests built in,
# so that every patch is known to build on its own (bisectable). At each
# step security/integrity/ima is analysed (analyse.sh: gcc W=1, sparse,
# kernel-doc); a patch fails if it brings a finding the base did not have.
set -eu
. "$(dirname -- "$0")/lib.sh"

require_clean_tree "commit them, or stash them"
cd "$TREE"
found=$BUILD/$BASE/analysis
rm -rf "$found"
mkdir -p "$found"
commits="$(git rev-parse base) $(git rev-list --reverse base..work | tr '\n' ' ')"
n=$(($(echo $commits | wc -w) - 1))
trap 'git -C "$TREE" checkout -q work' EXIT
i=0
for c in $commits; do
	git checkout -q --detach "$c"
	if [ "$i" -eq 0 ]; then
		say "  [base] $(git log -1 --format=%s "$c")"
	else
		say "  [$i/$n] $(git log -1 --format=%s "$c")"
	fi
	for variant in late-sync late; do
		ALLOW_UNDEFINED=1 "$TOP/scripts/build.sh" "$variant" "$variant" kunit >/dev/null ||
			die "patch $i/$n does not build with IMA_INIT_LATE_SYNC $variant (log: $LOGS/build-$BASE-$variant.log)"
	done
	"$TOP/scripts/analyse.sh" late-sync >"$found/$i.txt"
	if [ "$i" -gt 0 ]; then
		new=$(LC_ALL=C comm -13 "$found/0.txt" "$found/$i.txt")
		[ -z "$new" ] || {
			printf '%s\n' "$new" >&2
			die "patch $i/$n brings new W=1, sparse or kernel-doc findings (log: $LOGS/analyse-$BASE-late-sync.log)"
		}
	fi
	i=$((i + 1))
done
say "  W=1, sparse, kernel-doc: no finding beyond the $(wc -l <"$found/0.txt") the base has"
