#!/bin/sh
# build.sh NAME [FRAGMENT...]: configure the kernel tree of $BASE with
# tinyconfig plus configs/x86_64-vm.config plus each FRAGMENT (names under
# configs/, without .config), and build it with O=build/$BASE/out/NAME.
# Prints the path of the image.
set -eu
. "$(dirname -- "$0")/lib.sh"

name=$1
shift
o=$OUT/$name
log=$LOGS/build-$BASE-$name.log
set -- x86_64-vm "$@"
frags=
for f in "$@"; do
	[ -f "$TOP/configs/$f.config" ] || die "no config fragment configs/$f.config"
	frags="$frags $TOP/configs/$f.config"
done
[ -d "$TREE" ] || die "no kernel tree at $TREE: run 'make base' first"
mkdir -p "$o"

kmake() {
	make -C "$TREE" O="$o" ARCH=x86_64 CC="ccache gcc" \
		-j"$(nproc)" "$@"
}

{
	kmake tinyconfig
	# shellcheck disable=SC2086 # one word per fragment
	"$TREE/scripts/kconfig/merge_config.sh" -m -O "$o" "$o/.config" $frags
	kmake olddefconfig
} >"$log.config" 2>&1 || { tail -n 20 "$log.config" >&2; die "configuring $name failed (log: $log.config)"; }

# Every symbol a fragment asks for must hold in the final .config.
missing=$(sed -n 's/^Value requested for \(CONFIG_[A-Z0-9_]*\) not in final .config$/\1/p' "$log.config")
[ -z "$missing" ] ||
	die "$name: these fragment symbols did not take: $(echo $missing) (log: $log.config)"

run_logged "$log" kmake bzImage
say "built $o/arch/x86/boot/bzImage"
