"""Postings after an edit: the last build's, cut where documents changed, with the changed documents'
positions encoded anew — instead of every text tokenised again.

A gram's postings are the deltas between its positions in all indexed texts laid end to end
(index.py). A run of documents that did not change keeps its bytes: its positions all move by the
same amount, which deltas do not see, so only the run's first delta (from whatever now precedes it)
is written again. A gram's new postings are therefore pieces of its old ones, cut at the edges of
the unchanged runs, with the changed documents' own positions in between.

Cutting at a position needs its byte offset without decoding the whole list, so each gram keeps
marks: (the position before, the byte offset) every MARK varints; a cut decodes at most MARK of
them. The bytes equal those of a clean build (tests/search/test_postings.py edits at random and
compares).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from operator import add, sub
from typing import Any, TypeAlias

from generator.search.codec import read_varint, varint, varint_table

MARK = 16

# (varint deltas, last position, marks' positions before, marks' byte offsets); no marks: None, None
Posting: TypeAlias = "tuple[bytes, int, array[int] | None, array[int] | None]"


@dataclass(frozen=True)
class Kept:
    """A run of unchanged documents: old positions [start, end) move by `shift`."""

    start: int
    end: int
    shift: int


@dataclass(frozen=True)
class Fresh:
    """A run of new or changed documents: new positions [start, end), tokenised again."""

    start: int
    end: int


def _varints(ps: Sequence[int], prev: int) -> list[bytes]:
    try:
        return list(map(varint_table().__getitem__, map(sub, ps, chain((prev,), ps))))
    except IndexError:  # a gap wider than the table: rare grams only
        return list(map(varint, map(sub, ps, chain((prev,), ps))))


def _encoded(ps: array[int], prev: int, at: int) -> tuple[bytes, array[int], array[int]]:
    """Positions as deltas from `prev`, and a mark every MARK varints after the first, their
    offsets counted from `at`."""
    vs = _varints(ps, prev)
    if len(vs) <= MARK:
        return b"".join(vs), array("I"), array("I")
    starts = list(accumulate(map(len, vs), initial=at))  # starts[i]: where varint i begins
    return b"".join(vs), ps[MARK - 1:-1:MARK], array("I", starts[MARK:-1:MARK])


def marked(ps: array[int]) -> Posting:
    """A gram's postings from all its positions, with marks."""
    data, mpos, moff = _encoded(ps, 0, 0)
    return data, ps[-1], mpos or None, moff or None


