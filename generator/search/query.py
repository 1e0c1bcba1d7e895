"""The reference search over a built index: what search.js does in the browser, step for step.

Tests compare the browser's results with these, and the benchmark uses it for recall/precision.
A document matches a query when it contains every whitespace-separated term as a phrase: all the
term's tokens occur at their offsets from one start position.
Ranking: valid before repealed/expired, then a match in the title, then newer year, then more
occurrences, then document number (which already orders valid/newest first, then URL).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.search.codec import read_varint
from generator.search.layout import prefix_shards, shard_of
from generator.search.tokens import QueryToken, split_terms, term_tokens


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    year: int | None = None
    category: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class DocFacets:
    kind: str
    status: str | None
    category: str | None
    year: int | None
    valid: bool
    title_len: int
    length: int  # of title + "\n" + text, in code points


@dataclass(frozen=True)
class Hit:
    doc: int
    valid: bool
    title_hit: bool
    year: int | None
    count: int
    starts: tuple[int, ...]  # match start positions in title + "\n" + text, ascending

    def rank_key(self) -> tuple[bool, bool, int, int, int]:
        return (not self.valid, not self.title_hit, -(self.year or 0), -self.count, self.doc)


def parse_shard(data: bytes) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    i = 0
    while i < len(data):
        n, i = read_varint(data, i)
        gram = data[i : i + n].decode("utf-8")
        i += n
        n, i = read_varint(data, i)
        out[gram] = data[i : i + n]
        i += n
    return out


def parse_postings(payload: bytes) -> list[int]:
    """Ascending global positions."""
    out: list[int] = []
    i = pos = 0
    while i < len(payload):
        d, i = read_varint(payload, i)
        pos += d
        out.append(pos)
    return out


class IndexReader:
    def __init__(self, files: Mapping[str, bytes]) -> None:
        self._files = files
        self.meta = json.loads(files["meta.json"])
        self._shards: dict[str, dict[str, bytes]] = {}
        self.facets = self._read_facets(files["docs.bin"])
        self.starts: list[int] = []  # each document's first position in the concatenated texts
        at = 0
        for f in self.facets:
            self.starts.append(at)
            at += f.length + 1

    @classmethod
    def from_dir(cls, search_dir: Path) -> IndexReader:
        files = {p.relative_to(search_dir).as_posix(): p.read_bytes() for p in search_dir.rglob("*") if p.is_file()}
        return cls(files)

    def _read_facets(self, data: bytes) -> list[DocFacets]:
        m = self.meta
        out: list[DocFacets] = []
        i = 0
        for _ in range(m["docs"]):
            vals = []
            for _ in range(7):
                v, i = read_varint(data, i)
                vals.append(v)
            kind, status, cat, year, valid, tlen, length = vals
            out.append(
                DocFacets(
                    kind=m["kinds"][kind],
                    status=m["statuses"][status - 1] if status else None,
                    category=m["categories"][cat - 1] if cat else None,
                    year=year or None,
                    valid=bool(valid),
                    title_len=tlen,
                    length=length,
                )
            )
        return out

    def _shard(self, path: str) -> dict[str, bytes]:
        if path not in self._shards:
            data = self._files.get(path)
            self._shards[path] = parse_shard(data) if data is not None else {}
        return self._shards[path]

    def token_postings(self, tok: QueryToken) -> list[int]:
        buckets, split = self.meta["buckets"], self.meta["split"]
        if not tok.prefix:
            payload = self._shard(shard_of(tok.text, buckets, split)).get(tok.text)
            return parse_postings(payload) if payload is not None else []
        merged: set[int] = set()
        for path in prefix_shards(tok.text, buckets, split):
            for gram, payload in self._shard(path).items():
                if gram.startswith(tok.text):
                    merged.update(parse_postings(payload))
        return sorted(merged)

    def doc_at(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def term_matches(self, term: str) -> dict[int, list[int]]:
        """doc → start positions (within the document's indexed text) where the whole term occurs."""
        toks = term_tokens(term)
        if not toks:
            return {}
        lists = [(t, self.token_postings(t)) for t in toks]
        anchor, anchor_ps = min(lists, key=lambda tp: len(tp[1]))
        others = [(t.offset, set(ps)) for t, ps in lists if t is not anchor]
        length = len(term)
        out: dict[int, list[int]] = {}
        for p in anchor_ps:
            s = p - anchor.offset
            if s < 0 or not all(s + off in ps for off, ps in others):
                continue
            doc = self.doc_at(s)
            local = s - self.starts[doc]
            if local + length <= self.facets[doc].length:  # never a phrase across two documents
                out.setdefault(doc, []).append(local)
        return out

    def search(self, query: str, filters: Filters = Filters()) -> list[Hit]:
        terms = split_terms(query)
        if not terms:
            return []
        per_term = [self.term_matches(t) for t in terms]
        docs = set.intersection(*(set(m) for m in per_term))
        hits: list[Hit] = []
        for doc in docs:
            f = self.facets[doc]
            if filters.status is not None and f.status != filters.status:
                continue
            if filters.year is not None and f.year != filters.year:
                continue
            if filters.category is not None and f.category != filters.category:
                continue
            if filters.kind is not None and f.kind != filters.kind:
                continue
            starts = sorted(s for m in per_term for s in m[doc])
            hits.append(
                Hit(
                    doc=doc,
                    valid=f.valid,
                    title_hit=any(s < f.title_len for s in starts),
                    year=f.year,
                    count=len(starts),
                    starts=tuple(starts),
                )
            )
        return sorted(hits, key=Hit.rank_key)

    def chunk_of(self, doc: int) -> str:
        starts: list[int] = self.meta["chunks"]
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= doc:
                lo = mid
            else:
                hi = mid - 1
        return f"c/{lo}.json"

    def record(self, doc: int) -> tuple[str, str, str]:
        """(url, title, snippet text) of a document."""
        chunk = self.chunk_of(doc)
        items = json.loads(self._files[chunk])
        url, title, text = items[doc - self.meta["chunks"][int(chunk[2:-5])]]
        return url, title, text
