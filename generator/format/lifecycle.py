"""When a 规章/规范性文件 is in force: its status on any date, derived from its dates.

The `status` field says what the document is *now*; an audit "as of" an earlier date and the
annual report's 31 December counts need the status *then*. Both come from here, so the audit
page, `audit --as-of` and 表二 count a document the same way:

- not counted before `published`;
- out of force from the earlier of `repealed.date` and the day after `expires` (`expires` is the
  last day in force): 废止 or 失效 as the record says (a `repealed` on a record still marked 有效
  counts as 废止; running past `expires` is 失效);
- otherwise 已修改 once a document listed in `amended_by` has been published (or when the record
  says 已修改 and no amending document in the catalogue has a date), else 有效.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.format.model import Catalog, Document, Review
from generator.format.status import DOC_ENDED, DOC_IN_FORCE, DocStatus

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Ending:
    """How a document leaves force: the first day it is no longer in force, and as what."""

    date: dt.date | None  # None: the record says 废止/失效 but gives no date
    status: str  # 废止 | 失效
    by_expiry: bool  # True: it ran past `expires` (到期); False: a repeal record (`repealed`)


def ending(doc: Document) -> Ending | None:
    """The earliest way `doc` leaves force (possibly in the future), or None if nothing ends it."""
    options: list[Ending] = []
    if doc.repealed is not None and doc.repealed.date is not None:
        as_status = doc.status if doc.status in DOC_ENDED else DocStatus.REPEALED.value
        options.append(Ending(doc.repealed.date, as_status, False))
    if doc.expires is not None:
        options.append(Ending(doc.expires + DAY, DocStatus.EXPIRED.value, True))
    if options:
        return min(options, key=lambda e: (e.date, e.by_expiry))
    if doc.status in DOC_ENDED:
        return Ending(None, doc.status, False)
    return None


def amended_at(cat: Catalog, doc: Document, day: dt.date) -> bool:
    if doc.status != DocStatus.AMENDED:
        return False
    dates = [a.published for i in doc.amended_by if (a := cat.documents.get(i)) is not None and a.published]
    return not dates or min(dates) <= day


def status_at(cat: Catalog, doc: Document, day: dt.date) -> str | None:
    """有效 / 已修改 / 废止 / 失效 on `day`, or None when the document was not yet published."""
    if doc.published is None or doc.published > day:
        return None
    end = ending(doc)
    if end is not None and (end.date is None or end.date <= day):
        return end.status
    return DocStatus.AMENDED.value if amended_at(cat, doc, day) else DocStatus.VALID.value


def in_force_at(cat: Catalog, doc: Document, day: dt.date) -> bool:
    return status_at(cat, doc, day) in DOC_IN_FORCE


def in_effect_at(cat: Catalog, doc: Document, day: dt.date) -> bool:
    """In force and already 施行 on `day`: what 表二's 现行有效件数 and the 现行有效目录 count. A document
    published but not yet in effect (`effective` later) is 尚未施行, not yet 现行有效."""
    return in_force_at(cat, doc, day) and (doc.effective is None or doc.effective <= day)


def latest_review(doc: Document, day: dt.date) -> Review | None:
    """The latest 清理 record dated on or before `day`."""
    dated = [r for r in doc.reviews if r.date is not None and r.date <= day]
    return max(dated, key=lambda r: (r.date, r.index)) if dated else None


def normative_documents(cat: Catalog) -> list[Document]:
    """规章 and 规范性文件 with an id, in a stable order (by id), each once."""
    return sorted((d for d in cat.documents.values() if d.normative and d.id), key=lambda d: d.id)
