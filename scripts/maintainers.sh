#!/bin/sh
# maintainers.sh: every file the series of $BASE adds is covered by the IMA
# entry of MAINTAINERS, as scripts/get_maintainer.pl sees it.
set -eu
. "$(dirname -- "$0")/lib.sh"

entry='INTEGRITY MEASUREMENT ARCHITECTURE (IMA)'
cd "$TREE"
files=$(git diff --name-only --diff-filter=A base work)
[ -n "$files" ] || die "the series adds no file"
bad=0
for f in $files; do
	if perl scripts/get_maintainer.pl --nogit --nogit-fallback -f "$f" 2>/dev/null |
		grep -qF "$entry"; then
		say "  $f: $entry"
	else
		say "  $f: NOT covered by $entry" >&2
		bad=1
	fi
done
[ "$bad" -eq 0 ] || die "MAINTAINERS does not cover every added file"
