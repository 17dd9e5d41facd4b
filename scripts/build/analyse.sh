#!/bin/sh
# analyse.sh TREE: static analysis of security/integrity/ima as checked out
# in the kernel tree of $BASE, configured in the build tree TREE
# (build/$BASE/obj/TREE): gcc with W=1 (its findings reported, not fatal:
# -Wno-error undoes CONFIG_WERROR here), sparse (C=2, every file) and
# kernel-doc -Wall on each C file and header of IMA. Prints the findings sorted, one a line, as "file: message",
# without line numbers so that two checkouts can be compared.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/build/lib.sh"

o=$OBJ/$1
log=$LOGS/analyse-$BASE-$1.log
dir=security/integrity/ima
[ -f "$o/.config" ] || die "no configured build tree $o: build it first"
command -v sparse >/dev/null || die "sparse is missing: run 'make deps'"
cd "$TREE"
run_logged "$log" kmake O="$o" W=1 C=2 KCFLAGS=-Wno-error "$dir/" || die "W=1 C=2 build of $dir failed (log: $log)"
for f in "$dir"/*.[ch]; do
	scripts/kernel-doc -none -Wall "$f" 2>&1
done >>"$log"
# gcc and sparse say "FILE:LINE:COL: warning: ...", and so does kernel-doc,
# but for the Python one of newer kernels: "Warning: FILE:LINE ..."
sed -E 's#^Warning: ([^ :]+):([0-9]+) #\1:\2: warning: #' "$log" |
	grep -E '^[^ ]+:[0-9]+(:[0-9]+)?: (warning|error):' |
	sed -E "s#^.*($dir/)#\\1#; s#^([^:]+):[0-9]+(:[0-9]+)?: #\\1: #" | LC_ALL=C sort -u
