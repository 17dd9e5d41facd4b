# Helpers that read IMA's KUnit suite (scripts/kunit/): kunit.py's
# summary and the kernel's own reports. Source it after scripts/lib.sh.
# shellcheck shell=sh

# kunit_summary LOG: kunit.py's summary in its output LOG ("Ran 55 tests:
# passed: 54, skipped: 1"), or nothing.
kunit_summary() {
	sed -n 's/^\[..:..:..\] Testing complete\. //p' "$1"
}

# kunit_counts LOG: "RAN PASSED SKIPPED OTHER" from that summary, OTHER
# being the failed, crashed and errored tests together; nothing if LOG has
# no summary.
kunit_counts() {
	kunit_summary "$1" | awk '{
		ran = $2; passed = skipped = other = 0
		for (i = 3; i < NF; i++) {
			if ($i !~ /:$/ || $i == "tests:")
				continue
			v = $(i + 1)
			sub(/,$/, "", v)
			if ($i == "passed:")
				passed = v
			else if ($i == "skipped:")
				skipped = v
			else
				other += v
		}
		print ran, passed, skipped, other
	}'
}

# kernel_report LOG: what the kernel output in LOG reports went wrong
# while the tests ran: an oops, a BUG, a panic, a taint by death, a KASAN
# or UBSAN report; "oops" or "sanitizer" for the first it holds (whose
# lines are shown), nothing if none. A sanitizer's report begins with
# "BUG:" too, so it is looked for first.
kernel_report() {
	if tr -d '\r' <"$1" | grep -E 'BUG: KASAN|UBSAN:' >&2; then
		echo sanitizer
	elif tr -d '\r' <"$1" | grep -E 'BUG: |Oops|Kernel panic|Tainted: .*D' >&2; then
		echo oops
	fi
}
