#!/bin/sh
# submission.sh [DIR]: the series of $BASE in the form it is sent upstream:
# each commit authored and signed off (Signed-off-by) by the submitter
# named in git config (user.name, user.email), as 'git format-patch -s'
# would, written to DIR (default build/$BASE/submission). The stored
# patches under patches/ keep the project's neutral author and no sign-off.
set -eu
. "$(dirname -- "$0")/../lib.sh"

dir=${1:-$BUILD/$BASE/submission}
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
cd "$TREE"
name=$(git config user.name || true)
email=$(git config user.email || true)
[ -n "$name" ] && [ -n "$email" ] ||
	die "set your identity first: git config --global user.name 'Your Name'; git config --global user.email you@example.org (it goes into Signed-off-by)"

# Re-commit each patch with the submitter as author and committer, on the
# same trees, without touching the work tree.
export GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email"
export GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email"
parent=$(git rev-parse base)
for c in $(git rev-list --reverse base..work); do
	parent=$(git log -1 --format=%B "$c" |
		git interpret-trailers --if-exists addIfDifferent \
			--trailer "Signed-off-by: $name <$email>" |
		GIT_AUTHOR_DATE=$(git log -1 --format=%aI "$c") \
		git commit-tree "$c^{tree}" -p "$parent")
done
git branch -f submission "$parent"
git config branch.submission.description "$(git config branch.work.description)"

rm -rf "$dir"
"$TOP/scripts/tree/format-patch.sh" submission "$dir"
say "submission form of patches/$BASE, signed off by $name <$email>: $dir"
