#!/bin/sh
# tsseventextend-tpm2-tools.sh -tpm -if LOG [-v]: what IBM TSS's
# "tsseventextend -tpm -if LOG" does, done with tpm2-tools: extend every
# event of the TCG event log LOG (TPM 2.0, crypto agile), but those of type
# EV_NO_ACTION, into the TPM's PCRs, in every bank the log has.
# ima-evm-utils' tests/boot_aggregate.test calls it so to fill a software
# TPM's PCRs 0-9; Debian's IBM TSS (tss2 1045) has no -tpm, and stops at an
# event of the test's sample log that it finds too big, so
# verifiers/ima-evm-utils.sh puts this in its place. tpm2_eventlog parses
# the log; tpm2_pcrextend reaches the TPM the test started through the
# TCTI that TPM2TOOLS_TCTI names (swtpm:port=2321, where the test runs it).
set -eu

log=
while [ $# -gt 0 ]; do
	case $1 in
	-tpm | -v) ;;
	-if) log=${2?-if needs a file}; shift ;;
	*) echo "tsseventextend-tpm2-tools.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
	shift
done
[ -n "$log" ] || { echo "usage: tsseventextend-tpm2-tools.sh -tpm -if LOG [-v]" >&2; exit 2; }

# one line an event: PCR:alg=digest,alg=digest
events=$(tpm2_eventlog "$log" | awk '
	function flush() {
		if (pcr != "" && type != "EV_NO_ACTION" && digests != "")
			print pcr ":" digests
		pcr = ""; type = ""; digests = ""
	}
	/^- EventNum:/ { flush() }
	/^pcrs:/ { flush(); exit }
	/^  PCRIndex:/ { pcr = $2 }
	/^  EventType:/ { type = $2 }
	/^  - AlgorithmId:/ { alg = $3 }
	/^    Digest:/ { d = $2; gsub(/"/, "", d); digests = digests (digests == "" ? "" : ",") alg "=" d }
	END { flush() }
')
[ -n "$events" ] || { echo "tsseventextend-tpm2-tools.sh: no event to extend in $log" >&2; exit 1; }
n=0
for e in $events; do
	tpm2_pcrextend "$e"
	n=$((n + 1))
done
echo "tsseventextend-tpm2-tools.sh: $n events of $log extended"
