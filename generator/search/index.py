"""Build the static search index: a manifest, per-document facets, gram shards and text chunks.

Files (all under search/ in the built site; docs/search.md describes the format):
- meta.json       manifest: facet labels, shard layout, chunk boundaries, a content id for caching
- docs.bin        per document, varints: kind, status+1, category+1, year (0 none), valid, title length,
                  span - 1 (the next document starts span positions on; in code points)
- g/*.bin         postings; entries `len gram, gram (UTF-8), len payload, payload`, the payload being the
                  gram's positions in all indexed texts laid end to end, each in its span (`span`), as
                  ascending deltas (varints)
- c/<n>.json      [[url, title, text], …] for consecutive documents, fetched only for shown results
- lex.json        traditional → simplified table, stop words, synonym groups (lexicon.py)
- titles.json     title phrases with their counts, fetched only for "您是不是要找" suggestions

Documents are numbered valid first, then newest first, then by URL: the ranking's own order, so
the top results of most queries sit in the first few chunks and one chunk fetch serves several.
Output depends on the input set only (sorted everywhere, no clock, no dict-order leaks).
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, compress, count, repeat
from operator import add, ne, sub

from generator.search.codec import varint, varint_table
from generator.search.doc import KINDS, SearchDoc
from generator.search.layout import shard_of
from generator.search.lexicon import make_lexicon, title_runs
from generator.search.tokens import NON_TOKEN_RE, fold

FORMAT = 3
# Where a document's positions lie: its title from its first position, its text from the title's end
# rounded up to TITLE_SLOT, the next document from the text's end + 1 rounded up to SPAN_QUANTUM. Slack
# instead of one gap position: an edit that keeps a title within its slot and a text within its span
# moves no other document's positions, so the update after it rewrites the files of the grams that
# changed — not nearly every file, as when each later position moved (the rounding depends on the
# document alone: a clean build lays out the same). search.js reads the slot from meta.json (title_slot);
# docs.bin gives each document's span.
TITLE_SLOT = 128
SPAN_QUANTUM = 64
SHARD_BYTES = 16 * 1024  # a shard file aims at this size; a first-character group over 2× is split
MAX_SPLIT_BITS = 8
CHUNK_DIR = "c"
CHUNK_BYTES = 8 * 1024  # text chunk size: a page of 10 results fetches at most ~10 of these
SNIPPET_TEXT_CHARS = 3000  # text kept for snippets (the index covers the whole text)


class SearchIndexError(ValueError):
    pass


@dataclass(frozen=True)
class BuiltIndex:
    files: dict[str, bytes]  # path relative to search/ → content (of the files written, see `kept`)
    docs: tuple[SearchDoc, ...]  # in document-number order
    kept: tuple[str, ...] = ()  # files taken over from the last build as they were (not in `files`)

    @property
    def total_bytes(self) -> int:
        return sum(len(b) for b in self.files.values())


def doc_order(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    ordered = sorted(docs, key=lambda d: (not d.valid, -(d.year or 0), d.url))
    seen: set[str] = set()
    for d in ordered:
        if d.url in seen:
            raise SearchIndexError(f"搜索索引：两个页面使用同一地址 {d.url}，请检查生成的页面地址")
        seen.add(d.url)
        if d.kind not in KINDS:
            raise SearchIndexError(f"搜索索引：页面 {d.url} 的类型“{d.kind}”不是 {'/'.join(KINDS)} 之一")
    return ordered


def body_at(title_len: int) -> int:
    """Where a document's text begins in its indexed text."""
    return -(-(title_len + 1) // TITLE_SLOT) * TITLE_SLOT


def span(title_len: int, text_len: int) -> int:
    """The positions a document takes: its indexed text, one gap at least, rounded up to SPAN_QUANTUM."""
    return -(-(body_at(title_len) + text_len + 1) // SPAN_QUANTUM) * SPAN_QUANTUM


def indexed_text(doc: SearchDoc) -> str:
    """Title, line breaks (which no phrase spans) up to `body_at`, then the text: positions below
    len(title) are title hits."""
    return doc.title + "\n" * (body_at(len(doc.title)) - len(doc.title)) + doc.text


def positions(docs: Iterable[SearchDoc], base: int = 0) -> dict[str, array[int]]:
    """gram → its positions in the concatenation of the indexed texts of `docs` (each in its `span`),
    starting at `base`. A gram is two characters, the second NUL at the end of a run
    (`gram_name` gives its name in the index).

    This is the build's hot loop, so it runs on C-level iterators, one pass per document: every
    character that is not indexable becomes NUL, and each indexable character's gram is itself + the
    next character (X + NUL at the end of a run becomes the single-character gram X). About 1 µs
    per character on a shared 2-core machine; 4 bytes of memory per position."""
    found: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
    lookup = found.__getitem__
    append = array.append
    for doc in docs:
        text = fold(indexed_text(doc))
        chars = NON_TOKEN_RE.sub("\0", text)
        keep = list(map(ne, chars, repeat("\0")))
        grams = compress(map(add, chars, chars[1:] + "\0"), keep)
        deque(map(append, map(lookup, grams), compress(count(base), keep)), maxlen=0)
        base += span(len(doc.title), len(doc.text))
    return found


def gram_name(gram: str) -> str:
    return gram[0] if gram[-1] == "\0" else gram


def encode(ps: Sequence[int], prev: int = 0) -> bytes:
    """Ascending positions as varint deltas, the first from `prev`."""
    try:
        return b"".join(map(varint_table().__getitem__, map(sub, ps, chain((prev,), ps))))
    except IndexError:  # a gap wider than the table: rare grams only
        return b"".join(map(varint, map(sub, ps, chain((prev,), ps))))


def encoded_postings(docs: list[SearchDoc]) -> dict[str, bytes]:
    """gram → its positions in all indexed texts laid end to end, delta-encoded as varints. The
    client maps a position to its document with the text lengths in docs.bin."""
    return {gram_name(gram): encode(ps) for gram, ps in positions(docs).items()}


def _entry(gram: str, payload: bytes) -> bytes:
    g = gram.encode("utf-8")
    return varint(len(g)) + g + varint(len(payload)) + payload


def shard_layout(postings: Mapping[str, bytes], target: int) -> tuple[int, dict[str, int], dict[str, list[str]]]:
    """How the grams are laid out in files: (buckets, split, every file's grams in code-point order).
    Sized from the postings' lengths, no entry made yet."""
    grams = sorted(postings)
    group: dict[str, int] = {}
    for gram in grams:
        g, n = len(gram.encode("utf-8")), len(postings[gram])
        group[gram[0]] = group.get(gram[0], 0) + len(varint(g)) + g + len(varint(n)) + n
    split: dict[str, int] = {}
    for ch in sorted(group):
        size = group[ch]
        if size > 2 * target:
            k = 1
            while (size >> k) > target and k < MAX_SPLIT_BITS:
                k += 1
            split[ch] = k
    rest = sum(size for ch, size in group.items() if ch not in split)
    buckets = 1
    while buckets * target < rest and buckets < 4096:
        buckets *= 2
    files: dict[str, list[str]] = {}
    for gram in grams:  # sorted, so every file lists its grams in code-point order
        files.setdefault(shard_of(gram, buckets, split), []).append(gram)
    return buckets, split, {path: files[path] for path in sorted(files)}


def shard_file(grams: Iterable[str], postings: Mapping[str, bytes]) -> bytes:
    return b"".join([_entry(gram, postings[gram]) for gram in grams])


def shard_files(postings: dict[str, bytes], target: int) -> tuple[int, dict[str, int], dict[str, bytes]]:
    buckets, split, layout = shard_layout(postings, target)
    return buckets, split, {path: shard_file(grams, postings) for path, grams in layout.items()}


def facet_file(docs: list[SearchDoc]) -> tuple[list[str], list[str], bytes]:
    statuses = sorted({d.status for d in docs if d.status})
    categories = sorted({d.category for d in docs if d.category})
    s_ix = {s: i + 1 for i, s in enumerate(statuses)}
    c_ix = {c: i + 1 for i, c in enumerate(categories)}
    buf = bytearray()
    for d in docs:
        buf += varint(KINDS.index(d.kind))
        buf += varint(s_ix[d.status] if d.status else 0)
        buf += varint(c_ix[d.category] if d.category else 0)
        buf += varint(d.year or 0)
        buf += varint(1 if d.valid else 0)
        buf += varint(len(d.title))
        # The document's span less one: the next document starts that many positions and one gap on (as
        # in format 2, where it was the indexed length: a reader of either format finds the starts alike).
        buf += varint(span(len(d.title), len(d.text)) - 1)
    return statuses, categories, bytes(buf)


def doc_item(d: SearchDoc) -> bytes:
    """A document as its chunk file lists it."""
    return json.dumps([d.url, d.title, d.text[:SNIPPET_TEXT_CHARS]], ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


class ChunkCut:
    """Where the text chunks begin, decided item by item: documents in order, a chunk closed before
    it outgrows `target` (each item takes its size and a comma)."""

    def __init__(self, target: int) -> None:
        self.target, self.size, self.count = target, 0, 0

    def opens(self, item_size: int) -> bool:
        """Whether the next item begins a chunk (it is counted in)."""
        opens = self.count == 0 or self.size + item_size > self.target
        if opens:
            self.size = 0
        self.size += item_size + 1
        self.count += 1
        return opens


def chunk_starts(sizes: Sequence[int], target: int) -> list[int]:
    """The first document of each chunk (ChunkCut over a whole list)."""
    cut = ChunkCut(target)
    return [n for n, item_size in enumerate(sizes) if cut.opens(item_size)]


def chunk_file(items: Sequence[bytes]) -> bytes:
    return b"[" + b",".join(items) + b"]\n"


def chunk_path(n: int) -> str:
    return f"{CHUNK_DIR}/{n}.json"


def _chunks(docs: list[SearchDoc], target: int) -> tuple[list[int], dict[str, bytes]]:
    items = [doc_item(d) for d in docs]
    starts = chunk_starts([len(i) for i in items], target)
    ends = [*starts[1:], len(items)][:len(starts)]
    return starts, {chunk_path(n): chunk_file(items[a:b]) for n, (a, b) in enumerate(zip(starts, ends, strict=True))}


def file_digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def meta_json(docs: int, statuses: list[str], categories: list[str], buckets: int, split: dict[str, int],
              starts: list[int], digests: dict[str, bytes]) -> bytes:
    """The manifest; its id is a digest of every other file (`digests`: path → file_digest)."""
    digest = hashlib.sha256()
    for path in sorted(digests):
        digest.update(path.encode() + b"\0" + digests[path])
    meta = {
        "format": FORMAT,
        "title_slot": TITLE_SLOT,
        "id": digest.hexdigest()[:16],
        "docs": docs,
        "kinds": list(KINDS),
        "statuses": statuses,
        "categories": categories,
        "buckets": buckets,
        "split": split,
        "chunks": starts,
    }
    return (json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode()


def build_index(
    docs: Iterable[SearchDoc], *, synonyms: Iterable[Sequence[str]] = (), shard_bytes: int = SHARD_BYTES,
    chunk_bytes: int = CHUNK_BYTES,
) -> BuiltIndex:
    """`synonyms`: groups of equal words (科技局, 科学技术局), for queries that fall back to words."""
    ordered = doc_order(docs)
    buckets, split, shards = shard_files(encoded_postings(ordered), shard_bytes)
    statuses, categories, facets = facet_file(ordered)
    starts, chunk_files = _chunks(ordered, chunk_bytes)
    files: dict[str, bytes] = {"docs.bin": facets, "lex.json": make_lexicon(synonyms).lex_json(),
                               "titles.json": title_runs(ordered), **shards, **chunk_files}
    digests = {path: file_digest(data) for path, data in files.items()}
    files["meta.json"] = meta_json(len(ordered), statuses, categories, buckets, split, starts, digests)
    return BuiltIndex(files={p: files[p] for p in sorted(files)}, docs=tuple(ordered))
