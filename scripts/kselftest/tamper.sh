#!/bin/sh
# tamper.sh NAME: the kselftest must fail what the kernel would have done
# wrong, and only that. On copies of the list and PCRs of the verified boot
# NAME (run on this host by kselftest/run-on-copy.sh), each of these must fail the
# test named, with the reason it gives: one byte changed in the last record,
# in the boot aggregate's digest (its template digest no longer matches);
# /proc/config.gz asking for the other name than record 0 has, which no
# record has; the list cut short mid-record; a template data length past
# the end. And each of these must pass, skipping what it cannot judge and
# saying why: the untouched copy; records added after the PCRs were read;
# PCR 0 changed (PCRs 0-9 extended since IMA started); PCR 10 changed in
# one bank and in every bank (an extend from outside IMA, or a kexec that
# did not hand the list over); PCR 0 and PCR 10 changed (a resume from
# hibernation reset the TPM); /boot/config-<release> asking for the other
# name (it may be another build's); a file recorded as boot_aggregate
# appended; a template the test does not know. VERIFIER names another
# build of the kselftest to run (one with sanitizers, say).
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

boots=$BOOTS
list=$boots/$1.list
pcrs=$boots/$1.pcrs
work=$boots/$1.tamper
[ -s "$list" ] && [ -d "$pcrs" ] || die "no list and PCRs of $1: verify it first"
boot_is_current "$1"
# the config of the kernel NAME booted (vm/scenarios), and its command line
row=$(scenario_row "$1")
kernel=$(last_kernel "$(printf '%s\n' "$row" | awk '{ print $2 }')")
config=$KERNELS/$kernel/.config
[ -f "$config" ] || die "no config of kernel '$kernel' ($config)"
cmdline=$(boot_cmdline "$boots/$1.log")

# run_case NAME EXPECT [SAID]: run the kselftest on $work; EXPECT is pass,
# or the test that must fail (the grep pattern SAID: with the reason it
# must give); a passing run must say SAID, if given (why it skipped).
run_case() {
	out=$work/$1.log
	rc=0
	"$TOP/scripts/kselftest/run-on-copy.sh" "$work/list" "$work/pcrs" "$_config" "$cmdline" \
		>"$out" 2>&1 || rc=$?
	! sanitizer_report "$out" || die "$1: a sanitizer reported an error in the kselftest (log: $out)"
	if [ "$2" = pass ]; then
		[ "$rc" -eq 0 ] && ! grep -q '^not ok ' "$out" || die "$1: fails, expected to pass (log: $out)"
		[ -z "${3-}" ] || grep -q -- "$3" "$out" || die "$1: passed without saying '$3' (log: $out)"
		say "  $1: passes${3:+, saying why it skips}"
	else
		[ "$rc" -ne 0 ] || die "$1: the kselftest did not notice (log: $out)"
		grep -q "^not ok [0-9]* $2 #  *$3" "$out" ||
			die "$1: did not fail $2 saying '$3' (log: $out)"
		[ "$(grep -c '^not ok ' "$out")" -eq 1 ] ||
			die "$1: failed more than $2 (log: $out)"
		say "  $1: caught by $2"
	fi
}
fresh() {
	rm -rf "$work/list" "$work/pcrs"
	cp "$list" "$work/list"
	cp -r "$pcrs" "$work/pcrs"
	_config=proc:$config
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
# other_pcr BANK N: change the first hex digit of PCR N of BANK
other_pcr() {
	v=$(cat "$work/pcrs/$1/$2")
	case $v in 0*) n=1 ;; *) n=0 ;; esac
	printf '%s%s\n' "$n" "${v#?}" >"$work/pcrs/$1/$2"
}

mkdir -p "$work"
size=$(wc -c <"$list")
# Record 0 (ima-ng or similar): pcr 4, digest 20, name length 4 at 24.
namelen=$(od -An -tu4 -j 24 -N4 "$list" | tr -d ' ')
data=$((28 + namelen + 4))	# template data, after its length
# the bank record 0's digest names ("sha256:" in its d-ng field)
bank=pcr-$(dd if="$list" bs=1 skip=$((data + 4)) count=16 status=none | tr -d '\0' | cut -d: -f1)
[ -d "$pcrs/$bank" ] || die "no $bank among the PCRs of $1"

