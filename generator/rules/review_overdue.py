"""有效的规章或规范性文件超过 `policy.review_interval_years` 年（默认 2 年）没有清理。

从最近一次清理算起；从未清理过的，从发布之日算起。
修改方法：组织清理，并在 `reviews` 中记录清理结果。

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
```

不通过：
```yaml
# catalog/documents/gfxwj/2025-kjj-gfxwj-001.md
---
id: 2025-kjj-gfxwj-001
index_no: 11350100MB0000001X/2023-00001
title: 某市科技计划项目管理办法
doc_no: 某科〔2023〕1号
category: gfxwj
issuer: 某市科学技术局
summary: 规范科技计划项目的申报、立项、实施和验收。
written: 2023-11-01
published: 2023-11-06
kind: 规范性文件
owner: self
effective: 2023-12-10
expires: 2028-12-09
status: 有效
legality_review: {date: 2023-11-02, by: 某市科学技术局政策法规科, result: 通过}
---
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import DocStatus
from generator.rules._util import Findings, add_years

CODE = Code.REVIEW_OVERDUE
LEVEL = CODE.level



def check(cat: Catalog, today: dt.date) -> Findings:
    years = cat.policy.review_interval_years
    for doc in cat.all_documents:
        if not doc.normative or doc.status != DocStatus.VALID:
            continue
        last = doc.last_review
        since = last.date if last else doc.published
        if since is None or add_years(since, years) >= today:
            continue
        what = f"最近一次清理在 {since}" if last else f"发布于 {since} 且从未清理"
        yield doc.src.path, doc.src.at("reviews", last.index) if last else doc.src.at("published"), \
            f"{what}，已超过 {years} 年的清理周期：请组织清理，并在 reviews 中记录结果"
