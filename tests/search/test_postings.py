"""Postings updated after edits equal, byte for byte, the postings of a clean build of the new texts."""

from __future__ import annotations

import dataclasses
import random
from array import array

from generator.search import SearchDoc
from generator.search.codec import read_varint, varint, varint_table
from generator.search.index import doc_order, encoded_postings, gram_name, positions, span
from generator.search.postings import MARK, Fresh, Kept, Posting, locate, marked, marked_in_batches, plan, update
from generator.search.update import _batches
from tests.search.corpus import synthetic_docs


def _layout(docs: list[SearchDoc]) -> list[tuple[str, bytes, int]]:
    return [(d.url, (d.title + "\0" + d.text).encode(), span(len(d.title), len(d.text))) for d in docs]


def _clean(docs: list[SearchDoc]) -> dict[str, Posting]:
    return {gram_name(g): marked(ps) for g, ps in positions(docs).items()}


def _updated(state: dict[str, Posting], old: list[SearchDoc], new: list[SearchDoc]) -> dict[str, Posting]:
    segs = plan(_layout(old), _layout(new))
    fresh: dict[str, array[int]] = {}
    by_url = {d.url: d for d in new}
    at = 0
    order = [(d.url, n) for d, (_, _, n) in zip(new, _layout(new), strict=True)]
    for seg in segs:
        if isinstance(seg, Fresh):
            while at < seg.start:
                at += order.pop(0)[1]
            run: list[SearchDoc] = []
            while at < seg.end:
                url, n = order.pop(0)
                run.append(by_url[url])
                at += n
            for g, ps in positions(run, seg.start).items():
                fresh.setdefault(gram_name(g), array("I")).extend(ps)
    return update(state, segs, fresh)


def _edit(docs: list[SearchDoc], rng: random.Random, pool: list[SearchDoc]) -> list[SearchDoc]:
    docs = list(docs)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(docs))
        what = rng.choice(("title", "text", "delete", "add", "move"))
        if what == "title":
            docs[i] = dataclasses.replace(docs[i], title=docs[i].title[: rng.randint(0, 12)] + "修订")
        elif what == "text":
            d = docs[i]
            cut = rng.randint(0, len(d.text))
            docs[i] = dataclasses.replace(d, text=d.text[:cut] + rng.choice(pool).text[:rng.randint(0, 400)])
        elif what == "delete" and len(docs) > 1:
            del docs[i]
        elif what == "add":
            docs.append(dataclasses.replace(rng.choice(pool), url=f"new/{rng.random()}/"))
        else:
            docs[i] = dataclasses.replace(docs[i], year=rng.choice((1999, 2030)), valid=not docs[i].valid)
    return doc_order(docs)


def test_random_edits_give_the_postings_of_a_clean_build() -> None:
    rng = random.Random(7)
    pool = synthetic_docs(40, seed=3)
    docs = doc_order(synthetic_docs(80))
    state = _clean(docs)
    for _ in range(15):
        new = _edit(docs, rng, pool)
        state = _updated(state, docs, new)  # updated again and again: the marks stay usable
        payloads = {g: p[0] for g, p in state.items()}
        assert payloads == encoded_postings(new)
        assert {g: p[1] for g, p in state.items()} == {g: p[1] for g, p in _clean(new).items()}
        docs = new


def test_an_unchanged_leading_run_keeps_its_postings_objects() -> None:
    docs = doc_order(synthetic_docs(50))
    state = _clean(docs)
    new = [*docs[:-1], dataclasses.replace(docs[-1], title="改过的标题")]
    segs = plan(_layout(docs), _layout(new))
    assert isinstance(segs[0], Kept) and segs[0].shift == 0 and isinstance(segs[1], Fresh)
    after = _updated(state, docs, new)
    in_changed = {gram_name(g) for g in positions(new[-1:])}
    untouched = [g for g, p in state.items() if p[1] < segs[0].end and g not in in_changed]
    assert untouched and all(after[g] is state[g] for g in untouched)


