"""文件的有效期（`expires`）已经过了，却仍标为 有效。

规范性文件过了有效期就不再有效。如果评估后决定继续有效，请记录评估结果：
在 `reviews` 中添加一条结果为 继续有效 的清理记录，并像重新发布的文件一样填写新的 `expires`；
否则把状态改为 失效（`status: 失效`）。

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
index_no: 11350100MB0000001X/2020-00001
title: 某市科技计划项目管理办法
doc_no: 某科〔2020〕1号
category: gfxwj
issuer: 某市科学技术局
summary: 规范科技计划项目的申报、立项、实施和验收。
written: 2020-03-03
published: 2020-03-10
kind: 规范性文件
owner: self
effective: 2020-04-10
expires: 2025-04-09
status: 有效
legality_review: {date: 2020-03-05, by: 某市科学技术局政策法规科, result: 通过}
---
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import DocStatus
from generator.rules._util import Findings

CODE = Code.EXPIRED_BUT_VALID
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        if doc.normative and doc.status == DocStatus.VALID and doc.expires and doc.expires < today:
            yield doc.src.path, doc.src.at("expires"), \
                f"有效期已于 {doc.expires} 届满，但有效性仍为 有效：" \
                "请评估后重新发布（更新 expires），或把 status 改为 失效"
