"""Where a gram's postings live: the one rule the builder, the Python reader and search.js share.

Grams are grouped by their first character, so every gram that starts with a given character (all
that a one-character query or a word prefix needs) is in a known place. Small groups share one of
`buckets` files chosen by hash of the character; a group too large for one file (科, 技, 的 …) is
split by hash of its second character into 2**k files of its own, listed in the manifest.
"""

from __future__ import annotations

from generator.search.codec import fnv1a

GRAM_DIR = "g"


def shard_of(gram: str, buckets: int, split: dict[str, int]) -> str:
    first = gram[0]
    k = split.get(first)
    if k is None:
        return f"{GRAM_DIR}/{fnv1a(first) & (buckets - 1)}.bin"
    return f"{GRAM_DIR}/{ord(first):x}-{fnv1a(gram[1:2]) & ((1 << k) - 1)}.bin"


def prefix_shards(prefix: str, buckets: int, split: dict[str, int]) -> list[str]:
    """Every file that may hold a gram starting with `prefix` (one file unless a split group is
    entered by a single character)."""
    k = split.get(prefix[0])
    if k is not None and len(prefix) == 1:
        return [f"{GRAM_DIR}/{ord(prefix):x}-{j}.bin" for j in range(1 << k)]
    return [shard_of(prefix, buckets, split)]
