#!/bin/sh
# harness-tests.sh: the harness's own tests, each of a defect that once gave
# a false green or left a broken tree. They run on copies and scratch trees
# under build/harness-tests/, never on the kernel trees, and take seconds.
# (That a compiler warning fails every build is werror.sh, in make check.)
set -u
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

work=$BUILD/harness-tests
rm -rf "$work"
mkdir -p "$work"
passed=0
failed=0
# check NAME CMD...: one test; CMD fails, saying why, if the harness is wrong
check() {
	name=$1
	shift
	if out=$("$@" 2>&1); then
		say "  ok: $name"
		passed=$((passed + 1))
	else
		say "  FAILED: $name"
		printf '%s\n' "$out" | sed 's/^/    /'
		failed=$((failed + 1))
	fi
}
# copy DIR: a copy of the harness in DIR (scripts, bases, arches, configs,
# vm, fuzz, testing-only, patches, verifiers), with a build directory of
# its own
copy() {
	mkdir -p "$1"
	(cd "$TOP" && cp -r scripts bases arches configs vm fuzz testing-only patches verifiers Makefile "$1/")
}
# fails_with TEXT CMD...: CMD exits non-zero and says TEXT
fails_with() {
	_t=$1
	shift
	_o=$("$@" 2>&1) && { printf 'passed, expected a failure saying "%s":\n%s\n' "$_t" "$_o"; return 1; }
	printf '%s\n' "$_o" | grep -qF -- "$_t" ||
		{ printf 'failed without saying "%s":\n%s\n' "$_t" "$_o"; return 1; }
}

# fake_tree DIR: a small git tree in DIR/build/6.12/linux, as base.sh and
# apply.sh leave one (tag base, branch work), for the scripts of DIR
fake_tree() {
	t=$1/build/6.12/linux
	mkdir -p "$t"
	git -C "$t" init -q -b work
	echo base >"$t/file"
	git -C "$t" add file
	git -C "$t" commit -q -m base
	git -C "$t" tag base
	echo 'linux-source-6.12 fake' >"$1/build/6.12/base.stamp"
}
# A broken series file: apply.sh and forms.sh must stop and say why (the
# error of series_patches was lost inside $(...): "applied 0 patches").
series_cases() {
	h=$work/series
	copy "$h"
	fake_tree "$h"
	p=$h/patches/6.12
	mv "$p/series" "$p/series.good"
	fails_with "no series file" env BASE=6.12 "$h/scripts/tree/apply.sh" || return 1
	fails_with "no series file" env BASE=6.12 "$h/scripts/series/forms.sh" "$h" a b || return 1
	printf '# nothing\n\n' >"$p/series"
	fails_with "names no patch" env BASE=6.12 "$h/scripts/tree/apply.sh" || return 1
	{ cat "$p/series.good"; echo 0009-missing.patch; } >"$p/series"
	fails_with "series names a missing patch" env BASE=6.12 "$h/scripts/tree/apply.sh" || return 1
	fails_with "series names a missing patch" env BASE=6.12 "$h/scripts/series/forms.sh" "$h" a b || return 1
	printf '0001-a.patch 0002-b.patch\n' >"$p/series"
	fails_with "is not a patch file name" env BASE=6.12 "$h/scripts/tree/apply.sh"
}
check "a missing, empty or broken series file stops apply and forms" series_cases

