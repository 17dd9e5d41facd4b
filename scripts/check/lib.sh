# Helpers of make check (scripts/check/): which steps passed with which
# inputs, and the wall time of each run. Source it after scripts/lib.sh.
# shellcheck shell=sh

# check_time_start MODE and check_time_end BASES FAILED: around a make
# check, add a line to build/check-times.txt: when, mode, bases, wall
# seconds, whether it passed, what it started from (a fresh clone: no
# kernel tree yet; patches/ or testing-only/ changed since the last run;
# nothing changed), and ccache's hits and misses meanwhile (misses are
# compilations a new machine would make too). check_time_end also says the
# wall time, and, for make check, whether it was over CHECK_BUDGET seconds
# (default 2700: the 45 minutes a cold run may take on a slow machine, so
# that CI's 90 are never near): a figure to look into, not a failure.
check_time_start() {
	_ct_mode=$1
	_ct_start=$(date +%s)
	_ct_sum=$(cd "$TOP" && find patches testing-only -type f | LC_ALL=C sort | xargs cat | cksum)
	_ct_last=$(cat "$BUILD/check-patches.sum" 2>/dev/null || true)
	if ! ls -d "$BUILD"/*/linux >/dev/null 2>&1; then
		_ct_from='fresh clone'
	elif [ "$_ct_sum" != "$_ct_last" ]; then
		_ct_from='patches changed'
	else
		_ct_from='nothing changed'
	fi
	_ct_cc0=$(ccache_counts)
}
check_time_end() {
	printf '%s\n' "$_ct_sum" >"$BUILD/check-patches.sum"
	_ct_wall=$(($(date +%s) - _ct_start))
	# shellcheck disable=SC2046,SC2086 # two numbers each, split on purpose
	set -- "$1" "$2" $_ct_cc0 $(ccache_counts)
	printf '%s\tcheck %s\t%s\t%ss\t%s\tfrom: %s\tccache hits %s, misses %s\n' \
		"$(date -u +%Y-%m-%dT%H:%MZ)" "$_ct_mode" "$1" "$_ct_wall" \
		"$([ "$2" -eq 0 ] && echo passed || echo failed)" "$_ct_from" \
		"$(($5 - $3))" "$(($6 - $4))" >>"$BUILD/check-times.txt"
	printf 'wall time: %s s (%s min); started from: %s; ccache misses: %s\n' \
		"$_ct_wall" "$(((_ct_wall + 30) / 60))" "$_ct_from" "$(($6 - $4))"
	_ct_budget=${CHECK_BUDGET:-2700}
	[ "$_ct_mode" = check ] && [ "$_ct_wall" -gt "$_ct_budget" ] || return 0
	printf 'note: over the %s s that make check may take cold on a slow machine (CHECK_BUDGET); the time of each step is above\n' \
		"$_ct_budget"
}
# ccache_counts: ccache's total hits and misses so far; 0 0 before deps.sh
# has installed it (a new machine), so that every compilation counts as a
# miss of this run
ccache_counts() {
	command -v ccache >/dev/null || { echo 0 0; return; }
	ccache --print-stats | awk '
		$1 ~ /^(direct|preprocessed)_cache_hit$/ { h += $2 }
		$1 == "cache_miss" { m = $2 }
		END { print h + 0, m + 0 }'
}

# stamp_file STEP: the file that records that STEP of $BASE passed with the
# inputs it has now: the harness (harness_key), the base and the applied
# series (the commit ids of base and work, which hold every message and
# where each patch ends: apply.sh makes them reproducible) and the stored
# series (series_sum: the bytes export and checkpatch read). Another input,
# another file.
stamp_file() {
	_sk=$({
		printf '%s\n' "$1" "$(harness_key)"
		git -C "$TREE" rev-parse base work 2>/dev/null || echo none
		series_sum 2>/dev/null || echo none
	} | sha256sum | cut -c1-16)
	echo "$BUILD/stamps/$BASE$ARCH_SUFFIX/$_sk"
}
