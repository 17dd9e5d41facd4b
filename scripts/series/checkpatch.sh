#!/bin/sh
# checkpatch.sh DIR: scripts/checkpatch.pl --strict on every patch in DIR
# (the cover letter aside). Passes only with 0 errors, 0 warnings and
# 0 checks on each. FILE_PATH_CHANGES ("does MAINTAINERS need updating?")
# is not asked: it fires on any patch that adds a file without touching
# MAINTAINERS, and maintainers.sh answers it with get_maintainer.pl. Nor is
# UNKNOWN_COMMIT_ID ("Unknown commit id"): the trees are Debian's source
# packages, without Linux's history to look a cited commit up in; the
# commits the series cites are named with their subjects, as checkpatch
# wants them, and were looked up in Linux's own history by hand.
set -eu
. "$(dirname -- "$0")/../lib.sh"

dir=$1
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
ls "$dir"/[0-9]*.patch >/dev/null 2>&1 || die "no patches in $dir"
bad=0
for p in "$dir"/[0-9]*.patch; do
	case $p in */0000-cover-letter.patch) continue ;; esac
	log=$LOGS/checkpatch-$BASE-$(basename "$p" .patch).log
	(cd "$TREE" && perl scripts/checkpatch.pl --strict --color=never \
		--ignore FILE_PATH_CHANGES,UNKNOWN_COMMIT_ID "$p") >"$log" 2>&1 || true
	total=$(sed -n 's/^total: //p' "$log")
	[ -n "$total" ] || { cat "$log" >&2; die "checkpatch gave no verdict on $(basename "$p") (log: $log)"; }
	printf '  %-68s %s\n' "$(basename "$p")" "$total"
	case $total in
	"0 errors, 0 warnings, 0 checks,"*) ;;
	*) grep -E -A4 '^(ERROR|WARNING|CHECK):' "$log" >&2; bad=1 ;;
	esac
done
[ "$bad" -eq 0 ] || die "checkpatch --strict has findings (logs: $LOGS/checkpatch-$BASE-*.log)"