# fake_base DIR VERSION: a fake Debian source package "linux-source-fake"
# of VERSION in DIR/build/downloads, holding a tree that names its version
fake_deb() {
	d=$1/build/pkg-$2
	mkdir -p "$d/usr/src/t/linux" "$d/DEBIAN" "$1/build/downloads"
	echo "$2" >"$d/usr/src/t/linux/VERSION"
	tar -cJf "$d/usr/src/linux-source-fake.tar.xz" -C "$d/usr/src/t" linux
	rm -rf "$d/usr/src/t"
	printf 'Package: linux-source-fake\nVersion: %s\nArchitecture: all\nMaintainer: none <none@example.invalid>\nDescription: fake\n' \
		"$2" >"$d/DEBIAN/control"
	dpkg-deb -b "$d" "$1/build/downloads/linux-source-fake_$2_all.deb" >/dev/null
}
# A changed BASE_VERSION takes effect on an existing build/: base.sh must
# not trust a stamp of another version, nor take a .deb of another version.
base_version_case() {
	h=$work/base
	copy "$h"
	printf 'BASE_PACKAGE := linux-source-fake\nBASE_VERSION := 1\nBASE_TARBALL := usr/src/linux-source-fake.tar.xz\nBASE_SUITE :=\n' \
		>"$h/bases/fake.mk"
	fake_deb "$h" 1
	fake_deb "$h" 2
	BASE=fake "$h/scripts/tree/base.sh" >/dev/null || return 1
	[ "$(cat "$h/build/fake/linux/VERSION")" = 1 ] || { echo "version 1 not unpacked"; return 1; }
	mkdir -p "$h/build/fake/obj/gcc"
	: >"$h/build/fake/obj/gcc/built-from-1.o"
	sed -i 's/^BASE_VERSION := 1$/BASE_VERSION := 2/' "$h/bases/fake.mk"
	BASE=fake "$h/scripts/tree/base.sh" >/dev/null || return 1
	v=$(cat "$h/build/fake/linux/VERSION")
	[ "$v" = 2 ] || { echo "BASE_VERSION is 2, the tree is still version $v"; return 1; }
	grep -qx 'linux-source-fake 2' "$h/build/fake/base.stamp" || { echo "stamp: $(cat "$h/build/fake/base.stamp")"; return 1; }
	[ ! -e "$h/build/fake/obj/gcc/built-from-1.o" ] ||
		{ echo "objects built from version 1 are still there"; return 1; }
}
check "a change of BASE_VERSION unpacks that version, from its own .deb, and drops what the old one built" base_version_case

# A step's stamp changes with anything it checks: a commit message (forms,
# checkpatch), the stored patches (the export round trip), the source.
stamp_case() {
	h=$work/stamp
	copy "$h"
	fake_tree "$h"
	printf '#!/bin/sh\n. "$(dirname -- "$0")/../lib.sh"\n. "$TOP/scripts/check/lib.sh"\nstamp_file "$1"\n' >"$h/scripts/check/stamp.sh"
	t=$h/build/6.12/linux
	git -C "$t" commit -q --allow-empty -m 'a patch'
	s0=$(BASE=6.12 sh "$h/scripts/check/stamp.sh" step)
	[ "$s0" = "$(BASE=6.12 sh "$h/scripts/check/stamp.sh" step)" ] || { echo "a stamp that changes by itself"; return 1; }
	[ "$s0" != "$(BASE=6.12 sh "$h/scripts/check/stamp.sh" other)" ] || { echo "two steps, one stamp"; return 1; }
	git -C "$t" commit -q --amend --allow-empty -m 'a patch, reworded'
	s1=$(BASE=6.12 sh "$h/scripts/check/stamp.sh" step)
	[ "$s1" != "$s0" ] || { echo "rewording a commit keeps the stamp"; return 1; }
	echo >>"$h/patches/6.12/0000-cover-letter.patch"
	[ "$(BASE=6.12 sh "$h/scripts/check/stamp.sh" step)" != "$s1" ] || { echo "changing the stored series keeps the stamp"; return 1; }
}
check "a step's stamp changes with the commits and the stored series" stamp_case