def test_a_title_edited_within_its_slot_moves_no_other_postings() -> None:
    docs = doc_order(synthetic_docs(50))
    state = _clean(docs)
    middle = len(docs) // 2
    new = list(docs)
    new[middle] = dataclasses.replace(docs[middle], title=docs[middle].title + "（修订）")
    segs = plan(_layout(docs), _layout(new))
    assert [type(s) for s in segs] == [Kept, Fresh, Kept] and all(s.shift == 0 for s in segs if isinstance(s, Kept))
    after = _updated(state, docs, new)
    assert {g: p[0] for g, p in after.items()} == encoded_postings(new)
    changed = {gram_name(g) for g in positions(docs[middle:middle + 1])} | \
        {gram_name(g) for g in positions(new[middle:middle + 1])}
    untouched = [g for g in state if g not in changed]
    # every gram of no edited text is the same object: its shard's bytes come out the same
    assert len(untouched) > len(state) // 2 and all(after[g] is state[g] for g in untouched)
    moved = [g for g in changed if g in state and g in after and after[g][0] != state[g][0]]
    assert moved, "the edited document's grams are updated"


def test_locate_finds_every_position_from_its_marks() -> None:
    ps = array("I", [0, 3, 200, 201, 70000, 70001, *range(80000, 80000 + 5 * MARK)])
    post = marked(ps)
    assert post[2] is not None and len(post[2]) >= 4
    for i, p in enumerate(ps):
        off, found, end, before = locate(post, p)
        assert found == p and before == (ps[i - 1] if i else 0)
        assert locate(post, p + 1)[1] == (ps[i + 1] if i + 1 < len(ps) else -1)
    assert locate(post, 10**9)[:2] == (len(post[0]), -1)


def _as_lists(post: Posting) -> tuple[bytes, int, list[int] | None, list[int] | None]:
    data, last, mpos, moff = post
    return data, last, None if mpos is None else list(mpos), None if moff is None else list(moff)


def test_postings_made_batch_by_batch_are_those_made_at_once() -> None:
    """The clean build encodes positions a batch of documents at a time (memory): the varints and every
    mark come out as from all positions at once, wherever the batches cut a gram's list."""
    rng = random.Random(3)
    for _ in range(300):
        batches: list[dict[str, array[int]]] = []
        whole: dict[str, array[int]] = {}
        at = 0
        for _batch in range(rng.randint(1, 6)):
            found: dict[str, array[int]] = {}
            for _gram in range(rng.randint(0, 4 * MARK)):
                gram = rng.choice("abcdefg")
                at += rng.randint(1, 300) if rng.random() < 0.9 else rng.randint(1, 100_000)
                found.setdefault(gram, array("I")).append(at)
                whole.setdefault(gram, array("I")).append(at)
            batches.append(found)
        got = marked_in_batches(batches)
        assert list(got) == list(whole)
        assert {g: _as_lists(p) for g, p in got.items()} == {g: _as_lists(marked(ps)) for g, ps in whole.items()}


def test_a_clean_index_in_batches_equals_one_made_at_once() -> None:
    docs = doc_order(synthetic_docs(400))
    sizes = [span(len(d.title), len(d.text)) for d in docs]
    batched = marked_in_batches(_batches(docs, sizes, 37))
    assert {g: _as_lists(p) for g, p in batched.items()} == {g: _as_lists(p) for g, p in _clean(docs).items()}


def test_the_varint_table_reads_back_as_its_numbers() -> None:
    # The table is made byte by byte, not by the encoder: every entry must decode to its index,
    # and numbers past it must encode as the table would have them.
    table = varint_table()
    for n in (*range(0, 300), *range(16_000, 16_800), *range(65_000, 65_536)):
        assert read_varint(table[n], 0) == (n, len(table[n])) and table[n] == varint(n)
    assert len(table) == 1 << 16 and {len(b) for b in table} == {1, 2, 3}
    for n in (1 << 16, 1 << 21, 2**32 - 1):
        assert read_varint(varint(n), 0) == (n, len(varint(n)))
