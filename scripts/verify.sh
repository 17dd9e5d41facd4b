#!/bin/sh
# verify.sh NAME KERNEL NAMES_WANTED DIGEST_WANTED SELFTEST_WANTED: check the
# guest boot NAME (build/$BASE/boots/NAME.log) as a remote verifier would.
#   KERNEL           the kernel whose .config the host run reads; for a
#                    kexec boot K1>K2, K2: the kernel that ran the checks
#   NAMES_WANTED     the name of the running kernel's boot aggregate
#                    (boot_aggregate | boot_aggregate_late), FIRST>LAST when
#                    the list holds several (kexec), or - when none is left
#   DIGEST_WANTED    pcrs       every boot aggregate is the aggregate of the
#                               TPM's PCRs
#                    zero       no TPM was used: zero, TPM-bypass in the log
#                    sha1-zero  zero in a SHA-1-only field, with a TPM that
#                               has no SHA-1 bank: not judged, said so
#                    deleted    records were deleted: the list no longer
#                               starts with the boot aggregate
#                    no-ima, no-securityfs, not-root: why the kselftest
#                               skips (SELFTEST_WANTED skip)
#   SELFTEST_WANTED  pass | bypass (passes, but reports that IMA ran in
#                    TPM-bypass mode while a TPM is there now, and skips
#                    what needs it: the bug; the kernel log must report
#                    the late TPM, which no other boot's may) | skip
#                    (exit code 4, kselftest's skip: no list to read) |
#                    replay-kexec (passes, but skips the replay: PCR 10
#                    holds extends the list lacks, and kexec started the
#                    kernel) | replay-fails (fails the replay alone: PCR 10
#                    holds extends the list lacks, and nothing valid
#                    explains them) | no-config (passes, but skips the
#                    name check: the kernel has no /proc/config.gz, and
#                    no /boot/config-<release> is there)
# A boot whose command line has ima_window_test.firmware=FILE loaded
# firmware from a deferred probe (the test-only window driver) and says
# with ima_vm.firmware=WHAT what became of it: measured or not-measured
# (one record of it in the list, with the file's digest; or none), denied
# (appraisal refused it) or not-appraised (it loaded under an appraisal
# policy).
# A boot with ima_policy=tcb on a ramfs root must have measured the
# kselftest.
# The kselftest's verdict in the guest is checked, then the list and PCRs
# copied out of the guest are checked again on the host by the same binary
# (or the build of it that VERIFIER names: one with sanitizers, say; any
# sanitizer report fails), and by evmctl (ima-evm-utils), as a peer: its
# replay of PCR 10 and its boot aggregate must agree with the kselftest.
# With EVMCTL, the evmctl of verifiers/ima-evm-utils (make check builds it:
# verifiers-ima-evm-utils.sh) must also judge the list as Debian's does,
# name its late and later boot aggregate records as the guest's ASCII list
# has them (and not a plain first one, which it names only under -v), and,
# with --reject-boot-aggregate-late, fail a list that holds a
# boot_aggregate_late and say of any other exactly what it says without.
# A boot through UEFI firmware (a kernel with an EFI stub: kernels.sh uefi)
# is checked as measured boot is in the field: the firmware's TCG event log
# that the kernel exposes must replay, with tpm2_eventlog (tpm2-tools), to
# the TPM's PCRs 0-9 in every bank; it must hold the EFI stub's measurement
# of the initrd into PCR 9, which must not be zero; and the list's first
# record must be the boot aggregate evmctl computes from the replayed PCRs.
# Where IMA started without the TPM (DIGEST_WANTED zero), the record is
# zero while the firmware's PCRs are there: the chain from the firmware to
# IMA's list is broken, and the check says so.
# The list's byte order must be the one expected (the arch's BYTE_ORDER;
# little-endian with ima_canonical_fmt), as the kselftest reads it in the
# guest, and as it guesses it on the host from the list alone.
set -eu
. "$(dirname -- "$0")/lib.sh"

