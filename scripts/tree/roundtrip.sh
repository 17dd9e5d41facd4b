#!/bin/sh
# roundtrip.sh: the applied tree exports back to patches/$BASE byte for
# byte, so the stored series is exactly what 'make export' writes.
set -eu
. "$(dirname -- "$0")/../lib.sh"

tmp=$BUILD/$BASE/roundtrip
rm -rf "$tmp"
"$TOP/scripts/tree/format-patch.sh" work "$tmp"
(cd "$tmp" && ls [0-9]*.patch | grep -v '^0000-cover-letter.patch$') >"$tmp/series"
if ! diff -r "$PATCHES" "$tmp" >"$LOGS/roundtrip-$BASE.diff"; then
	head -n 40 "$LOGS/roundtrip-$BASE.diff" >&2
	die "patches/$BASE differs from what the applied tree exports (diff: $LOGS/roundtrip-$BASE.diff)"
fi
say "  patches/$BASE: $(ls "$PATCHES" | wc -l) files, identical after apply and export"
