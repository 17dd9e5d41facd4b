#!/usr/bin/python3
# ima-ascii-list.py LIST [little|big]: print IMA's binary measurement list
# LIST (binary_runtime_measurements) as the kernel prints
# ascii_runtime_measurements, for verifiers that read only that (Keylime):
# PCR, template digest, template name, then each field (digests as
# [algo:]hex, names as text, signatures and buffers as hex). The list's
# integers are little-endian unless told otherwise. A record that runs past
# the end, or a template this does not know, stops it with an error.
import struct
import sys

FORMATS = {
    "ima-ng": ["d-ng", "n-ng"],
    "ima-ngv2": ["d-ngv2", "n-ng"],
    "ima-sig": ["d-ng", "n-ng", "sig"],
    "ima-sigv2": ["d-ngv2", "n-ng", "sig"],
    "ima-buf": ["d-ng", "n-ng", "buf"],
    "ima-modsig": ["d-ng", "n-ng", "sig", "d-modsig", "modsig"],
}


def field_text(fid: str, data: bytes) -> str:
    if fid in ("d-ng", "d-ngv2", "d-modsig"):
        if not data:
            return ""
        head, _, digest = data.partition(b"\0")
        return head.decode() + digest.hex()
    if fid == "n-ng":
        return data.rstrip(b"\0").decode(errors="replace")
    return data.hex()


def main() -> int:
    path = sys.argv[1]
    order = "<" if len(sys.argv) < 3 or sys.argv[2] == "little" else ">"
    buf = open(path, "rb").read()
    off = 0

    def take(n: int) -> bytes:
        nonlocal off
        if off + n > len(buf):
            raise ValueError(f"{path}: a record runs past the end at offset {off}")
        off += n
        return buf[off - n : off]

    def u32() -> int:
        return struct.unpack(order + "I", take(4))[0]

    while off < len(buf):
        pcr = u32()
        template_digest = take(20).hex()
        name = take(u32()).decode()
        if name == "ima":
            digest = take(20).hex()
            event = take(u32()).decode(errors="replace")
            print(f"{pcr:2d} {template_digest} ima {digest} {event}")
            continue
        if name not in FORMATS:
            raise ValueError(f"{path}: template {name} is not one this knows")
        length = u32()
        end = off + length
        texts = []
        for fid in FORMATS[name]:
            texts.append(field_text(fid, take(u32())))
        if off != end:
            raise ValueError(f"{path}: template data of {name} at offset {off} is not as long as it says")
        print(f"{pcr:2d} {template_digest} {name} " + " ".join(texts))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError, UnicodeDecodeError) as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
