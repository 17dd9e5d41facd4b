# Helpers of the guests (scripts/vm/ and the steps that read their boots):
# the initramfs, where a boot came from, what its serial log says. Source
# it after scripts/lib.sh.
# shellcheck shell=sh

# evmctl_pcrs BANK: PCRs 0-10 of a bank as verify.sh copies them out of a
# guest (BANK/0 ... BANK/10, the value in hex), in the form evmctl's --pcrs
# reads ("PCR-00: HEX"), on stdout
evmctl_pcrs() {
	for _ep in 0 1 2 3 4 5 6 7 8 9 10; do
		printf 'PCR-%02d: %s\n' "$_ep" "$(cat "$1/$_ep")"
	done
}

# scenario_table: the scenarios of $BASE: vm/scenarios, then those of the
# base alone (vm/scenarios.$BASE), if it has any
scenario_table() {
	cat "$TOP/vm/scenarios"
	[ ! -f "$TOP/vm/scenarios.$BASE" ] || cat "$TOP/vm/scenarios.$BASE"
}

# scenario_row NAME: the line of the scenario NAME in that table (the
# first, if two had it); an error if it has none
scenario_row() {
	_sr=$(scenario_table | awk -v n="$1" '$1 == n { print; exit }')
	[ -n "$_sr" ] || die "$1 is no scenario of vm/scenarios nor vm/scenarios.$BASE"
	printf '%s\n' "$_sr"
}

# last_kernel KERNEL: of the kernel a scenario names (boot.sh: K, K1>K2,
# uefi:K), the guest kernel (build/$BASE/kernels/) started last, whose
# boot ran the checks
last_kernel() {
	_lk=${1##*>}
	printf '%s\n' "${_lk#uefi:}"
}

# boots_uefi KERNEL: whether KERNEL, as a scenario names it (boot.sh), is
# started by the arch's UEFI firmware: uefi:K
boots_uefi() {
	case $1 in uefi:*) return 0 ;; *) return 1 ;; esac
}

# initramfs_source [REV]: what an initramfs of $BASE made at REV (default
# work: what it is to be made of now) holds: the kselftest's source (git
# tree id), the guest's /init and the firmware files. initramfs.sh records
# it; boot.sh compares.
initramfs_source() {
	printf '%s %s\n' "$(git -C "$TREE" rev-parse -q --verify "${1:-work}:tools/testing/selftests/ima" || echo none)" \
		"$(cd "$TOP/vm" && { ls firmware; cat init firmware/*; } | sha256sum | cut -c1-16)"
}

# boot_is_current NAME: stop unless the guest boot NAME (boot.sh records
# what it booted) was of a kernel and an initramfs of the series now
# applied, so that no step reads a serial log another series left
boot_is_current() {
	[ -f "$BOOTS/$1.source" ] ||
		die "boot $1 records nothing of what it booted ($BOOTS/$1.source): boot it again"
	read -r _bc _bk _bs _bi <"$BOOTS/$1.source"
	commit_is_current "the kernel of boot $1" "$_bc" "$_bk"
	[ "$_bs $_bi" = "$(initramfs_source)" ] ||
		die "boot $1 had an initramfs of another series or /init: boot it again"
}

# serial_section LOG NAME: the lines of the section "@@ NAME" that the
# guest's /init (vm/init) printed into the serial log LOG.
serial_section() {
	tr -d '\r' <"$1" | awk -v s="@@ $2" '$0 == s { on = 1; next } /^@@ / { on = 0 } on'
}

# boot_cmdline LOG: the kernel command line that the serial log LOG shows
# ("Kernel command line:"), a word a line.
# cmdline_param CMDLINE NAME: the value of NAME=VALUE in CMDLINE (as
# boot_cmdline prints it); empty if none.
# cmdline_flag CMDLINE NAME: whether NAME is in it, alone or as NAME=VALUE.
boot_cmdline() {
	tr -d '\r' <"$1" | sed -n 's/.*Kernel command line: //p' | head -n 1 | tr ' ' '\n'
}
cmdline_param() {
	printf '%s\n' "$1" | awk -v n="$2" 'index($0, n "=") == 1 { print substr($0, length(n) + 2); exit }'
}
cmdline_flag() {
	printf '%s\n' "$1" | awk -v n="$2" '$0 == n || index($0, n "=") == 1 { f = 1 } END { exit !f }'
}

# kselftest_bin [DIR]: the ima kselftest binary that initramfs.sh built for
# $BASE in build/$BASE/DIR (default kselftest: the one for this host)
kselftest_bin() {
	echo "$BUILD/$BASE/${1:-kselftest}/kselftest/ima/ima_measurements_test"
}

# pack_initramfs DIR: DIR as a gzip'ed newc archive on stdout, files owned
# by root, in a fixed order, without time stamps: the same tree gives the
# same bytes
pack_initramfs() {
	(cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -9n
}

# copy_libs ROOT FILE...: the shared libraries that the programs or
# libraries FILE load (as ldd lists them, the dynamic loader too), copied
# into the initramfs tree ROOT at the paths they have here
copy_libs() {
	_cr=$1
	shift
	# ldd names each FILE in a line of its own ("FILE:") when given several
	for _cl in $(ldd "$@" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && !/:$/ { print $1 }' | LC_ALL=C sort -u); do
		mkdir -p "$_cr${_cl%/*}"
		cp -L "$_cl" "$_cr$_cl"
	done
}

# initramfs_with ROOT: the test initramfs with the tree ROOT unpacked over
# it, on stdout (the kernel unpacks one archive after the other)
initramfs_with() {
	cat "$INITRAMFS"
	pack_initramfs "$1"
}

# What IMA says in the kernel log, as basic regular expressions: that it
# found no TPM at its start, and (the series' report) that a TPM registered
# after that
msg_tpm_bypass='ima: No TPM chip found, activating TPM-bypass!'
msg_late_tpm='ima: [^ ]* registered after IMA started without a TPM'
