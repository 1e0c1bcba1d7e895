"""记录中的日期晚于今天（`--today`）：还没有发生的事不会已经公开。

检查文件的成文日期、发布日期，清理记录、合法性审核和备案的日期，执法依据的公布日期，
权力事项动态调整的日期；执法依据标为 现行有效 但施行日期在今天之后的，也报告（应标为 尚未生效）。
文件的施行日期晚于今天不报告：已经发布、尚未施行的文件是正常的（网站显示“尚未施行”）。
修改方法：核对年份（常见的是把 2025 写成 2052）。

通过：
```yaml
# catalog/documents/gfxwj/2025-kjj-gfxwj-001.md
---
id: 2025-kjj-gfxwj-001
index_no: 11350100MB0000001X/2025-00001
title: 某市科技计划项目管理办法
doc_no: 某科〔2025〕1号
category: gfxwj
issuer: 某市科学技术局
summary: 规范科技计划项目的申报、立项、实施和验收。
written: 2025-03-03
published: 2025-03-10
kind: 规范性文件
owner: self
effective: 2025-04-10
expires: 2030-04-09
status: 有效
legality_review: {date: 2025-03-05, by: 某市科学技术局政策法规科, result: 通过}
---
第一条 为规范科技计划项目管理，制定本办法。
```

不通过：
```yaml
# catalog/documents/gfxwj/2025-kjj-gfxwj-001.md
---
id: 2025-kjj-gfxwj-001
index_no: 11350100MB0000001X/2025-00001
title: 某市科技计划项目管理办法
doc_no: 某科〔2025〕1号
category: gfxwj
issuer: 某市科学技术局
summary: 规范科技计划项目的申报、立项、实施和验收。
written: 2026-12-03
published: 2026-12-10
kind: 规范性文件
owner: self
effective: 2027-01-10
expires: 2032-01-09
status: 有效
legality_review: {date: 2025-03-05, by: 某市科学技术局政策法规科, result: 通过}
---
第一条 为规范科技计划项目管理，制定本办法。
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog, Source
from generator.format.status import LawStatus
from generator.rules._util import Findings

CODE = Code.DATE_IN_FUTURE
LEVEL = CODE.level

ADVICE = "请核对年份和月份"


def _late(src: Source, what: str, label: str, day: dt.date | None, today: dt.date, *at: str | int) -> Findings:
    if day is not None and day > today:
        yield src.path, src.at(*at), f"{what}的{label} {day} 晚于今天（{today}）：{ADVICE}"


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        s = doc.src
        yield from _late(s, "本文件", "成文日期", doc.written, today, "written")
        yield from _late(s, "本文件", "发布日期", doc.published, today, "published")
        for r in doc.reviews:
            yield from _late(s, "本文件", "清理日期", r.date, today, "reviews", r.index, "date")
        if doc.legality_review is not None:
            yield from _late(s, "本文件", "合法性审核日期", doc.legality_review.date, today, "legality_review", "date")
        if doc.filing is not None:
            yield from _late(s, "本文件", "备案日期", doc.filing.date, today, "filing", "date")
    for law in cat.all_laws:
        yield from _late(law.src, f"《{law.title}》", "公布日期", law.promulgated, today, "promulgated")
        if law.status == LawStatus.IN_FORCE and law.effective is not None and law.effective > today:
            yield law.src.path, law.src.at("effective"), \
                f"《{law.title}》的施行日期 {law.effective} 晚于今天（{today}），却标为 现行有效：" \
                "请改为 status: 尚未生效，施行后再改回"
    for power in cat.all_powers:
        for c in power.changes:
            yield from _late(power.src, "本事项", "调整日期", c.date, today, "changes", c.index, "date")
