"""`filing.date` 晚于发布日期后 `policy.filing_days` 天（默认 30 天）。

默认 30 天：《法规规章备案条例》第三条规定规章自公布之日起 30 日内报送备案，多数省份的规范性文件
管理规定也是 30 日（也有 15 日的）；本地规定不同时在 site_config.yml 中设置 `policy.filing_days`。
修改方法：核对报送备案的日期；确实逾期的，如实保留并说明原因。

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
filing: {date: 2025-03-20, to: 某市司法局, no: 备2025-03}
---
第一条 为规范科技计划项目管理，制定本办法。
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
filing: {date: 2025-05-20, to: 某市司法局, no: 备2025-03}
---
第一条 为规范科技计划项目管理，制定本办法。
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.FILING_LATE
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    days = cat.policy.filing_days
    for doc in cat.all_documents:
        f = doc.filing
        if f is None or f.date is None or doc.published is None:
            continue
        if (f.date - doc.published).days > days:
            yield doc.src.path, doc.src.at("filing", "date"), \
                f"本文件 {doc.published} 发布，{f.date} 才报送备案，超过 {days} 天（policy.filing_days）：" \
                "请核对备案日期；确实逾期的，如实保留"
