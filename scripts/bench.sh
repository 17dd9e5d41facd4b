#!/bin/sh
# bench.sh: the cost figures of the series of $BASE, written to
# build/bench-$BASE.txt; a report, never a test.
#  - size: scripts/bloat-o-meter on vmlinux, KUnit off: the series with the
#    option off against the unpatched base, and the option on against off;
#  - boot: from boots with swtpm, the median over $BENCH_BOOTS (10) boots of
#    the moment IMA started building its first record (its "Allocated hash
#    algorithm" message, just before the boot aggregate) and of the moment
#    /init started, option on against off;
#  - make check: the wall time of its runs on this machine, as check.sh
#    records them in build/check-times.txt (from a fresh clone, after a
#    change to the patches, with ccache's hits and misses), and those of
#    make bench-check (build/bench-check.txt).
set -eu
. "$(dirname -- "$0")/lib.sh"

S=$TOP/scripts
report=$BUILD/bench-$BASE.txt
boots=${BENCH_BOOTS:-10}
require_clean_tree "commit them, or stash them"

# The unpatched base, then the series, option off and on, in the gcc tree,
# each kept as a kernel of its own.
on_exit 'git -C "$TREE" checkout -q -f work'
git -C "$TREE" checkout -q --detach base
ALLOW_UNDEFINED=1 "$S/build.sh" gcc - option-off no-kunit >/dev/null
cp "$OBJ/gcc/vmlinux" "$BUILD/$BASE/bench-base.vmlinux"
git -C "$TREE" checkout -q work
"$S/build.sh" gcc bench-off option-off no-kunit >/dev/null
"$S/build.sh" gcc bench-on option-on no-kunit >/dev/null
bloat() {
	perl "$TREE/scripts/bloat-o-meter" "$1" "$2"
}

# median FILE: the median of the numbers in FILE, one a line
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# boot_times KERNEL: boot it $boots times; record when IMA started its first
# record and when /init started, in seconds since the kernel started
boot_times() {
	: >"$BUILD/$BASE/bench-$1.ima"
	: >"$BUILD/$BASE/bench-$1.init"
	i=0
	while [ "$i" -lt "$boots" ]; do
		i=$((i + 1))
		"$S/boot.sh" "bench-$1-$i" "$1" tpm2 initcall_debug loglevel=8 >/dev/null
		log=$BOOTS/bench-$1-$i.log
		tr -d '\r' <"$log" | sed -n 's/^\[ *\([0-9.]*\)\] ima: Allocated hash algorithm.*/\1/p' |
			head -n 1 >>"$BUILD/$BASE/bench-$1.ima"
		tr -d '\r' <"$log" | sed -n 's/^\[ *\([0-9.]*\)\] Run \/init as init process.*/\1/p' |
			head -n 1 >>"$BUILD/$BASE/bench-$1.init"
	done
}
"$S/initramfs.sh" >/dev/null
boot_times bench-off
boot_times bench-on
ima_off=$(median "$BUILD/$BASE/bench-bench-off.ima")
ima_on=$(median "$BUILD/$BASE/bench-bench-on.ima")
init_off=$(median "$BUILD/$BASE/bench-bench-off.init")
init_on=$(median "$BUILD/$BASE/bench-bench-on.init")

{
	echo "Cost figures of patches/$BASE on $(cat "$BUILD/$BASE/base.stamp")"
	echo "(x86_64, tinyconfig + configs/x86_64-vm.config, KUnit off; QEMU TCG + swtpm TPM 2.0)"
	echo
	echo "== vmlinux, the series with IMA_INIT_LATE_SYNC off against the unpatched base"
	bloat "$BUILD/$BASE/bench-base.vmlinux" "$KERNELS/bench-off/vmlinux"
	echo
	echo "== vmlinux, IMA_INIT_LATE_SYNC on against off"
	bloat "$KERNELS/bench-off/vmlinux" "$KERNELS/bench-on/vmlinux"
	echo
	echo "== boot, median of $boots boots each (seconds since the kernel started)"
	printf '%-34s %10s %10s %8s\n' "" "option off" "option on" "on/off"
	printf '%-34s %10s %10s %8s\n' "IMA's first record" "$ima_off" "$ima_on" \
		"$(awk -v a="$ima_on" -v b="$ima_off" 'BEGIN { printf "%.3f", a / b }')"
	printf '%-34s %10s %10s %8s\n' "/init started (end of kernel init)" "$init_off" "$init_on" \
		"$(awk -v a="$init_on" -v b="$init_off" 'BEGIN { printf "%.3f", a / b }')"
	echo
	echo "== make check, wall time of the last runs here (build/check-times.txt)"
	tail -n 10 "$BUILD/check-times.txt" 2>/dev/null || echo "(no make check has run in this clone yet)"
	echo
	echo "== make check from a fresh clone, then after editing one patch (make bench-check)"
	cat "$BUILD/bench-check.txt" 2>/dev/null || echo "(make bench-check has not run here)"
} >"$report"
cat "$report"
say "report: $report"
