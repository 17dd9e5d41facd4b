#!/bin/sh
# verifiers/ima-evm-utils.sh: Debian's ima-evm-utils with the patches of
# verifiers/ima-evm-utils/debian, as its package would carry them, built
# and tested; the evmctl it builds then checks every list the VM
# scenarios capture (verify.sh, EVMCTL).
#  1. the source package IEU_VERSION (default 1.5-2, Debian 13's: Debian
#     12's 1.4 is listed but its files are gone from the archive) through
#     private deb-src lists of IEU_SUITE (apt-suite.sh --source), unpacked
#     with dpkg-source, which applies Debian's own patches;
#  2. our debian/patches/series put in place of the package's: it is the
#     whole series, Debian's own patches first (the package's series, as
#     it is, must begin it), then ours, which are copied in; quilt pushes
#     ours, and must then have applied exactly that series, in order;
#  3. built with autotools in the source tree, as upstream's tests want,
#     with the flags Debian's build uses (dpkg-buildflags, hardening=+all as
#     in its debian/rules);
#  4. the tests the patches touch, run as upstream runs them:
#     boot_aggregate.test, against a swtpm it starts, must find the sample
#     list's aggregate under either name; ima_measurement.test must see
#     evmctl show a "d-ng" record (no name field) as the kernel does,
#     report a late or later boot aggregate and nothing of a plain one, and
#     refuse a late or unnamed record when asked. The first fills
#     the TPM's PCRs with IBM TSS's "tsseventextend -tpm", which Debian's
#     tss2 (1045) lacks: tsseventextend-tpm2-tools.sh does it with
#     tpm2-tools (tpm2_eventlog, tpm2_pcrextend).
# Leaves the evmctl at build/verifiers/ima-evm-utils/src/src/evmctl; with
# the same inputs (the version, our patches, this script and the stand-in
# for tsseventextend) as a run that passed, does nothing again.
set -eu
. "$(dirname -- "$0")/../lib.sh"

