#!/usr/bin/python3
# keylime-judge.py LIST PCRS POLICY: judge the ASCII measurement list LIST
# with Keylime's own verifier code (ima.process_measurement_list, as
# Tpm.check_pcrs calls it) against the runtime policy POLICY exactly as
# keylime-policy wrote it, and PCR 10 of PCRS (a TPM's sysfs directory as
# the guests copy it, pcr-BANK/N): the SHA-256 bank, or SHA-1 where the TPM
# has no other. The boot aggregates that the verifier would compute from a
# boot log are given as it gives them: from PCRs 0-7 and 0-9 of every bank.
# Run with Keylime's source on PYTHONPATH, and its verifier.conf in
# KEYLIME_VERIFIER_CONFIG. Prints "pass", or "fail:" and the failure
# events; exits 0 or 1 (2 on bad input).
import hashlib
import json
import os
import sys

from keylime.common.algorithms import Hash
from keylime.ima import ima


def pcr(pcrs: str, bank: str, index: int) -> bytes:
    with open(os.path.join(pcrs, f"pcr-{bank}", str(index)), encoding="ascii") as f:
        return bytes.fromhex(f.read().strip())


def main() -> int:
    list_path, pcrs, policy_path = sys.argv[1:4]
    with open(list_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    with open(policy_path, encoding="utf-8") as f:
        policy = json.load(f)
    banks = sorted(d[len("pcr-") :] for d in os.listdir(pcrs) if d.startswith("pcr-"))
    bank = "sha256" if "sha256" in banks else "sha1"
    if bank not in banks:
        raise ValueError(f"{pcrs} has neither a SHA-256 nor a SHA-1 bank")
    aggregates = {
        b: [hashlib.new(b, b"".join(pcr(pcrs, b, i) for i in range(n))).hexdigest() for n in (8, 10)] for b in banks
    }
    _, failure = ima.process_measurement_list(
        None,
        lines,
        policy,
        pcrval=pcr(pcrs, bank, 10).hex(),
        boot_aggregates=aggregates,
        hash_alg=Hash(bank),
    )
    if not failure:
        print("pass")
        return 0
    print("fail: " + " ".join(sorted(set(failure.get_event_ids()))))
    return 1


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print("usage: keylime-judge.py LIST PCRS POLICY", file=sys.stderr)
        sys.exit(2)
    try:
        sys.exit(main())
    except (OSError, ValueError, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)
