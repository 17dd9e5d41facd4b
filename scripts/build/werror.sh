#!/bin/sh
# werror.sh: a compiler warning fails the build of $BASE's gcc tree where it
# is produced, and again on a rerun that has nothing new to compile, so that
# no build step can pass by not looking. A commit that adds an unused
# variable to IMA is built twice on top of the series; both builds must
# fail on that warning. The kernel tree is back on branch work afterwards.
set -eu
. "$(dirname -- "$0")/../lib.sh"

require_clean_tree "commit them, or stash them"
file=security/integrity/ima/ima_init.c
log=$LOGS/build-$BASE$ARCH_SUFFIX-gcc.log
cd "$TREE"
on_exit 'git -C "$TREE" checkout -q -f work'
git checkout -q --detach work
printf '\nstatic void werror_check(void)\n{\n\tint unused;\n}\n' >>"$file"
git -c commit.gpgsign=false commit -q -a -m 'TEST ONLY: werror.sh: an unused variable'
for try in 1 2; do
	if "$TOP/scripts/build/build.sh" gcc - option-on kunit >/dev/null 2>&1; then
		die "build $try with a compiler warning in $file passed (log: $log)"
	fi
	grep -q "$file:.*error: unused variable .unused." "$log" ||
		die "build $try failed, but not on the planted warning (log: $log)"
	say "  build $try: failed on the warning in $file"
done
