#!/bin/sh
# tamper.sh NAME: the verifier must notice tampering. On the list and PCRs
# of the verified boot NAME, each of these must make the host kselftest
# fail, with the reason it gives: records PCR 10 lacks in a list copied
# before the PCRs were read; one byte changed in the boot aggregate's
# digest, in a record's template data and in its name; one PCR changed (PCR
# 10 in one bank, and in all); the list truncated mid-record; a length field
# pointing past the end; an unknown template. The untouched copy must pass,
# and so must a copy with records added after the PCRs were read, one with
# PCR 10 changed in every bank when the kernel was started by kexec (the
# replay is skipped, and says why), one with PCR 0 changed when the kernel
# can hibernate (the boot aggregate is not judged, and says why), one with a
# file record named boot_aggregate appended (without a kexec, and with one),
# and a list larger than the verifier reads (every test skipped, saying so).
# VERIFIER names another build of the verifier to run (one with sanitizers,
# say).
set -eu
. "$(dirname -- "$0")/lib.sh"

boots=$BOOTS
list=$boots/$1.list
pcrs=$boots/$1.pcrs
work=$boots/$1.tamper
test=${VERIFIER:-$(kselftest_bin)}
[ -s "$list" ] && [ -d "$pcrs" ] || die "no list and PCRs of $1: verify it first"
boot_is_current "$1"
[ -x "$test" ] || die "no verifier binary $test"
# the config of the kernel NAME booted (vm/scenarios), as verify.sh passes
# it: whether that kernel could hibernate is the kselftest's to know
kernel=$(awk -v n="$1" '$1 == n { print $2 }' "$TOP/vm/scenarios")
config=$KERNELS/${kernel##*>}/.config
[ -f "$config" ] || die "no config of kernel '$kernel' ($config)"

# run_case NAME EXPECT [SAID]: run the verifier on $work; EXPECT is pass,
# or a message the failing verifier must print; a passing one must print a
# line that matches the grep pattern SAID, if given (why it skipped).
run_case() {
	out=$work/$1.log
	rc=0
	IMA_LIST=$work/list IMA_TPM=$work/pcrs IMA_CONFIG=$config \
		IMA_KEXEC_BOOT=${kexec_boot:-no} "$test" >"$out" 2>&1 || rc=$?
	! sanitizer_report "$out" || die "$1: a sanitizer reported an error in the verifier (log: $out)"
	if [ "$2" = pass ]; then
		[ "$rc" -eq 0 ] || die "$1: fails, expected to pass (log: $out)"
	else
		[ "$rc" -ne 0 ] || die "$1: the verifier did not notice (log: $out)"
		grep -q -- "$2" "$out" || die "$1: failed without saying '$2' (log: $out)"
	fi
	[ -z "${3-}" ] || grep -q -- "$3" "$out" || die "$1: passed without saying why (log: $out)"
	say "  $1: $( [ "$2" = pass ] && echo passes || echo "caught: $2")"
}
fresh() {
	rm -rf "$work/list" "$work/pcrs"
	cp "$list" "$work/list"
	cp -r "$pcrs" "$work/pcrs"
}
# flip OFFSET: change one byte of the list
flip() {
	b=$(od -An -tu1 -j "$1" -N1 "$work/list" | tr -d ' ')
	printf "$(printf '\\%03o' $(((b + 1) % 256)))" |
		dd of="$work/list" bs=1 seek="$1" conv=notrunc status=none
}
# le32 OFFSET VALUE: write a little-endian u32 into the list
le32() {
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($2 & 255)) $(($2 >> 8 & 255)) \
		$(($2 >> 16 & 255)) $(($2 >> 24 & 255)))" |
		dd of="$work/list" bs=1 seek="$1" conv=notrunc status=none
}

