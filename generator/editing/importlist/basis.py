"""设定依据 as free text → `basis` entries: which law each 《title》 is, and which articles.

A published list writes "《中华人民共和国专利法》第六十八条；《专利法实施细则》第一百零一条第一款、第三款":
full titles or short names, articles joined by 、 or ，, 款 and 项 after their article, sometimes the
article's text after a colon. `parse_basis` reads every 《title》 with the article references that
follow it, normalised (第68条 → 第六十八条, 第一款 after 第六十八条 → 第六十八条第一款); whatever it
cannot read is returned as `leftover`, so the caller reports the cell with what was understood.

`LawMatcher` finds a title in catalog/legal_bases.yml: the exact title first, then the title without
its 中华人民共和国 prefix (《专利法》 = 中华人民共和国专利法), then without a revision note
（2020修正）/（2021年修订）/（1995年）; when that last step leaves several laws, the one in force.
Titles are compared whole, so 专利法实施细则 is never 专利法 and 实施条例 is never 实施细则. A title not
in the catalogue is never guessed at: it becomes a new legal-basis record (`new_law`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from slugify import slugify

from generator.format.model import Catalog
from generator.format.status import LawStatus, in_force

PRC = "中华人民共和国"
_DIGITS = "零一二三四五六七八九"
_NUM = r"[零〇一二三四五六七八九十百千两\d]+"
_REVISION = re.compile(r"（[^（）]*(?:修正|修订|修改|年|版)[^（）]*）")
_TOKEN = re.compile(
    rf"(?P<art>第?\s*{_NUM}\s*条(?:\s*之\s*{_NUM})?)"
    rf"|(?P<clause>第?\s*{_NUM}\s*款)"
    rf"|(?P<item>第?\s*[（(]\s*{_NUM}\s*[)）]\s*项|第\s*{_NUM}\s*项)"
    r"|(?P<to>至|到|～|~|—|－)"
    r"|(?P<sep>[、，,；;。和及与\s]+|以及)"
    r"|(?P<note>[（(][^（）()]*[)）])"
)
_LEAD = re.compile(r"^(?:[\s、，,；;。]|[（(]?[0-9一二三四五六七八九十]+[)）.．、]|【[^】]*】"
                   r"|[设实]?[定施]?依据[:：]|法律依据[:：])+")


def chinese_number(n: int) -> str:
    """68 → 六十八, 110 → 一百一十, 1005 → 一千零五 (the way statutes number articles)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += _DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def _number(text: str) -> str:
    """A numeral as written in a statute: Arabic digits become Chinese, 〇 and 两 are read as written."""
    text = re.sub(r"\s+", "", text)
    return re.sub(r"\d+", lambda m: chinese_number(int(m[0])), text)