# dash runs no EXIT trap when a signal ends it; on_exit must (Ctrl-C in
# build-each left the kernel tree detached).
signal_case() {
	h=$work/signal
	copy "$h"
	printf '#!/bin/sh\n. "$(dirname -- "$0")/../lib.sh"\non_exit "echo yes >%s/cleaned"\nsleep 2\n' \
		"$work" >"$h/scripts/check/sleeper.sh"
	chmod +x "$h/scripts/check/sleeper.sh"
	for sig in INT:130 TERM:143 HUP:129; do
		rm -f "$work/cleaned"
		# as from a terminal: a shell's background job ignores SIGINT,
		# and one under nohup SIGHUP, which sh then cannot trap
		perl -e '$SIG{$_} = "DEFAULT" for qw(INT HUP TERM); exec @ARGV or die' \
			"$h/scripts/check/sleeper.sh" &
		pid=$!
		sleep 0.5
		kill -"${sig%:*}" "$pid"
		rc=0
		wait "$pid" || rc=$?
		[ "$rc" = "${sig#*:}" ] || { echo "SIG${sig%:*}: exit $rc, expected ${sig#*:}"; return 1; }
		[ -s "$work/cleaned" ] || { echo "no clean-up after SIG${sig%:*}"; return 1; }
	done
	# every script that moves the kernel tree off branch work puts it back
	# through on_exit, not a bare EXIT trap
	for f in "$TOP"/scripts/*/*.sh; do
		[ "$f" != "$TOP/scripts/check/harness-tests.sh" ] || continue
		if grep -q 'checkout -q --detach\|checkout -q -B' "$f" && ! grep -q '^on_exit ' "$f"; then
			echo "$(basename "$f") moves the tree off work without on_exit"
			return 1
		fi
	done
	! grep -n "trap .* EXIT" "$TOP"/scripts/*.sh "$TOP"/scripts/*/*.sh | grep -v 'scripts/lib.sh:\|harness-tests.sh:' ||
		{ echo "a bare EXIT trap (use on_exit)"; return 1; }
}
check "Ctrl-C, kill and hang-up run the clean-up (on_exit)" signal_case

# make check runs the bases side by side: a base that fails fails the run
# and the other's steps still count; each base's output is shown whole,
# in the order of BASES, whichever ends first; a TERM to check.sh stops
# every process of both (they run in sessions of their own).
side_by_side_case() {
	h=$work/side-by-side
	copy "$h"
	for f in deps/deps.sh verifiers/ima-evm-utils.sh series/same-kselftest.sh check/harness-tests.sh; do
		printf '#!/bin/sh\necho stub\n' >"$h/scripts/$f"
	done
	cat >"$h/scripts/check/check-base.sh" <<-'STUB'
	#!/bin/sh
	. "$(dirname -- "$0")/../lib.sh"
	[ -z "${HANG-}" ] || { echo $$ >"$BUILD/$BASE.pgid"; sleep 60; }
	echo "$BASE: first"
	if [ "$BASE" = 6.12 ]; then
		sleep 1
		echo "$BASE: last"
		echo '2 1' >"$BUILD/check-$BASE-check.result"
		exit 1
	fi
	echo "$BASE: last"
	echo '3 0' >"$BUILD/check-$BASE-check.result"
	STUB
	out=$(BASES='6.12 mainline' "$h/scripts/check/check.sh" check 2>&1) &&
		{ printf 'passed with a failing base:\n%s\n' "$out"; return 1; }
	printf '%s\n' "$out" | grep -x '.*: \(first\|last\)' | tr '\n' ' ' |
		grep -qx '6.12: first 6.12: last mainline: first mainline: last ' ||
		{ printf 'the bases not shown whole, in order:\n%s\n' "$out"; return 1; }
	printf '%s\n' "$out" | grep -qx 'check: 9 passed, 1 failed' ||
		{ printf 'not counted as 2 + 2 shared, 2 + 1 and 3 + 0:\n%s\n' "$out"; return 1; }
	HANG=1 BASES='6.12 mainline' "$h/scripts/check/check.sh" check >/dev/null 2>&1 &
	pid=$!
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		[ -s "$h/build/6.12.pgid" ] && [ -s "$h/build/mainline.pgid" ] && break
		sleep 0.5
	done
	t0=$(date +%s)
	kill -TERM "$pid"
	rc=0
	wait "$pid" || rc=$?
	t=$(($(date +%s) - t0))
	sleep 0.5
	left=
	for b in 6.12 mainline; do
		g=$(cat "$h/build/$b.pgid" 2>/dev/null) || { left="$left $b (did not start)"; continue; }
		# (dead ones not reaped yet are zombies: Z)
		if ps -o stat= -s "$g" | grep -qv '^Z'; then
			left="$left $b"
			kill -TERM -"$g"
		fi
	done
	[ -z "$left" ] || { echo "still running after a TERM to check.sh:$left"; return 1; }
	[ "$rc" -eq 143 ] && [ "$t" -le 3 ] ||
		{ echo "check.sh ended $t s after a TERM, exit $rc (expected at once, 143)"; return 1; }
}
check "make check: the bases side by side, shown whole and in order, counted, stopped together" side_by_side_case

