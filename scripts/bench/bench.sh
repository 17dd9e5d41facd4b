#!/bin/sh
# bench.sh: the cost figures of the series of $BASE, written to
# build/bench-$BASE.txt; a report, never a test.
#  - size: scripts/bloat-o-meter on vmlinux, KUnit off: each patch of the
#    series against the tree before it, option off (tests and docs
#    change nothing there), and the option on against off;
#  - boot: the option-off and option-on kernels booted with swtpm in turn,
#    off, on, off, on... ($BENCH_BOOTS, 10, each), so that drift on a
#    shared machine falls on both; min, median and max of the moment IMA
#    started building its first record (its "Allocated hash algorithm"
#    message, just before the boot aggregate) and of the moment /init
#    started, and the ratio of the medians;
#  - a long list: the kselftest (on this host, kselftest/run-on-copy.sh) and
#    evmctl ima_measurement on a list of $BENCH_RECORDS records (default
#    100000, bench/list.py), wall time and peak memory of each, $BENCH_RUNS
#    (3) runs: the kselftest reads the list once, in memory that does not
#    grow with it;
#  - boot through UEFI firmware: the report of bench/uefi.sh for $ARCH,
#    run here, and those of other arches where they were run
#    (make bench-uefi ARCH=arm64);
#  - make check: the wall time of its runs on this machine, as check.sh
#    records them in build/check-times.txt (from a fresh clone, after a
#    change to the patches, with ccache's hits and misses), and those of
#    make bench-check (build/bench-check.txt).
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"
. "$TOP/scripts/bench/lib.sh"

S=$TOP/scripts
report=$BUILD/bench-$BASE.txt
boots=${BENCH_BOOTS:-10}
require_clean_tree "commit them, or stash them"

# The unpatched base, then each patch of the series, option off, in the
# gcc tree; the tip kept as a kernel of its own, option off and on.
on_exit 'git -C "$TREE" checkout -q -f work'
sizes=$BUILD/$BASE/bench-sizes
rm -rf "$sizes"
mkdir -p "$sizes"
n=0
for c in $(git -C "$TREE" rev-parse base) $(git -C "$TREE" rev-list --reverse base..work); do
	git -C "$TREE" checkout -q --detach "$c"
	ALLOW_UNDEFINED=1 "$S/build/build.sh" gcc - option-off no-kunit >/dev/null
	cp "$OBJ/gcc/vmlinux" "$sizes/$n.vmlinux"
	git -C "$TREE" log -1 --format=%s "$c" >"$sizes/$n.subject"
	n=$((n + 1))
done
git -C "$TREE" checkout -q work
"$S/build/build.sh" gcc bench-off option-off no-kunit >/dev/null
"$S/build/build.sh" gcc bench-on option-on no-kunit >/dev/null
bloat() {
	perl "$TREE/scripts/bloat-o-meter" "$1" "$2"
}

# boot_once KERNEL I: boot KERNEL once (the Ith time); record when IMA
# started its first record and when /init started, in seconds since the
# kernel started
boot_once() {
	"$S/vm/boot.sh" "bench-$1-$2" "$1" tpm2 initcall_debug loglevel=8 >/dev/null
	log=$BOOTS/bench-$1-$2.log
	ima_first_record_at "$log" >>"$BUILD/$BASE/bench-$1.ima"
	tr -d '\r' <"$log" | sed -n 's/^\[ *\([0-9.]*\)\] Run \/init as init process.*/\1/p' |
		head -n 1 >>"$BUILD/$BASE/bench-$1.init"
}
"$S/vm/initramfs.sh" >/dev/null
for k in bench-off bench-on; do
	: >"$BUILD/$BASE/bench-$k.ima"
	: >"$BUILD/$BASE/bench-$k.init"
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
i=0
while [ "$i" -lt "$boots" ]; do
	i=$((i + 1))
	boot_once bench-off "$i"
	boot_once bench-on "$i"
done
[ -z "$(arch_var UEFI_CODE)" ] || "$S/bench/uefi.sh" >/dev/null
# A long list, and the kselftest and evmctl on it: "SECONDS KIB" a run
records=${BENCH_RECORDS:-100000}
runs=${BENCH_RUNS:-3}
long=$BUILD/bench-list-$records
[ -s "$long.list" ] || /usr/bin/python3 "$S/bench/list.py" "$long" "$records"
for b in sha1 sha256; do
	evmctl_pcrs "$long.pcrs/pcr-$b" >"$long.evmctl-$b"
done
printf '#!/bin/sh\nexec /usr/bin/time -a -o %s -f "%%e %%M" %s "$@"\n' \
	"$long.kselftest.times" "$(kselftest_bin)" >"$long.timed-kselftest"
