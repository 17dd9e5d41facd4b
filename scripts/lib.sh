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

# Every script that sources this file is scripts/STAGE/NAME.sh.
TOP=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
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
#   obj/TREE       a kernel build tree (make O=): gcc, analysis, clang,
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
# Not in depend mode, though a cold build takes a quarter less in it
# (196 s against 147 for the guest config, one machine): Debian 12's ccache
# (4.7) finds .incbin only in the preprocessor's output, which depend mode
# does not make, so it would cache piggy.S and kernel/configs.c without
# the files they embed, and a bzImage could hold the kernel of a build
# before.
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

# sanitizer_report LOG: true if LOG holds an ASan, UBSan or LSan report.
sanitizer_report() {
	grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$1"
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
			! -path scripts/vm/demo.sh ! -path scripts/vm/timeline.sh ! -path 'scripts/bench/*' |
			LC_ALL=C sort | xargs cat)
		dpkg-query -W -f='${Package} ${Version}\n' gcc gcc-aarch64-linux-gnu \
			libc6-dev-arm64-cross gcc-s390x-linux-gnu libc6-dev-s390x-cross \
			clang-19 lld-19 llvm-19 qemu-system-x86 qemu-system-arm \
			qemu-system-misc swtpm busybox-static tpm2-tools sparse coccinelle \
			python3-sphinx ovmf qemu-efi-aarch64 2>/dev/null || true
	} | sha256sum | cut -c1-16
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
