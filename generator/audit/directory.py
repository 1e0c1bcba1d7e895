"""目录 of 规章 and 规范性文件 on a date: 现行有效 (in force) and 废止和失效 (ended), and each document's history.

Many provinces require an agency to publish, every year, the 目录 of its 现行有效 规章 and 规范性文件
as of 31 December and the 目录 of those 废止 or 失效. Both come from the status on a date
(format/lifecycle.py), so the 目录 of a year lists exactly the documents 表二 counts as 现行有效件数
for that year: the agency's own (`owner: self`) 规章 and 行政规范性文件, in force (有效 or 已修改) on
31 December. Documents the agency drafted for or implements on behalf of the government are listed
in a group of their own and are not in 表二's counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.audit.annual import TABLE2_LABELS
from generator.format.lifecycle import DAY, ending, normative_documents, status_at
from generator.format.model import Catalog, Document
from generator.format.status import DOC_ENDED, DOC_IN_FORCE, DocStatus

DRAFTED_GROUP = "由本单位草拟或负责实施的规范性文件"


@dataclass(frozen=True)
class Listed:
    """A document in a 目录, with its status on the 目录's date and (for ended ones) when and by what."""

    doc: Document
    status: str
    ended: dt.date | None = None  # the first day no longer in force
    by: str | None = None  # the repealing instrument as recorded (an id or a 文号/title), or None


@dataclass(frozen=True)
class Group:
    title: str
    counted: bool  # in 表二's 现行有效件数 (the agency's own documents)
    rows: tuple[Listed, ...]


@dataclass(frozen=True)
class Directory:
    title: str
    day: dt.date
    year: int | None  # the 31 December 目录 of this year; None: today's
    repealed: bool
    groups: tuple[Group, ...]

    @property
    def count(self) -> int:
        return sum(len(g.rows) for g in self.groups)

    def counted(self, kind: str) -> int:
        """How many documents of a kind (规章, 规范性文件) the agency's own groups list: 表二's number."""
        return len(next((g.rows for g in self.groups if g.counted and g.title == TABLE2_LABELS[kind]), ()))


def _order(doc: Document) -> tuple[dt.date, str]:
    return doc.published or dt.date.min, doc.id


def _groups(docs: list[Listed]) -> tuple[Group, ...]:
    out = [Group(TABLE2_LABELS[kind], True, tuple(x for x in docs if x.doc.kind == kind and x.doc.owner == "self"))
           for kind in TABLE2_LABELS]
    out.append(Group(DRAFTED_GROUP, False, tuple(x for x in docs if x.doc.owner != "self")))
    return tuple(out)


def in_force(cat: Catalog, day: dt.date, year: int | None = None) -> Directory:
    """现行有效目录 on `day` (31 December of `year`, or today)."""
    docs = sorted(normative_documents(cat), key=_order)
    # Counted as 表二 counts 现行有效件数: in force and already in effect (尚未施行 documents are not yet listed).
    listed = [Listed(d, s) for d in docs if (s := status_at(cat, d, day)) in DOC_IN_FORCE
              and (d.effective is None or d.effective <= day)]
    return Directory(directory_title(year, False), day, year, False, _groups(listed))


def directory_title(year: int | None, repealed: bool) -> str:
    """The title of a 目录: today's or 31 December `year`'s 现行有效目录, or the 废止和失效目录."""
    if repealed:
        return "废止和失效规章和规范性文件目录"
    return f"现行有效规章和规范性文件目录{f'（截至{year}年12月31日）' if year else ''}"


def repealed(cat: Catalog, day: dt.date) -> Directory:
    """废止和失效目录: every document out of force on `day`, with the date and the repealing instrument."""
    out: list[Listed] = []
    for d in normative_documents(cat):
        s = status_at(cat, d, day)
        if s not in DOC_ENDED:
            continue
        end = ending(d)
        by = d.repealed.by if d.repealed is not None and end is not None and not end.by_expiry else None
        out.append(Listed(d, s, end.date if end else None, by))
    out.sort(key=lambda x: (x.ended or dt.date.min, x.doc.id))
    return Directory(directory_title(None, True), day, None, True, _groups(out))


def directory_years(cat: Catalog, today: dt.date) -> list[int]:
    """Every year from the first 规章/规范性文件's publication to last year."""
    first = min((d.published.year for d in normative_documents(cat) if d.published), default=None)
    return list(range(first, today.year)) if first is not None else []


def history(cat: Catalog, doc: Document) -> list[tuple[dt.date | None, str]]:
    """A document's status history, compact: 起施行, each 修改, and how it ended (or until when it runs)."""
    if not doc.normative:
        return []
    events: list[tuple[dt.date | None, str]] = []
    start = doc.effective or doc.published
    if start is not None:
        events.append((start, "起施行"))
    for aid in doc.amended_by:
        a = cat.documents.get(aid)
        if a is not None and a.published is not None:
            events.append((a.published, f"被《{a.title}》修改"))
    end = ending(doc)
    recorded_end = doc.status in DOC_ENDED
    if end is not None and not end.by_expiry:
        events.append((end.date, end.status))
    elif end is not None and end.by_expiry and recorded_end and doc.expires is not None:
        events.append((doc.expires + DAY, f"{DocStatus.EXPIRED.value}（有效期届满）"))
    elif doc.expires is not None:
        events.append((doc.expires, "有效期至"))
    return sorted(events, key=lambda e: e[0] or dt.date.max)
