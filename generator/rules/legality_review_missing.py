"""2019 年 1 月 1 日以后（含当天）发布的规范性文件没有合法性审核记录 `legality_review`（国办发〔2018〕115号）。

修改方法：添加 `legality_review`，写明 `date`（审核日期）、`by`（审核机构）和 `result`（审核结果）。

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
expires: 2030-04-09
status: 有效
---
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.LEGALITY_REVIEW_MISSING
LEVEL = CODE.level


_SINCE = dt.date(2019, 1, 1)


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        if doc.kind == "规范性文件" and doc.published and doc.published >= _SINCE and doc.legality_review is None:
            yield doc.src.path, doc.src.at("published"), \
                "自 2019 年 1 月 1 日起发布的规范性文件须经合法性审核：请添加 legality_review（date、by、result）"
