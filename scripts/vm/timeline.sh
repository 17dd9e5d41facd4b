#!/bin/sh
# timeline.sh NAME: from an initcall_debug boot (build/$BASE/boots/NAME.log)
# draw the initcall timeline with the kernel's scripts/bootgraph.pl
# (NAME.svg), and print the moments a person looks for: the TPM's probes,
# deferred_probe_initcall and the initcall IMA starts from (IMA_INITCALLS of
# bases/$BASE.mk).
set -eu
. "$(dirname -- "$0")/../lib.sh"
. "$TOP/scripts/vm/lib.sh"

ima=$(base_var IMA_INITCALLS)
ere=$(printf %s "$ima" | tr ' ' '|')		# for awk
bre=$(printf %s "$ima" | sed 's/ /\\|/g')	# for sed

log=$BOOTS/$1.log
svg=$BOOTS/$1.svg
[ -f "$log" ] || die "no serial log $log"
# the kernel's own console output, up to where the guest's /init reports
console() {
	tr -d '\r' <"$log" | sed '/^@@ ima-vm begin/q'
}
# bootgraph.pl draws each initcall as a box and its name; the three that
# tell the story are drawn in solid colours, with their names in bold.
console | perl "$TREE/scripts/bootgraph.pl" 2>/dev/null | awk -v ima="^($ere)$" '
	/^<rect / { if (held != "") print held; held = $0; next }
	/^<text .*>[a-z_0-9]*<\/text>/ {
		match($0, />[a-z_0-9]*</)
		name = substr($0, RSTART + 1, RLENGTH - 2)
		if (name ~ ima || name == "init_tis" || name == "deferred_probe_initcall") {
			colour = name ~ ima ? "rgb(220,0,0)" : \
				 name == "init_tis" ? "rgb(0,90,200)" : "rgb(230,150,0)"
			sub(/fill:rgb\([0-9,]*\);fill-opacity:0.5/, "fill:" colour ";fill-opacity:1", held)
			sub(/ font-size="3pt"/, "")
			sub(/<text /, "<text font-weight=\"bold\" font-size=\"9pt\" ")
		}
	}
	{ if (held != "") { print held; held = "" } print }
	END { if (held != "") print held }
' >"$svg"
grep -Eq ">($ere)<" "$svg" || die "bootgraph.pl drew no $ima from $log (boot with initcall_debug)"
console | sed -n \
	-e "s/^\[ *\([0-9.]*\)\] calling  \(init_tis\|deferred_probe_initcall\|$bre\)+.*/  \1 s  start \2/p" \
	-e "s/^\[ *\([0-9.]*\)\] initcall \(init_tis\|deferred_probe_initcall\|$bre\)+.* returned \(-*[0-9]*\).*/  \1 s  end   \2 (returned \3)/p" \
	-e 's/^\[ *\([0-9.]*\)\] .*TEST ONLY: \(.*\)/  \1 s  tpm_tis: \2/p' \
	-e 's/^\[ *\([0-9.]*\)\] tpm_tis [^ ]* \([0-9.]* TPM (.*\)/  \1 s  tpm_tis: probed, \2/p' \
	-e "s/^\[ *\([0-9.]*\)\] \($msg_tpm_bypass\)/  \1 s  \2/p" \
	-e 's/^\[ *\([0-9.]*\)\] ima: \(Allocated hash algorithm.*\)/  \1 s  ima: \2/p'
say "  picture: $svg"