version=${IEU_VERSION:-1.5-2}
suite=${IEU_SUITE:-trixie}
ours=$TOP/verifiers/ima-evm-utils/debian/patches
out=$BUILD/verifiers/ima-evm-utils
src=$out/src
log=$LOGS/ima-evm-utils
mkdir -p "$out/dl" "$log"
key=$({
	echo "$version $suite"
	cat "$ours/series" "$ours"/*.patch "$0" "$TOP/scripts/verifiers/tsseventextend-tpm2-tools.sh"
} | sha256sum | cut -c1-16)
if [ "$(cat "$out/passed" 2>/dev/null)" = "$key" ] && [ -x "$src/src/evmctl" ]; then
	say "  ima-evm-utils $version with our patches: built and tested before with the same inputs"
	say "  evmctl: $src/src/evmctl"
	exit 0
fi
rm -f "$out/passed"
for t in dpkg-source dpkg-buildflags quilt autoreconf swtpm tpm2_eventlog tssstartup tsspcrread xxd; do
	command -v "$t" >/dev/null || die "$t is not installed (make deps)"
done
pgrep swtpm >/dev/null &&
	die "a swtpm is running: boot_aggregate.test would use it unprepared; stop it first"
# as root on a machine with a TPM, boot_aggregate.test checks that TPM and
# the machine's own list, not its sample under both names
[ "$(id -u)" -ne 0 ] || [ ! -c /dev/tpm0 ] ||
	die "this machine has a TPM (/dev/tpm0): as root, boot_aggregate.test would check it instead of its sample lists"

# 1. the source package
dsc=$out/dl/ima-evm-utils_${version#*:}.dsc
if [ ! -f "$dsc" ]; then
	"$TOP/scripts/deps/apt-suite.sh" --source "$suite"
	(cd "$out/dl" && APT_CONFIG=$BUILD/apt/$suite-source/apt.conf run_logged \
		"$log/download.log" apt-get source --download-only "ima-evm-utils=$version") ||
		die "cannot download the source of ima-evm-utils $version from $suite (log: $log/download.log)"
fi
rm -rf "$src"
run_logged "$log/unpack.log" dpkg-source -x "$dsc" "$src" ||
	die "dpkg-source cannot unpack $dsc (log: $log/unpack.log)"

# 2. our series, the package's whole series: Debian's, then ours
grep -v '^[[:space:]]*\(#\|$\)' "$src/debian/patches/series" >"$out/series.debian" || true
grep -v '^[[:space:]]*\(#\|$\)' "$ours/series" >"$out/series.ours" ||
	die "verifiers/ima-evm-utils/debian/patches/series names no patch"
n=$(wc -l <"$out/series.debian")
head -n "$n" "$out/series.ours" | cmp -s - "$out/series.debian" ||
	die "verifiers/ima-evm-utils/debian/patches/series does not begin with the series of ima-evm-utils $version: $(tr '\n' ' ' <"$out/series.debian")"
mine=$(tail -n +"$((n + 1))" "$out/series.ours")
[ -n "$mine" ] || die "verifiers/ima-evm-utils/debian/patches/series names none of ours after Debian's"
for p in $mine; do
	[ -f "$ours/$p" ] || die "$p, in verifiers/ima-evm-utils/debian/patches/series, is not beside it"
	[ ! -e "$src/debian/patches/$p" ] || die "$p, one of ours, is already in ima-evm-utils $version"
	cp "$ours/$p" "$src/debian/patches/$p"
done
cp "$ours/series" "$src/debian/patches/series"
(cd "$src" && QUILT_PATCHES=debian/patches run_logged "$log/quilt.log" quilt push -a) ||
	die "verifiers/ima-evm-utils/debian does not apply to ima-evm-utils $version (log: $log/quilt.log)"
(cd "$src" && QUILT_PATCHES=debian/patches quilt applied) 2>>"$log/quilt.log" |
	sed 's|^debian/patches/||' | cmp -s - "$out/series.ours" ||
	die "quilt did not apply exactly the series of verifiers/ima-evm-utils/debian, in order (log: $log/quilt.log)"
say "  ima-evm-utils $version: Debian's $n patches, then our $(printf '%s\n' "$mine" | wc -l)"

# 3. the build
(cd "$src" && run_logged "$log/build.log" sh -c \
	'export DEB_BUILD_MAINT_OPTIONS=hardening=+all && eval "$(dpkg-buildflags --export=sh)" &&
	autoreconf -fi && ./configure && make -j"$(nproc)"') ||
	die "ima-evm-utils does not build (log: $log/build.log)"
"$src/src/evmctl" --version >/dev/null || die "the evmctl just built does not run (log: $log/build.log)"

# 4. its tests of the boot aggregate, against their own swtpm
tss=$out/tss
rm -rf "$tss"
mkdir -p "$tss"
for t in tssstartup tsspcrread; do ln -s "$(command -v "$t")" "$tss/$t"; done
ln -s "$TOP/scripts/verifiers/tsseventextend-tpm2-tools.sh" "$tss/tsseventextend"
tests="boot_aggregate.test ima_measurement.test"
rc=0
(cd "$src/tests" && PATH=$tss:$PATH TPM2TOOLS_TCTI=swtpm:port=2321 \
	make check TESTS="$tests") >"$log/check.log" 2>&1 || rc=$?
for t in $tests; do
	cp "$src/tests/${t%.test}.log" "$log/" 2>/dev/null ||
		die "$t left no log (log: $log/check.log)"
done
[ "$rc" -eq 0 ] || die "the tests failed (logs: $log/check.log, $log/*.log)"
# boot_aggregate.test: the sample list's aggregate, found under each name
aggr=sha256:83d19723ef3b3c05bb8ae70d86b3886c158f2408f1b71ed265886a7b79eb700e
for name in boot_aggregate boot_aggregate_late; do
	grep -q "SUCCESS: $name $aggr found" "$log/boot_aggregate.log" ||
		die "boot_aggregate.test did not find $aggr as $name (log: $log/boot_aggregate.log)"
done
# ima_measurement.test: each record shown, a "d-ng" one too; a late or
# later name said, a plain one only with -v; a late or unnamed record
# refused when asked, and nothing else
for want in 'ima-ng: each record shown' 'd-ng: each record shown' \
	'early: pass' 'early: pass with -v' 'late: pass' 'kexec: pass' 'unnamed: pass' \
	'early: pass with --reject-boot-aggregate-late' \
	'late: fail with --reject-boot-aggregate-late' \
	'kexec: fail with --reject-boot-aggregate-late' \
	'unnamed: fail with --reject-boot-aggregate-late'; do
	grep -q "SUCCESS: $want\$" "$log/ima_measurement.log" ||
		die "ima_measurement.test did not see '$want' (log: $log/ima_measurement.log)"
done
for t in $tests; do
	grep -q '^PASS: [1-9][0-9]* SKIP: 0 FAIL: 0' "$log/${t%.test}.log" ||
		die "$t did not pass every check (log: $log/${t%.test}.log)"
done
say "  tests/boot_aggregate.test: the sample aggregate found as boot_aggregate and as boot_aggregate_late"
say "  tests/ima_measurement.test: evmctl shows a d-ng record, reports late and later boot aggregates, refuses a late or unnamed one when asked"
echo "$key" >"$out/passed"
say "  evmctl: $src/src/evmctl"
