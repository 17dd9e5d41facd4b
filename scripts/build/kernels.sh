#!/bin/sh
# kernels.sh SET: build the guest kernels of $BASE that the VM scenarios
# boot (vm/scenarios names them), from the series as applied, each kept in
# build/$BASE/kernels/NAME (build.sh):
#   guest        guest-on, guest-off: IMA_INIT_LATE_SYNC on and off, IMA's
#                KUnit suite built in (gcc tree); guest-on-no-proc-config:
#                guest-on without /proc/config.gz and with MD5, as
#                distributions build it. Each has an EFI stub (but on
#                s390x): QEMU starts it, or the arch's UEFI firmware does
#                (uefi:KERNEL, boot.sh)
#   deferred     guest-on-deferred, guest-off-deferred: the same with the
#                test-only deferral of the TPM's first probe (testing-only/);
#                none on an arch whose guests have no TPM (s390x)
#   no-ima       guest-no-ima: IMA off, so the series must build without it
#                and the kselftest must skip; else as the guests are (KUnit
#                built in, what IMA selects on), so that the gcc tree
#                compiles again only what reads CONFIG_IMA
#   clang-kasan  guest-on-clang-kasan: clang-19, KASAN and UBSAN, option on,
#                after the same config with the option off has built too
#                (clang tree)
# Every config has CONFIG_WERROR: a compiler or linker warning fails.
set -eu
. "$(dirname -- "$0")/../lib.sh"

S=$TOP/scripts
case ${1-} in
guest)
	"$S/build/build.sh" gcc guest-on option-on kunit
	"$S/build/build.sh" gcc guest-on-no-proc-config option-on kunit no-proc-config
	"$S/build/build.sh" gcc guest-off option-off kunit
	;;
deferred)
	if ! arch_has_tpm; then
		say "  the guests of $ARCH have no TPM to defer: none built"
		exit 0
	fi
	"$S/build/build-test-only.sh" gcc guest-on-deferred option-on kunit
	"$S/build/build-test-only.sh" gcc guest-off-deferred option-off kunit
	;;
no-ima)
	ALLOW_DROPPED=1 "$S/build/build.sh" gcc guest-no-ima kunit-without-ima-tests ima-off
	grep -qx '# CONFIG_IMA is not set' "$KERNELS/guest-no-ima/.config" ||
		die "guest-no-ima has IMA"
	;;
clang-kasan)
	command -v clang-19 >/dev/null && command -v ld.lld-19 >/dev/null ||
		die "clang-19 or lld-19 is missing: run 'make deps'"
	export KCC="ccache clang-19" KMAKE=LLVM=-19
	"$S/build/build.sh" clang - option-off kunit sanitizers
	say "  clang-19, KASAN + UBSAN, option off: built, no warning"
	"$S/build/build.sh" clang guest-on-clang-kasan option-on kunit sanitizers
	cfg=$KERNELS/guest-on-clang-kasan/.config
	grep -qx 'CONFIG_CC_IS_CLANG=y' "$cfg" || die "guest-on-clang-kasan was not built by clang"
	grep -qx 'CONFIG_KASAN=y' "$cfg" || die "guest-on-clang-kasan has no KASAN"
	grep -qx 'CONFIG_UBSAN=y' "$cfg" || die "guest-on-clang-kasan has no UBSAN"
	;;
*) die "usage: kernels.sh guest|deferred|no-ima|clang-kasan" ;;
esac
