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

# kernel_sanitizer_report LOG: true if the kernel output in LOG holds a
# KASAN or UBSAN report (and shows it).
kernel_sanitizer_report() {
	tr -d '\r' <"$1" | grep -E 'BUG: KASAN|UBSAN:' >&2
}
