# Shared helpers for the harness scripts. Source it; do not run it.
# shellcheck shell=sh

# Fixed identity and dates, so that the base commit, the applied commits
# and every export are byte-for-byte reproducible.
HARNESS_NAME='IMA_INIT_LATE_SYNC project'
HARNESS_EMAIL='ima-init-late-sync@example.invalid'
HARNESS_DATE='2026-01-01T00:00:00+0000'
export GIT_AUTHOR_NAME="$HARNESS_NAME" GIT_AUTHOR_EMAIL="$HARNESS_EMAIL"
export GIT_COMMITTER_NAME="$HARNESS_NAME" GIT_COMMITTER_EMAIL="$HARNESS_EMAIL"
export GIT_COMMITTER_DATE="$HARNESS_DATE"

# Debian's python3 first: the kernel's scripts (kunit.py, spdxcheck.py,
# Sphinx) use the modules that deps.sh installs for it.
PATH=/usr/bin:/usr/sbin:/bin:/sbin:$PATH
export PATH

TOP=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
BASE=${BASE:-6.12}
# The guests' architecture (arches/$ARCH.mk). Every make below names its
# ARCH itself, so the variable can be passed on as it is.
ARCH=${ARCH:-x86_64}
export ARCH
[ -f "$TOP/arches/$ARCH.mk" ] || {
	printf 'error: unknown ARCH %s (no arches/%s.mk)\n' "$ARCH" "$ARCH" >&2
	exit 1
}
BUILD=${BUILD:-$TOP/build}
LOGS=$BUILD/logs
PATCHES=$TOP/patches/$BASE
TREE=$BUILD/$BASE/linux
# What is built and booted for the guests of $ARCH, under build/$BASE
# (x86_64 without a suffix; obj-arm64, kernels-arm64... for the others):
#   obj/TREE       a kernel build tree (make O=): gcc, uefi, clang,
#                  randconfig
#   kernels/NAME   a guest kernel kept out of its tree (build.sh): its
#                  image, vmlinux, .config and the commit it was built from
#   boots/         the guests' serial logs and what they handed out
case $ARCH in x86_64) ARCH_SUFFIX= ;; *) ARCH_SUFFIX=-$ARCH ;; esac
OBJ=$BUILD/$BASE/obj$ARCH_SUFFIX
KERNELS=$BUILD/$BASE/kernels$ARCH_SUFFIX
BOOTS=$BUILD/$BASE/boots$ARCH_SUFFIX
INITRAMFS=$BUILD/$BASE/initramfs$ARCH_SUFFIX.cpio.gz
mkdir -p "$LOGS"
# ccache hits across clones too: paths under build/ are hashed relative.
export CCACHE_BASEDIR="$BUILD"