# A step that reads its stdin must not cut the table of scenarios short:
# with a host kselftest that eats its input first, both a and b are still
# verified.
scenario_stdin_case() {
	b=${BASES:-6.12}
	b=${b%% *}
	[ -f "$BUILD/$b/boots/b-option-on.log" ] || { echo "no boots of $b to verify again"; return 1; }
	printf '#!/bin/sh\ncat >/dev/null 2>&1\nexec %s\n' "$(BASE=$b kselftest_bin)" >"$work/eat-stdin"
	chmod +x "$work/eat-stdin"
	out=$(BASE=$b NO_BOOT=1 VERIFIER=$work/eat-stdin "$TOP/scripts/vm/scenarios.sh" '^[ab]-' 2>&1) ||
		{ printf '%s\n' "$out"; return 1; }
	n=$(printf '%s\n' "$out" | grep -c 'in the guest and on the host')
	[ "$n" -eq 2 ] || { printf 'verified %s of 2:\n%s\n' "$n" "$out"; return 1; }
}
check "every scenario of the table is verified, whatever a step reads" scenario_stdin_case

# boot.sh refuses a kernel that is not of the series now applied.
stale_kernel_case() {
	h=$work/stale
	copy "$h"
	fake_tree "$h"
	t=$h/build/6.12/linux
	old=$(git -C "$t" rev-parse HEAD)
	git -C "$t" commit -q --allow-empty -m two
	k=$h/build/6.12/kernels/guest-on
	mkdir -p "$k"
	: >"$k/bzImage"
	echo "$old" >"$k/commit"
	fails_with "not from the series now applied" env BASE=6.12 "$h/scripts/vm/boot.sh" x guest-on none || return 1
	git -C "$t" checkout -q -b test-only
	git -C "$t" commit -q --allow-empty -m 'TEST ONLY: a scaffold'
	git -C "$t" rev-parse HEAD >"$k/commit"
	# scaffolding in a kernel that does not say it has some
	fails_with "not from the series now applied" env BASE=6.12 "$h/scripts/vm/boot.sh" x guest-on none || return 1
	: >"$k/test-only"
	# current: the check passes, and boot.sh goes on to want an initramfs
	fails_with "no initramfs" env BASE=6.12 "$h/scripts/vm/boot.sh" x guest-on none || return 1
	git -C "$t" commit -q --allow-empty -m 'something else'
	git -C "$t" rev-parse HEAD >"$k/commit"
	fails_with "neither the series nor test-only" env BASE=6.12 "$h/scripts/vm/boot.sh" x guest-on none
}
check "boot.sh boots only kernels of the series now applied" stale_kernel_case

# An arch whose guests have no TPM (s390x): boot.sh refuses to give one a
# TPM, and says so before it removes the last boot's serial log: with a
# current kernel and initramfs, nothing else stops it before that.
no_tpm_arch_case() {
	h=$work/no-tpm
	copy "$h"
	fake_tree "$h"
	b=$h/build/6.12
	mkdir -p "$b/kernels-s390x/guest-on" "$b/boots-s390x"
	: >"$b/kernels-s390x/guest-on/bzImage"
	git -C "$b/linux" rev-parse HEAD >"$b/kernels-s390x/guest-on/commit"
	: >"$b/initramfs-s390x.cpio.gz"
	printf '#!/bin/sh\n. "$(dirname -- "$0")/../lib.sh"\n. "$TOP/scripts/vm/lib.sh"\ninitramfs_source HEAD\n' >"$h/scripts/check/source.sh"
	BASE=6.12 ARCH=s390x sh "$h/scripts/check/source.sh" >"$b/initramfs-s390x.cpio.gz.source"
	echo kept >"$b/boots-s390x/x.log"
	fails_with "the guests of s390x have no TPM, not tpm2" \
		env BASE=6.12 ARCH=s390x "$h/scripts/vm/boot.sh" x guest-on tpm2 || return 1
	[ "$(cat "$b/boots-s390x/x.log")" = kept ] || { echo "the last serial log is gone"; return 1; }
}
check "boot.sh gives no TPM to an arch without one, and keeps the last log" no_tpm_arch_case

