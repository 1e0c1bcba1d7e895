"""内容概述（`summary`）超过 100 字（各地政府信息公开目录规范规定内容概述不超过 100 字）。

修改方法：精简 `summary`，只保留文件的主要内容。

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
summary: >-
  为规范科技计划项目管理，提高财政科技资金使用效益，根据《中华人民共和国科学技术进步法》
  和国家、省有关规定，结合本市实际，对市级科技计划项目的申报、评审、立项、实施、
  中期检查、变更、验收、绩效评价和监督管理作出规定，明确各方职责和违规处理办法。
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
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.SUMMARY_TOO_LONG
LEVEL = CODE.level


LIMIT = 100


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        if doc.summary and len(doc.summary) > LIMIT:
            yield doc.src.path, doc.src.at("summary"), \
                f"内容概述有 {len(doc.summary)} 字，超过 {LIMIT} 字：请精简"
