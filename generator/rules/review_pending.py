"""`decided: false` 的清理记录：这是一条“建议”，仍在等待有权机关作出决定。

只作为提示报出，方便办公室及时催办；它从不导致检查失败。
如果这条建议之后又有一条已决定的清理记录，就视为已办结，不再报告。
决定作出后，在 `reviews` 中这条建议之后添加一条 `decided: true` 的清理记录即可。

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
reviews: [{date: 2026-06-01, batch: 某科〔2026〕2号, result: 继续有效, decided: true}]
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
expires: 2030-04-09
status: 有效
legality_review: {date: 2025-03-05, by: 某市科学技术局政策法规科, result: 通过}
reviews: [{date: 2026-06-01, batch: 某科〔2026〕2号, result: 继续有效, decided: false}]
---
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import ReviewResult
from generator.rules._util import Findings

CODE = Code.REVIEW_PENDING
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        for review in doc.reviews:
            if review.decided or review.date is None:
                continue
            # A later decision settles an earlier proposal.
            settled = any(r.decided and r.date and r.date >= review.date and r.index > review.index
                          for r in doc.reviews)
            if not settled:
                proposal = "不修改" if review.result == ReviewResult.KEEP else review.result
                yield doc.src.path, doc.src.at("reviews", review.index), \
                    f"{review.date} 的清理意见（建议{proposal}）尚待决定：决定后请把 decided 改为 true"
