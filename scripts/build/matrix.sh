#!/bin/sh
# matrix.sh: the configurations a maintainer's build bots try, on the series
# of $BASE (option on unless said), one after the other in the gcc tree of
# the guests, so that each compiles only what it changes:
#   KUnit without IMA's tests; KUnit off; a TPM driver as a module.
# The guest config has CONFIG_WERROR, so each fails on any compiler or
# linker warning, where the warning is produced: a rerun cannot hide it.
# (The option off and on with KUnit are build-each.sh's; clang-19 with
# KASAN and UBSAN is kernels.sh clang-kasan; IMA off is kernels.sh no-ima,
# which make check-full boots.)
set -eu
. "$(dirname -- "$0")/../lib.sh"

require_clean_tree "commit them, or stash them"
S=$TOP/scripts

# variant LABEL FRAGMENT...: build, or fail
variant() {
	label=$1
	shift
	"$S/build/build.sh" gcc - "$@" >/dev/null ||
		die "$label: does not build (log: $LOGS/build-$BASE-gcc.log)"
	say "  $label: built, no warning"
}
# config SYMBOL: the value of SYMBOL in the gcc tree's .config
config() {
	grep -E "^(# )?CONFIG_$1[= ]" "$OBJ/gcc/.config" || echo "CONFIG_$1 absent"
}

variant "KUnit without IMA's tests, option on" option-on kunit-without-ima-tests
variant "KUnit off, option on" option-on no-kunit
# last: modules change much of the tree
KTARGETS='bzImage modules' variant "TPM driver as a module, option on" \
	option-on kunit tpm-driver-module
config TCG_TIS_SPI | grep -qx 'CONFIG_TCG_TIS_SPI=m' ||
	die "the TPM SPI driver is not a module"
say "    ($(config TCG_TPM): IMA selects the TPM core; only other drivers can be modules)"
