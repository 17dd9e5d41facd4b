#!/bin/sh
# verifiers/keylime.sh: Keylime with the patches of verifiers/keylime, on
# the measurement lists our kernels wrote (make verifiers-keylime
# KEYLIME_SRC=DIR). DIR is a clone of keylime/keylime that holds the commit
# the patches are for (verifiers/keylime/base-commit); Keylime is no Debian
# package and CI cannot fetch it, so this is outside make check. It runs
# with Debian's python3 packages (deps.sh keylime), in build/verifiers/:
#   1. Keylime's whole test suite on Keylime as it is, saying which tests
#      fail there (none should: a failure there is this machine's);
#   2. the patches applied one by one, the whole suite after each: it must
#      pass;
#   3. Keylime as it is cannot make a policy from a late list (the patches
#      are needed);
#   4. every list of $BASE's VM scenarios with a TPM (build/$BASE/boots): a
#      policy made by the patched keylime-policy without and with
#      --allow-boot-aggregate-late, as it writes it, judged by Keylime's
#      verifier code (keylime-judge.py) with reject_zero_boot_aggregate off
#      and on, and the policy made without the opt-in by the verifier as it
#      is: a late list is refused without the opt-in (by both verifiers) and
#      accepted with it, in every template; a zero boot aggregate is refused
#      only with reject_zero_boot_aggregate.
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

[ -n "${KEYLIME_SRC-}" ] ||
	die "KEYLIME_SRC is not set: a clone of https://github.com/keylime/keylime (verifiers/README.md)"
want=$(cat "$TOP/verifiers/keylime/base-commit")
git -C "$KEYLIME_SRC" cat-file -e "$want^{commit}" 2>/dev/null ||
	die "$KEYLIME_SRC holds no commit $want, which verifiers/keylime is for"
py=/usr/bin/python3
dir=$BUILD/verifiers/keylime
log=$LOGS/verifiers-keylime.log
boots=$BOOTS
lists=$dir/lists-$BASE
: >"$log"
mkdir -p "$dir"

# started TEXT: say what the step does; finished: how long it took
started() { say "  $*"; t0=$(date +%s); }
finished() { say "    ($(($(date +%s) - t0)) s)"; }

# checkout NAME: Keylime at $want in $dir/NAME, without the large binary
# that snapshots of its repository may lack (demo/payload.enc)
checkout() {
	rm -rf "${dir:?}/$1"
	git clone -q --no-checkout --shared "$KEYLIME_SRC" "$dir/$1"
	git -C "$dir/$1" sparse-checkout set --no-cone '/*' '!/demo/payload.enc'
	git -C "$dir/$1" checkout -q "$want" 2>>"$log" ||
		die "cannot check out $want of $KEYLIME_SRC (log: $log)"
}

# config TREE OUT: Keylime's configuration files, made by TREE's own
# convert_config from its templates, in OUT
config() {
	rm -rf "$2" && mkdir -p "$2"
	(cd "$1" && "$py" -m keylime.cmd.convert_config --defaults --out "$2" \
		--templates "$1/templates" >>"$log" 2>&1) ||
		die "Keylime's convert_config failed in $1 (log: $log)"
}

# with_config CONF CMD...: run CMD with Keylime's configuration from CONF
with_config() {
	_c=$1
	shift
	KEYLIME_VERIFIER_CONFIG=$_c/verifier.conf KEYLIME_LOGGING_CONFIG=$_c/logging.conf \
		KEYLIME_CA_CONFIG=$_c/ca.conf KEYLIME_TENANT_CONFIG=$_c/tenant.conf \
		KEYLIME_REGISTRAR_CONFIG=$_c/registrar.conf "$@"
}

# suite TREE CONF LOG: Keylime's whole test suite in TREE; its summary
# line is said; fails if a test fails
suite() {
	_rc=0
	(cd "$1" && with_config "$2" "$py" -m pytest -q -p no:cacheprovider -rfEs test) >"$3" 2>&1 || _rc=$?
	say "    $(tail -n 1 "$3") (log: $3)"
	return "$_rc"
}

started "Keylime $want, as it is: its whole test suite"
checkout upstream
config "$dir/upstream" "$dir/conf-upstream"
if ! suite "$dir/upstream" "$dir/conf-upstream" "$dir/upstream.pytest.log"; then
	say "    failing there, so on this machine:"
	grep -E '^(FAILED|ERROR) ' "$dir/upstream.pytest.log" | sed 's/^/      /'
