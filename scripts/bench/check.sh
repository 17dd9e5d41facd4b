#!/bin/sh
# bench/check.sh: the wall time of make check, a report figure, never a
# test: from a fresh clone of this repository's HEAD (build/bench-clone),
# then again after editing one patch there as a developer would (a comment
# added to the last C file of IMA that the series of the first base in
# $BASES changes: fixup commit, autosquash, make export). check.sh records
# both runs in the clone's build/check-times.txt, with ccache's hits and
# misses; they are copied to build/bench-check.txt. With BENCH_CCACHE=empty
# the clone gets an empty ccache of its own, as on a new machine.
set -eu
. "$(dirname -- "$0")/../lib.sh"

clone=$BUILD/bench-clone
report=$BUILD/bench-check.txt
bases=${BASES:-6.12 mainline}
first=${bases%% *}
rm -rf "$clone"
git clone -q "$TOP" "$clone" || die "cannot clone $TOP into $clone"
if [ "${BENCH_CCACHE-}" = empty ]; then
	CCACHE_DIR=$clone/ccache
	export CCACHE_DIR
fi
say "make check in a fresh clone ($clone, $(git -C "$clone" log -1 --format=%h), BASES=$bases)"
make -C "$clone" --no-print-directory check BASES="$bases" >"$LOGS/bench-check-fresh.log" 2>&1 ||
	die "make check failed in the fresh clone (log: $LOGS/bench-check-fresh.log)"

tree=$clone/build/$first/linux
commit=$(git -C "$tree" log -1 --format=%H base..work -- 'security/integrity/ima/*.c')
[ -n "$commit" ] || die "no patch of $first changes a C file of IMA"
file=$(git -C "$tree" diff-tree --no-commit-id --name-only -r "$commit" -- 'security/integrity/ima/*.c' | tail -n 1)
say "editing $(git -C "$tree" log -1 --format=%s "$commit"): a comment at the end of $file"
printf '\n/* A line added by scripts/bench/check.sh. */\n' >>"$tree/$file"
git -C "$tree" commit -q -a --fixup="$commit"
GIT_SEQUENCE_EDITOR=: git -C "$tree" rebase -q -i --autosquash base
make -C "$clone" --no-print-directory export BASE="$first" >/dev/null
git -C "$clone" diff --quiet patches/ && die "the edit did not change patches/$first"
make -C "$clone" --no-print-directory check BASES="$bases" >"$LOGS/bench-check-edited.log" 2>&1 ||
	die "make check failed after the edit (log: $LOGS/bench-check-edited.log)"
# steps LOG: what each step of a make check log cost, base by base
steps() {
	sed -n -e 's/^######## \(.*\)/  \1/p' \
		-e 's/^<== \(.*\): ok (\([0-9]*\)s)$/    \2 s\t\1/p' \
		-e 's/^<== \(.*\): ok, passed before with the same inputs$/    -\t\1 (passed before)/p' \
		-e 's/^<== \(.*\): FAILED after \([0-9]*\)s.*/    \2 s\t\1 FAILED/p' "$1"
}
{
	echo "make check on this machine ($(nproc) cores), BASES=$bases, ccache: ${BENCH_CCACHE:-shared}"
	cat "$clone/build/check-times.txt"
	echo
	echo "== from a fresh clone, step by step"
	steps "$LOGS/bench-check-fresh.log"
	echo
	echo "== after editing one patch, step by step"
	steps "$LOGS/bench-check-edited.log"
} >"$report"
cat "$report"