name=$1 kernel=${2##*>} want_names=$3 want_digest=$4 want_selftest=$5
# a kernel started by another with kexec (K1>K2), or by QEMU
kexec_boot=no
case $2 in *'>'*) kexec_boot=yes ;; esac
dir=$BOOTS
log=$dir/$name.log
[ -f "$log" ] || die "no serial log $log: boot $name first"
boot_is_current "$name"
section() { serial_section "$log" "$1"; }
fail() { die "$name: $* (serial log: $log)"; }

# IMA's report of a TPM that registered after IMA started without one:
# in the boots where the kselftest finds that TPM-bypass (bypass), and in
# no other.
late_tpm=$msg_late_tpm
if [ "$want_selftest" = bypass ]; then
	section dmesg | grep -q "$late_tpm" ||
		fail "the kernel log does not report the TPM that came after IMA started"
elif section dmesg | grep -q "$late_tpm"; then
	fail "the kernel log reports a TPM that came after IMA started: $(section dmesg | grep "$late_tpm")"
fi

st=$(section selftest)
exit_code=$(tr -d '\r' <"$log" | sed -n 's/^@@ selftest-exit //p')
# replay_fails LOG: whether the kselftest's output LOG fails the replay
# alone, for PCR 10's extends that nothing valid explains
replay_fails() {
	[ "$(grep -c '^not ok ' "$1")" -eq 1 ] &&
		grep -q '^not ok [0-9]* measurements\.replay_reaches_the_measurement_pcr$' "$1" &&
		grep -q 'holds extends that the list lacks, although the list starts with a boot aggregate, .*: the PCR was extended outside IMA' "$1"
}
replay_kexec='SKIP PCR 10 holds extends that the list lacks: this kernel was started by kexec'
# the exit code each verdict wants: kselftest's fail (1) and skip (4), else 0
case $want_selftest in
replay-fails) want_exit=1 ;;
skip) want_exit=4 ;;
pass | no-config | replay-kexec | bypass) want_exit=0 ;;
*) die "unknown selftest expectation '$want_selftest'" ;;
esac
[ "$exit_code" = "$want_exit" ] ||
	fail "the kselftest exited $exit_code in the guest, expected $want_exit ($want_selftest)"
case $want_selftest in
pass) ;;
no-config)
	printf '%s\n' "$st" | grep -q "SKIP the kernel's config cannot be read: neither /proc/config.gz (CONFIG_IKCONFIG_PROC) nor /boot/config-[^ ]* is there\$" ||
		fail "the kselftest did not skip the name check for want of a config, saying where it looked"
	;;
replay-kexec)
	printf '%s\n' "$st" | grep -q "$replay_kexec" ||
		fail "the kselftest did not skip the replay for the kexec that lost the list"
	;;
replay-fails)
	printf '%s\n' "$st" >"$dir/$name.guest.log"
	replay_fails "$dir/$name.guest.log" ||
		fail "the kselftest did not fail the replay alone for PCR 10's extends outside IMA"
	;;
bypass)
	printf '%s\n' "$st" | grep -q 'SKIP.*IMA did not have it when it started' ||
		fail "the kselftest did not report that IMA ran without the TPM that is there"
	;;
skip)
	reason=$(printf '%s\n' "$st" | sed -n 's/.*# SKIP //p' | head -n 1)
	case $want_digest in
	no-ima) why="this kernel has no IMA" ;;
	no-securityfs) why="securityfs is not mounted" ;;
	not-root) why="needs root" ;;
	*) die "unknown reason '$want_digest' for a skip" ;;
	esac
	case $reason in
	*"$why"*) ;;
	*) fail "the kselftest skipped for '$reason', expected '$why'" ;;
	esac
	say "  $name: kselftest skipped in the guest: $reason"
	exit 0
	;;
*) die "unknown selftest expectation '$want_selftest'" ;;
esac

# The names: the first record's, and the running kernel's boot aggregate.
first=$(printf '%s\n' "$st" | sed -n 's/^# first record: \([a-z_]*\),.*/\1/p')
last=$(printf '%s\n' "$st" | sed -n "s/^# this kernel's boot aggregate: \([a-z_]*\), record [0-9]* .*/\1/p")
aggregates=$(printf '%s\n' "$st" | grep -c '^# record [0-9]*, boot_aggregate' || true)
case $want_names in
-)
	[ "$aggregates" -eq 0 ] || fail "a boot aggregate is left in the list, expected none"
	;;
