"""合法性审核结果为 不通过，文件却已发布；或者合法性审核日期晚于发布日期。

未通过合法性审核的文件不得发布，审核应在发布之前完成。
修改方法：核实 `legality_review` 中的 `result`（审核结果）和 `date`（审核日期）是否录错。

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
legality_review: {date: 2025-03-12, by: 某市科学技术局政策法规科, result: 通过}
---
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.LEGALITY_REVIEW_FAILED
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        lr = doc.legality_review
        if lr is None or doc.published is None:
            continue
        if lr.result == "不通过":
            yield doc.src.path, doc.src.at("legality_review", "result"), \
                "合法性审核结果为 不通过，文件却已发布：未通过审核的文件不得发布，请核实"
        if lr.date and lr.date > doc.published:
            yield doc.src.path, doc.src.at("legality_review", "date"), \
                f"合法性审核日期 {lr.date} 晚于发布日期 {doc.published}：审核应在发布之前"
