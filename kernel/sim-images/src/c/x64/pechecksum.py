#!/usr/bin/python3
"""Writes the PE optional-header CheckSum into an image in place (what `editbin /release` does;
lld-link 14 has no /release). Windows checks it for boot drivers; debuggers show it.

Usage: pechecksum.py IMAGE...
The sum: 16-bit little-endian words with end-around carry, the CheckSum field counted as zero,
folded to 16 bits, plus the file length."""
import sys


def checksum(data, field):
    total = 0
    padded = data + (b"\0" if len(data) % 2 else b"")
    for i in range(0, len(padded), 2):
        word = 0 if field <= i < field + 4 else padded[i] | padded[i + 1] << 8
        total += word
        total = (total & 0xffff) + (total >> 16)
    return (total & 0xffff) + len(data)


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = bytearray(f.read())
    field = int.from_bytes(data[0x3c:0x40], "little") + 24 + 64
    data[field:field + 4] = checksum(bytes(data), field).to_bytes(4, "little")
    with open(path, "wb") as f:
        f.write(data)