*'>'*)
	[ "$first" = "${want_names%>*}" ] || fail "first record '$first', expected '${want_names%>*}'"
	[ "$last" = "${want_names#*>}" ] || fail "this kernel's boot aggregate '$last', expected '${want_names#*>}'"
	[ "$aggregates" -eq 2 ] || fail "$aggregates boot aggregates in the list, expected 2 (one per kernel)"
	;;
*)
	[ "$first" = "$want_names" ] || fail "first record is '$first', expected '$want_names'"
	[ "$want_selftest" = no-config ] || [ "$last" = "$want_names" ] ||
		fail "this kernel's boot aggregate '$last', expected '$want_names'"
	[ "$aggregates" -eq 1 ] || fail "$aggregates boot aggregates in the list, expected 1"
	;;
esac
digests=$(printf '%s\n' "$st" | sed -n 's/^# record [0-9]*, boot_aggregate[a-z_]*: //p')
case $want_digest in
zero)
	printf '%s\n' "$digests" | grep -Eqv '^[a-z0-9]+:0+$' &&
		fail "boot aggregate $digests, expected all zeros"
	section dmesg | grep -q "$msg_tpm_bypass" ||
		fail "no TPM-bypass message in the kernel log"
	;;
pcrs)
	matched=$(printf '%s\n' "$st" | grep -c '^# record [0-9]* matches PCRs 0-[79] ' || true)
	[ "$matched" -eq "$aggregates" ] ||
		fail "$matched of the $aggregates boot aggregates match the PCRs"
	;;
sha1-zero)
	printf '%s\n' "$st" | grep -q 'the TPM has no sha1 bank: the kernel writes zeros' ||
		fail "the kselftest did not say why it cannot judge the zero SHA-1 boot aggregate"
	;;
deleted)
	printf '%s\n' "$st" | grep -q 'SKIP.*records were staged and deleted' ||
		fail "the kselftest did not see that records were deleted"
	printf '%s\n' "$st" | grep -q 'SKIP.*covers records that are gone' ||
		fail "the kselftest replayed a list whose first records are gone"
	;;
*) die "unknown digest expectation '$want_digest'" ;;
esac

# Where the kselftest read the kernel's config to judge the name: the
# /boot/config-<release> that ima_vm.bootconfig installed, or
# /proc/config.gz.
cmdline=$(boot_cmdline "$log")
config_from=$(printf '%s\n' "$st" | sed -n "s/^# this kernel's boot aggregate: [a-z_]*, record [0-9]* (.*, from \(.*\))\$/\1/p")
if [ -n "$last" ]; then
	case $config_from in
	/boot/config-*) cmdline_flag "$cmdline" ima_vm.bootconfig ;;
	/proc/config.gz) ! cmdline_flag "$cmdline" ima_vm.bootconfig ;;
	*) false ;;
	esac || fail "the kselftest read the kernel's config from '$config_from'"
fi

# How the kernel was started, as the kselftest reads it: on x86, from the
# boot protocol, which names the loader (QEMU; the EFI stub, 0x2, when
# UEFI firmware started the kernel; kexec-tools or the kernel's
# kexec_file_load); other arches have nothing that says.
started=$(printf '%s\n' "$st" | sed -n 's/^# how this kernel was started: //p')
loader=QEMU
! kernel_boots_uefi "${2%%>*}" || loader=efi
[ "$kexec_boot" = no ] || loader=kexec
case $ARCH,$loader,$started in
x86_64,kexec,"x86 boot protocol: loader type 0xd, kexec") ;;
x86_64,QEMU,"x86 boot protocol: loader type 0xb") ;;
x86_64,efi,"x86 boot protocol: loader type 0x2") ;;
x86_64,*) fail "the kselftest says this kernel was started by '$started', expected $loader" ;;
*,QEMU,"no x86 boot protocol to name the loader" | *,efi,"no x86 boot protocol to name the loader") ;;
*) fail "the kselftest says this kernel was started by '$started' on $ARCH" ;;
esac

