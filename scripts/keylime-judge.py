#!/usr/bin/python3
# keylime-judge.py LIST PCRS POLICY: judge the ASCII measurement list LIST
# with Keylime's own verifier code (ima.process_measurement_list, as
# Tpm.check_pcrs calls it), against PCR 10 of the SHA-256 bank of PCRS (a
# TPM's sysfs directory as the guests copy it, pcr-sha256/N) and the runtime
# policy POLICY, with the boot aggregates computed from PCRs 0-7 and 0-9 of
# that bank, as Keylime computes them from a boot log; the policy's own
# boot aggregate digests are dropped first, so that the record is checked
# against the PCRs. Run with Keylime's source on PYTHONPATH. Prints "pass",
# or "fail:" and the failure events; exits 0 or 1 (2 on bad input).
import hashlib
import json
import os
import sys

from keylime.common.algorithms import Hash
from keylime.ima import ima


def pcr(pcrs: str, index: int) -> bytes:
    with open(os.path.join(pcrs, "pcr-sha256", str(index)), encoding="ascii") as f:
        return bytes.fromhex(f.read().strip())


def main() -> int:
    list_path, pcrs, policy_path = sys.argv[1:4]
    with open(list_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    with open(policy_path, encoding="utf-8") as f:
        policy = json.load(f)
    for name in ima.BOOT_AGGREGATE_NAMES:
        policy["digests"].pop(name, None)
    aggregates = [hashlib.sha256(b"".join(pcr(pcrs, i) for i in range(n))).hexdigest() for n in (8, 10)]
    _, failure = ima.process_measurement_list(
        None,
        lines,
        policy,
        pcrval=pcr(pcrs, 10).hex(),
        boot_aggregates={"sha256": aggregates},
        hash_alg=Hash.SHA256,
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
