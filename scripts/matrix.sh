#!/bin/sh
# matrix.sh: the configurations and compilers a maintainer's build bots try,
# each built without a single compiler warning, on the series of $BASE
# (option on unless said). The option off and on with KUnit, with gcc, are
# the main builds (build-each.sh); here, one after the other in one build
# tree (build/$BASE/out/matrix, so each is incremental):
#   IMA off; KUnit without IMA's tests; KUnit off; a TPM driver as a module;
# then clang-19 (LLVM=-19) in build/$BASE/out/clang-sanitizers, the VM
# config with KASAN and UBSAN (configs/sanitizers.config), option off, then
# on: the kernel scenario i boots, with IMA's KUnit suite built in.
set -eu
. "$(dirname -- "$0")/lib.sh"

require_clean_tree "commit them, or stash them"
S=$TOP/scripts

# variant LABEL NAME FRAGMENT...: build, then fail on any warning
variant() {
	label=$1
	name=$2
	shift 2
	"$S/build.sh" "$name" "$@" >/dev/null ||
		die "$label: does not build (log: $LOGS/build-$BASE-$name.log)"
	if grep -E '(warning|error):' "$LOGS/build-$BASE-$name.log" >&2; then
		die "$label: the build warns (log: $LOGS/build-$BASE-$name.log)"
	fi
	say "  $label: built, no warning"
}
# config NAME SYMBOL: the value of SYMBOL in the .config of NAME
config() {
	grep -E "^(# )?CONFIG_$2[= ]" "$OUT/$1/.config" || echo "CONFIG_$2 absent"
}

ALLOW_DROPPED=1 variant "IMA off" matrix ima-off
config matrix IMA | grep -qx '# CONFIG_IMA is not set' || die "IMA off: IMA is still on"

variant "KUnit without IMA's tests, option on" matrix late-sync kunit-without-ima-tests
variant "KUnit off, option on" matrix late-sync no-kunit
# last: modules change much of the tree
KTARGETS='bzImage modules' variant "TPM driver as a module, option on" \
	matrix late-sync kunit tpm-driver-module
config matrix TCG_TIS_SPI | grep -qx 'CONFIG_TCG_TIS_SPI=m' ||
	die "the TPM SPI driver is not a module"
say "    ($(config matrix TCG_TPM): IMA selects the TPM core; only other drivers can be modules)"

command -v clang-19 >/dev/null && command -v ld.lld-19 >/dev/null ||
	die "clang-19 or lld-19 is missing: run 'make deps'"
export KCC="ccache clang-19" KMAKE=LLVM=-19
variant "clang-19, KASAN + UBSAN, option off" clang-sanitizers late kunit sanitizers
variant "clang-19, KASAN + UBSAN, option on" clang-sanitizers late-sync kunit sanitizers
config clang-sanitizers CC_IS_CLANG | grep -qx 'CONFIG_CC_IS_CLANG=y' ||
	die "clang-sanitizers was not built by clang"
config clang-sanitizers KASAN | grep -qx 'CONFIG_KASAN=y' || die "clang-sanitizers has no KASAN"
