"""A published list's words → the format's: power types, statuses, 责任事项 and dates.

Each function returns the format's value and whether it had to be normalised (so the import can
report "处罚 → 行政处罚"), or None when the text is none of the words it knows.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.format.fields import POWER_TYPES
from generator.format.status import DocStatus, PowerStatus

_TYPE_CORE = {t.removeprefix("行政").removesuffix("行政权力"): t for t in POWER_TYPES}
_TYPE_CORE.update({"其他": "其他行政权力", "其它": "其他行政权力", "强制措施": "行政强制", "强制执行": "行政强制",
                   "监督检查": "行政检查", "行政监督检查": "行政检查", "审批": "行政许可"})

POWER_STATUS_WORDS = {
    "有效": PowerStatus.VALID, "现行有效": PowerStatus.VALID, "正常": PowerStatus.VALID, "保留": PowerStatus.VALID,
    "在用": PowerStatus.VALID, "已取消": PowerStatus.CANCELLED, "取消": PowerStatus.CANCELLED,
    "已调整": PowerStatus.ADJUSTED, "调整": PowerStatus.ADJUSTED, "变更": PowerStatus.ADJUSTED,
}
DOC_STATUS_WORDS = {
    "有效": DocStatus.VALID, "现行有效": DocStatus.VALID, "继续有效": DocStatus.VALID, "现行": DocStatus.VALID,
    "已修改": DocStatus.AMENDED, "修改": DocStatus.AMENDED, "已修订": DocStatus.AMENDED, "修订": DocStatus.AMENDED,
    "废止": DocStatus.REPEALED, "已废止": DocStatus.REPEALED,
    "失效": DocStatus.EXPIRED, "已失效": DocStatus.EXPIRED, "宣布失效": DocStatus.EXPIRED,
    "已宣布失效": DocStatus.EXPIRED,
}


def power_type(text: str) -> tuple[str, str] | None:
    """'处罚' → ('行政处罚', ''), '其他行政权力-备案' → ('其他行政权力', '备案'); None if it names no type."""
    t = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    subtype = ""
    m = re.match(r"^(.+?)(?:[-－—–·/（](.+?)）?)$", t)
    if m and _core(m[1]) in _TYPE_CORE:
        t, subtype = m[1], m[2]
    core = _core(t)
    found = _TYPE_CORE.get(core)
    return (found, subtype) if found else None


def _core(text: str) -> str:
    t = text.removeprefix("行政")
    for suffix in ("行政权力", "行政职权", "权力", "职权", "事项", "类", "行为"):
        if t.endswith(suffix) and len(t) > len(suffix):
            t = t.removesuffix(suffix)
            break
    return t


def status_word(text: str, words: dict[str, Any]) -> str | None:
    value = words.get(re.sub(r"\s+", "", text).strip("【】[]"))
    return str(value) if value is not None else None


_ITEM_LEAD = re.compile(r"^\s*(?:[(（]?\d+[)）.．、]|[(（]?[一二三四五六七八九十]+[)）、.．]|[①-⑳])\s*")


def responsibilities(text: str) -> list[str]:
    """'1.立案责任：对…予以审查。\\n2.调查取证责任…' → ['立案', '调查取证', …]; '立案、调查' → both."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    numbered = [line for line in lines if _ITEM_LEAD.match(line)]
    if len(lines) == 1 and not numbered:
        items = re.split(r"[、，,；;]", lines[0])
    elif numbered:
        items = []
        for line in lines:
            if _ITEM_LEAD.match(line):
                items.append(_ITEM_LEAD.sub("", line))
            # an unnumbered line continues the explanation of the item above it
    else:
        items = lines
    out = []
    for item in items:
        head = re.split(r"[：:。，,]", item.strip(), maxsplit=1)[0].strip()
        head = re.sub(r"(?:阶段)?责任$", "", head) or head
        if head:
            out.append(head)
    return out


def parse_date(value: Any) -> dt.date | None:
    """A date cell or a date written 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日; None if not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = re.sub(r"\s+", "", str(value or ""))
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def years_after(start: dt.date, years: int) -> dt.date:
    """The last day of a period of `years` years from `start` (2024-03-05 + 5 年 → 2029-03-04)."""
    try:
        end = start.replace(year=start.year + years)
    except ValueError:   # 29 February
        end = start.replace(year=start.year + years, day=28) + dt.timedelta(days=1)
    return end - dt.timedelta(days=1)
