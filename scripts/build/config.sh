#!/bin/sh
# config.sh TREE [FRAGMENT...]: the kernel config of $BASE for $ARCH that
# build.sh builds in the build tree TREE: tinyconfig plus the arch's VM
# fragment (configs/x86_64-vm.config, say), the base's if it has one
# (VM_CONFIG in bases/$BASE.mk), plus each FRAGMENT (names under configs/,
# without .config), for the kernel tree as checked out. Prints the path of
# the config, which is made once for each set of the fragments, the Kconfig
# files (and tinyconfig's), the arch and the compiler, and kept
# (build/$BASE/obj/.kconfig-kept/). tinyconfig, two thirds of the time it
# takes, does not read the fragments: its result is kept too, and made
# once for the configs of one set of Kconfig files (option off and on, the
# guests'). KCC, KMAKE, ALLOW_UNDEFINED and ALLOW_DROPPED as for build.sh.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/build/lib.sh"

[ $# -ge 1 ] || die "usage: config.sh TREE [FRAGMENT...]"
tree=$1
shift
log=$LOGS/build-$BASE$ARCH_SUFFIX-$tree.log.config
# shellcheck disable=SC2046 # none or one fragment
set -- "$(arch_var VM_CONFIG)" $(base_var VM_CONFIG) "$@"
frags=
for f in "$@"; do
	[ -f "$TOP/configs/$f.config" ] || die "no config fragment configs/$f.config"
	frags="$frags $TOP/configs/$f.config"
done
[ -d "$TREE" ] || die "no kernel tree at $TREE: run 'make base' first"

scratch=$OBJ/.kconfig
cc=$(printf '%s\n' "${KCC:-$(arch_var CROSS_COMPILE)gcc}" | sed 's/^ccache //')
# what tinyconfig reads: the arch, the compiler, the Kconfig files
tkey=$({
	printf '%s\n' "$ARCH" "$cc" "${KMAKE-}"
	$cc --version | head -n 1
	git -C "$TREE" ls-files -s -- '*Kconfig*' 'arch/*/configs/*' 'kernel/configs/*' 'scripts/kconfig/*'
	git -C "$TREE" diff HEAD -- '*Kconfig*' 'arch/*/configs/*' 'kernel/configs/*' 'scripts/kconfig/*'
} | sha256sum | cut -c1-16)
# and the config: that and the fragments
# shellcheck disable=SC2086 # one word per fragment
ckey=$({
	printf '%s\n' "$tkey" "${ALLOW_UNDEFINED-}" "${ALLOW_DROPPED-}"
	cat $frags
} | sha256sum | cut -c1-16)
kept=$OBJ/.kconfig-kept/$ckey.config
tiny=$OBJ/.kconfig-kept/tinyconfig-$tkey.config
if [ ! -f "$kept" ]; then
	mkdir -p "$scratch" "${kept%/*}"
	# (set -e does not stop a group whose status || tests: each && does)
	# shellcheck disable=SC2086 # one word per fragment
	{
		if [ -f "$tiny" ]; then
			cp "$tiny" "$scratch/.config"
		else
			kmake O="$scratch" tinyconfig &&
				cp "$scratch/.config" "$tiny.tmp" && mv "$tiny.tmp" "$tiny"
		fi &&
			"$TREE/scripts/kconfig/merge_config.sh" -m -O "$scratch" "$scratch/.config" $frags &&
			kmake O="$scratch" olddefconfig
	} >"$log" 2>&1 || { tail -n 20 "$log" >&2; die "configuring $tree failed (log: $log)"; }

	# Every symbol a fragment asks for (the last fragment to name it wins)
	# must hold in the final .config; merge_config.sh -m does not check
	# that. With ALLOW_UNDEFINED=1 (building a patch that comes before the
	# one defining a symbol), symbols this tree does not define are let
	# through; with ALLOW_DROPPED=1 (IMA turned off, say), all are.
	# shellcheck disable=SC2086 # one word per fragment
	missing=$(fragments_not_taken "$scratch/.config" $frags)
	[ -z "$missing" ] ||
		die "$tree: these fragment symbols did not take:$missing (log: $log)"
	cp "$scratch/.config" "$kept.tmp"
	mv "$kept.tmp" "$kept"
fi
echo "$kept"
