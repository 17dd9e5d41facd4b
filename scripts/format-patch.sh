#!/bin/sh
# format-patch.sh BRANCH DIR: git format-patch base..BRANCH of $BASE's tree
# into DIR, with a cover letter from BRANCH's description, in the form the
# project stores and sends: no commit ids, no git version signature.
set -eu
. "$(dirname -- "$0")/lib.sh"

mkdir -p "$2"
git -C "$TREE" format-patch -q --zero-commit --no-signature --cover-letter \
	--cover-from-description=subject -o "$2" "base..$1"
