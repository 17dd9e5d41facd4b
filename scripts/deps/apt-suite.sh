#!/bin/sh
# apt-suite.sh [--source] SUITE [DEB_ARCH]: make apt package lists of the
# Debian suite SUITE (for example trixie-backports) for the architecture
# DEB_ARCH (default: the machine's) under build/apt/SUITE[-DEB_ARCH], apart
# from the machine's own, and an apt.conf there that points apt at them: run
# apt-get download with APT_CONFIG set to it. With --source, the lists of
# its source packages instead, under build/apt/SUITE-source, for apt-get
# source. Nothing on the machine is installed or upgraded from these lists,
# and no architecture is added to dpkg.
set -eu
. "$(dirname -- "$0")/../lib.sh"

kind=deb
[ "${1-}" != --source ] || { kind=deb-src; shift; }
suite=$1
arch=${2-}
[ "$kind" = deb ] || arch=source
dir=$BUILD/apt/$suite${arch:+-$arch}
mkdir -p "$dir/lists/partial"
printf '%s [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian %s main\n' \
	"$kind" "$suite" >"$dir/sources.list"
{
	printf 'Dir::Etc::SourceList "%s";\n' "$dir/sources.list"
	printf 'Dir::Etc::SourceParts "/dev/null";\n'
	printf 'Dir::State::Lists "%s";\n' "$dir/lists"
	[ -z "$arch" ] || [ "$arch" = source ] || printf 'APT::Architecture "%s";\nAPT::Architectures { "%s"; };\n' "$arch" "$arch"
} >"$dir/apt.conf"
APT_CONFIG=$dir/apt.conf run_logged "$LOGS/apt-$suite${arch:+-$arch}.log" apt-get update ||
	die "apt-get update of $suite${arch:+ ($arch)} failed: is the Debian archive reachable? (log: $LOGS/apt-$suite${arch:+-$arch}.log)"
