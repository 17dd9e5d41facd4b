#!/bin/sh
# build.sh TREE KERNEL [FRAGMENT...]: configure the kernel build tree TREE
# of $BASE for $ARCH (make O=build/$BASE/obj/TREE; obj-arm64/TREE for
# arm64, ...) with the config config.sh makes of the FRAGMENTs (names under
# configs/, without .config) and build it. One tree serves many
# configurations in turn: only what a change of configuration touches is
# compiled again.
# KERNEL names the guest kernel to keep (build/$BASE/kernels/KERNEL: the
# image, vmlinux, .config and the commit it was built from, which boot.sh
# checks), or is - to keep none. A kept kernel is built from the tip of
# branch work, or, with TEST_ONLY=1 (build-test-only.sh), test-only commits
# on top of it. KCC is the compiler (default ccache and the
# arch's gcc), KMAKE adds make arguments (LLVM=-19, say), KTARGETS replaces
# the targets (default the arch's image); ALLOW_UNDEFINED and ALLOW_DROPPED
# are config.sh's.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/build/lib.sh"

[ $# -ge 2 ] || die "usage: build.sh TREE KERNEL|- [FRAGMENT...]"
tree=$1 kernel=$2
shift 2
o=$OBJ/$tree
log=$LOGS/build-$BASE$ARCH_SUFFIX-$tree.log
if [ "$kernel" != - ]; then
	require_clean_tree "a kept kernel is built from commits only"
	# from branch work, or (build-test-only.sh) test-only commits on it
	kind=plain
	[ "${TEST_ONLY-}" != 1 ] || kind=test-only
	commit_is_current "kernel $kernel" "$(git -C "$TREE" rev-parse HEAD)" "$kind"
fi
config=$("$TOP/scripts/build/config.sh" "$tree" "$@")
mkdir -p "$o"
# The config is copied over only when it changed, so that an unchanged
# config rebuilds nothing.
cmp -s "$config" "$o/.config" || cp "$config" "$o/.config"
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
