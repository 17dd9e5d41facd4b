#!/bin/sh
# verify.sh NAME KERNEL NAMES_WANTED DIGEST_WANTED SELFTEST_WANTED: check the
# guest boot NAME (build/$BASE/boots/NAME.log) as a remote verifier would.
#   KERNEL           the kernel whose .config the host run reads; for a
#                    kexec boot K1>K2, K2: the kernel that ran the checks
#   NAMES_WANTED     the name of the running kernel's boot aggregate
#                    (boot_aggregate | boot_aggregate_late), FIRST>LAST when
#                    the list holds several (kexec), or - when none is left
#                    (read from the guest's ASCII list)
#   DIGEST_WANTED    pcrs       every boot aggregate is the aggregate of the
#                               TPM's PCRs (evmctl's, on the host), and the
#                               kselftest says record 0 is
#                    zero       no TPM was used: zero, TPM-bypass in the log
#                    sha1-zero  zero in a SHA-1-only field, with a TPM that
#                               has no SHA-1 bank: not judged, said so
#                    deleted    records were deleted: the list no longer
#                               starts with the boot aggregate
#                    no-ima, not-initialised, not-root: why the kselftest
#                               skips (SELFTEST_WANTED skip)
#   SELFTEST_WANTED  what the kselftest in the guest must say:
#                    pass         no test fails
#                    bypass       no test fails; record 0 is zero while a
#                                 TPM is there and PCR 10 is zero, both
#                                 skipped, saying why (the bug); the kernel
#                                 log must report the late TPM, which no
#                                 other boot's may
#                    replay-skip  no test fails; the replay is skipped:
#                                 PCR 10 holds extends the list lacks (a
#                                 kexec that did not hand the list over, an
#                                 extend from outside IMA)
#                    no-config    no test fails; the name is not judged: no
#                                 /proc/config.gz nor /boot/config-<release>
#                    skip         the whole test skipped (exit code 4): no
#                                 list to read
#                    Where no test fails, the kselftest run again on the
#                    host, on the list and PCRs copied out of the guest
#                    (kselftest/run-on-copy.sh), must give each test the verdict
#                    the guest's gave it; where the policy measured the
#                    files it opens, it must see PCR 10 follow them
#                    (pcr_follows_new_records).
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
# sanitizer report fails), where the list is in the host's byte order, and
# by evmctl (ima-evm-utils), as a peer: its replay of PCR 10 and its boot
# aggregates must agree with the kselftest's verdict and the list.
# With EVMCTL, the evmctl of verifiers/ima-evm-utils (make check builds it:
# verifiers/ima-evm-utils.sh) must also judge the list as Debian's does,
# name its late and later boot aggregate records as the guest's ASCII list
# has them (and not a plain first one, which it names only under -v), and,
# with --reject-boot-aggregate-late, fail a list that holds a
# boot_aggregate_late and say of any other exactly what it says without.
# A boot through UEFI firmware (KERNEL uefi:K, boot.sh)
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
# guest.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

name=$1 first_kernel=${2%%>*} kernel=$(last_kernel "$2") want_names=$3 want_digest=$4 want_selftest=$5
dir=$BOOTS
log=$dir/$name.log
[ -f "$log" ] || die "no serial log $log: boot $name first"
boot_is_current "$name"
section() { serial_section "$log" "$1"; }
fail() { die "$name: $* (serial log: $log)"; }
cmdline=$(boot_cmdline "$log")

# result LOG TEST: the kselftest's verdict on TEST in its output LOG (pass,
# fail or skip), or nothing if it did not report TEST
result() {
	awk -v t="$2" '$0 ~ "^(not )?ok [0-9]+ " t "( |$)" {
		if ($1 == "not") print "fail"
		else if ($0 ~ / # SKIP/) print "skip"
		else print "pass"
	}' "$1"
}
# said LOG TEST PATTERN: whether the kselftest's line of TEST in LOG
# matches the grep pattern PATTERN
said() { grep -E "^(not )?ok [0-9]+ $2( |$)" "$1" | grep -q -- "$3"; }