# ima_vm.pcrextend: /init extended PCR 10 from user space before the checks.
if cmdline_flag "$cmdline" ima_vm.pcrextend; then
	section pcrextend | grep -q '^extended PCR 10 from user space: ' ||
		fail "/init did not extend PCR 10 with tpm2_pcrextend"
fi

# ima_vm.firmware: what became of the firmware the window driver loaded.
# A boot that asks the driver for a file must say what to expect of it.
fw=$(cmdline_param "$cmdline" ima_window_test.firmware)
fw_want=$(cmdline_param "$cmdline" ima_vm.firmware)
fw_said=
if [ -n "$fw" ] || [ -n "$fw_want" ]; then
	[ -n "$fw" ] && [ -f "$TOP/vm/firmware/$fw" ] ||
		fail "the window driver was asked for '$fw', which vm/firmware does not hold"
	path=/lib/firmware/$fw
	digest=sha256:$(sha256sum <"$TOP/vm/firmware/$fw" | cut -d' ' -f1)
	loaded=$(section dmesg | grep -c "TEST ONLY: firmware $fw loaded" || true)
	denied=$(section dmesg | grep -c "TEST ONLY: firmware $fw not loaded: error -13\$" || true)
	# the template's digest field of every record of the file
	records=$(section ascii | awk -v p="$path" '$NF == p { print $4 }')
	case $fw_want in
	measured)
		[ "$loaded" -eq 1 ] || fail "the window driver did not load $fw"
		[ "$records" = "$digest" ] ||
			fail "the list's records of $path: '$records', expected one, $digest"
		;;
	not-measured)
		[ "$loaded" -eq 1 ] || fail "the window driver did not load $fw"
		[ -z "$records" ] || fail "the list has a record of $path ($records), expected none"
		;;
	denied)
		[ "$denied" -eq 1 ] && [ "$loaded" -eq 0 ] ||
			fail "appraisal did not refuse $fw with error -13"
		;;
	not-appraised) [ "$loaded" -eq 1 ] || fail "$fw did not load without appraisal" ;;
	*) fail "ima_vm.firmware='$fw_want': expected measured, not-measured, denied or not-appraised" ;;
	esac
	fw_said=", firmware $fw_want"
fi

# ima_vm.busy: the verifier and the programs started meanwhile are in the
# list, which grew while the verifier read it.
grew=
if [ -n "$(section busy)" ]; then
	runs=$(section ascii | grep -c ' /busy/run[0-9]*$' || true)
	[ "$runs" -gt 1 ] || fail "$runs of the programs started while the verifier ran were measured"
	section ascii | grep -q ' /busy/ima_measurements_test$' ||
		fail "the verifier itself was not measured"
	grew=", list grown by $runs records meanwhile"
fi

# Off-target: the same verifier on the host, on what the guest handed out.
section list | base64 -d >"$dir/$name.list" || fail "the list in the serial log is not valid base64"
tpm=none
rm -rf "$dir/$name.pcrs" "$dir/$name.evmctl"
if [ -n "$(section pcrs)" ]; then
	tpm=$dir/$name.pcrs
	section pcrs | while read -r bank idx value; do
		mkdir -p "$tpm/$bank"
		printf '%s\n' "$value" >"$tpm/$bank/$idx"
	done
