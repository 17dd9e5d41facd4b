#!/bin/sh
# format-patch.sh BRANCH DIR: git format-patch base..BRANCH of $BASE's tree
# into DIR, with a cover letter from BRANCH's description, in the form the
# project stores and sends: no commit ids, no git version signature, the
# subject prefix of bases/$BASE.mk (SUBJECT_PREFIX: "PATCH 6.12-distro" says
# the base), and each patch addressed as scripts/get_maintainer.pl names its
# recipients (the MAINTAINERS of BRANCH): To the people, Cc the lists; a
# patch that adds a KUnit suite (a .kunitconfig) also to KUnit's maintainers
# and lists; every patch Cc the people bases/$BASE.mk names in SERIES_CC
# (who wrote the mainline work the series builds on). The cover letter goes
# to all of them.
set -eu
. "$(dirname -- "$0")/lib.sh"

branch=$1 dir=$2
mkdir -p "$dir"
plain=$dir/.plain
rm -rf "$plain"
git -C "$TREE" format-patch -q --zero-commit --no-signature --cover-letter \
	--cover-from-description=subject --subject-prefix="$(base_var SUBJECT_PREFIX)" \
	-o "$plain" "base..$branch"
git -C "$TREE" show "$branch:MAINTAINERS" >"$plain/MAINTAINERS"
gm() {
	(cd "$TREE" && perl scripts/get_maintainer.pl --mpath "$plain/MAINTAINERS" \
		--no-rolestats --nogit --nogit-fallback "$@")
}
extra=$(base_var SERIES_CC)
# recipients PATCH: "to ADDRESS" and "cc ADDRESS" lines, each address once
recipients() {
	{
		gm --nol "$1" | sed 's/^/to /'
		if grep -q '^+++ b/.*/\.kunitconfig$' "$1"; then
			gm --nol -f include/kunit/test.h | sed 's/^/to /'
		fi
		[ -z "$extra" ] || printf 'cc %s\n' "$extra"
		gm --nom --nor "$1" | sed 's/^/cc /'
		if grep -q '^+++ b/.*/\.kunitconfig$' "$1"; then
			gm --nom --nor -f include/kunit/test.h | sed 's/^/cc /'
		fi
	} | awk '!seen[substr($0, 4)]++'
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
all=
for p in "$plain"/[0-9]*.patch; do
	case $p in */0000-cover-letter.patch) continue ;; esac
	r=$(recipients "$p")
	[ -n "$r" ] || die "scripts/get_maintainer.pl named no one for $(basename "$p")"
	all="$all$r
"
	address "$p" "$r" >"$dir/$(basename "$p")"
done
all=$(printf '%s' "$all" | awk '!seen[substr($0, 4)]++')
# people first, then lists, as each patch has them
all=$(printf '%s\n' "$all" | grep '^to '; printf '%s\n' "$all" | grep '^cc ')
address "$plain/0000-cover-letter.patch" "$all" >"$dir/0000-cover-letter.patch"
rm -rf "$plain"