mkdir -p "$work"
size=$(wc -c <"$list")
# Record 0 (ima-ng or similar): pcr 4, digest 20, name length 4 at 24.
namelen=$(od -An -tu4 -j 24 -N4 "$list" | tr -d ' ')
data=$((28 + namelen + 4))	# template data, after its length
fresh; run_case untouched pass
# records the PCR does not hold yet, as when the list grows while it is
# read: the replay reaches the PCR before them
fresh; cat "$list" >>"$work/list"; run_case "records added after the PCRs were read" pass
# the same, told that the list was copied before the PCRs were read (as
# the guests copy it): then every record but the last must be in PCR 10
fresh; cat "$list" >>"$work/list"
IMA_LIST_FIRST=yes
export IMA_LIST_FIRST
run_case "records PCR 10 lacks, in a list copied before the PCRs" "short of the records IMA had added"
unset IMA_LIST_FIRST
fresh; flip $((size - 1)); run_case "last byte of the list" "does not match"
fresh; flip $((data + 12)); run_case "boot aggregate digest byte" "does not match"
# the bank the boot aggregate was computed from, as the verifier said
bank=pcr-$(sed -n 's/^# record 0, boot_aggregate[a-z_]*: \([a-z0-9]*\):.*/\1/p' "$work/untouched.log")
[ -d "$work/pcrs/$bank" ] || die "no $bank among the PCRs of $1"
# other PCR: change the first hex digit of PCR N of the bank
other_pcr() {
	v=$(cat "$work/pcrs/$bank/$1")
	case $v in 0*) n=1 ;; *) n=0 ;; esac
	printf '%s%s\n' "$n" "${v#?}" >"$work/pcrs/$bank/$1"
}
fresh; other_pcr 0; run_case "PCR 0 of the $bank bank" "aggregate to"
fresh; other_pcr 10; run_case "PCR 10 of the $bank bank" "no prefix of the list replays to PCR"
# after a resume from hibernation, PCRs 0-9 are those of the boot that
# loaded the image: a kernel that can hibernate is not judged on them
fresh; other_pcr 0
_config=$config
config=$work/config-hibernation
printf 'CONFIG_HIBERNATION=y\n' | cat "$_config" - >"$config"
run_case "PCR 0 of the $bank bank, in a kernel that can hibernate" pass \
	"^# record 0: not the PCRs of now: not judged (this kernel may have been resumed from hibernation"
config=$_config
# PCR 10 changed in every bank: extends the list lacks, which a kernel
# started by kexec may see, and one started by QEMU (as NAME was) may not
other_pcr_10_of_every_bank() {
	_bank=$bank
	for b in "$work"/pcrs/pcr-*; do
		bank=${b##*/}
		other_pcr 10
	done
	bank=$_bank
}
fresh; other_pcr_10_of_every_bank
run_case "PCR 10 of every bank" "although the list starts with a boot aggregate"
fresh; other_pcr_10_of_every_bank
kexec_boot=yes
run_case "PCR 10 of every bank, in a kernel started by kexec" pass \
	"SKIP PCR 10 holds extends that the list lacks: this kernel was started by kexec"
kexec_boot=
# A file that IMA recorded by its last component, "boot_aggregate" (its path
# could not be resolved), after the boot aggregate: record 0 with another
# file digest and its template digest to match, appended. Without a kexec,
# the kernel's boot aggregate is record 0 only, which still matches.
fresh
end=$((data + $(od -An -tu4 -j $((data - 4)) -N4 "$list" | tr -d ' ')))
head -c "$end" "$list" >"$work/list"
flip $((data + 12))
for h in $(tail -c +$((data + 1)) "$work/list" | sha1sum | cut -c1-40 | sed 's/../& /g'); do
	printf "$(printf '\\%03o' $((0x$h)))"
done | dd of="$work/list" bs=1 seek=4 conv=notrunc status=none
mv "$work/list" "$work/record"
cat "$list" "$work/record" >"$work/list"
run_case "a file recorded as boot_aggregate, after the boot aggregate" pass
# where kexec started the kernel, that record may be the next kernel's
# boot aggregate: checked, and not judged when it does not match
kexec_boot=yes
run_case "a file recorded as boot_aggregate, in a kernel started by kexec" pass \
	"^# record [0-9]*: not judged (a later record of that name may be a file's"
kexec_boot=
fresh; head -c $((size - 3)) "$list" >"$work/list"; run_case "truncated list" "runs past the end"
fresh; le32 $((data - 4)) 65536; run_case "template data length past the end" "runs past the end"
fresh; flip 28; run_case "unknown template" "unknown template"
# a list larger than the verifier reads (256 MiB): every test skips, saying so
fresh; truncate -s 257M "$work/list"
IMA_BYTE_ORDER=little
export IMA_BYTE_ORDER
run_case "a list of 257 MiB" pass
unset IMA_BYTE_ORDER
[ "$(grep -c '# SKIP the list is 256 MiB or more, larger than this test reads$' "$work/a list of 257 MiB.log")" -eq 5 ] ||
	die "a list of 257 MiB: not every test skipped for its size (log: $work/a list of 257 MiB.log)"
rm -f "$work/list"