# Each documented one-base target works from a fresh clone (a copy of the
# harness with no build/): make -n shows
# the base and the series applied before its own step; demo asks apt for
# the guest's packages only.
targets_case() {
	c=$work/clone
	copy "$c"
	for t in demo build build-each kunit docs maintainers initramfs scenarios fuzz submission checkpatch bench-base; do
		out=$(make -C "$c" -n "$t" BASE=6.12 2>&1) || { printf 'make -n %s:\n%s\n' "$t" "$out"; return 1; }
		for s in scripts/deps/deps.sh scripts/tree/base.sh scripts/tree/apply.sh; do
			printf '%s\n' "$out" | grep -q "$s" || { echo "make $t on a fresh clone would not run $s"; return 1; }
		done
	done
	make -C "$c" -n demo BASE=6.12 | grep 'scripts/deps/deps.sh' | grep -v 'deps.sh guest *$' &&
		{ echo "make demo installs more than the guest's packages"; return 1; }
	pk=$("$c/scripts/deps/deps.sh" --list guest)
	for p in clang-19 coccinelle gcc-aarch64-linux-gnu; do
		case " $pk " in *" $p "*) echo "the guest's packages hold $p"; return 1 ;; esac
	done
}
check "every documented target works from a fresh clone; demo installs only what it uses" targets_case

# One name, one thing: no config fragment is named like a guest kernel or
# a build tree (once 'late' was all three).
names_case() {
	kernels=$(awk '!/^#/ && NF { print $2 }' "$TOP/vm/scenarios" | tr '>' '\n' | sed 's/^uefi://' | sort -u)
	for f in "$TOP"/configs/*.config; do
		n=$(basename "$f" .config)
		for k in $kernels gcc analysis clang randconfig; do
			[ "$n" != "$k" ] || { echo "configs/$n.config is also a kernel or tree name"; return 1; }
		done
	done
}
check "fragments, build trees and kernels have names of their own" names_case

# build-each.sh builds every commit but one that changes nothing the build
# reads but Kconfig text and leaves the configs as they were (help text):
# one whose Kconfig change changes a config is built. config.sh, build.sh
# and analyse.sh are stubs here: the config is the Kconfig's default
# lines, and each build is logged.
build_each_case() {
	h=$work/each
	copy "$h"
	fake_tree "$h"
	t=$h/build/6.12/linux
	cat >"$h/scripts/build/config.sh" <<'STUB'
#!/bin/sh
. "$(dirname -- "$0")/../lib.sh"
mkdir -p "$OBJ/kept"
k=$OBJ/kept/$({ cat "$TREE/Kconfig"; echo "$@"; } | sha256sum | cut -c1-16)
{ grep default "$TREE/Kconfig"; echo "$@"; } >"$k"
echo "$k"
STUB
	cat >"$h/scripts/build/build.sh" <<'STUB'
#!/bin/sh
. "$(dirname -- "$0")/../lib.sh"
[ "$1" != gcc ] || git -C "$TREE" log -1 --format=%s >>"$BUILD/built"
STUB
	printf '#!/bin/sh\n' >"$h/scripts/build/analyse.sh"
	printf 'config X\n\tint\n\tdefault 1\n\thelp\n\t  One.\n' >"$t/Kconfig"
	git -C "$t" add Kconfig
	git -C "$t" commit -q --amend -m base
	git -C "$t" tag -f base >/dev/null
	echo code >>"$t/file"
	git -C "$t" commit -q -a -m code
	sed -i 's/One/The one/' "$t/Kconfig"
	git -C "$t" commit -q -a -m help
	sed -i 's/default 1/default 2/' "$t/Kconfig"
	git -C "$t" commit -q -a -m default
	mkdir -p "$t/Documentation"
	echo text >"$t/Documentation/x.rst"
	git -C "$t" add Documentation
	git -C "$t" commit -q -m docs
	BASE=6.12 "$h/scripts/build/build-each.sh" >/dev/null || return 1
	built=$(sort -u "$h/build/built" | tr '\n' ' ')
	[ "$built" = "base code default " ] ||
		{ echo "built: $built; expected: base code default"; return 1; }
}
check "build-each builds every commit but those that change neither the build's input nor its configs" build_each_case

say "  harness tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
