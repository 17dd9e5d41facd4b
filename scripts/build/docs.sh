#!/bin/sh
# docs.sh: build the security/ part of the kernel documentation of $BASE
# with Sphinx; fails on any warning about a file the series touches.
set -eu
. "$(dirname -- "$0")/../lib.sh"

log=$LOGS/docs-$BASE.log
cd "$TREE"
run_logged "$log" make O="$BUILD/$BASE/docs" SPHINXDIRS=security htmldocs
touched=$(git diff --name-only base work -- Documentation | sed 's/[.]rst$//')
[ -n "$touched" ] || die "the series touches no documentation"
found=$(for f in $touched; do grep -E "$f(\.rst)?:[0-9]*: (WARNING|ERROR)" "$log"; done || true)
[ -z "$found" ] || { printf '%s\n' "$found" >&2; die "Sphinx warns about the series' documentation (log: $log)"; }
for f in $touched; do
	html=$BUILD/$BASE/docs/Documentation/output/${f#Documentation/}.html
	[ -s "$html" ] || die "Sphinx wrote no $html"
done
say "  no Sphinx warning in: $(echo $touched)"
say "  html: $BUILD/$BASE/docs/Documentation/output/security/"
