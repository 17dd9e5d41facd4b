#!/bin/sh
# timeline.sh NAME: from an initcall_debug boot (build/$BASE/boots/NAME.log)
# draw the initcall timeline with the kernel's scripts/bootgraph.pl
# (NAME.svg), and print the moments a person looks for: the TPM's probes,
# deferred_probe_initcall and init_ima.
set -eu
. "$(dirname -- "$0")/lib.sh"

log=$BUILD/$BASE/boots/$1.log
svg=$BUILD/$BASE/boots/$1.svg
[ -f "$log" ] || die "no serial log $log"
# the kernel's own console output, up to where the guest's /init reports
console() {
	tr -d '\r' <"$log" | sed '/^@@ ima-vm begin/q'
}
console | perl "$TREE/scripts/bootgraph.pl" >"$svg" 2>/dev/null ||
	die "bootgraph.pl failed on $log"
console | sed -n \
	-e 's/^\[ *\([0-9.]*\)\] calling  \(init_tis\|deferred_probe_initcall\|init_ima\)+.*/  \1 s  start \2/p' \
	-e 's/^\[ *\([0-9.]*\)\] initcall \(init_tis\|deferred_probe_initcall\|init_ima\)+.* returned \(-*[0-9]*\).*/  \1 s  end   \2 (returned \3)/p' \
	-e 's/^\[ *\([0-9.]*\)\] .*TEST ONLY: \(.*\)/  \1 s  tpm_tis: \2/p' \
	-e 's/^\[ *\([0-9.]*\)\] tpm_tis [^ ]* \(.*TPM (device-id.*\)/  \1 s  tpm_tis: probed, \2/p' \
	-e 's/^\[ *\([0-9.]*\)\] ima: \(No TPM chip found.*\)/  \1 s  ima: \2/p' \
	-e 's/^\[ *\([0-9.]*\)\] ima: \(Allocated hash algorithm.*\)/  \1 s  ima: \2/p'
say "  picture: $svg"