fi
# Measured boot: the firmware's event log, replayed, against the TPM's
# PCRs and the boot aggregate.
mb=
if kernel_boots_uefi "${2%%>*}"; then
	[ "$tpm" != none ] || fail "a UEFI boot without a TPM: nothing to replay the event log to"
	command -v tpm2_eventlog >/dev/null || die "tpm2_eventlog is not installed (make deps)"
	command -v evmctl >/dev/null || die "evmctl is not installed (make deps)"
	ev=$dir/$name.eventlog
	rm -rf "$ev" "$ev".*
	section eventlog | base64 -d >"$ev" || fail "the event log in the serial log is not valid base64"
	[ -s "$ev" ] ||
		fail "the kernel exposes no TCG event log of the firmware (binary_bios_measurements)"
	tpm2_eventlog "$ev" >"$ev.yaml" 2>"$ev.err" ||
		fail "tpm2_eventlog cannot replay the event log (log: $ev.err)"
	# the EFI stub's measurement of the initrd: an EV_EVENT_TAG in PCR 9
	# whose tag is 0x8f3b22ec (the stub's "Linux initrd"; 0x8f3b22ed is
	# its command line)
	awk '/^- EventNum:/ { pcr = type = "" } /^  PCRIndex:/ { pcr = $2 } /^  EventType:/ { type = $2 }
		/^  Event: "ec223b8f/ && pcr == 9 && type == "EV_EVENT_TAG" { f = 1 } END { exit !f }' "$ev.yaml" ||
		fail "the firmware's event log holds no measurement of the initrd into PCR 9 by the EFI stub (log: $ev.yaml)"
	# the PCRs it replays to, "BANK INDEX VALUE", from its closing "pcrs:",
	# which lists those that events extend
	awk '/^pcrs:/ { on = 1; next } on && /^  [a-z0-9]+:$/ { b = $1; sub(/:$/, "", b); next }
		on && /^    [0-9]+ *: 0x[0-9A-Fa-f]+$/ { v = tolower($NF); sub(/^0x/, "", v); print b, $1, v }
		on && /^[^ ]/ { on = 0 }' "$ev.yaml" >"$ev.pcrs"
	mkdir -p "$ev.replayed"
	banks=
	for b in "$tpm"/pcr-*; do
		alg=${b##*/pcr-}
		[ "$(tr -d '0\n' <"$b/9")" ] ||
			fail "PCR 9 ($alg) is zero: nothing measured the kernel's command line or initrd"
		for i in 0 1 2 3 4 5 6 7 8 9; do
			want=$(tr 'A-F' 'a-f' <"$b/$i")
			got=$(awk -v b="$alg" -v i="$i" '$1 == b && $2 == i { print $3 }' "$ev.pcrs")
			# a PCR no event extends (8, here) keeps its reset value
			[ -n "$got" ] || got=$(printf '%s\n' "$want" | sed 's/./0/g')
			[ "$got" = "$want" ] ||
				fail "PCR $i ($alg): the TPM holds $want, the firmware's event log replays to $got (log: $ev.yaml)"
			printf 'PCR-%02d: %s\n' "$i" "$got"
		done >"$ev.replayed/$alg"
		banks="$banks${banks:+, }$alg"
	done
	# the list's first record, as the guest's ASCII list has it (digest:
	# ALG:HEX with the ima-ng template the u scenarios use)
	ours=$(section ascii | awk 'NR == 1 { print $4 }')
	alg=${ours%%:*}
	[ -f "$ev.replayed/$alg" ] || fail "no replayed $alg bank for the boot aggregate $ours"
	evmctl ima_boot_aggregate --pcrs "$alg,$ev.replayed/$alg" >"$ev.aggregate.log" 2>&1 ||
		fail "evmctl ima_boot_aggregate failed on the replayed PCRs (log: $ev.aggregate.log)"
	replayed=$(tail -n 1 "$ev.aggregate.log")
	case $want_digest in
	pcrs)
		[ "$replayed" = "$ours" ] ||
			fail "the boot aggregate is $ours, the PCRs 0-9 the firmware's event log replays to give $replayed (log: $ev.aggregate.log)"
		mb="; the firmware's event log replays to PCRs 0-9 ($banks), PCR 9 not zero, and gives the boot aggregate"
		;;
	zero)
		mb="; chain broken: the firmware's event log replays to PCRs 0-9 ($banks), PCR 9 not zero, whose boot aggregate is $replayed, but IMA's is zero"
		;;
	*) fail "a UEFI boot expects a boot aggregate of the PCRs or zero, not '$want_digest'" ;;
	esac
