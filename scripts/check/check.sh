#!/bin/sh
# check.sh check|full: the tests of every base in $BASES (default 6.12
# mainline), each base by check-base.sh (make check: after what the bases
# share, all at once), then what the series must share and the harness's
# own tests.
#   check  check-base.sh check for each base (x86_64): make check
#   full   for each arch of $ARCHES (default x86_64 arm64 s390x): on
#          x86_64, check-base.sh check then full for each base; on arm64
#          and s390x, check-base.sh ARCH: make check-full
# make check runs the bases side by side, each in a session of its own:
# every file a base makes is its own (under build/$BASE, or named after
# it), and on two cores one base compiles while the other unpacks,
# configures, links, boots or fuzzes, which leave a core idle much of the
# time (a base alone keeps the machine busy 70% of its time). What they
# share is made before they start: the packages and the patched
# ima-evm-utils, whose tests start swtpm and must find none running. Each
# base's output goes to build/logs/check-$BASE.out and is shown whole,
# one base after the other, as it comes. make check-full runs the bases
# one after the other (the arm64 and s390x guests share their cross-built
# busybox and sysroot), so its step times are those of one base alone.
# The harness's own tests run when x86_64 is among the arches (they verify
# its boots again). A failing base stops no other. Steps that
# passed before with the same inputs are not run again (check-base.sh), so
# check-full can be finished across sittings. The last line counts what
# passed and failed over all of them, and the exit status is 1 if
# anything failed. Each run adds its wall time to build/check-times.txt
# (check_time_end in check/lib.sh), which make bench reports.
set -u
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/check/lib.sh"

mode=${1:-check}
case $mode in
check) arches=x86_64 ;;
full) arches=${ARCHES:-x86_64 arm64 s390x} ;;
*) die "usage: check.sh check|full" ;;
esac
S=$TOP/scripts

check_time_start "$mode"
bases=${BASES:-6.12 mainline}
seen=
for b in $bases; do
	case " $seen " in *" $b "*) die "BASES names $b twice" ;; esac
	seen="$seen $b"
done
passed=0
failed=0
shared_failed=0
shared_run=0
per_base=
# base_title BASE MODE: the line that opens the output of a base
base_title() {
	say ""
	say "######## $1 ($2, $ARCH): $(BASE=$1 base_var BASE_PACKAGE) $(BASE=$1 base_var BASE_VERSION)"
}
# counted BASE MODE: count what check-base.sh MODE of BASE passed and
# failed (one failure if it left no result); false if anything failed
counted() {
	if read -r p f <"$BUILD/check-$1-$2.result" 2>/dev/null; then :; else
		p=0
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	per_base="${per_base:+$per_base,} $1 $2 $p/$((p + f))"
	[ "$f" -eq 0 ]
}
# base_mode BASE MODE: check-base.sh MODE for BASE, counted
base_mode() {
	base_title "$1" "$2"
	BASE=$1 "$S/check/check-base.sh" "$2"
	counted "$1" "$2"
}
# side_by_side: check-base.sh check for every base at once, each in a
# session of its own (setsid), so that the trap below stops all it started;
# its output in build/logs/check-$BASE.out, shown base after base as it
# comes (tail, in the background: dash takes a trapped signal during a
# wait, but only after a command in the foreground has ended); then counted
side_by_side() {
	pids=
	shown=
	# (a base not yet in its session is alone in its process)
	on_exit 'for pn in $pids; do
			kill -TERM -"${pn%%:*}" 2>/dev/null || kill -TERM "${pn%%:*}" 2>/dev/null
		done
		[ -z "$shown" ] || kill "$shown" 2>/dev/null; true'
	for b in $bases; do
		rm -f "$BUILD/check-$b-check.result"
		base_title "$b" check >"$LOGS/check-$b.out"
		BASE=$b setsid "$S/check/check-base.sh" check >>"$LOGS/check-$b.out" 2>&1 </dev/null &
		pids="$pids $!:$b"
	done
	for pn in $pids; do
		p=${pn%%:*}
		out=$LOGS/check-${pn#*:}.out
		if [ -f "$BUILD/check-${pn#*:}-check.result" ]; then
			# it ended while another was shown, and its pid, reaped
			# meanwhile, may be another process's by now: not for tail
			wait "$p" || true
			cat "$out"
		else
			# until the base ends, and then what it wrote last
			tail -n +1 -f --pid="$p" "$out" &
			shown=$!
			wait "$shown" || true
			shown=
			wait "$p" || true
		fi
	done
	pids=
	for b in $bases; do
		counted "$b" check || true
	done
}
# shared NAME CMD...: a step over every base at once, counted
shared() {
	name=$1
	shift
	shared_run=$((shared_run + 1))
	if "$S/step.sh" "$name" "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		shared_failed=$((shared_failed + 1))
	fi
}

case $mode in
check)
	ARCH=x86_64
	export ARCH
	say ""
	say "######## what the bases share"
	shared "deps: apt packages (guest check)" "$S/deps/deps.sh" guest check
	shared "verifiers: ima-evm-utils (Debian's source) with verifiers/ima-evm-utils: build, its boot aggregate tests" \
		"$S/verifiers/ima-evm-utils.sh"
	if [ "$shared_failed" -eq 0 ]; then
		side_by_side
	else
		say "the bases not started: what they share failed above"
	fi
	;;
full)
	for ARCH in $arches; do
		export ARCH
		for b in $bases; do
			case $ARCH in
			x86_64)
				base_mode "$b" check || continue
				base_mode "$b" full
				;;
			arm64 | s390x) base_mode "$b" "$ARCH" ;;
			*) die "check-full knows no arch '$ARCH' (x86_64, arm64, s390x)" ;;
			esac
		done
	done
	;;
esac
ARCH=x86_64
export ARCH

say ""
say "######## every series, and the harness"
# shellcheck disable=SC2086 # one word per base
shared "kselftest: the same source in every series" "$S/series/same-kselftest.sh" $bases
# they verify again what x86_64's make check booted: not in a run of
# other arches alone (make check-full ARCH=s390x)
x86=0
for a in $arches; do [ "$a" != x86_64 ] || x86=1; done
if [ "$x86" -eq 1 ]; then
	shared "harness: its own tests" "$S/check/harness-tests.sh"
else
	say "harness: its own tests: not run (they need x86_64's boots; ARCHES=$arches)"
fi

printf '\nsteps:%s, shared %s/%s\n' "$per_base" "$((shared_run - shared_failed))" "$shared_run"
case $mode in check) word=check ;; *) word=check-full ;; esac
check_time_end "$bases" "$failed"
printf '%s: %s passed, %s failed\n' "$word" "$passed" "$failed"
[ "$failed" -eq 0 ]
