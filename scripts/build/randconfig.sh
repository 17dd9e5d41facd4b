#!/bin/sh
# randconfig.sh SEED...: for each seed, a random x86_64 configuration
# (KCONFIG_SEED) with IMA, IMA_INIT_LATE_SYNC and IMA's KUnit tests forced on
# (configs/randconfig-ima.config), and security/integrity built in it with
# the series of $BASE. Reports each seed; fails if any does not build, or
# if the fragment did not take (a symbol it needs drawn off by the seed).
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/build/lib.sh"

[ $# -gt 0 ] || die "usage: randconfig.sh SEED..."
require_clean_tree "commit them, or stash them"
o=$OBJ/randconfig
mkdir -p "$o"
failed=
for seed in "$@"; do
	log=$LOGS/randconfig-$BASE-$seed.log
	if ! run_logged "$log" kmake O="$o" KCONFIG_SEED="$seed" \
		KCONFIG_ALLCONFIG="$TOP/configs/randconfig-ima.config" randconfig; then
		say "  seed $seed: FAILED, randconfig (log: $log)"
		failed="$failed $seed"
		continue
	fi
	missing=$(fragments_not_taken "$o/.config" "$TOP/configs/randconfig-ima.config")
	if [ -n "$missing" ]; then
		cp "$o/.config" "$o/config-$seed"
		say "  seed $seed: FAILED, configs/randconfig-ima.config did not take:$missing (a dependency drawn off; the .config: $o/config-$seed)"
		failed="$failed $seed"
	elif run_logged "$log.build" kmake O="$o" security/integrity/; then
		warn=$(grep -c 'warning:' "$log.build" || true)
		say "  seed $seed: security/integrity builds ($warn warnings)"
	else
		cp "$o/.config" "$o/config-$seed" 2>/dev/null || true
		say "  seed $seed: FAILED, security/integrity does not build (logs: $log, $log.build; the .config: $o/config-$seed)"
		failed="$failed $seed"
	fi
done
[ -z "$failed" ] || die "randconfig seeds that fail:$failed"
