#!/bin/sh
# build.sh NAME [FRAGMENT...]: configure the kernel tree of $BASE for $ARCH
# with tinyconfig plus the arch's VM fragment (configs/x86_64-vm.config,
# say) plus each FRAGMENT (names under configs/, without .config), and
# build it with O=build/$BASE/out/NAME (out-arm64/NAME for arm64, ...).
# Prints the path of the image. KCC is the compiler (default ccache and the
# arch's gcc), KMAKE adds make arguments (LLVM=-19, say), KTARGETS replaces
# the targets (default the arch's image), and ALLOW_DROPPED=1 lets fragment
# symbols that others turned off go (see below).
set -eu
. "$(dirname -- "$0")/lib.sh"

name=$1
shift
o=$OUT/$name
log=$LOGS/build-$BASE$ARCH_SUFFIX-$name.log
set -- "$(arch_var VM_CONFIG)" "$@"
frags=
for f in "$@"; do
	[ -f "$TOP/configs/$f.config" ] || die "no config fragment configs/$f.config"
	frags="$frags $TOP/configs/$f.config"
done
[ -d "$TREE" ] || die "no kernel tree at $TREE: run 'make base' first"
mkdir -p "$o"

# The config is made in a scratch output directory and copied over only
# when it changed, so that an unchanged config rebuilds nothing.
scratch=$OUT/.kconfig
mkdir -p "$scratch"
{
	kmake O="$scratch" tinyconfig
	# shellcheck disable=SC2086 # one word per fragment
	"$TREE/scripts/kconfig/merge_config.sh" -m -O "$scratch" "$scratch/.config" $frags
	kmake O="$scratch" olddefconfig
} >"$log.config" 2>&1 || { tail -n 20 "$log.config" >&2; die "configuring $name failed (log: $log.config)"; }

# Every symbol a fragment asks for (the last fragment to name it wins) must
# hold in the final .config; merge_config.sh -m does not check that. With
# ALLOW_UNDEFINED=1 (building a patch that comes before the one defining a
# symbol), symbols this tree does not define are let through; with
# ALLOW_DROPPED=1 (IMA turned off, say), all are.
# shellcheck disable=SC2086 # one word per fragment
missing=$(fragments_not_taken "$scratch/.config" $frags)
[ -z "$missing" ] ||
	die "$name: these fragment symbols did not take:$missing (log: $log.config)"

cmp -s "$scratch/.config" "$o/.config" || cp "$scratch/.config" "$o/.config"
# shellcheck disable=SC2086 # KTARGETS is a list of targets
run_logged "$log" kmake O="$o" olddefconfig ${KTARGETS:-$(arch_var IMAGE_TARGET)}
say "built $o/$(arch_var IMAGE)"
