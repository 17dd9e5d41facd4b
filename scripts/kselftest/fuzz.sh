#!/bin/sh
# fuzz.sh [SECONDS]: fuzz the measurement-list parser of the ima kselftest
# of $BASE (fuzz/ima_measurements_fuzz.c: libFuzzer, clang-19, ASan and
# UBSan) for SECONDS (default 60), from a corpus seeded with every list
# the VM scenarios of $BASE captured (every arch's). Fails on a crash, a
# sanitizer report or an input that runs over 10 s (the input is kept in
# build/$BASE/fuzz/artifacts/); prints how many inputs were run. Each base
# has its corpus: make check fuzzes the bases side by side.
set -eu
. "$(dirname -- "$0")/../lib.sh"

secs=${1:-60}
src=$TREE/tools/testing/selftests/ima
dir=$BUILD/$BASE/fuzz
log=$LOGS/fuzz-$BASE.log
[ -f "$src/ima_measurements_test.c" ] || die "no kselftest source in $TREE: run 'make apply BASE=$BASE' first"
command -v clang-19 >/dev/null || die "clang-19 is missing: run 'make deps'"
mkdir -p "$dir/corpus" "$dir/artifacts"

seeds=0
for l in "$BUILD/$BASE"/boots*/*.list; do
	[ -s "$l" ] || continue
	cp "$l" "$dir/corpus/seed-$(basename "$(dirname "$l")")-$(basename "$l")"
	seeds=$((seeds + 1))
done
[ "$seeds" -gt 0 ] || die "no captured measurement list to seed the corpus: run 'make scenarios' first"

run_logged "$LOGS/fuzz-build-$BASE.log" clang-19 -g -O1 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-I"$src" -I"$src/.." "$TOP/fuzz/ima_measurements_fuzz.c" -lcrypto \
	-o "$dir/ima_measurements_fuzz" || die "the fuzz target does not build (log: $LOGS/fuzz-build-$BASE.log)"

say "  $seeds seed lists; fuzzing for ${secs}s"
rc=0
"$dir/ima_measurements_fuzz" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
	"$dir/corpus" >"$log" 2>&1 || rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
if [ "$rc" -ne 0 ] || sanitizer_report "$log" || grep -q 'ERROR: libFuzzer' "$log"; then
	grep -E 'ERROR|runtime error|Test unit written' "$log" | head -n 10 >&2
	die "the parser crashed, hung or broke a sanitizer rule (log: $log, input in $dir/artifacts/)"
fi
say "  ${runs:-?} inputs run in ${secs}s, corpus of $(ls "$dir/corpus" | wc -l): no crash, no sanitizer report, no hang"
