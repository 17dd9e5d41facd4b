#!/bin/sh
# build-each.sh: build vmlinux of $BASE at the base and after each patch in
# turn, with IMA_INIT_LATE_SYNC off and on and the KUnit tests built in, so
# that every patch is known to build on its own (bisectable); the guest
# config has CONFIG_WERROR, so any compiler or linker warning fails. At each
# step security/integrity/ima is analysed (analyse.sh: gcc W=1, sparse,
# kernel-doc, in a tree of its own); a patch fails if it brings a finding
# the base did not have.
# Only what changed is compiled: one gcc tree serves every commit and both
# values of the option. A patch that changes nothing the kernel build reads
# but Kconfig files (only Documentation/, tools/testing/, MAINTAINERS and
# Kconfig help, say) and whose configs, option off and on, are those of the
# commit before it, leaves vmlinux as that commit built it: it is not built
# again (Sphinx and the kselftest build check those files). A source tree
# (git tree id) that passed with the same harness is not built again either
# (build/$BASE/each/), so after editing one patch only it and the patches
# after it are.
set -eu
. "$(dirname -- "$0")/../lib.sh"

require_clean_tree "commit them, or stash them"
cd "$TREE"
passed=$BUILD/$BASE/each/$(harness_key)
mkdir -p "$passed"
commits="$(git rev-parse base) $(git rev-list --reverse base..work | tr '\n' ' ')"
n=$(($(echo $commits | wc -w) - 1))
on_exit 'git -C "$TREE" checkout -q -f work'
base_findings=$passed/$(git rev-parse "base^{tree}").findings
# same_configs LIST1 LIST2: the two lists name two configs each (config.sh's
# paths, one a line), and those of the same line have the same bytes
same_configs() {
	[ "$(wc -l <"$1")" -eq 2 ] && [ "$(wc -l <"$2")" -eq 2 ] || return 1
	paste "$1" "$2" | while read -r _a _b; do
		cmp -s "$_a" "$_b" || return 1
	done
}
i=0
prev=
order='option-off option-on'
for c in $commits; do
	if [ "$i" -eq 0 ]; then
		label="[base] $(git log -1 --format=%s "$c")"
	else
		label="[$i/$n] $(git log -1 --format=%s "$c")"
	fi
	key=$passed/$(git rev-parse "$c^{tree}")
	prev_key=
	[ -z "$prev" ] || prev_key=$passed/$(git rev-parse "$prev^{tree}")
	if [ -f "$key.findings" ]; then
		say "  $label: passed before (same source, same harness)"
		prev=$c
		i=$((i + 1))
		continue
	fi
	git checkout -q --detach "$c"
	# the configs of both variants, kept by config.sh: their paths
	for variant in option-off option-on; do
		ALLOW_UNDEFINED=1 "$TOP/scripts/build/config.sh" gcc "$variant" kunit ||
			die "patch $i/$n: no config with $variant (log: $LOGS/build-$BASE-gcc.log.config)"
	done >"$key.configs.tmp"
	mv "$key.configs.tmp" "$key.configs"
	if [ -n "$prev_key" ] && [ -f "$prev_key.findings" ] && [ -f "$prev_key.configs" ] &&
		[ -z "$(git diff --name-only "$prev" "$c" |
			grep -Ev '^(Documentation/|tools/testing/|MAINTAINERS$)|(^|/)Kconfig[^/]*$')" ] &&
		same_configs "$prev_key.configs" "$key.configs"; then
		cp "$prev_key.findings" "$key.findings"
		say "  $label: changes nothing the kernel build reads, nor the configs: vmlinux is the one before"
	else
		t0=$(date +%s)
		# the value the tree was left with first: one toggle a commit
		for variant in $order; do
			ALLOW_UNDEFINED=1 KTARGETS=vmlinux "$TOP/scripts/build/build.sh" gcc - "$variant" kunit ||
				die "patch $i/$n does not build with $variant (log: $LOGS/build-$BASE-gcc.log)"
		done
		order=$(echo $order | awk '{ print $2, $1 }')
		ALLOW_UNDEFINED=1 KTARGETS=prepare "$TOP/scripts/build/build.sh" analysis - option-on kunit ||
			die "patch $i/$n: the analysis tree does not configure (log: $LOGS/build-$BASE-analysis.log)"
		"$TOP/scripts/build/analyse.sh" analysis >"$key.findings.tmp"
		if [ "$i" -gt 0 ]; then
			new=$(LC_ALL=C comm -13 "$base_findings" "$key.findings.tmp")
			[ -z "$new" ] || {
				printf '%s\n' "$new" >&2
				die "patch $i/$n brings new W=1, sparse or kernel-doc findings (log: $LOGS/analyse-$BASE-analysis.log)"
			}
		fi
		mv "$key.findings.tmp" "$key.findings"
		say "  $label: built, option off and on; analysed ($(($(date +%s) - t0))s)"
	fi
	prev=$c
	i=$((i + 1))
done
say "  W=1, sparse, kernel-doc: no finding beyond the $(wc -l <"$base_findings") the base has"
