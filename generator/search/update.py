"""The search index written with the last build's help (cache.py's Reuse).

When no searchable record changed, the last build's index files are taken over as they are. After
an edit, the postings are the last build's, cut and patched where documents changed (postings.py);
the text chunks made of unchanged documents and the gram shards whose bytes come out the same are
linked from the last site; the small files (facets, titles, manifest) are made anew. The files are
those a clean build writes, byte for byte (tests/test_incremental_outputs.py).

What the next build needs — every gram's postings with their marks, each document's place and chunk
size, the title phrase counts, each file's digest — is kept in the cache folder as
search/state-<key>.pickle, named by the key of the index it describes. A missing or damaged state
only means the index is made from the texts again.
"""

from __future__ import annotations

import array as array_module
import hashlib
import os
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from generator.cache import Entry, Reuse, collector_paused, link_or_copy, load_pickle, save_pickle
from generator.parallel import give_back_memory
from generator.search.doc import SearchDoc
from generator.search.index import (
    CHUNK_DIR,
    BuiltIndex,
    ChunkCut,
    chunk_file,
    chunk_path,
    chunk_starts,
    doc_item,
    doc_order,
    facet_file,
    file_digest,
    gram_name,
    meta_json,
    positions,
    shard_file,
    shard_layout,
    span,
)
from generator.search.layout import GRAM_DIR, shard_of
from generator.search.lexicon import make_lexicon, title_counts, title_phrases, titles_json
from generator.search.postings import Fresh, Posting, marked_in_batches, plan, update

NAME = "search"  # the index's entry in the build's record of outputs, and its folder in the cache
MAX_RUNS = 64
# Documents whose positions a clean build holds at once (4 bytes a character of text: 5,000 documents of
# this catalogue's length are some 15 MB, against 130 MB for the 50,000 of a large one all at once).
BATCH = 5000  # an edit that cuts the texts into more runs than this: tokenise them all again


@dataclass
class IndexState:
    """What the next build needs of this build's index (see the module docstring)."""

    key: bytes
    docs: list[tuple[str, bytes, int, int, str]]  # (url, doc_key, positions taken, chunk item size, title)
    postings: dict[str, Posting]
    titles: Counter[str]
    digests: dict[str, bytes]  # path under search/ → file_digest, for every file but meta.json
    chunks: dict[bytes, str]  # a chunk's key (its documents' keys) → its path
    layout: tuple[int, dict[str, int]] = (0, {})  # the gram files' buckets and split (index.shard_layout)


def doc_key(d: SearchDoc) -> bytes:
    """Everything the index takes from a document."""
    head = repr((d.url, d.title, d.kind, d.status, d.year, d.category, d.valid))
    h = hashlib.blake2b(head.encode("utf-8", "surrogatepass"), digest_size=16)
    h.update(b"\0source\0" + d.source if d.source else d.text.encode("utf-8", "surrogatepass"))
    return h.digest()


def _state_path(root: Path, key: bytes) -> Path:
    return root / NAME / f"state-{key.hex()}.pickle"


def _load(reuse: Reuse, prev: Entry | None) -> IndexState | None:
    if prev is None or reuse.root is None:
        return None
    state = load_pickle(_state_path(reuse.root, prev.key), IndexState, Counter, array,
                        array_module._array_reconstructor)  # type: ignore[attr-defined]  # how array pickles
    return state if isinstance(state, IndexState) and state.key == prev.key else None


def _save(reuse: Reuse, state: IndexState, prev: Entry | None) -> None:
    """The new state, and no other but the last published build's (this one may yet fail)."""
    assert reuse.root is not None
    path = _state_path(reuse.root, state.key)
    save_pickle(path, state, shared=False)
    keep = {path.name} | ({_state_path(reuse.root, prev.key).name} if prev is not None else set())
    for old in path.parent.glob("state-*.pickle"):
        if old.name not in keep:
            old.unlink(missing_ok=True)


def _fresh(ordered: list[SearchDoc], sizes: list[int], segs: Sequence[object]) -> dict[str, array[int]]:
    """gram → its positions in the documents of the runs to tokenise again (new coordinates)."""
    starts = list(accumulate(sizes, initial=0))
    out: dict[str, array[int]] = {}
    for seg in segs:
        if isinstance(seg, Fresh):
            a, b = bisect_left(starts, seg.start), bisect_left(starts, seg.end)
            for gram, ps in positions(ordered[a:b], seg.start).items():
                out.setdefault(gram_name(gram), array("I")).extend(ps)
    return out


