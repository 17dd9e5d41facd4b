# Helpers of the cost figures (scripts/bench/). Source it after
# scripts/lib.sh.
# shellcheck shell=sh

# min_median_max FILE: the least, the median and the greatest of the
# numbers in FILE, one a line
min_median_max() {
	sort -n "$1" | awk '{ v[NR] = $1 }
		END { printf "%.3f %.3f %.3f\n", v[1], (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[NR] }'
}

# ima_first_record_at LOG: when IMA started building its first record (its
# "Allocated hash algorithm" message, just before the boot aggregate), in
# seconds since the kernel started, from the serial log LOG
ima_first_record_at() {
	tr -d '\r' <"$1" | sed -n 's/^\[ *\([0-9.]*\)\] ima: Allocated hash algorithm.*/\1/p' | head -n 1
}