# boot aggregate records, "NAME DIGEST": the digest as ALG:HEX (the "ima"
# template's d field, bare hex, is SHA-1; d-ngv2's type prefix dropped)
aggregates_of() {
	awk '$5 == "boot_aggregate" || $5 == "boot_aggregate_late" {
		d = $4
		sub(/^(ima|verity):/, "", d)
		if (d !~ /:/) d = "sha1:" d
		print $5, d
	}' "$1"
}

# IMA's report of a TPM that registered after IMA started without one: in
# the boots of a kernel whose TPM probe is deferred (test-only) and that
# starts IMA at late_initcall, and in no other.
late_tpm_report() {
	late_tpm=$msg_late_tpm
	case $kernel in
	*-off-deferred)
		section dmesg | grep -q "$late_tpm" ||
			fail "the kernel log does not report the TPM that came after IMA started"
		;;
	*)
		! section dmesg | grep -q "$late_tpm" ||
			fail "the kernel log reports a TPM that came after IMA started: $(section dmesg | grep "$late_tpm")"
		;;
	esac
}

# The kselftest's exit code and its verdicts in the guest, as
# SELFTEST_WANTED says; a whole skip ends the checks here.
kselftest_in_guest() {
	st=$(section selftest)
	exit_code=$(tr -d '\r' <"$log" | sed -n 's/^@@ selftest-exit //p')
	glog=$dir/$name.guest.log
	printf '%s\n' "$st" >"$glog"
	want_exit=0
	[ "$want_selftest" != skip ] || want_exit=4
	[ "$exit_code" = "$want_exit" ] ||
		fail "the kselftest exited $exit_code in the guest, expected $want_exit ($want_selftest; its output: $glog)"
	if [ "$want_selftest" = skip ]; then
		reason=$(sed -n 's/^1\.\.0 # SKIP //p' "$glog" | head -n 1)
		case $want_digest in
		no-ima | no-securityfs | not-initialised) why="no /sys/kernel/security/ima: no securityfs there, or no IMA" ;;
		not-root) why="binary_runtime_measurements: Permission denied" ;;
		*) die "unknown reason '$want_digest' for a skip" ;;
		esac
		case $reason in
		*"$why"*) ;;
		*) fail "the kselftest skipped for '$reason', expected '$why' (its output: $glog)" ;;
		esac
		say "  $name: kselftest skipped in the guest: $reason"
		exit 0
	fi
	! grep -q '^not ok ' "$glog" || fail "the kselftest fails in the guest: $(grep '^not ok ' "$glog" | head -n 3) (its output: $glog)"
	for t in list_parses template_digests; do
		[ "$(result "$glog" $t)" = pass ] || fail "the kselftest did not pass $t (its output: $glog)"
	done
	case $want_selftest in
	pass) ;;
	no-config)
		said "$glog" boot_aggregate_name "# SKIP neither /proc/config.gz nor /boot/config-[^ ]* can be read\$" ||
			fail "the kselftest did not skip the name check for want of a config, saying where it looked (its output: $glog)"
		;;
	replay-skip)
		said "$glog" pcr_replay "# SKIP PCR 10 holds extends the list lacks: a kexec that did not hand the list over, .*an extension from outside IMA" ||
			fail "the kselftest did not skip the replay, naming what can cause it (its output: $glog)"
		;;
	bypass)
		said "$glog" boot_aggregate_value '# SKIP zero while a TPM is there: IMA started without the TPM' &&
			said "$glog" pcr_replay '# SKIP PCR 10 is zero: IMA never extended it' ||
			fail "the kselftest did not report that IMA ran without the TPM that is there (its output: $glog)"
		;;
	*) die "unknown selftest expectation '$want_selftest'" ;;
	esac
}