def _batches(ordered: list[SearchDoc], sizes: list[int], size: int) -> Iterator[dict[str, array[int]]]:
    """Every gram's positions (by its name), `size` documents at a time, in the coordinates of all texts."""
    base = 0
    for a in range(0, len(ordered), size):
        found = positions(ordered[a:a + size], base)
        yield {gram_name(g): found.pop(g) for g in list(found)}
        base += sum(sizes[a:a + size])


class _Files:
    """The new index's files: written, or linked from the last published index where their bytes are
    wanted again. Plain string paths: thousands of files, and pathlib's per-path cost showed."""

    def __init__(self, reuse: Reuse, prev: Entry | None, root: Path) -> None:
        self.prev = prev.files if prev is not None else {}
        self.old, self.new = os.fspath(reuse.out / NAME), os.fspath(root)
        for d in ("", GRAM_DIR, CHUNK_DIR):
            os.makedirs(os.path.join(self.new, d), exist_ok=True)

    def link(self, old: str, new: str) -> bool:
        """The last index's `old` as `new`, if it is still as published."""
        state = self.prev.get(f"{NAME}/{old}")
        src = f"{self.old}/{old}"
        try:
            st = os.stat(src)
        except OSError:
            return False
        if state is None or (st.st_ino, st.st_size, st.st_mtime_ns) != state:
            return False
        link_or_copy(src, f"{self.new}/{new}")
        return True

    def write(self, path: str, data: bytes) -> None:
        with open(f"{self.new}/{path}", "wb") as fh:
            fh.write(data)


def write_with_reuse(docs: Sequence[SearchDoc], out_dir: Path, synonyms: Sequence[Sequence[str]], reuse: Reuse,
                     shard_bytes: int, chunk_bytes: int) -> BuiltIndex:
    """write_search_index's work with a Reuse; `out_dir`/search/ holds no index yet."""
    with collector_paused():  # every gram's postings are made again: many objects, no cycles
        return _write(docs, out_dir, synonyms, reuse, shard_bytes, chunk_bytes)