fi
test=${VERIFIER:-$(kselftest_bin)}
hlog=$dir/$name.host${VERIFIER:+.$(basename "$VERIFIER")}.log
# The byte order the guest's IMA wrote the list in: the guest's own, or
# little-endian with ima_canonical_fmt. The kselftest in the guest says
# which it read; on the host it is told that order, then run once more
# untold, when it must guess the same from the list's bytes.
order=$(arch_var BYTE_ORDER)
[ -n "$order" ] || die "arches/$ARCH.mk sets no BYTE_ORDER"
! cmdline_flag "$cmdline" ima_canonical_fmt || order=little
printf '%s\n' "$st" | grep -q "^# byte order: $order-endian, as the running kernel writes it" ||
	fail "the kselftest in the guest did not read the list as $order-endian"
# host ORDER: the verifier on the host, given the byte order ORDER (or none);
# vm/init copies the list before it reads the PCRs (IMA_LIST_FIRST)
host() {
	IMA_LIST=$dir/$name.list IMA_TPM=$tpm IMA_CONFIG=$KERNELS/$kernel/.config \
		IMA_BYTE_ORDER=$1 IMA_KEXEC_BOOT=$kexec_boot IMA_LIST_FIRST=yes "$test"
}
# host_verdict LOG RC: the host run's exit code RC and output LOG must give
# the guest's verdict
host_verdict() {
	case $want_selftest in
	replay-fails)
		[ "$2" -eq 1 ] && replay_fails "$1" ||
			fail "the kselftest failed the replay in the guest, not so on the host (log: $1)"
		;;
	*)
		[ "$2" -eq 0 ] || fail "the kselftest passed in the guest but fails on the host (log: $1)"
		[ "$want_selftest" != replay-kexec ] || grep -q "$replay_kexec" "$1" ||
			fail "the kselftest on the host did not skip the replay for the kexec (log: $1)"
		;;
	esac
}
hrc=0
host "$order" >"$hlog" 2>&1 || hrc=$?
! sanitizer_report "$hlog" ||
	fail "a sanitizer reported an error in the verifier on the host (log: $hlog)"
host_verdict "$hlog" "$hrc"
if [ "$want_selftest" = bypass ] && ! grep -q 'SKIP.*IMA did not have it when it started' "$hlog"; then
	fail "the kselftest on the host missed the TPM-bypass (log: $hlog)"
fi
if [ -z "${VERIFIER-}" ]; then
	glog=$dir/$name.host.guessed.log
	grc=0
	host "" >"$glog" 2>&1 || grc=$?
	host_verdict "$glog" "$grc"
	grep -q "^# byte order: $order-endian, guessed from the first record" "$glog" ||
		fail "the kselftest on the host did not guess $order-endian (log: $glog)"
fi

# ima_policy=tcb on a ramfs root measures what runs from it: the
# kselftest itself is in the list (ima_vm.busy runs it from /busy).
if [ "$(cmdline_param "$cmdline" rootfstype)" = ramfs ] && [ -z "$(section busy)" ] &&
	cmdline_param "$cmdline" ima_policy | tr '|' '\n' | grep -qx tcb; then
	section ascii | grep -q ' /ima_measurements_test$' ||
		fail "ima_policy=tcb on a ramfs root did not measure /ima_measurements_test"
fi

