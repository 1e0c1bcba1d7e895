"""索引号不符合 `policy.index_no_pattern` 规定的格式。

默认格式是 `^{credit_code}/\\d{4}-\\d{5}$`：本机关的统一社会信用代码、一个斜杠、四位年份、
一个连字符和五位序号（如 `11350100MB0000001X/2025-00001`）。使用本地格式的网站可以自行设定
正则表达式（RE2 语法：匹配时间与索引号长度成正比，任何写法都不会卡住；不支持前后查找和反向引用，
这样的写法报告为 `invalid-value`），其中的 `{credit_code}` 会替换为配置中的统一社会信用代码。

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
index_no: 11350100MB0000001X-2025-1
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
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.codes import Code
from generator.format.model import Catalog, Policy
from generator.format.patterns import compile_user_pattern
from generator.rules._util import Findings

CODE = Code.INVALID_INDEX_NO
LEVEL = CODE.level


def index_pattern(cat: Catalog) -> Any | None:
    r"""The configured 索引号 pattern (RE2, credit code filled in), or None when RE2 refuses it.

    RE2's \d is ASCII: full-width digits (２０２５), which break search and URLs, never match.
    """
    code = cat.config.agency.credit_code
    return compile_user_pattern(cat.policy.index_no_pattern, {"credit_code": code})


def check(cat: Catalog, today: dt.date) -> Findings:
    policy = cat.policy
    code = cat.config.agency.credit_code
    if "{credit_code}" in policy.index_no_pattern and not code:
        return  # guide-incomplete reports the missing credit code; every 索引号 would fail here too
    pattern = index_pattern(cat)
    if pattern is None:
        return  # invalid-value says why RE2 refuses the pattern, at its line in site_config.yml
    for doc in cat.all_documents:
        # The whole 索引号 must match, even when the pattern was written without ^…$.
        if doc.index_no is None or pattern.fullmatch(doc.index_no):
            continue
        hint = f"，例如 {code}/{doc.published.year if doc.published else 2024}-00001" \
            if policy.index_no_pattern == Policy.index_no_pattern else ""
        yield doc.src.path, doc.src.at("index_no"), \
            f"索引号 '{doc.index_no}' 不符合格式 {policy.index_no_pattern}{hint}"
