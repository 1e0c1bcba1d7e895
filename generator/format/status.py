"""The vocabulary of status: what each record's `status` may say, and what "in force" means.

Every module that asks "is this in force?" or names a status uses these names, so the site, the
search ranking, the rules and the audit cannot disagree. A record's `status` field is kept as the
text the editor wrote (it may be invalid; invalid-value reports that); members compare equal to it.

- A document (规章/规范性文件) is 有效 or 已修改 while in force, 废止 or 失效 once ended.
- A law (执法依据) is 现行有效, 已修改, 尚未生效 or 已废止.
- A power (权责清单事项) is 有效, 已调整 or 已取消.
- Not in force, for any record: 废止, 失效 (documents), 已废止 (laws), 已取消 (powers).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum


class DocStatus(StrEnum):
    VALID = "有效"
    AMENDED = "已修改"
    REPEALED = "废止"
    EXPIRED = "失效"


# Shown, never written: a document recorded 有效 whose 施行日期 is after the build date.
NOT_YET_IN_FORCE = "尚未施行"
# gov.cn convention: a title is marked wherever it is listed, so a repealed text is never mistaken for law.
TITLE_MARKS: dict[str, str] = {"废止": "【已废止】", "失效": "【已失效】", NOT_YET_IN_FORCE: "【尚未施行】"}


def shown_status(status: str | None, effective: dt.date | None, today: dt.date | None) -> str | None:
    """The status a reader sees on `today`: 尚未施行 for a 有效 document not yet in effect, else `status`."""
    if status == "有效" and effective is not None and today is not None and effective > today:
        return NOT_YET_IN_FORCE
    return status


def marked_title(title: str, shown: str | None) -> str:
    """`title` with 【已废止】/【已失效】/【尚未施行】 before it when the shown status calls for one."""
    return TITLE_MARKS.get(shown or "", "") + title


class LawStatus(StrEnum):
    IN_FORCE = "现行有效"
    AMENDED = "已修改"
    REPEALED = "已废止"
    NOT_YET_EFFECTIVE = "尚未生效"


class PowerStatus(StrEnum):
    VALID = "有效"
    CANCELLED = "已取消"
    ADJUSTED = "已调整"


class ReviewResult(StrEnum):
    """A 清理 result (建议 or 决定)."""

    KEEP = "继续有效"
    AMEND = "修改"
    REPEAL = "废止"
    DECLARE_INVALID = "宣布失效"


# Plain texts in the order the format lists them (choices, table columns, filters).
DOC_STATUSES: tuple[str, ...] = tuple(s.value for s in DocStatus)
LAW_STATUSES: tuple[str, ...] = tuple(s.value for s in LawStatus)
POWER_STATUSES: tuple[str, ...] = tuple(s.value for s in PowerStatus)
REVIEW_RESULTS: tuple[str, ...] = tuple(s.value for s in ReviewResult)

DOC_IN_FORCE: tuple[str, ...] = (DocStatus.VALID.value, DocStatus.AMENDED.value)
DOC_ENDED: tuple[str, ...] = (DocStatus.REPEALED.value, DocStatus.EXPIRED.value)
NOT_IN_FORCE: frozenset[str] = frozenset(
    {*DOC_ENDED, LawStatus.REPEALED.value, PowerStatus.CANCELLED.value})
# 清理 results that end a document (a decided one contradicts a status of 有效).
ENDING_RESULTS: tuple[str, ...] = (ReviewResult.REPEAL.value, ReviewResult.DECLARE_INVALID.value)


def in_force(status: str | None) -> bool:
    """Whether a record whose `status` says this is in force (a missing status is not an ending)."""
    return status not in NOT_IN_FORCE


# One public word per state, whatever kind of record says it (a law's 现行有效 and a document's 有效 are
# the same thing to a reader): what the search filters offer and its result badges show.
_PUBLIC = {
    LawStatus.IN_FORCE.value: DocStatus.VALID.value,
    DocStatus.REPEALED.value: LawStatus.REPEALED.value,
    DocStatus.EXPIRED.value: "已失效",
    LawStatus.NOT_YET_EFFECTIVE.value: "尚未施行",
}


def public_status(status: str | None) -> str | None:
    """有效 / 已修改 / 已废止 / 已失效 / 尚未施行 / 已调整 / 已取消: a record's status as the public reads it."""
    return _PUBLIC.get(status, status) if status else status