def _norm_paren(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")


def short_title(title: str) -> str:
    """A title compared without spaces, 《》, half-width brackets and the 中华人民共和国 prefix."""
    t = _norm_paren(title).strip("《》")
    return t[len(PRC):] if t.startswith(PRC) and len(t) > len(PRC) else t


def title_key(title: str) -> str:
    """The short title without revision notes: （2020修正）, （2021年修订）, （1995年）."""
    return _REVISION.sub("", short_title(title))


@dataclass(frozen=True)
class Match:
    """A 《title》 matched to a law id; `how` says which step found it ('' = the exact title)."""

    law: str
    how: str


class LawMatcher:
    """Titles of catalog/legal_bases.yml (and of laws this import adds) → law ids."""

    def __init__(self, cat: Catalog) -> None:
        self.titles: dict[str, str] = {}
        self.in_force: dict[str, bool] = {}
        for law in cat.all_laws:
            if law.id and law.title:
                self.add(law.id, law.title, in_force(law.status))

    def add(self, law_id: str, title: str, valid: bool = True) -> None:
        self.titles[law_id] = title
        self.in_force[law_id] = valid

    def match(self, title: str) -> Match | None:
        exact = [i for i, t in self.titles.items() if _norm_paren(t) == _norm_paren(title)]
        if len(exact) == 1:
            return Match(exact[0], "")
        short = [i for i, t in self.titles.items() if short_title(t) == short_title(title)]
        if len(short) == 1:
            return Match(short[0], "简称")
        keyed = [i for i, t in self.titles.items() if title_key(t) == title_key(title)]
        if len(keyed) > 1:
            keyed = [i for i in keyed if self.in_force[i]]
        if len(keyed) == 1:
            return Match(keyed[0], "不计修正、修订说明")
        return None

    def new_id(self, title: str) -> str:
        """An id for a new law: the initials of its short title's pinyin (专利法 → zlf), made unique."""
        words = slugify(title_key(title), separator=" ").split()
        base = "".join(w[0] for w in words if w)[:12] or "law"
        candidate, n = base, 2
        while candidate in self.titles:
            candidate, n = f"{base}-{n}", n + 1
        return candidate


@dataclass
class Citation:
    """One 《title》 of a cell and the articles that follow it."""

    title: str
    articles: list[str] = field(default_factory=list)


@dataclass
class ParsedBasis:
    citations: list[Citation]
    leftover: list[str]
    bracketless: bool = False   # titles read without 《》: reported, so the editor can check them


def _articles(segment: str) -> tuple[list[str], str]:
    """Article references at the start of `segment` → (normalised articles, text not understood)."""
    refs: list[list[str]] = []   # [article, 款, 项]
    pos = 0
    pending_range = False
    while pos < len(segment):
        m = _TOKEN.match(segment, pos)
        if m is None:
            break
        if m["art"]:
            art = "第" + _number(m["art"].lstrip("第"))
            if pending_range and refs:
                refs[-1][0] = f"{refs[-1][0]}至{art}"
            else:
                refs.append([art, "", ""])
            pending_range = False
        elif m["clause"] or m["item"]:
            if not refs:
                break
            slot = 1 if m["clause"] else 2
            part = "第" + _number(m[m.lastgroup or ""].lstrip("第")).replace("(", "（").replace(")", "）")
            last = refs[-1]
            if last[slot]:
                refs.append([last[0], last[1] if slot == 2 else "", ""])
            refs[-1][slot] = part
        elif m["to"]:
            pending_range = bool(refs)
        elif m["note"] and refs:
            break
        pos = m.end()
    rest = segment[pos:].strip()
    if re.match(r"^[:：“\"「]", rest) or (refs and re.match(r"^(之规定|的规定|规定)", rest)):
        rest = ""   # the article's own text, quoted after it
    return ["".join(r) for r in refs], rest


def parse_basis(text: str) -> ParsedBasis:
    """Every 《title》 of a 设定依据 cell with its articles; text around them is read as titles without
    《》 ("专利法第六十八条") where it can be, else returned as leftover."""
    cells = text.replace("\r\n", "\n")
    parts = re.split(r"(《[^《》]+》)", cells)
    out = ParsedBasis([], [])

    def rest_of(segment: str) -> None:
        segment = _LEAD.sub("", segment).strip()
        if segment:
            more = _bracketless(segment)
            out.citations.extend(more.citations)
            out.leftover.extend(more.leftover)
            out.bracketless = out.bracketless or more.bracketless

    rest_of(parts[0])
    for i in range(1, len(parts), 2):
        citation = Citation(parts[i][1:-1].strip())
        citation.articles, rest = _articles(parts[i + 1] if i + 1 < len(parts) else "")
        out.citations.append(citation)
        rest_of(rest)
    return out


def _bracketless(text: str) -> ParsedBasis:
    """A cell without 《》: "专利法第六十八条；实验动物管理条例第二十九条", one law per line or 分号."""
    citations: list[Citation] = []
    leftover: list[str] = []
    for line in re.split(r"[\n；;]", text):
        line = _LEAD.sub("", line).strip()
        if not line:
            continue
        m = re.match(r"^(?P<title>\S+?(?:法|条例|细则|规定|办法|规则|决定|法典))(?P<rest>第.*|)$", line)
        if m is None:
            leftover.append(line)
            continue
        arts, rest = _articles(m["rest"])
        citations.append(Citation(m["title"], arts))
        if rest:
            leftover.append(rest)
    return ParsedBasis(citations, leftover, bracketless=bool(citations))


def guess_level_issuer(title: str) -> tuple[str, str]:
    """效力层级 and 制定机关 a new law's title plainly implies ('' when it does not: then check asks)."""
    t = _norm_paren(title)
    if t.startswith(PRC) and title_key(t).endswith("法"):
        return "法律", "全国人民代表大会常务委员会"
    if t.startswith(PRC) and re.search(r"(实施条例|实施细则)$", title_key(t)):
        return "行政法规", "国务院"
    return "", ""


def new_law(law_id: str, title: str) -> dict[str, object]:
    """A legal-basis record for a title the catalogue does not have: 现行有效 as the list cites it in
    force, with no status_checked, so basis-status-stale asks the editor to confirm it."""
    level, issuer = guess_level_issuer(title)
    return {"id": law_id, "title": _norm_paren(title), "level": level, "issuer": issuer,
            "status": LawStatus.IN_FORCE.value}
