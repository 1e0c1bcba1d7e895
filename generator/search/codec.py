"""Byte-level pieces shared with search.js: unsigned LEB128 varints and the FNV-1a shard hash."""

from __future__ import annotations

import functools


def _encode(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


@functools.cache
def varint_table() -> list[bytes]:
    """The varint of every number below 65,536 (every position delta in ordinary texts). Made when
    first needed, by the process that writes the index; one, two and three bytes made directly (8–10 ms;
    by `_encode`, 15–30 ms)."""
    return [*(bytes((n,)) for n in range(1 << 7)),
            *(bytes((n & 0x7F | 0x80, n >> 7)) for n in range(1 << 7, 1 << 14)),
            *(bytes((n & 0x7F | 0x80, n >> 7 & 0x7F | 0x80, n >> 14)) for n in range(1 << 14, 1 << 16))]


def varint(n: int) -> bytes:
    return varint_table()[n] if n < 1 << 16 else _encode(n)


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
