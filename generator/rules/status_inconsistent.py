"""有效性（状态）与记录中的其他内容互相矛盾。

规章、规范性文件：状态为 废止 却没有 `repealed`；状态为 失效，但 `expires` 还没到，也没有 `repealed`
说明原因；有效 或 已修改 的文件却写了 `repealed`；最近一次已决定的清理结论是 废止/宣布失效，
状态却仍是 有效；状态为 已修改 却没有 `amended_by`。

执法依据（法律法规）：时效性为 已废止 却没有 `repealed`，或者不是 已废止 的法律却写了 `repealed`。

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
status: 废止
legality_review: {date: 2025-03-05, by: 某市科学技术局政策法规科, result: 通过}
---
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import DOC_IN_FORCE, ENDING_RESULTS, DocStatus, LawStatus
from generator.rules._util import Findings

CODE = Code.STATUS_INCONSISTENT
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        if not doc.normative or doc.status is None:
            continue
        s = doc.src
        if doc.status == DocStatus.REPEALED and doc.repealed is None:
            yield s.path, s.at("status"), \
                "有效性为 废止，但没有 repealed：请写明 repealed: {date: 废止日期, by: 废止它的文件}"
        if doc.status == DocStatus.EXPIRED and doc.repealed is None and doc.expires and doc.expires >= today:
            yield s.path, s.at("status"), \
                f"有效性为 失效，但有效期至 {doc.expires} 尚未届满且没有 repealed：请写明宣布失效的日期和决定"
        if doc.status in DOC_IN_FORCE and doc.repealed is not None:
            yield s.path, s.at("repealed"), \
                f"有效性为 {doc.status}，却写有 repealed：若已废止请把 status 改为 废止，否则删除 repealed"
        last = doc.last_decided_review
        if doc.status == DocStatus.VALID and last and last.result in ENDING_RESULTS:
            yield s.path, s.at("status"), \
                f"最近一次已决定的清理结果（{last.date}）为 {last.result}，但有效性仍为 有效：请更新 status 和 repealed"
        if doc.status == DocStatus.AMENDED and not doc.amended_by:
            yield s.path, s.at("status"), "有效性为 已修改，但没有 amended_by：请列出修改它的文件 id"
    for law in cat.all_laws:
        if law.status == LawStatus.REPEALED and law.repealed is None:
            yield law.src.path, law.src.at("status"), \
                "时效性为 已废止，但没有 repealed：请写明 repealed: {date: 废止日期, by: 废止它的法律}"
        if law.status is not None and law.status != LawStatus.REPEALED and law.repealed is not None:
            yield law.src.path, law.src.at("repealed"), \
                f"时效性为 {law.status}，却写有 repealed：若已废止请把 status 改为 已废止，否则删除 repealed"
