"""有效文件的有效期（`expires`）距今天已不足 `policy.expiry_warning_days` 天（默认 180 天）。

地方规定要求在规范性文件有效期届满前几个月开展评估，这条是提醒。
评估结论的记录方法见 [expired-but-valid](#expired-but-valid)。

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
index_no: 11350100MB0000001X/2021-00001
title: 某市科技计划项目管理办法
doc_no: 某科〔2021〕1号
category: gfxwj
issuer: 某市科学技术局
summary: 规范科技计划项目的申报、立项、实施和验收。
written: 2021-12-01
published: 2021-12-06
kind: 规范性文件
owner: self
effective: 2022-01-10
expires: 2027-01-09
status: 有效
legality_review: {date: 2021-12-02, by: 某市科学技术局政策法规科, result: 通过}
reviews: [{date: 2026-03-01, batch: 某科〔2026〕2号, result: 继续有效, decided: true}]
---
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import DocStatus
from generator.rules._util import Findings

CODE = Code.EXPIRING_SOON
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    days = cat.policy.expiry_warning_days
    for doc in cat.all_documents:
        if doc.normative and doc.status == DocStatus.VALID and doc.expires and today <= doc.expires:
            left = (doc.expires - today).days
            if left <= days:
                yield doc.src.path, doc.src.at("expires"), \
                    f"有效期至 {doc.expires}，还剩 {left} 天：请在届满前完成评估，决定继续施行（重新发布）、修改或失效"
