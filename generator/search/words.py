"""Query understanding for the word fallback: what a query means when its phrases are (nearly) nowhere.

A query such as 怎么申请专利资助, 科技局预算 or 专利资助办法2024 is rarely a phrase of any document.
When its phrases have fewer than `FEW` documents, the query is split into words and a document
must contain every word, anywhere (query.py ranks those by title, proximity and coverage):

- each term splits at Han / letter / digit boundaries (2026部门预算 → 2026, 部门预算);
- a Han run is segmented with the corpus as the dictionary: a string is a word if it occurs in the
  index (its count comes from the postings the query fetched anyway) and holds together — split
  into two parts of two or more characters, it occurs at least 1/COHESION as often as the rarer
  part (开展科技 or 特派员工作 occur, but far less often than 开展 or 特派员), and does not nearly
  always go on as the query goes on (科技项 is almost always 科技项目: no word ends there) — or is a
  stop word or synonym;
  the segmentation with the fewest pieces wins (a lone character costs two), then the one whose
  rarest word is most frequent, then the one with the longer first word;
- a 年 right after digits belongs to the year (2012年科技工作 → 2012, 科技, 工作);
- neighbouring lone characters that are no word join again (量子计算 → 量子, 计算);
- stop words are dropped (怎么, 的, 是否 …) unless nothing else is left;
- a single character left alone inside a Han run — no corpus word takes it in with a neighbour, no
  neighbouring lone character joins it, and it is no stop word or synonym — is a particle or a verb
  ending of the phrasing (看到 → 到, 填得 → 得, 办过 → 过), not something the wanted document must
  contain: it is dropped too, unless nothing else is left. A character typed as a term of its own
  (科技局 到) stays, and so do exact phrases, which are matched before any of this;
- a word in a synonym group matches any member (科技局 = 科学技术局, 年报 = 年度报告).

search.js mirrors this file exactly; tests/search compares the two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from generator.search.tokens import RUN_RE, fold, is_cjk

FEW = 5  # fewer phrase documents than this: add the documents that contain the query's words
MAX_WORD = 8  # longest word the segmenter considers
COHESION = 4
NEAR = 30  # words whose occurrences fall within this many characters are "near" each other
MAX_SUGGESTIONS = 3
_UNKNOWN = 1 << 30  # the "occurrences" of a stop word, a synonym or a lone character: never the rarest


@dataclass(frozen=True)
class Group:
    """One word of the query and what may stand for it in a document (itself first, then its synonyms)."""

    word: str
    alts: tuple[str, ...]


def _script(ch: str) -> int:
    return 0 if is_cjk(ch) else 1 if ch.isdigit() else 2


def pieces(term: str) -> list[str]:
    """Folded runs of one script each: 年度报告2025 → 年度报告, 2025."""
    out: list[str] = []
    for m in RUN_RE.finditer(fold(term)):
        run = m.group()
        start = 0
        for i in range(1, len(run) + 1):
            if i == len(run) or _script(run[i]) != _script(run[start]):
                out.append(run[start:i])
                start = i
    return out


def segment(run: str, occurrences: Callable[[str], int], known: frozenset[str]) -> list[str]:
    """Split a Han run into words (see the module docstring for the rule)."""
    n = len(run)
    memo: dict[str, int] = {}

    def occ_of(w: str) -> int:
        if w not in memo:
            memo[w] = occurrences(w)
        return memo[w]

    def holds(i: int, j: int, occ: int) -> bool:
        w = run[i:j]
        if any(occ * COHESION < min(occ_of(w[:k]), occ_of(w[k:])) for k in range(2, len(w) - 1)):
            return False
        longer = (run[i - 1:j] if i else "", run[i:j + 1] if j < n else "")
        return all(occ_of(ext) * 4 < occ * 3 for ext in longer if ext)

    best: list[tuple[int, int, int]] = [(0, _UNKNOWN, n)] * (n + 1)  # (cost, rarest, end of first word)
    for i in range(n - 1, -1, -1):
        cur: tuple[int, int, int] | None = None
        for j in range(min(n, i + MAX_WORD), i, -1):
            w = run[i:j]
            if j - i == 1:
                cost, occ = (1 if w in known else 2), _UNKNOWN
            elif w in known:
                cost, occ = 1, _UNKNOWN
            else:
                occ = occ_of(w)
                if occ == 0 or not holds(i, j, occ):
                    continue
                cost = 1
            cand = (best[j][0] + cost, min(best[j][1], occ), j)
            if cur is None or cand[0] < cur[0] or (cand[0] == cur[0] and cand[1] > cur[1]):
                cur = cand
        assert cur is not None  # a lone character is always a candidate
        best[i] = cur
    words: list[str] = []
    i = 0
    lone = ""
    while i < n:
        j = best[i][2]
        w = run[i:j]
        if j - i == 1 and w not in known:
            lone += w
        else:
            if lone:
                words.append(lone)
                lone = ""
            words.append(w)
        i = j
    if lone:
        words.append(lone)
    return words


def query_groups(terms: Sequence[str], occurrences: Callable[[str], int], stop: frozenset[str],
                 synonyms: Mapping[str, tuple[str, ...]]) -> list[Group]:
    known = stop | frozenset(synonyms)
    words: list[tuple[str, bool]] = []  # (word, a lone character left over inside a Han run)
    for term in terms:
        prev = ""
        for p in pieces(term):
            if prev.isdigit() and p[0] == "年" and len(p) > 1:
                p = p[1:]
            if is_cjk(p[0]) and len(p) > 1:
                words.extend((w, len(w) == 1 and w not in known) for w in segment(p, occurrences, known))
            else:
                words.append((p, False))
            prev = p
    content = [w for w, _ in words if w not in stop]
    kept = [w for w, loose in words if w not in stop and not loose] or content or [w for w, _ in words]
    out: list[Group] = []
    for w in kept:
        if all(g.word != w for g in out):
            out.append(Group(w, synonyms.get(w, (w,))))
    return out


def synonym_map(groups: Sequence[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """word → (word, the other members of its group in group order)."""
    out: dict[str, tuple[str, ...]] = {}
    for g in groups:
        for w in g:
            out[w] = (w, *(x for x in g if x != w))
    return out


def nearest(run: str, text: str) -> tuple[int, str]:
    """The substring of `text` closest to `run` by edit distance (Sellers' algorithm): (distance,
    substring); the first best end, and on the way back diagonal before up before left."""
    m, n = len(run), len(text)
    d = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        d[i][0] = i
        for j in range(1, n + 1):
            d[i][j] = min(d[i - 1][j - 1] + (run[i - 1] != text[j - 1]), d[i - 1][j] + 1, d[i][j - 1] + 1)
    end = min(range(n + 1), key=lambda j: (d[m][j], j))
    i, j = m, end
    while i > 0:
        if j > 0 and d[i][j] == d[i - 1][j - 1] + (run[i - 1] != text[j - 1]):
            i, j = i - 1, j - 1
        elif d[i][j] == d[i - 1][j] + 1:
            i -= 1
        else:
            j -= 1
    return d[m][end], text[j:end]


def join_words(words: Sequence[str]) -> str:
    """Words back into a query: Han words side by side make one phrase again, others take a space."""
    out = ""
    for k, w in enumerate(words):
        out += ("" if k == 0 or (is_cjk(words[k - 1][-1]) and is_cjk(w[0])) else " ") + w
    return out


def suggestions(groups: Sequence[Group], missing: Sequence[str], titles: Sequence[tuple[str, int]]) -> list[str]:
    """"您是不是要找": the query's words with one word that no document contains replaced by the
    nearest phrase of a title (edit distance ≤ a quarter of its length, at least 1)."""
    found: dict[str, tuple[int, int, str]] = {}
    for word in missing:
        if len(word) < 2:
            continue
        limit = max(1, len(word) // 4)
        chars = set(word)
        for text, count in titles:
            if chars.isdisjoint(text):
                continue
            dist, sub = nearest(word, text)
            if dist > limit or len(sub) < 2 or sub == word:
                continue
            query = join_words([sub if g.word == word else g.word for g in groups])
            key = (dist, -count, query)
            if query not in found or key < found[query]:
                found[query] = key
    return [q for q in sorted(found, key=lambda q: found[q])][:MAX_SUGGESTIONS]
