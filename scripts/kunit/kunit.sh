#!/bin/sh
# kunit.sh LABEL [KCONFIG...]: run IMA's KUnit suite of $BASE with kunit.py
# on the KUNIT_ARCH of arches/$ARCH.mk (User Mode Linux for x86_64; QEMU,
# with the arch's cross compiler, for arm64), with each KCONFIG (CONFIG_X=y) added to its
# kunitconfig, or, if it names a fragment under configs/ (sanitizers.config),
# merged with it. Fails unless every test passed and at least 10 ran. With
# KUNIT_SHOW=1 it prints each test's result as kunit.py reported it.
# KUNIT_DIR names the build directory under build/$BASE (default kunit;
# kunit-arm64 for arm64, ...).
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/kunit/lib.sh"

log=$LOGS/kunit-$BASE$ARCH_SUFFIX-$1.log
shift
kunit_dir=$BUILD/$BASE/${KUNIT_DIR:-kunit$ARCH_SUFFIX}
cross=$(arch_var CROSS_COMPILE)
set -- --arch="$(arch_var KUNIT_ARCH)" ${cross:+--cross_compile="$cross"} \
	--kunitconfig security/integrity/ima \
	--build_dir="$kunit_dir" --jobs="$(nproc)" \
	--make_options "CC=ccache ${cross}gcc" $(for k in "$@"; do
		case $k in
		*.config) printf -- '--kunitconfig %s ' "$TOP/configs/$k" ;;
		*) printf -- '--kconfig_add %s ' "$k" ;;
		esac
	done)
cd "$TREE"
if ! python3 tools/testing/kunit/kunit.py run "$@" >"$log" 2>&1; then
	grep -E '\[(FAILED|CRASHED|SKIPPED)\]|^\[..:..:..\] (Testing complete|Elapsed)' "$log" >&2 || tail -n 30 "$log" >&2
	die "kunit.py run failed (log: $log)"
fi
[ "${KUNIT_SHOW-}" != 1 ] || sed -n 's/^\[..:..:..\] \([=[].*\)/  \1/p' "$log"
summary=$(kunit_summary "$log")
say "  $summary"
read -r ran passed skipped other <<EOF
$(kunit_counts "$log")
EOF
[ -n "$ran" ] || die "kunit.py printed no summary (log: $log)"
[ "$ran" -ge 10 ] && [ "$passed" -eq "$ran" ] ||
	die "expected at least 10 tests, all passing, none skipped: $summary (log: $log)"

raw=$kunit_dir/test.log

case $(kernel_report "$raw") in
oops) die "the UML kernel oopsed while the tests ran (log: $raw)" ;;
sanitizer) die "a sanitizer reported an error while the tests ran (log: $raw)" ;;
esac
