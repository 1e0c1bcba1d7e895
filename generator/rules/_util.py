"""Small helpers shared by rules: dates, did-you-mean, and the finding type."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator

from generator.format.model import BasisRef, Catalog, LegalBasis, Source
from generator.format.status import DocStatus, PowerStatus
from generator.problems import Level, Pos

# (path, position, message), or with a level of its own when a rule's findings differ in level
# (cleanup-incomplete: a notice before the campaign's deadline, a warning after it).
Finding = tuple[str, Pos, str] | tuple[str, Pos, str, Level]
Findings = Iterator[Finding]


def add_years(d: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later (29 Feb → 28 Feb in a common year).

    Past year 9999 (or before year 1) the calendar ends: the result saturates at date.max
    (date.min) instead of raising, so `expires: 9999-12-31` is a value to judge, not a crash.
    """
    year = d.year + years
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    try:
        return d.replace(year=year)
    except ValueError:
        return d.replace(year=year, day=28)


def did_you_mean(value: str, candidates: Iterable[str], then: str = "") -> str:
    """'，是否指 'x'？' when something close exists, else ''; `then` follows either way, its leading
    punctuation dropped after the question mark (no '？；' or '？，')."""
    # Chinese enumerations are two to four characters: one wrong character in two is a
    # ratio of 0.5, which difflib's usual 0.6 would miss (有郊 → 有效).
    cutoff = 0.5 if len(value) <= 4 else 0.6
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=cutoff)
    return f"，是否指 '{close[0]}'？{then.lstrip('，；：。')}" if close else then


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else "?"


def active_citations(cat: Catalog) -> Iterator[tuple[Source, BasisRef, LegalBasis, str]]:
    """Every basis entry of an 有效 power or 有效 normative document whose law exists."""
    for power in cat.all_powers:
        if power.status == PowerStatus.VALID:
            for ref in power.basis:
                if ref.law in cat.laws:
                    yield power.src, ref, cat.laws[ref.law], "本事项"
    for doc in cat.all_documents:
        if doc.normative and doc.status == DocStatus.VALID:
            for ref in doc.basis:
                if ref.law in cat.laws:
                    yield doc.src, ref, cat.laws[ref.law], "本文件"


def citation_findings(cat: Catalog, status: str, advice: str) -> Findings:
    for src, ref, law, who in active_citations(cat):
        if law.status == status:
            yield src.path, src.at("basis", ref.index, "law"), \
                f"{who}依据的《{law.title}》（{law.id}）状态为 {status}：{advice}"