def _write(docs: Sequence[SearchDoc], out_dir: Path, synonyms: Sequence[Sequence[str]], reuse: Reuse,
           shard_bytes: int, chunk_bytes: int) -> BuiltIndex:
    ordered = doc_order(docs)
    keys = [doc_key(d) for d in ordered]
    key = reuse.fingerprint(NAME, b"".join(keys), [list(g) for g in synonyms], shard_bytes, chunk_bytes)
    taken = reuse.take(NAME, key, out_dir)
    if taken is not None:
        return BuiltIndex({}, tuple(ordered), tuple(sorted(rel[len(NAME) + 1:] for rel in taken.files)))
    prev = reuse.previous.get(NAME)
    state = _load(reuse, prev)
    sizes = [span(len(d.title), len(d.text)) for d in ordered]  # positions taken
    layout = list(zip([d.url for d in ordered], keys, sizes, strict=True))
    segs = plan([(u, k, n) for u, k, n, _, _ in state.docs], layout) if state is not None else None
    if state is None or segs is None or len(segs) > MAX_RUNS:
        state = segs = None
    items: dict[int, bytes] = {}
    if state is not None:
        titles, item_sizes = _titles_and_items(state, ordered, keys, items)
    else:
        titles = title_counts(ordered)
    out = _Files(reuse, prev, out_dir / NAME)
    digests: dict[str, bytes] = {}
    kept: list[str] = []
    written: list[str] = []

    def put(path: str, data: bytes) -> None:
        """A file made again: linked from the last index where its bytes are the same, else written."""
        digests[path] = file_digest(data)
        if state is not None and state.digests.get(path) == digests[path] and out.link(path, path):
            kept.append(path)
        else:
            out.write(path, data)
            written.append(path)

    # The text chunks first, each written as soon as it is made and its items dropped: the postings
    # come after, so that the texts and the postings of 50,000 documents are never in memory together.
    chunks: dict[bytes, str] = {}

    def chunk_key(a: int, b: int) -> bytes:
        return hashlib.blake2b(b"".join(keys[a:b]), digest_size=16).digest()

    if state is None:  # every item made now, a chunk's worth at a time, cut as chunk_starts cuts
        starts: list[int] = []
        item_sizes = []
        pending: list[bytes] = []
        cut = ChunkCut(chunk_bytes)

        def flush(end: int) -> None:
            chunks[chunk_key(starts[-1], end)] = chunk_path(len(starts) - 1)
            put(chunk_path(len(starts) - 1), chunk_file(pending))
            pending.clear()

        for n, d in enumerate(ordered):
            item = doc_item(d)
            if cut.opens(len(item)):
                if pending:
                    flush(n)
                starts.append(n)
            pending.append(item)
            item_sizes.append(len(item))
        if pending:
            flush(len(ordered))
    else:
        starts = chunk_starts(item_sizes, chunk_bytes)
        for n, (a, b) in enumerate(zip(starts, [*starts[1:], len(ordered)], strict=False)):
            path, ck = chunk_path(n), chunk_key(a, b)
            chunks[ck] = path
            old = state.chunks.get(ck)
            if old is not None and out.link(old, path):
                digests[path] = state.digests[old]
                kept.append(path)
            else:
                put(path, chunk_file([items.pop(i, b"") or doc_item(ordered[i]) for i in range(a, b)]))
    del items
    give_back_memory()
    changed: set[str] | None = None  # the grams whose postings are not the last build's (None: all)
    if state is not None and segs is not None:
        postings = update(state.postings, segs, _fresh(ordered, sizes, segs))
        changed = {g for g, p in postings.items() if state.postings.get(g) is not p}
        changed.update(g for g in state.postings if g not in postings)
        # The last build's postings, about as large as the new ones (a few hundred MB at 50,000 documents):
        # let go before the shards are made and the state saved, not at the end.
        state.postings = {}
    else:
        postings = marked_in_batches(_batches(ordered, sizes, BATCH))
    give_back_memory()  # the positions, encoded now
    payloads = {g: p[0] for g, p in postings.items()}
    buckets, split, grams_of = shard_layout(payloads, shard_bytes)
    # A file laid out as before holding no gram that changed (none came or went) has the last build's
    # bytes: linked without being made again (after a one-document edit, all but a few dozen).
    same = state.digests if state is not None and changed is not None and state.layout == (buckets, split) else {}
    dirty = {shard_of(g, buckets, split) for g in changed} if same and changed is not None else set()
    for path, grams in grams_of.items():
        if path in same and path not in dirty and out.link(path, path):
            digests[path] = same[path]
            kept.append(path)
        else:
            put(path, shard_file(grams, payloads))
    del payloads
    statuses, categories, facets = facet_file(ordered)
    put("docs.bin", facets)
    put("lex.json", make_lexicon(synonyms).lex_json())
    put("titles.json", titles_json(titles))
    meta = meta_json(len(ordered), statuses, categories, buckets, split, starts, digests)
    out.write("meta.json", meta)
    written.append("meta.json")
    reuse.made(NAME, key, out_dir, [f"{NAME}/{p}" for p in sorted([*written, *kept])])
    docs_state = [(d.url, k, n, s, d.title) for d, k, n, s in zip(ordered, keys, sizes, item_sizes, strict=True)]
    _save(reuse, IndexState(key, docs_state, postings, titles, digests, chunks, (buckets, split)), prev)
    return BuiltIndex({"meta.json": meta}, tuple(ordered), tuple(sorted(kept)))


def _titles_and_items(state: IndexState, ordered: list[SearchDoc], keys: list[bytes],
                      items: dict[int, bytes]) -> tuple[Counter[str], list[int]]:
    """The title phrase counts with the changed documents' titles swapped, and every document's chunk
    item size (the unchanged ones' from the state; the others' items are made and kept in `items`)."""
    old = {(url, k): (size, title) for url, k, _, size, title in state.docs}
    titles = Counter(state.titles)
    item_sizes: list[int] = []
    new = set()
    for n, (d, k) in enumerate(zip(ordered, keys, strict=True)):
        new.add((d.url, k))
        hit = old.get((d.url, k))
        if hit is None:
            titles.update(title_phrases(d.title))
            items[n] = doc_item(d)
            item_sizes.append(len(items[n]))
        else:
            item_sizes.append(hit[0])
    for url_key, (_, title) in old.items():
        if url_key not in new:
            titles.subtract(title_phrases(title))
    return +titles, item_sizes
