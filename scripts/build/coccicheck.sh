#!/bin/sh
# coccicheck.sh: the kernel's coccicheck (MODE=report, Debian's coccinelle)
# on what each patch of $BASE changes in security/integrity/ima: the C files
# and headers a patch adds or changes, as that patch leaves them, against
# the same files at the base. A patch fails if it brings a finding the base
# did not have. Findings are compared without line numbers, so that moved
# code is not new. Each side is checked in a copy of its files only (git
# archive), so the kernel tree's checkout is not touched. The findings on
# a set of files are kept (build/$BASE/coccicheck-kept/), keyed on the
# files' contents and the harness: after editing one patch, only the files
# it changes are checked again.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/build/lib.sh"

dir=security/integrity/ima
require_clean_tree "commit them, or stash them"
command -v spatch >/dev/null || die "coccinelle is missing: run 'make deps'"
work=$BUILD/$BASE/coccicheck
log=$LOGS/coccicheck-$BASE.log
keep=$BUILD/$BASE/coccicheck-kept/$(harness_key)
rm -rf "$work"
mkdir -p "$work" "$keep"
: >"$log"

# findings REV NAME FILE...: coccicheck's findings on FILEs as of REV, one
# a line as "file: message", line numbers taken out
findings() {
	rev=$1 name=$2
	shift 2
	# the same files (blob ids) under the same harness: the same findings
	kept=$keep/$(git -C "$TREE" ls-tree -r "$rev" -- "$@" | sha256sum | cut -c1-16).txt
	if [ -f "$kept" ]; then
		cat "$kept"
		return
	fi
	mkdir -p "$work/$name"
	git -C "$TREE" archive "$rev" -- "$@" | tar -x -C "$work/$name"
	# spatch picks the files worth checking with git grep: the copy is a
	# git repository of its own, not files the project's git ignores.
	git init -q "$work/$name"
	git -C "$work/$name" add -A
	rc=0
	kmake -s coccicheck MODE=report J="$(nproc)" M="$work/$name/$dir" \
		>"$work/$name.log" 2>&1 || rc=$?
	{
		printf '== %s at %s\n' "$name" "$rev"
		cat "$work/$name.log"
	} >>"$log"
	[ "$rc" -eq 0 ] || die "coccicheck failed on $name (log: $log)"
	sed -n "s#^$work/$name/##p" "$work/$name.log" |
		sed -E 's#^([^:]+):[0-9]+:[0-9]+(-[0-9]+)?: #\1: #; s#line [0-9]+#line N#g' |
		LC_ALL=C sort >"$kept.tmp"
	mv "$kept.tmp" "$kept"
	cat "$kept"
}

# changed C files and headers of the patch C
changed() {
	git -C "$TREE" diff --no-renames --name-only --diff-filter=AM "$1^" "$1" -- "$dir/*.c" "$dir/*.h"
}
commits=$(git -C "$TREE" rev-list --reverse base..work -- "$dir")
[ -n "$commits" ] || die "no patch of $BASE changes $dir"

# The base once, on every file that some patch changes and the base has.
# shellcheck disable=SC2086 # one word per file
at_base=$(git -C "$TREE" ls-tree --name-only base -- \
	$(for c in $commits; do changed "$c"; done | LC_ALL=C sort -u))
: >"$work/base.txt"
# shellcheck disable=SC2086 # one word per file
[ -z "$at_base" ] || findings base base $at_base >"$work/base.txt"

n=0
for c in $commits; do
	n=$((n + 1))
	files=$(changed "$c")
	[ -n "$files" ] || continue
	subject=$(git -C "$TREE" log -1 --format=%s "$c")
	# shellcheck disable=SC2086 # one word per file
	findings "$c" "$n" $files >"$work/$n.txt"
	# what the base has in the same files
	printf '%s\n' "$files" | awk 'NR == FNR { f[$0 ":"] = 1; next } ($1 in f)' - "$work/base.txt" \
		>"$work/$n.base.txt"
	new=$(LC_ALL=C comm -13 "$work/$n.base.txt" "$work/$n.txt")
	[ -z "$new" ] || {
		printf '%s\n' "$new" >&2
		die "'$subject' brings new coccicheck findings (log: $log)"
	}
	say "  $subject: $(echo $files | wc -w) files, $(wc -l <"$work/$n.txt") findings, none new"
done