say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# on_exit CMD: run CMD when the script ends, whether it ends normally, on
# an error, or on Ctrl-C, kill or a hang-up: dash runs no EXIT trap when a
# signal ends it, so each signal is turned into an exit.
on_exit() {
	trap "$1" EXIT
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

# base_var NAME: the value of NAME in bases/$BASE.mk
base_var() {
	[ -f "$TOP/bases/$BASE.mk" ] || die "unknown base '$BASE' (no bases/$BASE.mk)"
	sed -n "s/^$1 *:= *//p" "$TOP/bases/$BASE.mk"
}

# arch_var NAME: the value of NAME in arches/$ARCH.mk
arch_var() {
	sed -n "s/^$1 *:= *//p" "$TOP/arches/$ARCH.mk"
}

# arch_has_tpm: whether the guests of $ARCH have a TPM device (s390x's
# have none)
arch_has_tpm() {
	[ -n "$(arch_var QEMU_TPM_DEVICE)" ]
}

# run_logged LOG CMD...: run CMD with its output in LOG; on failure show the
# tail of the log and where it is.
run_logged() {
	_log=$1
	shift
	_rc=0
	"$@" >"$_log" 2>&1 || _rc=$?
	[ "$_rc" -ne 0 ] || return 0
	tail -n 30 "$_log" >&2
	printf 'FAILED (exit %s): %s\n  log: %s\n' "$_rc" "$*" "$_log" >&2
	return "$_rc"
}

# require_clean_tree HINT: stop unless the kernel tree of $BASE exists and
# has no uncommitted change; HINT says what to do about such changes.
require_clean_tree() {
	[ -d "$TREE/.git" ] || die "no kernel tree at $TREE: run 'make apply BASE=$BASE' first"
	[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
		die "$TREE has uncommitted changes: $1"
}

# commit_is_current WHAT COMMIT KIND: stop unless COMMIT, what WHAT (a
# kernel, a boot) was built from, is the series as it is now: the tip of
# branch work, or, for KIND test-only, test-only commits (testing-only/) on
# top of it. Whatever step built it, a kernel of an older series, of some
# other checkout, or with scaffolding it should not have, is never used.
commit_is_current() {
	_kw=$(git -C "$TREE" rev-parse work)
	[ "$2" != "$_kw" ] || return 0
	[ "$3" = test-only ] ||
		die "$1 was built from $2, not from the series now applied ($_kw): build it again"
	git -C "$TREE" merge-base --is-ancestor "$_kw" "$2" 2>/dev/null ||
		die "$1 was built from $2, not from the series now applied ($_kw): build it again"
	_ko=$(git -C "$TREE" log --format=%s "$_kw..$2" | grep -v '^TEST ONLY: ' || true)
	[ -z "$_ko" ] ||
		die "$1 was built with commits that are neither the series nor test-only: $_ko"
}

# kernel_is_current KERNEL: commit_is_current for the guest kernel KERNEL of
# $BASE (build.sh records its commit, and test-only when it has scaffolding)
kernel_is_current() {
	_kc=$(cat "$KERNELS/$1/commit" 2>/dev/null) ||
		die "kernel $1 records no commit ($KERNELS/$1/commit): build it again"
	_kk=plain
	[ ! -f "$KERNELS/$1/test-only" ] || _kk=test-only
	commit_is_current "kernel $1" "$_kc" "$_kk"
}

# kernel_boots_uefi KERNEL: whether the guest kernel KERNEL of $BASE has an
# EFI stub (kernels.sh uefi), and so is started by the arch's UEFI firmware
# (UEFI_CODE in arches/$ARCH.mk), not by QEMU itself
kernel_boots_uefi() {
	grep -qsx 'CONFIG_EFI_STUB=y' "$KERNELS/$1/.config"
}

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

# initramfs_source [REV]: what an initramfs of $BASE made at REV (default
# work: what it is to be made of now) holds: the kselftest's source (git
# tree id), the guest's /init and the firmware files. initramfs.sh records
# it; boot.sh compares.
initramfs_source() {
	printf '%s %s\n' "$(git -C "$TREE" rev-parse -q --verify "${1:-work}:tools/testing/selftests/ima" || echo none)" \
		"$(cd "$TOP/vm" && { ls firmware; cat init firmware/*; } | sha256sum | cut -c1-16)"
}

# boot_is_current NAME: stop unless the guest boot NAME (boot.sh records
# what it booted) was of a kernel and an initramfs of the series now
# applied, so that no step reads a serial log another series left
boot_is_current() {
	[ -f "$BOOTS/$1.source" ] ||
		die "boot $1 records nothing of what it booted ($BOOTS/$1.source): boot it again"
	read -r _bc _bk _bs _bi <"$BOOTS/$1.source"
	commit_is_current "the kernel of boot $1" "$_bc" "$_bk"
	[ "$_bs $_bi" = "$(initramfs_source)" ] ||
		die "boot $1 had an initramfs of another series or /init: boot it again"
}

# serial_section LOG NAME: the lines of the section "@@ NAME" that the
# guest's /init (vm/init) printed into the serial log LOG.
serial_section() {
	tr -d '\r' <"$1" | awk -v s="@@ $2" '$0 == s { on = 1; next } /^@@ / { on = 0 } on'
}

# boot_cmdline LOG: the kernel command line that the serial log LOG shows
# ("Kernel command line:"), a word a line.
# cmdline_param CMDLINE NAME: the value of NAME=VALUE in CMDLINE (as
# boot_cmdline prints it); empty if none.
# cmdline_flag CMDLINE NAME: whether NAME is in it, alone or as NAME=VALUE.
boot_cmdline() {
	tr -d '\r' <"$1" | sed -n 's/.*Kernel command line: //p' | head -n 1 | tr ' ' '\n'
}
cmdline_param() {
	printf '%s\n' "$1" | awk -v n="$2" 'index($0, n "=") == 1 { print substr($0, length(n) + 2); exit }'
}
cmdline_flag() {
	printf '%s\n' "$1" | awk -v n="$2" '$0 == n || index($0, n "=") == 1 { f = 1 } END { exit !f }'
}

# kselftest_bin [DIR]: the ima kselftest binary that initramfs.sh built for
# $BASE in build/$BASE/DIR (default kselftest: the one for this host)
kselftest_bin() {
	echo "$BUILD/$BASE/${1:-kselftest}/kselftest/ima/ima_measurements_test"
}

# kmake ARG...: make in the kernel tree of $BASE for $ARCH, with KCC as the
# compiler (default ccache and the arch's gcc) and KMAKE's extra arguments
# (LLVM=-19, say).
kmake() {
	_cross=$(arch_var CROSS_COMPILE)
	# shellcheck disable=SC2086 # KMAKE is a list of make arguments
	make -C "$TREE" ARCH="$(arch_var KERNEL_ARCH)" CROSS_COMPILE="$_cross" \
		CC="${KCC:-ccache ${_cross}gcc}" ${KMAKE-} -j"$(nproc)" "$@"
}

# pack_initramfs DIR: DIR as a gzip'ed newc archive on stdout, files owned
# by root, in a fixed order, without time stamps: the same tree gives the
# same bytes
pack_initramfs() {
	(cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -9n
}

# copy_libs ROOT FILE...: the shared libraries that the programs or
# libraries FILE load (as ldd lists them, the dynamic loader too), copied
# into the initramfs tree ROOT at the paths they have here
copy_libs() {
	_cr=$1
	shift
	# ldd names each FILE in a line of its own ("FILE:") when given several
	for _cl in $(ldd "$@" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && !/:$/ { print $1 }' | LC_ALL=C sort -u); do
		mkdir -p "$_cr${_cl%/*}"
		cp -L "$_cl" "$_cr$_cl"
	done
}

# initramfs_with ROOT: the test initramfs with the tree ROOT unpacked over
# it, on stdout (the kernel unpacks one archive after the other)
initramfs_with() {
	cat "$INITRAMFS"
	pack_initramfs "$1"
}

# What IMA says in the kernel log, as basic regular expressions: that it
# found no TPM at its start, and (the series' report) that a TPM registered
# after that
msg_tpm_bypass='ima: No TPM chip found, activating TPM-bypass!'
msg_late_tpm='ima: [^ ]* registered after IMA started without a TPM'

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

# sanitizer_report LOG: true if LOG holds an ASan, UBSan or LSan report.
sanitizer_report() {
	grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$1"
}

# check_time_start MODE and check_time_end BASES FAILED: around a make
# check, add a line to build/check-times.txt: when, mode, bases, wall
# seconds, whether it passed, what it started from (a fresh clone: no
# kernel tree yet; patches/ or testing-only/ changed since the last run;
# nothing changed), and ccache's hits and misses meanwhile (misses are
# compilations a new machine would make too).
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
	# shellcheck disable=SC2046,SC2086 # two numbers each, split on purpose
	set -- "$1" "$2" $_ct_cc0 $(ccache_counts)
	printf '%s\tcheck %s\t%s\t%ss\t%s\tfrom: %s\tccache hits %s, misses %s\n' \
		"$(date -u +%Y-%m-%dT%H:%MZ)" "$_ct_mode" "$1" "$(($(date +%s) - _ct_start))" \
		"$([ "$2" -eq 0 ] && echo passed || echo failed)" "$_ct_from" \
		"$(($5 - $3))" "$(($6 - $4))" >>"$BUILD/check-times.txt"
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

# fragments_not_taken CONFIG FRAGMENT...: each symbol the fragments set (the
# last to name it wins) that CONFIG does not hold, after a space. With
# ALLOW_UNDEFINED=1, symbols the kernel tree does not define are let through;
# with ALLOW_DROPPED=1, all are.
fragments_not_taken() {
	_cfg=$1
	shift
	awk '
	/^CONFIG_[A-Z0-9_]+=/ { s = $0; sub(/=.*/, "", s); want[s] = $0; next }
	/^# CONFIG_[A-Z0-9_]+ is not set$/ { want[$2] = $0 }
	END { for (s in want) print want[s] }' "$@" | LC_ALL=C sort |
	while IFS= read -r line; do
		case $line in
		'# '*)
			sym=${line#\# }
			sym=${sym%% *}
			grep -q "^$sym=" "$_cfg" || continue
			;;
		*)
			sym=${line%%=*}
			! grep -qxF -- "$line" "$_cfg" || continue
			;;
		esac
		[ "${ALLOW_DROPPED-}" != 1 ] || continue
		if [ "${ALLOW_UNDEFINED-}" = 1 ] &&
			! grep -rqx --include='Kconfig*' "config ${sym#CONFIG_}" "$TREE"; then
			continue
		fi
		printf ' %s' "$sym"
	done
}

# harness_key: a digest of the harness as it bears on $BASE and $ARCH (its
# scripts but those no check runs, make demo's and make bench's; config
# fragments, the arch and base definitions, the guest's /init and
# scenarios, the test-only patches, the fuzz target) and of the compilers.
# What passed under another harness is not trusted (stamps).
harness_key() {
	{
		(cd "$TOP" && find scripts configs vm fuzz "testing-only/$BASE/" verifiers/ima-evm-utils/debian \
			"arches/$ARCH.mk" "bases/$BASE.mk" -type f \
			! -name demo.sh ! -name timeline.sh ! -name 'bench*.sh' |
			LC_ALL=C sort | xargs cat)
		dpkg-query -W -f='${Package} ${Version}\n' gcc gcc-aarch64-linux-gnu \
			libc6-dev-arm64-cross gcc-s390x-linux-gnu libc6-dev-s390x-cross \
			clang-19 lld-19 llvm-19 qemu-system-x86 qemu-system-arm \
			qemu-system-misc swtpm busybox-static tpm2-tools sparse coccinelle \
			python3-sphinx ovmf qemu-efi-aarch64 2>/dev/null || true
	} | sha256sum | cut -c1-16
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

# series_sum: a checksum of the stored series of $BASE (the series file,
# the patches, the cover letter), which apply.sh and export.sh record in
# build/$BASE/applied.sum for the tree they leave
series_sum() {
	_ss=$(series_patches) || return 1
	# shellcheck disable=SC2086 # one word per patch
	(cat "$PATCHES/series" $_ss; cat "$PATCHES/0000-cover-letter.patch" 2>/dev/null || true) | cksum
}

# series_patches: the patch files of the series, in order, as full paths.
# Fails (and says why) on a missing series file, one that names no patch, a
# line that is not one file name, or a patch that is not there; call it as
# "list=$(series_patches) || exit", since a failure inside $(...) alone is
# lost.
series_patches() {
	[ -f "$PATCHES/series" ] || die "no series file: $PATCHES/series"
	_sp=$(grep -v '^[[:space:]]*\(#\|$\)' "$PATCHES/series") || true
	[ -n "$_sp" ] || die "$PATCHES/series names no patch"
	printf '%s\n' "$_sp" | while IFS= read -r _p; do
		case $_p in
		*[[:space:]/]* | -*) die "$PATCHES/series: '$_p' is not a patch file name" ;;
		esac
		[ -f "$PATCHES/$_p" ] || die "series names a missing patch: $PATCHES/$_p"
		printf '%s\n' "$PATCHES/$_p"
	done
}
