#!/bin/sh
# forms.sh DIR NAME EMAIL: the stored patches of $BASE carry the project's
# neutral author and no Signed-off-by; the submission form in DIR carries
# NAME <EMAIL> as author and as its last Signed-off-by, on every patch.
set -eu
. "$(dirname -- "$0")/../lib.sh"

dir=$1
ident="$2 <$3>"
neutral="$HARNESS_NAME <$HARNESS_EMAIL>"
patches=$(series_patches) || exit 1
for p in $patches; do
	f=$(basename "$p")
	grep -qxF "From: $neutral" "$p" || die "$f: author is not '$neutral'"
	! grep -q '^Signed-off-by:' "$p" || die "$f: a stored patch must carry no Signed-off-by"
	s=$dir/$f
	[ -f "$s" ] || die "$f: missing from the submission form in $dir"
	grep -qxF "From: $ident" "$s" || die "$f: submission author is not '$ident'"
	last=$(sed '/^---$/q' "$s" | grep -E '^[A-Za-z-]+: ' | tail -n 1)
	[ "$last" = "Signed-off-by: $ident" ] ||
		die "$f: last trailer is '$last', not 'Signed-off-by: $ident'"
done
say "  stored: '$neutral', no sign-off; submission: '$ident', signed off"
