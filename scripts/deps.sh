#!/bin/sh
# deps.sh: install with apt-get, by package name, what the harness needs.
# Nothing is installed by hand; a package that cannot be had stops here.
set -eu
. "$(dirname -- "$0")/lib.sh"

packages="
	build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils kmod
	rsync ccache git perl
	python3 python3-ply python3-git
	python3-sphinx python3-sphinx-rtd-theme python3-yaml
	qemu-system-x86 swtpm swtpm-tools busybox-static
	sparse coccinelle ocaml-nox clang-19 lld-19 llvm-19 libclang-rt-19-dev
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-system-arm
"
missing=
for p in $packages; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	say "all $(echo $packages | wc -w) packages are installed"
	exit 0
fi
[ "$(id -u)" -eq 0 ] || die "missing packages:$missing; run 'make deps' as root"
say "installing:$missing"
run_logged "$LOGS/deps-update.log" apt-get update ||
	die "apt-get update failed: is the Debian archive reachable? (log: $LOGS/deps-update.log)"
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive run_logged "$LOGS/deps-install.log" \
	apt-get install -y --no-install-recommends $missing ||
	die "could not install:$missing (log: $LOGS/deps-install.log)"