fi
finished

started "Keylime with verifiers/keylime applied one by one: the whole suite after each"
checkout patched
for p in "$TOP"/verifiers/keylime/0[0-9][0-9][1-9]-*.patch; do
	git -C "$dir/patched" apply "$p" 2>>"$log" ||
		die "$(basename "$p") does not apply to $want and the patches before it (log: $log)"
	say "    $(basename "$p"):"
	config "$dir/patched" "$dir/conf"
	n=$(basename "$p" .patch)
	suite "$dir/patched" "$dir/conf" "$dir/$n.pytest.log" ||
		die "Keylime's suite fails with $(basename "$p") (log: $dir/$n.pytest.log)"
done
# the verifier's configuration as made, and the same with the zero check on
config "$dir/patched" "$dir/conf-zero"
sed 's/^reject_zero_boot_aggregate = False$/reject_zero_boot_aggregate = True/' "$dir/conf/verifier.conf" \
	>"$dir/conf-zero/verifier.conf"
grep -q '^reject_zero_boot_aggregate = True$' "$dir/conf-zero/verifier.conf" ||
	die "the verifier.conf made from the patched templates has no reject_zero_boot_aggregate = False ($dir/conf-zero)"
finished

# The lists: the guests' own ascii_runtime_measurements, from their serial
# logs, for every boot with a TPM (its PCRs handed out)
started "the lists of $BASE's VM scenarios with a TPM ($boots)"
rm -rf "$lists" && mkdir -p "$lists"
for b in a-option-off b-option-on d-deferred-off d-deferred-on f-ima-buf-sha256 u-option-on; do
	[ -s "$boots/$b.log" ] && [ -d "$boots/$b.pcrs" ] ||
		die "no serial log and PCRs of $b in $boots: run 'make check' (or 'make scenarios BASE=$BASE') first"
