"""文件在成文之后超过 20 个工作日才发布（条例第二十六条）。

工作日按国家公布的日历计算：法定节假日不算工作日，调休上班的日子算工作日
（使用 `chinesecalendar` 软件包）。对该软件包还没有数据的年份，改为按周一至周五计算，
提示信息中会注明。修改方法：核实 `written`（成文日期）和 `published`（发布日期）是否填写正确。

通过：
```yaml
# catalog/documents/gzdt/2025-kjj-gzdt-001.md
---
id: 2025-kjj-gzdt-001
index_no: 11350100MB0000001X/2025-00002
title: 2024年度工作总结
category: gzdt
issuer: 某市科学技术局
summary: 总结2024年度科技工作。
written: 2025-01-06
published: 2025-01-20
kind: 其他
---
```

不通过：
```yaml
# catalog/documents/gzdt/2025-kjj-gzdt-001.md
---
id: 2025-kjj-gzdt-001
index_no: 11350100MB0000001X/2025-00002
title: 2024年度工作总结
category: gzdt
issuer: 某市科学技术局
summary: 总结2024年度科技工作。
written: 2025-01-06
published: 2025-02-20
kind: 其他
---
```
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import chinese_calendar

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.PUBLICATION_LATE
LEVEL = CODE.level
LIMIT = 20


@lru_cache(maxsize=4096)
def is_workday(day: dt.date) -> tuple[bool, bool]:
    """(is a working day, known from the official calendar)."""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:
        return day.weekday() < 5, False


def working_days_between(start: dt.date, end: dt.date) -> tuple[int, bool]:
    """Working days after `start` up to and including `end`, and whether all were known."""
    count, known = 0, True
    day = start + dt.timedelta(days=1)
    while day <= end:
        # One year at a time: a year the calendar has no data for is counted in closed form,
        # so `written: 0001-01-01` costs two thousand steps, not seven hundred thousand.
        last = min(end, dt.date(day.year, 12, 31))
        if not is_workday(day)[1]:
            count += _weekdays(day, last)
            known = False
        else:
            while day <= last:
                count += is_workday(day)[0]
                day += dt.timedelta(days=1)
        if last == dt.date.max:
            break
        day = last + dt.timedelta(days=1)
    return count, known


def _weekdays(first: dt.date, last: dt.date) -> int:
    """Monday–Friday days from `first` to `last`, both included."""
    weeks, rest = divmod((last - first).days + 1, 7)
    return weeks * 5 + sum(1 for i in range(rest) if (first.weekday() + i) % 7 < 5)


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        if not doc.written or not doc.published or doc.published <= doc.written:
            continue
        if (doc.published - doc.written).days <= LIMIT:  # cannot exceed 20 working days: skip the count
            continue
        days, known = working_days_between(doc.written, doc.published)
        if days > LIMIT:
            note = "" if known else "（部分年份尚无官方节假日数据，按周一至周五计算）"
            yield doc.src.path, doc.src.at("published"), \
                f"成文后第 {days} 个工作日才发布{note}，超过条例第二十六条的 {LIMIT} 个工作日：请核对发布日期或说明原因"
