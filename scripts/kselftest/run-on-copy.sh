#!/bin/sh
# kselftest/run-on-copy.sh LIST PCRS CONFIG CMDLINE: run the ima kselftest on a
# measurement list and PCRs copied out of a guest, on this host. The
# kselftest reads only what a running kernel shows, so it is shown the
# copies there, in a private mount namespace (unshare -m; nothing outside
# it changes): LIST as securityfs's binary_runtime_measurements, PCRS (a
# directory of pcr-<alg>/<N> files, or none) as /sys/class/tpm/tpm0,
# CONFIG where the guest had its kernel's .config (proc:FILE as
# /proc/config.gz, which needs one on this host to stand in for; boot:FILE
# as /boot/config-<release>; none: neither), and the guest's command line
# CMDLINE as /proc/cmdline.
# It runs $VERIFIER (another build of it: with sanitizers, say), or the one
# initramfs.sh built for this host, in an empty directory, and exits as it
# does. The list must be in this host's byte order, or little-endian with
# ima_canonical_fmt on CMDLINE.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

[ $# -eq 4 ] || die "usage: kselftest/run-on-copy.sh LIST PCRS|none CONFIG|none CMDLINE"
list=$1 pcrs=$2 config=$3 cmdline=$4
test=${VERIFIER:-$(kselftest_bin)}
[ -x "$test" ] || die "no kselftest binary $test: run 'make initramfs BASE=$BASE'"
[ -f "$list" ] || die "no list $list"
[ "$pcrs" = none ] || [ -d "$pcrs" ] || die "no PCRs in $pcrs"
case $config in
none) ;;
proc:* | boot:*) [ -f "${config#*:}" ] || die "no config ${config#*:}" ;;
*) die "CONFIG is proc:FILE, boot:FILE or none, not '$config'" ;;
esac
if [ "${config%%:*}" = proc ] && [ ! -e /proc/config.gz ]; then
	die "this host has no /proc/config.gz for the guest's to stand in for (CONFIG $config)"
fi
command -v unshare >/dev/null || die "unshare (util-linux) is missing"
case $list in /*) ;; *) list=$PWD/$list ;; esac
case $pcrs in /* | none) ;; *) pcrs=$PWD/$pcrs ;; esac
case ${config#*:} in /* | none) ;; *) config=${config%%:*}:$PWD/${config#*:} ;; esac
case $test in /*) ;; *) test=$PWD/$test ;; esac
scratch=$(mktemp -d)
on_exit 'rm -rf "$scratch"'
printf '%s\n' "$cmdline" >"$scratch/cmdline"
: >"$scratch/empty"
case $config in proc:*) gzip -c "${config#*:}" >"$scratch/config.gz" ;; esac
mkdir "$scratch/cwd"
# shellcheck disable=SC2016 # expanded by the shell in the namespace
unshare -m sh -c '
	set -e
	mount --make-rprivate /
	mount -t tmpfs ima-copy /sys/kernel/security
	mkdir /sys/kernel/security/ima
	cp "$1" /sys/kernel/security/ima/binary_runtime_measurements
	mount -t tmpfs ima-copy /sys/class
	if [ "$2" != none ]; then
		mkdir -p /sys/class/tpm/tpm0
		cp -r "$2"/pcr-* /sys/class/tpm/tpm0/
	fi
	mount -t tmpfs ima-copy /boot
	case $3 in boot:*) cp "${3#boot:}" "/boot/config-$(uname -r)" ;; esac
	case $3 in
	proc:*) mount --bind "$5/config.gz" /proc/config.gz ;;
	*) [ ! -e /proc/config.gz ] || mount --bind "$5/empty" /proc/config.gz ;;
	esac
	mount --bind "$5/cmdline" /proc/cmdline
	cd "$5/cwd"
	exec "$4"
' ima-copy "$list" "$pcrs" "$config" "$test" "$scratch"