# The names, as the guest's ASCII list has them: the first record's, and
# those of the boot aggregates (records named so, before any file may be;
# after a kexec, one for each kernel).
boot_aggregate_names() {
	section ascii >"$dir/$name.ascii"
	first=$(awk 'NR == 1 { print $5 }' "$dir/$name.ascii")
	aggregates_of "$dir/$name.ascii" >"$dir/$name.aggregates"
	aggregates=$(wc -l <"$dir/$name.aggregates")
	last=$(awk 'END { print $1 }' "$dir/$name.aggregates")
	case $want_names in
	-)
		[ "$aggregates" -eq 0 ] || fail "a boot aggregate is left in the list, expected none"
		said "$glog" boot_aggregate_name '# SKIP record 0 .* is none: records were deleted' ||
			fail "the kselftest did not see that record 0 is no boot aggregate (its output: $glog)"
		;;
	*'>'*)
		[ "$first" = "${want_names%>*}" ] || fail "first record '$first', expected '${want_names%>*}'"
		[ "$last" = "${want_names#*>}" ] || fail "this kernel's boot aggregate '$last', expected '${want_names#*>}'"
		[ "$aggregates" -eq 2 ] || fail "$aggregates boot aggregates in the list, expected 2 (one per kernel)"
		;;
	*)
		[ "$first" = "$want_names" ] || fail "first record is '$first', expected '$want_names'"
		[ "$aggregates" -eq 1 ] || fail "$aggregates boot aggregates in the list, expected 1"
		;;
	esac
	# The kselftest's verdict on the name: where it can read the config, the
	# first record's name is what the config asks for, or (after a kexec from
	# a kernel configured otherwise) skipped, saying so.
	case $want_selftest,$want_names in
	no-config,* | *,-) ;;
	*,*'>'*)
		if [ "${want_names%>*}" = "${want_names#*>}" ]; then
			[ "$(result "$glog" boot_aggregate_name)" = pass ]
		else
			said "$glog" boot_aggregate_name "# SKIP record 0 is ${want_names%>*}, a later one ${want_names#*>}: an earlier kernel wrote record 0"
		fi || fail "the kselftest's verdict on the names of a kexec list (its output: $glog)"
		;;
	*)
		[ "$(result "$glog" boot_aggregate_name)" = pass ] ||
			fail "the kselftest did not pass the first record's name (its output: $glog)"
		;;
	esac
}

# The boot aggregate's digest, as DIGEST_WANTED says.
boot_aggregate_value() {
	case $want_digest in
	zero)
		grep -Eqv ' [a-z0-9]+:0+$' "$dir/$name.aggregates" &&
			fail "boot aggregate $(cat "$dir/$name.aggregates"), expected all zeros"
		section dmesg | grep -q "$msg_tpm_bypass" ||
			fail "no TPM-bypass message in the kernel log"
		;;
	pcrs)
		[ "$(result "$glog" boot_aggregate_value)" = pass ] ||
			fail "the kselftest did not find record 0 the aggregate of the PCRs (its output: $glog)"
		;;
	sha1-zero)
		grep -Eqv ' sha1:0+$' "$dir/$name.aggregates" &&
			fail "boot aggregate $(cat "$dir/$name.aggregates"), expected a zero SHA-1 field"
		said "$glog" boot_aggregate_value "# SKIP zero while a TPM is there: .*the \"ima\" template's SHA-1 field on a TPM without a SHA-1 bank" ||
			fail "the kselftest did not say why it cannot judge the zero SHA-1 boot aggregate (its output: $glog)"
		;;
	deleted)
		said "$glog" pcr_replay '# SKIP PCR 10 holds extends the list lacks: .*records deleted from the list' ||
			fail "the kselftest replayed a list whose first records are gone (its output: $glog)"
		;;
	*) die "unknown digest expectation '$want_digest'" ;;
	esac
}

# Where the kselftest read the kernel's config: the /boot/config-<release>
# that ima_vm.bootconfig installed, or /proc/config.gz; and the byte order
# it read the list in.
config_and_byte_order() {
	setup=$(sed -n 's/^# list \(.*\)/\1/p' "$glog")
	config_from=$(printf '%s\n' "$setup" | sed -n 's/^[a-z]*-endian; config: \(.*\); PCR [0-9]*; .*/\1/p')
	case $want_selftest,$config_from in
	no-config,"neither /proc/config.gz nor /boot/config-"*" can be read") ;;
	no-config,*) false ;;
	*,/boot/config-*) cmdline_flag "$cmdline" ima_vm.bootconfig ;;
	*,/proc/config.gz) ! cmdline_flag "$cmdline" ima_vm.bootconfig ;;
	*) false ;;
	esac || fail "the kselftest read the kernel's config from '$config_from' (its output: $glog)"
	order=$(arch_var BYTE_ORDER)
	[ -n "$order" ] || die "arches/$ARCH.mk sets no BYTE_ORDER"
	! cmdline_flag "$cmdline" ima_canonical_fmt || order=little
	case $setup in
	"$order-endian; "*) ;;
	*) fail "the kselftest in the guest did not read the list as $order-endian (its output: $glog)" ;;
	esac
}