def marked_in_batches(batches: Iterable[dict[str, array[int]]]) -> dict[str, Posting]:
    """`marked` of every gram's positions given batch by batch (a gram's positions ascending across the
    batches, as `positions` gives them for consecutive runs of documents): each batch is encoded as it
    comes, so that only one batch's positions are held (4 bytes each; encoded, about one). The result
    is `{gram: marked(all its positions)}`, in the order the grams first come."""
    grown: dict[str, list[Any]] = {}  # gram → [varints, how many, last position, marks' positions, offsets]
    for found in batches:
        for gram, ps in found.items():
            g = grown.get(gram)
            if g is None:
                g = grown[gram] = [bytearray(), 0, 0, array("I"), array("I")]
            data, n, last, mpos, moff = g
            vs = _varints(ps, last)
            end = n + len(ps)
            first = max(MARK, -(-n // MARK) * MARK)  # the first varint due a mark in this batch
            if first < end:
                starts = list(accumulate(map(len, vs), initial=len(data)))  # starts[j]: where varint n + j begins
                for k in range(first, end, MARK):
                    mpos.append(ps[k - n - 1] if k > n else last)
                    moff.append(starts[k - n])
            data += b"".join(vs)
            g[1], g[2] = end, ps[-1]
    out: dict[str, Posting] = {}
    for gram in list(grown):
        data, _n, last, mpos, moff = grown.pop(gram)
        out[gram] = bytes(data), last, mpos or None, moff or None
    return out


def locate(post: Posting, x: int) -> tuple[int, int, int, int]:
    """The first varint whose position is ≥ x: (its offset, its position, the offset after it, the
    position before it); (length, -1, length, last position) when there is none."""
    data, _, mpos, moff = post
    pos = off = 0
    if mpos is not None and moff is not None:
        m = bisect_left(mpos, x)
        if m:
            pos, off = mpos[m - 1], moff[m - 1]
    n = len(data)
    while off < n:
        b = data[off]
        end = off + 1
        value, shift = b & 0x7F, 7
        while b & 0x80:
            b = data[end]
            end += 1
            value |= (b & 0x7F) << shift
            shift += 7
        if pos + value >= x:
            return off, pos + value, end, pos
        pos, off = pos + value, end
    return n, -1, n, pos


def plan(old: Sequence[tuple[str, bytes, int]], new: Sequence[tuple[str, bytes, int]]) -> list[Kept | Fresh]:
    """How the new texts (url, key, positions taken) lie over the old ones: runs of documents kept
    (same url and key, consecutive in both) and runs to tokenise again, in the new order."""
    where = {(url, key): i for i, (url, key, _) in enumerate(old)}
    starts = list(accumulate((n for _, _, n in old), initial=0))
    segs: list[Kept | Fresh] = []
    base = 0
    for url, key, n in new:
        i = where.get((url, key))
        last = segs[-1] if segs else None
        if i is not None:
            a = starts[i]
            if isinstance(last, Kept) and last.end == a and last.shift == base - a:
                segs[-1] = Kept(last.start, a + n, last.shift)
            else:
                segs.append(Kept(a, a + n, base - a))
        elif isinstance(last, Fresh):
            segs[-1] = Fresh(last.start, base + n)
        else:
            segs.append(Fresh(base, base + n))
        base += n
    return segs


def merge(post: Posting | None, fresh: array[int] | None, segs: Sequence[Kept | Fresh]) -> Posting | None:
    """One gram's postings over the new texts: its old ones (`post`) cut to the kept runs, and its
    positions in the documents tokenised again (`fresh`, new coordinates, ascending)."""
    parts: list[bytes] = []
    mpos, moff = array("I"), array("I")
    size = prev = taken = 0
    for seg in segs:
        if isinstance(seg, Fresh):
            if fresh is None:
                continue
            j = bisect_left(fresh, seg.end, taken)
            if j == taken:
                continue
            data, pos, off = _encoded(fresh[taken:j], prev, size)
            if size:
                mpos.append(prev)
                moff.append(size)
            parts.append(data)
            mpos += pos
            moff += off
            size += len(data)
            prev, taken = fresh[j - 1], j
            continue
        if post is None or post[1] < seg.start:
            continue
        off_a, pos_a, end_a, _ = locate(post, seg.start)
        if pos_a < 0 or pos_a >= seg.end:
            continue
        off_b, _, _, last = (len(post[0]), -1, 0, post[1]) if post[1] < seg.end else locate(post, seg.end)
        head = varint(pos_a + seg.shift - prev)
        if size:
            mpos.append(prev)
            moff.append(size)
        old_pos, old_off = post[2], post[3]
        if old_pos is not None and old_off is not None:  # the old marks inside the piece, moved with it
            lo, hi = bisect_right(old_off, off_a), bisect_left(old_off, off_b)
            if lo < hi:
                mpos.extend(map(add, old_pos[lo:hi], repeat(seg.shift)))
                moff.extend(map(add, old_off[lo:hi], repeat(size + len(head) - end_a)))
        parts += (head, post[0][end_a:off_b])
        size += len(head) + off_b - end_a
        prev = last + seg.shift
    if not parts:
        return None
    return b"".join(parts), prev, mpos or None, moff or None


def _moved(post: Posting, run: Kept) -> Posting:
    """The postings of a gram whose positions all lie in one kept run: only the first delta changes."""
    data, last, mpos, moff = post
    if run.shift == 0:
        return post
    first, end = read_varint(data, 0)
    head = varint(first + run.shift)
    if mpos is not None and moff is not None:  # every mark is past the first varint: in the run too
        mpos = array("I", map(add, mpos, repeat(run.shift)))
        moff = array("I", map(add, moff, repeat(len(head) - end)))
    return head + data[end:], last + run.shift, mpos, moff


def update(old: dict[str, Posting], segs: Sequence[Kept | Fresh], fresh: dict[str, array[int]]) -> dict[str, Posting]:
    """Every gram's postings over the new texts (`fresh`: gram → its positions in the documents
    tokenised again)."""
    runs = sorted((s for s in segs if isinstance(s, Kept)), key=lambda s: s.start)
    starts = [r.start for r in runs]
    # A gram wholly inside a leading run that does not move, and in no changed document, is as it was.
    still = runs[0].end if runs and runs[0].start == 0 and runs[0].shift == 0 else -1
    # When no run moves (an edit kept every document within its span: index.py), a gram in no changed
    # document is as it was unless it had a position in what was cut out: the holes between the runs.
    unmoved = all(r.shift == 0 for r in runs)
    holes = [(a, b) for a, b in zip([0, *(r.end for r in runs)], starts, strict=False) if a < b]
    tail = runs[-1].end if runs else 0
    out: dict[str, Posting] = {}
    for gram, post in old.items():
        positions = fresh.get(gram)
        if positions is None:
            last = post[1]
            if last < still or unmoved and last < tail and all(not 0 <= locate(post, a)[1] < b for a, b in holes):
                out[gram] = post
                continue
            i = bisect_right(starts, last) - 1  # the run that holds its last position: all of them?
            if i >= 0 and last < runs[i].end and read_varint(post[0], 0)[0] >= runs[i].start:
                out[gram] = _moved(post, runs[i])
                continue
        if (merged := merge(post, positions, segs)) is not None:
            out[gram] = merged
    for gram, positions in fresh.items():
        if gram not in old and (merged := merge(None, positions, segs)) is not None:
            out[gram] = merged
    return out