fresh; run_case untouched pass
# records the PCR does not hold yet, as when the list grows while it is
# read: the replay reaches the PCR before them
fresh; cat "$list" >>"$work/list"; run_case "records added after the PCRs were read" pass
fresh; flip $((size - 1)); run_case "last byte of the list" template_digests "1 of"
fresh; flip $((data + 12)); run_case "boot aggregate digest byte" template_digests "1 of"
fresh; other_pcr "$bank" 0
run_case "PCR 0 of the $bank bank" pass \
	"^ok 4 boot_aggregate_value # SKIP not the aggregate of the PCRs now: PCRs 0-9 were extended since IMA started"
fresh; other_pcr "$bank" 10
run_case "PCR 10 of the $bank bank" pass "^ok 5 pcr_replay # SKIP PCR 10 holds extends the list lacks"
fresh
for b in "$work"/pcrs/pcr-*; do other_pcr "${b##*/}" 10; done
run_case "PCR 10 of every bank" pass "^ok 5 pcr_replay # SKIP PCR 10 holds extends the list lacks: .*a resume from hibernation.*an extension from outside IMA"
# after a resume from hibernation the TPM was reset, and PCRs 0-9 are those
# of the boot that loaded the image: not judged where PCR 10 does not
# replay the list either
fresh; other_pcr "$bank" 0; other_pcr "$bank" 10
run_case "PCR 0 and PCR 10 of the $bank bank" pass \
	"^ok 4 boot_aggregate_value # SKIP not the aggregate of the PCRs now: .*the TPM was reset (a resume from hibernation)"
# the config asks for the other name: no record has it
fresh
other=$work/config-other-name
if grep -q '^CONFIG_IMA_INIT_LATE_SYNC=y$' "$config"; then
	grep -v '^CONFIG_IMA_INIT_LATE_SYNC=' "$config" >"$other"
else
	{ cat "$config"; echo CONFIG_IMA_INIT_LATE_SYNC=y; } >"$other"
fi
_config=proc:$other
run_case "config.gz in proc asking for the other name" boot_aggregate_name "record 0 is boot_aggregate[a-z_]*, /proc/config.gz wants boot_aggregate[a-z_]*; no record is"
# the same config as /boot/config-<release>, which may be another build's
_config=boot:$other
run_case "config-RELEASE in boot asking for the other name" pass \
	"^ok 3 boot_aggregate_name # SKIP record 0 is boot_aggregate[a-z_]*, /boot/config-[^ ]* wants boot_aggregate[a-z_]*: that file may not be this kernel's config"
# A file that IMA recorded by its last component, "boot_aggregate" (its path
# could not be resolved), after the boot aggregate: record 0 with another
# file digest and its template digest to match, appended. Only record 0 is
# judged, and still matches.
fresh
end=$((data + $(od -An -tu4 -j $((data - 4)) -N4 "$list" | tr -d ' ')))
head -c "$end" "$list" >"$work/list"
flip $((data + 40))
for h in $(tail -c +$((data + 1)) "$work/list" | sha1sum | cut -c1-40 | sed 's/../& /g'); do
	printf "$(printf '\\%03o' $((0x$h)))"
done | dd of="$work/list" bs=1 seek=4 conv=notrunc status=none
mv "$work/list" "$work/record"
cat "$list" "$work/record" >"$work/list"
run_case "a file recorded as boot_aggregate, after the boot aggregate" pass
fresh; head -c $((size - 3)) "$list" >"$work/list"; run_case "truncated list" list_parses "record [0-9]*, offset [0-9]*: "
fresh; le32 $((data - 4)) 65536; run_case "template data length past the end" list_parses "record 0, offset 0: field [0-9]*: [0-9]* bytes, [0-9]* left"
# a template this kernel does not know (one letter of record 0's name
# changed): its fields are read past; record 0 is not judged
fresh; flip 28
run_case "a template the test does not know" pass "^ok 3 boot_aggregate_name # SKIP record 0 .* is none"
rm -f "$work/list" "$work/record"
