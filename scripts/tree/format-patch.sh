#!/bin/sh
# format-patch.sh BRANCH DIR: git format-patch base..BRANCH of $BASE's tree
# into DIR, with a cover letter from BRANCH's description, in the form the
# project stores and sends: no commit ids, no git version signature,
# blob ids of 7 digits whatever else the tree's object store holds, the
# subject prefix of bases/$BASE.mk (SUBJECT_PREFIX: "PATCH 6.12-distro" says
# the base), and each patch addressed as scripts/get_maintainer.pl names its
# recipients (the MAINTAINERS of BRANCH): To the people, Cc the lists; a
# patch that adds a KUnit suite (a .kunitconfig) also to KUnit's
# maintainers, one that calls into the TPM core (tpm_default_chip()) also
# to the TPM maintainers, with their lists; every patch Cc the people
# bases/$BASE.mk names in SERIES_CC (who wrote the mainline work the series
# builds on). A series for a distribution's kernel (SERIES_TO in
# bases/$BASE.mk: its kernel maintainers) goes To them instead, with the
# people and lists of the subsystem it changes (UPSTREAM_CC_FILES) and
# SERIES_CC copied. Each person is named once, at the first address
# MAINTAINERS gives. The cover letter goes to all of them, dated as the
# newest patch.
set -eu
. "$(dirname -- "$0")/../lib.sh"

branch=$1 dir=$2
mkdir -p "$dir"
plain=$dir/.plain
rm -rf "$plain"
git -C "$TREE" -c core.abbrev=7 format-patch -q --zero-commit --no-signature --cover-letter \
	--cover-from-description=subject --subject-prefix="$(base_var SUBJECT_PREFIX)" \
	-o "$plain" "base..$branch"
git -C "$TREE" show "$branch:MAINTAINERS" >"$plain/MAINTAINERS"
gm() {
	(cd "$TREE" && perl scripts/get_maintainer.pl --mpath "$plain/MAINTAINERS" \
		--no-rolestats --nogit --nogit-fallback --no-fixes "$@")
}
extra=$(base_var SERIES_CC)
series_to=$(base_var SERIES_TO)
# also_files PATCH: a file of each subsystem, beyond those of the files it
# changes, whose maintainers PATCH needs
also_files() {
	if grep -q '^+++ b/.*/\.kunitconfig$' "$1"; then
		echo include/kunit/test.h
	fi
	if grep -q '^+.*\btpm_default_chip(' "$1"; then
		echo drivers/char/tpm/tpm-chip.c
	fi
}
# once: each "to"/"cc" line's person once (by name: MAINTAINERS may give
# someone two addresses), lists by address, in the order first seen
once() {
	awk '{
		k = substr($0, 4)
		if (match(k, / <[^>]*>$/)) k = substr(k, 1, RSTART - 1)
		if (!seen[k]++) print
	}'
}
# cc_extra: a "cc" line for each person of SERIES_CC (separated by ";")
cc_extra() {
	[ -z "$extra" ] || printf '%s\n' "$extra" | tr ';' '\n' | sed 's/^ *//; s/^/cc /'
}
# recipients PATCH: "to ADDRESS" and "cc ADDRESS" lines, each person once
recipients() {
	if [ -n "$series_to" ]; then
		{
			printf 'to %s\n' "$series_to"
			# shellcheck disable=SC2046 # one word per file
			gm --nol -f $(base_var UPSTREAM_CC_FILES) | sed 's/^/cc /'
			cc_extra
			# shellcheck disable=SC2046
			gm --nom --nor -f $(base_var UPSTREAM_CC_FILES) | sed 's/^/cc /'
		} | once
		return
	fi
	also=$(also_files "$1")
	{
		gm --nol "$1" | sed 's/^/to /'
		for f in $also; do gm --nol -f "$f" | sed 's/^/to /'; done
		cc_extra
		gm --nom --nor "$1" | sed 's/^/cc /'
		for f in $also; do gm --nom --nor -f "$f" | sed 's/^/cc /'; done
	} | once
}
# address PATCH LIST: PATCH with To: and Cc: headers from LIST (the
# output of recipients), in git's own form, before the blank line that
# ends its headers
address() {
	awk -v list="$2" '
		BEGIN {
			n = split(list, l, "\n")
			for (i = 1; i <= n; i++) {
				k = substr(l[i], 1, 2); a = substr(l[i], 4)
				if (k == "to") to = to (to == "" ? "" : ",\n    ") a
				if (k == "cc") cc = cc (cc == "" ? "" : ",\n    ") a
			}
		}
		!done && $0 == "" {
			if (to != "") print "To: " to
			if (cc != "") print "Cc: " cc
			done = 1
		}
		{ print }
	' "$1"
}
# the recipients of each patch, then each person at one address across the
# series: the first one MAINTAINERS gave (Shuah Khan has two)
all=
for p in "$plain"/[0-9]*.patch; do
	case $p in */0000-cover-letter.patch) continue ;; esac
	r=$(recipients "$p")
	[ -n "$r" ] || die "scripts/get_maintainer.pl named no one for $(basename "$p")"
	printf '%s\n' "$r" >"$p.to"
	all="$all$r
"
done
printf '%s' "$all" >"$plain/all.to"
# at_one_address FILE: FILE's lines with each person's address as in all.to
at_one_address() {
	awk 'function who(l) { l = substr(l, 4); if (match(l, / <[^>]*>$/)) l = substr(l, 1, RSTART - 1); return l }
		NR == FNR { if (!(who($0) in at)) at[who($0)] = substr($0, 4); next }
		{ print substr($0, 1, 3) at[who($0)] }' "$plain/all.to" "$1" | once
}
for p in "$plain"/[0-9]*.patch; do
	case $p in */0000-cover-letter.patch) continue ;; esac
	address "$p" "$(at_one_address "$p.to")" >"$dir/$(basename "$p")"
done
all=$(at_one_address "$plain/all.to")
# people first, then lists, as each patch has them
all=$(printf '%s\n' "$all" | grep '^to '; printf '%s\n' "$all" | grep '^cc ')
# the cover letter's date: the newest patch's, not the time of formatting
newest=$(git -C "$TREE" log --format='%at %aD' "base..$branch" | sort -n | tail -n 1 | cut -d' ' -f2-)
address "$plain/0000-cover-letter.patch" "$all" |
	awk -v d="$newest" '!done && /^Date: / { print "Date: " d; done = 1; next } { print }' \
		>"$dir/0000-cover-letter.patch"
rm -rf "$plain"
