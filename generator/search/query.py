"""The reference search over a built index: what search.js does in the browser, step for step.

Tests compare the browser's results with these, and the benchmark uses it for recall/precision.
A document matches a query when it contains every whitespace-separated term as a phrase: all the
term's tokens occur at their offsets from one start position.
Ranking: valid before repealed/expired, then a match in the title, then newer year, then more
occurrences, then document number (which already orders valid/newest first, then URL). A title that
is the query itself (a law by its short name) comes first. When the phrases have fewer than FEW
documents, documents with every word of the query follow (words.py); when phrases and those together
are still fewer than FEW, the best partial ones (the most words, a word in the title first) follow them.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.search.codec import read_varint
from generator.search.layout import prefix_shards, shard_of
from generator.search.tokens import QueryToken, fold, split_terms, term_tokens
from generator.search.words import FEW, NEAR, Group, query_groups, suggestions, synonym_map


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
    length: int  # the positions the document takes less one (index.py span), in code points


@dataclass(frozen=True)
class Hit:
    doc: int
    valid: bool
    title_hit: bool
    year: int | None
    count: int
    starts: tuple[int, ...]  # match start positions in the indexed text, ascending
    spans: tuple[tuple[int, int], ...] = ()  # (start, end) of every match, for highlighting
    match: str = "phrase"  # phrase | words (every word, not side by side) | partial (some words)
    missing: tuple[str, ...] = ()  # the query's words a partial match lacks
    name_hit: bool = False  # the title is the query (a law by its short name: 合同法)
    matched: int = 0  # words present (fallback)
    title_words: int = 0  # words present in the title (fallback)
    near: bool = True  # all present words within NEAR characters of each other (fallback)
    covered: int = 0  # characters of the query's words present (fallback): a long, specific word before a short one

    def rank_key(self) -> tuple[int, ...]:
        return (MATCH_ORDER.index(self.match), not self.name_hit, not self.valid, -self.matched, -self.title_words,
                -self.covered, not self.title_hit, not self.near, -(self.year or 0), -self.count, self.doc)


MATCH_ORDER = ("phrase", "words", "partial")
STATE_PREFIX = "中华人民共和国"


@dataclass(frozen=True)
class Answer:
    terms: list[str]
    hits: list[Hit]
    groups: list[Group] = field(default_factory=list)  # the words, when the query fell back to them
    suggestions: list[str] = field(default_factory=list)


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
        lex = json.loads(files["lex.json"])
        self.stop = frozenset(lex["stop"])
        self.synonyms = synonym_map(lex["synonyms"])
        self._titles: list[tuple[str, int]] | None = None

    @property
    def titles(self) -> list[tuple[str, int]]:
        """Title phrases and how many titles have each, for suggestions (fetched only when needed)."""
        if self._titles is None:
            self._titles = [(t, n) for t, n in json.loads(self._files["titles.json"])]
        return self._titles

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

    def occurrences(self, phrase: str) -> int:
        """How often a phrase occurs in all indexed texts: the segmenter's dictionary (words.py).

        The segmenter asks this for many strings of the query, so a phrase without gaps (one run of
        Han characters, letters or digits: its bigrams at offsets 0, 1, 2 …) is counted on the
        postings alone — such a match lies inside one run, so never across two documents, and needs
        neither the document of each position nor a list per document. Other phrases are matched."""
        toks = term_tokens(phrase)
        if not toks or toks[0].prefix or [t.offset for t in toks] != list(range(len(toks))):
            return sum(len(v) for v in self.term_matches(phrase).values())
        lists = [self.token_postings(t) for t in toks]
        k = min(range(len(lists)), key=lambda i: len(lists[i]))
        others = [(i - k, set(ps)) for i, ps in enumerate(lists) if i != k]
        return sum(1 for p in lists[k] if p >= k and all(p + d in ps for d, ps in others))

    def alternatives(self, term: str) -> tuple[str, ...]:
        return self.synonyms.get(fold(term), (term,))

    def alt_matches(self, alts: tuple[str, ...]) -> dict[int, list[tuple[int, int]]]:
        """doc → (start, end) of every occurrence of any alternative, ascending."""
        out: dict[int, list[tuple[int, int]]] = {}
        for alt in alts:
            for doc, starts in self.term_matches(alt).items():
                out.setdefault(doc, []).extend((s, s + len(alt)) for s in starts)
        return {doc: sorted(set(spans)) for doc, spans in out.items()}

    def _passes(self, doc: int, filters: Filters) -> bool:
        f = self.facets[doc]
        return ((filters.status is None or f.status == filters.status)
                and (filters.year is None or f.year == filters.year)
                and (filters.category is None or f.category == filters.category)
                and (filters.kind is None or f.kind == filters.kind))

    def _hit(self, doc: int, per: list[dict[int, list[tuple[int, int]]]], match: str,
             words: list[Group] | None = None, name_hit: bool = False) -> Hit:
        f = self.facets[doc]
        present = [k for k, m in enumerate(per) if doc in m]
        spans = sorted(sp for k in present for sp in per[k][doc])
        starts = sorted(s for s, _ in spans)
        title_words = sum(1 for k in present if per[k][doc][0][0] < f.title_len)
        near, fallback = True, match != "phrase"
        if fallback and len(present) > 1:
            events = sorted((s, k) for k in present for s, _ in per[k][doc])
            near = _window(events, len(present)) <= NEAR
        return Hit(doc=doc, valid=f.valid, title_hit=starts[0] < f.title_len, year=f.year, count=len(starts),
                   starts=tuple(starts), spans=tuple(spans), match=match,
                   missing=tuple(words[k].word for k in range(len(per)) if doc not in per[k]) if words else (),
                   name_hit=name_hit, matched=len(present) if fallback else 0,
                   title_words=title_words if fallback else 0, near=near,
                   covered=sum(len(words[k].word) for k in present) if fallback and words else 0)

    def search(self, query: str, filters: Filters = Filters()) -> list[Hit]:
        return self.answer(query, filters).hits

    def answer(self, query: str, filters: Filters = Filters()) -> Answer:
        terms = split_terms(query)
        if not terms:
            return Answer([], [])
        per_term = [self.alt_matches(self.alternatives(t)) for t in terms]
        phrase_docs = set.intersection(*(set(m) for m in per_term))
        names = {fold(a) for a in self.alternatives(terms[0])} if len(terms) == 1 else set()
        hits = [self._hit(doc, per_term, "phrase", name_hit=self._title_key(doc, names))
                for doc in sorted(phrase_docs) if self._passes(doc, filters)]
        groups: list[Group] = []
        hints: list[str] = []
        if len(phrase_docs) < FEW:
            groups = query_groups(terms, self.occurrences, self.stop, self.synonyms)
            per_group = [self.alt_matches(g.alts) for g in groups]
            full = set.intersection(*(set(m) for m in per_group)) - phrase_docs
            hits += [self._hit(doc, per_group, "words", groups) for doc in sorted(full) if self._passes(doc, filters)]
            if len(phrase_docs) + len(full) < FEW:
                partial = best_partial(per_group, phrase_docs | full)
                hits += [self._hit(doc, per_group, "partial", groups) for doc in partial if self._passes(doc, filters)]
                missing = [g.word for g, m in zip(groups, per_group, strict=True) if not m]
                if missing and not full and not phrase_docs:
                    hints = suggestions(groups, missing, self.titles)
        return Answer(terms, sorted(hits, key=Hit.rank_key), groups, hints)

    def _title_key(self, doc: int, names: set[str]) -> bool:
        """Whether the document's title is one of `names`, after a leading 中华人民共和国 (合同法 is
        中华人民共和国合同法). Only titles of a fitting length are read."""
        n = self.facets[doc].title_len
        if not any(n == len(a) or n == len(a) + len(STATE_PREFIX) for a in names):
            return False
        title = fold(self.record(doc)[1])
        return title in names or (title.startswith(STATE_PREFIX) and title[len(STATE_PREFIX):] in names)

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


def best_partial(per_group: list[dict[int, list[tuple[int, int]]]], full: set[int]) -> list[int]:
    """The documents outside `full` that hold the most of the query's words (at least one), ascending."""
    present: dict[int, int] = {}
    for m in per_group:
        for doc in m:
            if doc not in full:
                present[doc] = present.get(doc, 0) + 1
    best = max(present.values(), default=0)
    return sorted(doc for doc, n in present.items() if n == best)


def _window(events: list[tuple[int, int]], groups: int) -> int:
    """The shortest distance from first to last start of a stretch holding every one of `groups`
    words; `events` are (start, word) ascending."""
    best = 1 << 30
    have: dict[int, int] = {}
    left = 0
    for pos, k in events:
        have[k] = have.get(k, 0) + 1
        while len(have) == groups:
            best = min(best, pos - events[left][0])
            lk = events[left][1]
            have[lk] -= 1
            if not have[lk]:
                del have[lk]
            left += 1
    return best