# The peer: evmctl replays PCR 10 from the same list and PCRs, and
# computes the boot aggregate of the first record's bank.
peer=
if [ "$tpm" != none ] && [ -z "${VERIFIER-}" ]; then
	command -v evmctl >/dev/null || die "evmctl is not installed (make deps)"
	e=$dir/$name.evmctl
	mkdir -p "$e"
	# each bank in evmctl's form; it replays two at most: SHA-1 and
	# SHA-256, where the TPM has them
	set --
	for b in "$tpm"/pcr-*; do
		alg=${b##*/pcr-}
		for i in 0 1 2 3 4 5 6 7 8 9 10; do
			printf 'PCR-%02d: %s\n' "$i" "$(cat "$b/$i")"
		done >"$e/$alg"
		case $alg in sha1 | sha256) set -- "$@" --pcrs "$alg,$e/$alg" ;; esac
	done
	[ $# -gt 0 ] || fail "the TPM has neither a SHA-1 nor a SHA-256 bank for evmctl"
	erc=0
	evmctl ima_measurement "$@" "$dir/$name.list" >"$e/ima_measurement.log" 2>&1 || erc=$?
	case $want_digest,$want_selftest in
	deleted,* | zero,* | *,replay-*)
		[ "$erc" -ne 0 ] || fail "evmctl replays PCR 10 from a list that cannot reach it (log: $e/ima_measurement.log)"
		peer="; evmctl: no replay either"
		;;
	*)
		[ "$erc" -eq 0 ] || fail "evmctl does not replay PCR 10 where the kselftest does (log: $e/ima_measurement.log)"
		peer="; evmctl: replay matches"
		;;
	esac
	ours=$(printf '%s\n' "$digests" | head -n 1)
	alg=${ours%%:*}
	# evmctl 1.4 computes SHA-1 and SHA-256 aggregates only
	if [ "$want_digest" = pcrs ] && [ "$alg" != sha1 ] && [ "$alg" != sha256 ]; then
		peer="$peer, no $alg boot aggregate in evmctl"
	elif [ "$want_digest" = pcrs ]; then
		evmctl ima_boot_aggregate --pcrs "$alg,$e/$alg" >"$e/boot_aggregate.log" 2>&1 ||
			fail "evmctl ima_boot_aggregate failed (log: $e/boot_aggregate.log)"
		theirs=$(tail -n 1 "$e/boot_aggregate.log")
		[ "$theirs" = "$ours" ] ||
			fail "evmctl computes the boot aggregate $theirs, the list and the kselftest have $ours (log: $e/boot_aggregate.log)"
		peer="$peer, boot aggregate agrees"
	fi
	if [ -n "${EVMCTL-}" ]; then
		[ -x "$EVMCTL" ] || die "no evmctl at $EVMCTL (make verifiers-ima-evm-utils)"
		orc=0
		"$EVMCTL" ima_measurement "$@" "$dir/$name.list" >"$e/ours.log" 2>&1 || orc=$?
		[ "$orc" -eq "$erc" ] ||
			fail "our evmctl exits with $orc, Debian's with $erc (logs: $e/ours.log, $e/ima_measurement.log)"
		# the boot aggregate records it names, numbered among the records
		# alone: a late first one, and any later one
		want=$(section ascii | awk '/^[0-9]+ [0-9a-f]+ / { n++
			if ($5 == "boot_aggregate_late" || (n > 1 && $5 == "boot_aggregate")) print "Entry " n ": " $5 }')
		got=$(sed -n 's/^\(Entry [0-9]*: [a-z_]*\).*/\1/p' "$e/ours.log")
		[ "$got" = "$want" ] ||
			fail "our evmctl names '$got', the guest's list has '$want' (log: $e/ours.log)"
		said=$(printf '%s\n' "$want" | sed -n 's/^Entry [0-9]*: //p' | tr '\n' ' ')
		rrc=0
		"$EVMCTL" ima_measurement --reject-boot-aggregate-late "$@" "$dir/$name.list" \
			>"$e/ours-reject-late.log" 2>&1 || rrc=$?
		case " $said" in
		*' boot_aggregate_late '*)
			[ "$rrc" -ne 0 ] && grep -q '^IMA started late (boot_aggregate_late): rejected' "$e/ours-reject-late.log" ||
				fail "our evmctl --reject-boot-aggregate-late takes a list with a boot_aggregate_late (log: $e/ours-reject-late.log)"
			peer="$peer; ours names ${said}and refuses it with --reject-boot-aggregate-late"
			;;
		*)
			[ "$rrc" -eq "$orc" ] && cmp -s "$e/ours.log" "$e/ours-reject-late.log" ||
				fail "our evmctl --reject-boot-aggregate-late says otherwise of a list without a late start (logs: $e/ours.log, $e/ours-reject-late.log)"
			peer="$peer; ours names ${said:-no late or later boot aggregate }and --reject-boot-aggregate-late changes nothing"
			;;
		esac
	fi
fi
names=${first:-no boot aggregate}
[ -z "$last" ] || [ "$last" = "$first" ] || names="$first ... $last"
say "  $name: $names ($want_digest$grew$fw_said); kselftest $want_selftest in the guest and on the host$peer$mb"
