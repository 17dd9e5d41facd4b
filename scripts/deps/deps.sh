#!/bin/sh
# deps.sh [--list] GROUP...: install with apt-get, by package name, what the
# harness needs for GROUP (each target asks for its own; default: all):
#   guest   build a kernel, an initramfs, boot it with swtpm (kexec for the
#           kexec boots, tpm2-tools to extend PCR 10 from user space and to
#           replay the firmware's event log, OVMF for the UEFI boots, xxd
#           to tamper with their event logs), check its list with evmctl
#           too (make demo)
#   check   what make check adds: sparse, Sphinx, quilt (the distro form),
#           clang-19 for the verifier's fuzzer; what builds and tests
#           ima-evm-utils (autotools, libkeyutils, IBM's TSS)
#   full    what make check-full adds on x86_64: clang-19 and lld-19 to
#           build the kernel (LLVM=-19), coccinelle for coccicheck
#   arm64   the arm64 cross compiler, QEMU and AAVMF (UEFI)
#   s390x   the s390x cross compiler and QEMU (qemu-system-misc)
#   keylime what Keylime's code needs to run here, from Debian (Keylime
#           itself is no Debian package: make verifiers-keylime)
# With --list, print the packages and install nothing. Nothing is installed
# by hand; a package that cannot be had stops here.
set -eu
. "$(dirname -- "$0")/../lib.sh"

list=0
[ "${1-}" != --list ] || { list=1; shift; }
[ $# -gt 0 ] || set -- guest check full arm64 s390x
packages=
for g in "$@"; do
	case $g in
	guest) p="build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils
		kmod rsync ccache git perl python3 qemu-system-x86 swtpm swtpm-tools
		busybox-static ima-evm-utils kexec-tools tpm2-tools ovmf xxd time" ;;
	check) p="python3-ply python3-git sparse
		python3-sphinx python3-sphinx-rtd-theme python3-yaml
		clang-19 libclang-rt-19-dev quilt dpkg-dev autoconf automake
		libtool pkg-config libkeyutils-dev tss2" ;;
	full) p="clang-19 lld-19 llvm-19 coccinelle ocaml-nox" ;;
	arm64) p="gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-system-arm
		qemu-efi-aarch64" ;;
	s390x) p="gcc-s390x-linux-gnu libc6-dev-s390x-cross qemu-system-misc" ;;
	keylime) p="python3-jsonschema python3-lark python3-psutil python3-gpg
		python3-sqlalchemy python3-pyasn1 python3-pyasn1-modules
		python3-tornado python3-pytest python3-cryptography python3-yaml
		python3-requests python3-zmq python3-alembic python3-packaging
		python3-jinja2 python3-dbus python3-typing-extensions
		python3-libarchive-c python3-rpm python3-pytest-asyncio openssl
		black isort pylint tpm2-tools git ima-evm-utils rpm createrepo-c
		libefivar1 gnupg" ;;
	*) die "unknown group '$g' (guest, check, full, arm64, s390x, keylime)" ;;
	esac
	packages="$packages $p"
done
# shellcheck disable=SC2086 # one word per package
packages=$(printf '%s\n' $packages | LC_ALL=C sort -u | tr '\n' ' ')
if [ "$list" -eq 1 ]; then
	say "$packages"
	exit 0
fi
missing=
for p in $packages; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	say "all $(echo $packages | wc -w) packages for $* are installed"
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
