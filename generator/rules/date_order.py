"""日期先后顺序不对：应当 成文 ≤ 发布 ≤ 施行 ≤ 有效期至，废止应在发布之后。

对应的字段是 `written`（成文日期）≤ `published`（发布日期）≤ `effective`（施行日期）≤ `expires`（有效期至）；
`repealed` 中的废止日期不能早于 `published`。法律法规另要求 `promulgated`（公布日期）≤ `effective`，
废止日期也不能早于公布日期。问题指向顺序颠倒的两个字段中日期应当较晚的那一个。

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
published: 2025-02-28
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

CODE = Code.DATE_ORDER
LEVEL = CODE.level


_DOC_CHAIN = (("written", "成文日期"), ("published", "发布日期"), ("effective", "施行日期"), ("expires", "有效期至"))


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        prev: tuple[str, str, dt.date] | None = None
        for key, label in _DOC_CHAIN:
            value = getattr(doc, key)
            if value is None:
                continue
            if prev is not None and value < prev[2]:
                yield doc.src.path, doc.src.at(key), \
                    f"{label} {value} 早于{prev[1]} {prev[2]}：应为 成文 ≤ 发布 ≤ 施行 ≤ 有效期至，请核对日期"
            prev = (key, label, value)
        if doc.repealed and doc.repealed.date and doc.published and doc.repealed.date < doc.published:
            yield doc.src.path, doc.src.at("repealed", "date"), \
                f"废止日期 {doc.repealed.date} 早于发布日期 {doc.published}：请核对日期"
    for law in cat.all_laws:
        if law.promulgated and law.effective and law.effective < law.promulgated:
            yield law.src.path, law.src.at("effective"), \
                f"施行日期 {law.effective} 早于公布日期 {law.promulgated}：请核对日期"
        if law.repealed and law.repealed.date and law.promulgated and law.repealed.date < law.promulgated:
            yield law.src.path, law.src.at("repealed", "date"), \
                f"废止日期 {law.repealed.date} 早于公布日期 {law.promulgated}：请核对日期"