# ima_vm.pcrextend: /init extended PCR 10 from user space before the checks.
pcrextend() {
	if cmdline_flag "$cmdline" ima_vm.pcrextend; then
		section pcrextend | grep -q '^extended PCR 10 from user space: ' ||
			fail "/init did not extend PCR 10 with tpm2_pcrextend"
	fi
}

# ima_vm.firmware: what became of the firmware the window driver loaded.
# A boot that asks the driver for a file must say what to expect of it.
window_firmware() {
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
}

# ima_vm.busy: the verifier and the programs started meanwhile are in the
# list, which grew while the verifier read it.
busy_list() {
	grew=
	if [ -n "$(section busy)" ]; then
		runs=$(section ascii | grep -c ' /busy/run[0-9]*$' || true)
		[ "$runs" -gt 1 ] || fail "$runs of the programs started while the verifier ran were measured"
		section ascii | grep -q ' /busy/ima_measurements_test$' ||
			fail "the verifier itself was not measured"
		grew=", list grown by $runs records meanwhile"
	fi
}

# What the guest handed out, copied for the checks on the host: the list
# (binary) and the PCRs (build/$BASE/boots/NAME.pcrs/BANK/INDEX).
copy_out() {
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
}

# Measured boot: the firmware's event log, replayed, against the TPM's
# PCRs and the boot aggregate.
measured_boot() {
	mb=
	if boots_uefi "$first_kernel"; then
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
}

# The kselftest again, on the host, on the copies: each test's verdict as
# in the guest (but pcr_follows_new_records, which needs a live IMA). A
# list in another byte order than the host's is left to the guest.
kselftest_on_host() {
	hlog=$dir/$name.host${VERIFIER:+.$(basename "$VERIFIER")}.log
	host_order=little
	[ "$(printf '\001\000' | od -An -tu2 | tr -d ' ')" = 1 ] || host_order=big
	hosted=
	if [ "$order" = "$host_order" ]; then
		# the kernel's config, where the guest had it to read
		case $config_from in
		/proc/config.gz) hconfig=proc:$KERNELS/$kernel/.config ;;
		/boot/config-*) hconfig=boot:$KERNELS/$kernel/.config ;;
		*) hconfig=none ;;
		esac
		hrc=0
		"$TOP/scripts/kselftest/run-on-copy.sh" "$dir/$name.list" "$tpm" "$hconfig" "$cmdline" \
			>"$hlog" 2>&1 || hrc=$?
		! sanitizer_report "$hlog" ||
			fail "a sanitizer reported an error in the kselftest on the host (log: $hlog)"
		[ "$hrc" -eq 0 ] || fail "the kselftest passed in the guest but exits $hrc on the host (log: $hlog)"
		for t in list_parses template_digests boot_aggregate_name boot_aggregate_value pcr_replay; do
			[ "$(result "$hlog" $t)" = "$(result "$glog" $t)" ] ||
				fail "$t: $(result "$glog" $t) in the guest, $(result "$hlog" $t) on the host (logs: $glog, $hlog)"
		done
		hosted=" and on the host"
	fi
}

# Where the policy measured the files the kselftest opened, PCR 10
# followed: it extended them
pcr10_followed() {
	if [ "$(result "$glog" pcr_follows_new_records)" = pass ]; then
		grew="$grew, PCR 10 followed the records it caused"
	fi
}

