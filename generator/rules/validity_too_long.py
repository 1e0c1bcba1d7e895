"""有效期超过规定上限：一般为 `validity_years`（5 年），标题含“暂行”“试行”的为 2 年。

从 `effective` 算到 `expires`；满 N 年的同月同日仍在允许范围内。

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
expires: 2032-04-09
status: 有效
legality_review: {date: 2025-03-05, by: 某市科学技术局政策法规科, result: 通过}
---
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings, add_years

CODE = Code.VALIDITY_TOO_LONG
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    policy = cat.policy
    for doc in cat.all_documents:
        if not doc.normative or not doc.effective or not doc.expires:
            continue
        provisional = "暂行" in doc.title or "试行" in doc.title
        years = policy.provisional_validity_years if provisional else policy.validity_years
        if doc.expires > add_years(doc.effective, years):
            kind = "暂行、试行文件" if provisional else "规范性文件"
            latest = add_years(doc.effective, years)
            yield doc.src.path, doc.src.at("expires"), \
                f"有效期从 {doc.effective} 到 {doc.expires}，超过{kind}的 {years} 年上限：" \
                f"请把 expires 提前到 {latest} 或之前"