chmod +x "$long.timed-kselftest"
rm -f "$long.kselftest.times" "$long.evmctl.times"
i=0
while [ "$i" -lt "$runs" ]; do
	VERIFIER=$long.timed-kselftest "$S/kselftest/run-on-copy.sh" "$long.list" "$long.pcrs" none x >"$long.kselftest.log" 2>&1 ||
		die "the kselftest fails on the long list (log: $long.kselftest.log)"
	grep -q '^ok [0-9]* pcr_replay #  PCR 10 is the replay of the list in every bank' "$long.kselftest.log" ||
		die "the kselftest did not replay the long list (log: $long.kselftest.log)"
	/usr/bin/time -a -o "$long.evmctl.times" -f "%e %M" evmctl ima_measurement \
		--pcrs "sha1,$long.evmctl-sha1" --pcrs "sha256,$long.evmctl-sha256" "$long.list" \
		>"$long.evmctl.log" 2>&1 || die "evmctl fails on the long list (log: $long.evmctl.log)"
	i=$((i + 1))
done
# list_row LABEL TIMES: median seconds and peak KiB of the runs in TIMES
list_row() {
	printf '%-32s %8s s %10s KiB\n' "$1" \
		"$(cut -d' ' -f1 "$2" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" \
		"$(cut -d' ' -f2 "$2" | sort -n | tail -n 1)"
}

# row LABEL FIGURE: min, median and max off and on, and on/off of medians
row() {
	# shellcheck disable=SC2046 # three numbers each
	set -- "$1" $(min_median_max "$BUILD/$BASE/bench-bench-off.$2") $(min_median_max "$BUILD/$BASE/bench-bench-on.$2")
	printf '%-22s %6s %6s %6s   %6s %6s %6s   %6s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" \
		"$(awk -v a="$6" -v b="$3" 'BEGIN { printf "%.3f", a / b }')"
}

{
	echo "Cost figures of patches/$BASE on $(cat "$BUILD/$BASE/base.stamp")"
	echo "(the project at $(git -C "$TOP" log -1 --format='%h %s')$(
		git -C "$TOP" diff --quiet HEAD -- patches || echo ', patches/ edited'))"
	echo "(load average before the boots: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg))"
	echo "(x86_64, tinyconfig + configs/x86_64-vm.config, KUnit off; QEMU TCG + swtpm TPM 2.0)"
	echo
	echo "== vmlinux, each patch against the tree before it, IMA_INIT_LATE_SYNC off"
	i=1
	while [ "$i" -lt "$n" ]; do
		echo "-- $i/$((n - 1)) $(cat "$sizes/$i.subject")"
		bloat "$sizes/$((i - 1)).vmlinux" "$sizes/$i.vmlinux"
		i=$((i + 1))
	done
	echo
	echo "== vmlinux, IMA_INIT_LATE_SYNC on against off"
	bloat "$KERNELS/bench-off/vmlinux" "$KERNELS/bench-on/vmlinux"
	echo
	echo "== boot: seconds since the kernel started, $boots boots each, off and on in turn"
	echo "(QEMU with TCG, no KVM: emulated, several times slower than hardware;"
	echo "the time includes printing every kernel message to the emulated serial"
	echo "console, initcall_debug loglevel=8, as the bug's scenarios boot)"
	printf '%-22s %20s   %20s   %6s\n' "" "option off" "option on" "on/off"
	printf '%-22s %6s %6s %6s   %6s %6s %6s   %6s\n' "" min median max min median max medians
	row "IMA's first record" ima
	row "/init started" init
	echo
	echo "== a list of $records records ($(du -h "$long.list" | cut -f1)), median of $runs runs, peak memory"
	list_row "the kselftest" "$long.kselftest.times"
	list_row "evmctl ima_measurement" "$long.evmctl.times"
	for u in "$BUILD/bench-uefi-$BASE".txt "$BUILD/bench-uefi-$BASE"-*.txt; do
		[ -f "$u" ] || continue
		echo
		echo "== boot through UEFI firmware ($(basename "$u"))"
		cat "$u"
	done
	echo
	echo "== make check, wall time of the last runs here (build/check-times.txt)"
	tail -n 10 "$BUILD/check-times.txt" 2>/dev/null || echo "(no make check has run in this clone yet)"
	echo
	echo "== make check from a fresh clone, then after editing one patch (make bench-check)"
	cat "$BUILD/bench-check.txt" 2>/dev/null || echo "(make bench-check has not run here)"
} >"$report"
cat "$report"
say "report: $report"