# ima_policy=tcb on a ramfs root measures what runs from it: the
# kselftest itself is in the list (ima_vm.busy runs it from /busy).
tcb_measured_kselftest() {
	if [ "$(cmdline_param "$cmdline" rootfstype)" = ramfs ] && [ -z "$(section busy)" ] &&
		cmdline_param "$cmdline" ima_policy | tr '|' '\n' | grep -qx tcb; then
		section ascii | grep -q ' /ima_measurements_test$' ||
			fail "ima_policy=tcb on a ramfs root did not measure /ima_measurements_test"
	fi
}

# The peer: evmctl replays PCR 10 from the same list and PCRs, and
# computes the boot aggregate of the first record's bank.
evmctl_peer() {
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
			evmctl_pcrs "$b" >"$e/$alg"
			case $alg in sha1 | sha256) set -- "$@" --pcrs "$alg,$e/$alg" ;; esac
		done
		[ $# -gt 0 ] || fail "the TPM has neither a SHA-1 nor a SHA-256 bank for evmctl"
		erc=0
		evmctl ima_measurement "$@" "$dir/$name.list" >"$e/ima_measurement.log" 2>&1 || erc=$?
		# evmctl reads the "ima" template's digest field as 20 bytes, and so
		# misreads a list of MD5 file digests (16): it fails there, and has
		# nothing to say of it
		if [ "$(cmdline_param "$cmdline" ima_template)" = ima ] &&
			cmdline_param "$cmdline" ima_hash | grep -q '^md5'; then
			[ "$erc" -ne 0 ] && grep -qi 'file pathname is too long' "$e/ima_measurement.log" ||
				fail "evmctl reads the \"ima\" template's MD5 digests now: check this list with it (log: $e/ima_measurement.log)"
			say "  $name: $first ($want_digest$grew$fw_said); kselftest $want_selftest in the guest$hosted; evmctl cannot read the \"ima\" template's MD5 digests (it takes 20 bytes)"
			exit 0
		fi
		case $want_digest,$want_selftest in
		deleted,* | zero,* | *,replay-skip)
			[ "$erc" -ne 0 ] || fail "evmctl replays PCR 10 from a list that cannot reach it (log: $e/ima_measurement.log)"
			peer="; evmctl: no replay either"
			;;
		*)
			[ "$erc" -eq 0 ] || fail "evmctl does not replay PCR 10 where the kselftest does (log: $e/ima_measurement.log)"
			peer="; evmctl: replay matches"
			;;
		esac
		ours=$(awk 'NR == 1 { print $2 }' "$dir/$name.aggregates")
		alg=${ours%%:*}
		# evmctl 1.4 computes SHA-1 and SHA-256 aggregates only
		if [ "$want_digest" = pcrs ] && [ "$alg" != sha1 ] && [ "$alg" != sha256 ]; then
			peer="$peer, no $alg boot aggregate in evmctl"
		elif [ "$want_digest" = pcrs ]; then
			evmctl ima_boot_aggregate --pcrs "$alg,$e/$alg" >"$e/boot_aggregate.log" 2>&1 ||
				fail "evmctl ima_boot_aggregate failed (log: $e/boot_aggregate.log)"
			theirs=$(tail -n 1 "$e/boot_aggregate.log")
			[ "$theirs" = "$ours" ] ||
				fail "evmctl computes the boot aggregate $theirs, the list has $ours (log: $e/boot_aggregate.log)"
			# every boot aggregate of the list: after a kexec, each kernel's
			# (kexec does not extend PCRs 0-9)
			grep -qv " $theirs\$" "$dir/$name.aggregates" &&
				fail "not every boot aggregate of the list is $theirs: $(tr '\n' ' ' <"$dir/$name.aggregates")"
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
}

summary() {
	names=${first:-no boot aggregate}
	[ -z "$last" ] || [ "$last" = "$first" ] || names="$first ... $last"
	say "  $name: $names ($want_digest$grew$fw_said); kselftest $want_selftest in the guest$hosted$peer$mb"
}

# The checks, in order: each reads what the serial log holds, or what the
# one before it copied out of it.
late_tpm_report
kselftest_in_guest
boot_aggregate_names
boot_aggregate_value
config_and_byte_order
pcrextend
window_firmware
busy_list
copy_out
measured_boot
kselftest_on_host
pcr10_followed
tcb_measured_kselftest
evmctl_peer
summary