done
for l in "$boots"/*.log; do
	b=$(basename "$l" .log)
	[ -d "$boots/$b.pcrs" ] || continue
	serial_section "$l" ascii >"$lists/$b.ascii"
	[ -s "$lists/$b.ascii" ] || die "$b has PCRs but no list in its serial log ($l)"
done
say "    $(ls "$lists" | wc -l) lists"
finished

# policy KEYLIME NAME OUT OPTION...: a runtime policy from NAME's list,
# made by the keylime-policy of KEYLIME, in OUT (its log in OUT.log)
policy() {
	_k=$1 _n=$2 _o=$3
	shift 3
	(cd "$dir/$_k" && "$py" -m keylime.cmd.keylime_policy create runtime \
		--ima-measurement-list "$lists/$_n.ascii" --ima-buf "$@" --output "$_o") >"$_o.log" 2>&1
}

started "Keylime $want, as it is: keylime-policy on b-option-on's list"
if policy upstream b-option-on "$lists/b-option-on.upstream.json"; then
	die "Keylime without the patches made a policy from a list that starts with boot_aggregate_late (log: $lists/b-option-on.upstream.json.log)"
fi
grep -q "Invalid digest algorithm found in the IMA measurement list" "$lists/b-option-on.upstream.json.log" ||
	die "Keylime without the patches failed otherwise than expected (log: $lists/b-option-on.upstream.json.log)"
say "    aborts: Invalid digest algorithm found in the IMA measurement list"
finished

# judge KEYLIME CONF NAME POLICY: the verdict of KEYLIME's verifier code,
# with the configuration CONF, on NAME's list under POLICY
judge() {
	_v=$(PYTHONPATH=$dir/$1 with_config "$2" "$py" "$TOP/scripts/verifiers/keylime-judge.py" \
		"$lists/$3.ascii" "$boots/$3.pcrs" "$4" 2>>"$log" | tail -n 1) || true
	case $_v in pass | fail:*) ;; *) die "keylime-judge.py could not judge $3 (log: $log)" ;; esac
	printf '%s\n' "$_v"
}
# has VERDICT EVENT: whether the verdict holds the event
has() { case " $1 " in *" ima.validation.boot_aggregate.$2 "*) return 0 ;; esac; return 1; }
short() { printf '%s\n' "$1" | sed 's/ima\.validation\.boot_aggregate\.//g; s/ima\.validation\.//g'; }
# must_pass: the boots whose lists Keylime takes whole, with the opt-in
must_pass=" a-option-off b-option-on d-deferred-off d-deferred-on j-kexec-off-on j-kexec-on-on
	f-ima-ng-sha256 f-ima-sig-sha256 f-ima-buf-sha256 u-option-off u-option-on u-deferred-on "

started "Keylime with verifiers/keylime on each list: without the opt-in / older verifier / with it / reject_zero on"
bad=0
for a in "$lists"/*.ascii; do
	n=$(basename "$a" .ascii)
	f=$lists/$n
	templates=$(awk '{ print $3 }' "$a" | sort -u | tr '\n' ' ')
	names=$(awk '$5 == "boot_aggregate" || $5 == "boot_aggregate_late" { printf "%s%s", s, $5; s = ">" }' "$a")
	late=0 zero=0 parsed=1
	awk '$5 == "boot_aggregate_late" { f = 1 } END { exit !f }' "$a" && late=1
	awk '($5 == "boot_aggregate" || $5 == "boot_aggregate_late") && $2 !~ /^0+$/ {
		d = $4; sub(/^[^:]*:/, "", d); if (d ~ /^0+$/) f = 1 } END { exit !f }' "$a" && zero=1
	for t in $templates; do
		case $t in ima | ima-ng | ima-sig | ima-buf) ;; *) parsed=0 ;; esac
	done
	what="$n (${templates% }; ${names:--})"
	# a list that no longer starts with its boot aggregate (records were
	# deleted, mainline's staging): no policy either
	case $(awk 'NR == 1 { print $5 }' "$a") in
	boot_aggregate | boot_aggregate_late) ;;
	*) parsed=0 ;;
	esac
	# a template Keylime does not parse: no policy can be made (fails closed)
	if [ "$parsed" -eq 0 ]; then
		if policy patched "$n" "$f.json" || policy patched "$n" "$f.late.json" --allow-boot-aggregate-late; then
			say "    $what: FAIL: keylime-policy made a policy from a list Keylime does not parse, or that does not start with a boot aggregate"
			bad=$((bad + 1))
		else
			say "    $what: no policy (keylime-policy: $(grep -o 'Invalid digest algorithm[^"]*' "$f.json.log" | head -n 1))"
		fi
		continue
	fi
	policy patched "$n" "$f.json" || die "keylime-policy failed on $n's list (log: $f.json.log)"
	policy patched "$n" "$f.late.json" --allow-boot-aggregate-late ||
		die "keylime-policy --allow-boot-aggregate-late failed on $n's list (log: $f.late.json.log)"
	v0=$(judge patched "$dir/conf" "$n" "$f.json")
	vu=$(judge upstream "$dir/conf-upstream" "$n" "$f.json")
	v1=$(judge patched "$dir/conf" "$n" "$f.late.json")
	vz=$(judge patched "$dir/conf-zero" "$n" "$f.late.json")
	why=
	! grep -q '"boot_aggregate_late":' "$f.json" || why="$why; the policy made without the opt-in holds a boot_aggregate_late digest"
	if [ "$late" -eq 1 ]; then
		has "$v0" boot_aggregate_late || why="$why; a late list passes without the opt-in"
		[ "$vu" != pass ] || why="$why; the verifier as it is passes a late list under the policy made without the opt-in"
	else
		! has "$v0" boot_aggregate_late || why="$why; refused as late without a late record"
	fi
	! has "$v1" boot_aggregate_late || why="$why; refused as late with the opt-in"
	! has "$v1" boot_aggregate_zero || why="$why; a zero aggregate refused where the operator did not opt in"
	if [ "$zero" -eq 1 ]; then
		has "$vz" boot_aggregate_zero || why="$why; a zero aggregate passes with reject_zero_boot_aggregate"
	else
		! has "$vz" boot_aggregate_zero || why="$why; refused as zero without a zero aggregate"
	fi
	case $must_pass in *[[:space:]]"$n"[[:space:]]*)
		[ "$v1" = pass ] || why="$why; Keylime does not take the list whole with the opt-in" ;;
	esac
	row="$what: $(short "$v0") / $(short "$vu") / $(short "$v1") / $(short "$vz")"
	if [ -n "$why" ]; then
		say "    FAIL $row:${why#;}"
		bad=$((bad + 1))
	else
		say "    $row"
	fi
done
finished
[ "$bad" -eq 0 ] || die "$bad lists judged otherwise than issue 32 holds Keylime to (policies and logs: $lists, $log)"
