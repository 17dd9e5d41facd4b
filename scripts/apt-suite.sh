#!/bin/sh
# apt-suite.sh SUITE: make apt package lists of the Debian suite SUITE (for
# example trixie-backports) under build/apt/SUITE, apart from the machine's
# own. base.sh downloads a base package through them with 'apt-get
# download'; nothing on the machine is installed or upgraded from them.
set -eu
. "$(dirname -- "$0")/lib.sh"

suite=$1
dir=$BUILD/apt/$suite
mkdir -p "$dir/lists/partial"
printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian %s main\n' \
	"$suite" >"$dir/sources.list"
run_logged "$LOGS/apt-$suite.log" apt-get \
	-o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null \
	-o "Dir::State::Lists=$dir/lists" update ||
	die "apt-get update of $suite failed (log: $LOGS/apt-$suite.log)"
