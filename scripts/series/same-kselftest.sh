#!/bin/sh
# same-kselftest.sh BASE...: the kselftest verifier is one program offered
# to every base; prove that tools/testing/selftests/ima is byte for byte
# the same tree in each applied series (git tree ids compared).
set -eu
. "$(dirname -- "$0")/../lib.sh"

dir=tools/testing/selftests/ima
[ $# -ge 2 ] || { say "  only one base: nothing to compare"; exit 0; }
first=
for b in "$@"; do
	tree=$BUILD/$b/linux
	id=$(git -C "$tree" rev-parse -q --verify "refs/applied/work:$dir" 2>/dev/null) ||
		die "no applied series with $dir in $tree: run 'make apply BASE=$b' first"
	say "  $b: $dir is tree $id"
	if [ -z "$first" ]; then
		first=$b
		first_id=$id
	elif [ "$id" != "$first_id" ]; then
		diff -ru "$BUILD/$first/linux/$dir" "$tree/$dir" | head -n 40 >&2 || true
		die "$dir differs between the $first and $b series: keep one source (patches/$first and patches/$b)"
	fi
done
say "  identical in: $*"
