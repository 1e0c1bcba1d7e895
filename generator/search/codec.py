"""Byte-level pieces shared with search.js: unsigned LEB128 varints and the FNV-1a shard hash."""

from __future__ import annotations


def _encode(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


VARINT_TABLE = [_encode(n) for n in range(1 << 16)]  # every position delta in ordinary texts


def varint(n: int) -> bytes:
    return VARINT_TABLE[n] if n < 1 << 16 else _encode(n)


def read_varint(buf: bytes, i: int) -> tuple[int, int]:
    """(value, next index)."""
    n = shift = 0
    while True:
        b = buf[i]
        i += 1
        n |= (b & 0x7F) << shift
        if b < 0x80:
            return n, i
        shift += 7


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over the UTF-8 bytes; search.js computes the same with Math.imul."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h
