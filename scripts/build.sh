#!/bin/sh
# build.sh TREE KERNEL [FRAGMENT...]: configure the kernel build tree TREE
# of $BASE for $ARCH (make O=build/$BASE/obj/TREE; obj-arm64/TREE for
# arm64, ...) with tinyconfig plus the arch's VM fragment
# (configs/x86_64-vm.config, say), the base's if it has one (VM_CONFIG in
# bases/$BASE.mk), plus each FRAGMENT (names under configs/,
# without .config), and build it. One tree serves many configurations in
# turn: only what a change of configuration touches is compiled again.
# KERNEL names the guest kernel to keep (build/$BASE/kernels/KERNEL: the
# image, vmlinux, .config and the commit it was built from, which boot.sh
# checks), or is - to keep none. A kept kernel is built from the tip of
# branch work, or, with TEST_ONLY=1 (build-test-only.sh), test-only commits
# on top of it. KCC is the compiler (default ccache and the
# arch's gcc), KMAKE adds make arguments (LLVM=-19, say), KTARGETS replaces
# the targets (default the arch's image), and ALLOW_DROPPED=1 lets fragment
# symbols that others turned off go (see below).
set -eu
. "$(dirname -- "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: build.sh TREE KERNEL|- [FRAGMENT...]"
tree=$1 kernel=$2
shift 2
o=$OBJ/$tree
log=$LOGS/build-$BASE$ARCH_SUFFIX-$tree.log
# shellcheck disable=SC2046 # none or one fragment
set -- "$(arch_var VM_CONFIG)" $(base_var VM_CONFIG) "$@"
frags=
for f in "$@"; do
	[ -f "$TOP/configs/$f.config" ] || die "no config fragment configs/$f.config"
	frags="$frags $TOP/configs/$f.config"
done
[ -d "$TREE" ] || die "no kernel tree at $TREE: run 'make base' first"
if [ "$kernel" != - ]; then
	require_clean_tree "a kept kernel is built from commits only"
	# from branch work, or (build-test-only.sh) test-only commits on it
	kind=plain
	[ "${TEST_ONLY-}" != 1 ] || kind=test-only
	commit_is_current "kernel $kernel" "$(git -C "$TREE" rev-parse HEAD)" "$kind"
fi
mkdir -p "$o"

# The config is made in a scratch output directory and copied over only
# when it changed, so that an unchanged config rebuilds nothing. It depends
# only on the fragments, the Kconfig files (and tinyconfig's), the arch and
# the compiler: made once for each such set, it is kept and reused.
scratch=$OBJ/.kconfig
cc=$(printf '%s\n' "${KCC:-$(arch_var CROSS_COMPILE)gcc}" | sed 's/^ccache //')
# shellcheck disable=SC2086 # one word per fragment
ckey=$({
	printf '%s\n' "$ARCH" "$cc" "${KMAKE-}" "${ALLOW_UNDEFINED-}" "${ALLOW_DROPPED-}"
	$cc --version | head -n 1
	cat $frags
	git -C "$TREE" ls-files -s -- '*Kconfig*' 'arch/*/configs/*' 'kernel/configs/*' 'scripts/kconfig/*'
	git -C "$TREE" diff HEAD -- '*Kconfig*' 'arch/*/configs/*' 'kernel/configs/*' 'scripts/kconfig/*'
} | sha256sum | cut -c1-16)
kept=$OBJ/.kconfig-kept/$ckey.config
mkdir -p "$scratch" "${kept%/*}"
if [ -f "$kept" ]; then
	cp "$kept" "$scratch/.config"
else
	{
		kmake O="$scratch" tinyconfig
		# shellcheck disable=SC2086 # one word per fragment
		"$TREE/scripts/kconfig/merge_config.sh" -m -O "$scratch" "$scratch/.config" $frags
		kmake O="$scratch" olddefconfig
	} >"$log.config" 2>&1 || { tail -n 20 "$log.config" >&2; die "configuring $tree failed (log: $log.config)"; }

	# Every symbol a fragment asks for (the last fragment to name it wins)
	# must hold in the final .config; merge_config.sh -m does not check
	# that. With ALLOW_UNDEFINED=1 (building a patch that comes before the
	# one defining a symbol), symbols this tree does not define are let
	# through; with ALLOW_DROPPED=1 (IMA turned off, say), all are.
	# shellcheck disable=SC2086 # one word per fragment
	missing=$(fragments_not_taken "$scratch/.config" $frags)
	[ -z "$missing" ] ||
		die "$tree: these fragment symbols did not take:$missing (log: $log.config)"
	cp "$scratch/.config" "$kept"
fi

cmp -s "$scratch/.config" "$o/.config" || cp "$scratch/.config" "$o/.config"
# shellcheck disable=SC2086 # KTARGETS is a list of targets
run_logged "$log" kmake O="$o" olddefconfig ${KTARGETS:-$(arch_var IMAGE_TARGET)}
[ "$kernel" != - ] || exit 0

k=$KERNELS/$kernel
image=$(arch_var IMAGE)
rm -rf "$k"
mkdir -p "$k"
cp "$o/$image" "$o/vmlinux" "$o/.config" "$k/"
git -C "$TREE" rev-parse HEAD >"$k/commit"
[ "$kind" = plain ] || : >"$k/test-only"
say "kernel $kernel: $k/${image##*/} (tree $tree, $(git -C "$TREE" log -1 --format='%h %s'))"
