#!/usr/bin/python3
"""bench/list.py OUT N: write a measurement list of N records as an x86_64
kernel writes it (little-endian, ima-ng: a boot aggregate of random PCRs
0-9, then N - 1 files with SHA-256 digests, all on PCR 10) to OUT.list, and
the PCRs of a TPM 2.0 with SHA-1 and SHA-256 banks that hold it, as
/sys/class/tpm/tpm0 shows them, to OUT.pcrs/pcr-<alg>/<N>: for the bench
report (bench.sh), which times the kselftest and evmctl on it."""
import hashlib
import os
import random
import struct
import sys

out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(n)
banks = ("sha1", "sha256")
pcr = {b: [rnd.randbytes(hashlib.new(b).digest_size) for _ in range(10)]
       for b in banks}
pcr10 = {b: bytes(hashlib.new(b).digest_size) for b in banks}


def field(data):
    return struct.pack("<I", len(data)) + data


with open(out + ".list", "wb") as f:
    for i in range(n):
        if i == 0:
            name = b"boot_aggregate"
            digest = hashlib.sha256(b"".join(pcr["sha256"])).digest()
        else:
            name = b"/usr/lib/bench/file%d" % i
            digest = rnd.randbytes(32)
        data = field(b"sha256:\0" + digest) + field(name + b"\0")
        f.write(struct.pack("<I", 10) + hashlib.sha1(data).digest() +
                field(b"ima-ng") + field(data))
        for b in banks:
            pcr10[b] = hashlib.new(b, pcr10[b] + hashlib.new(b, data).digest()).digest()
for b in banks:
    d = "%s.pcrs/pcr-%s" % (out, b)
    os.makedirs(d, exist_ok=True)
    for i, v in enumerate(pcr[b] + [pcr10[b]]):
        with open("%s/%d" % (d, i), "w") as f:
            f.write(v.hex().upper() + "\n")
