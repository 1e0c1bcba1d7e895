"""发文字号不符合 GB/T 9704-2012 规定的 `机关代字〔YYYY〕N号` 格式。

年份放在六角括号 〔〕 中，序号前不加“第”字，也不在前面补 0，例如 `某科〔2025〕1号`。
下面这些常见错误会被点名指出：`[2012]`、`(2012)`、`（2012）`、`【2012】`、`﹝2012﹞`、
`第12号`、`〔2012〕012号`、全角数字。规章以政府令公布，`kind: 规章` 的文号也可以是令号，
例如 `某市人民政府令第3号`（立法法第九十六条）。

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
doc_no: 某科[2025]第01号
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
import re

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.INVALID_DOC_NO
LEVEL = CODE.level

# [0-9], not \d: full-width digits (２０２４) are a common slip and not allowed in a 文号.
DOC_NO = re.compile(r"^(?P<org>[^\s〔〕\[\]()（）【】]+)〔(?P<year>[0-9]{4})〕(?P<n>[1-9][0-9]*)号$")
# Look-alikes of 〔〕 that editors paste from Word or web pages: ﹝﹞ ［］ 〖〗 among them.
_BRACKETS = re.compile(r"[\[\]()（）【】<>《》{}［］﹝﹞〖〗]")


def diagnose(doc_no: str) -> str | None:
    """Why a 文号 is malformed, in Chinese, or None if it is well formed."""
    if DOC_NO.match(doc_no):
        return None
    if _BRACKETS.search(doc_no) and re.search(r"\d{4}", doc_no):
        return "年份应使用六角括号〔〕，不是 [] () 【】 ﹝﹞ 等相似的括号"
    if re.search(r"[０-９]", doc_no):
        return "年份和序号应使用半角阿拉伯数字"
    if "第" in doc_no:
        return "序号前不加“第”"
    if re.search(r"〕0\d*号$", doc_no):
        return "序号不编虚位（不补 0）"
    if re.search(r"\s", doc_no):
        return "文号中不应有空格"
    if not doc_no.endswith("号"):
        return "应以“号”结尾"
    return "格式应为 机关代字〔YYYY〕N号"


# 规章 are promulgated by a 政府令 (立法法第九十六条): 某市人民政府令第3号 — 第 and no 〔year〕 are right here.
DECREE_NO = re.compile(r"^[^\s〔〕\[\]()（）【】]+令第[1-9][0-9]*号$")


def check(cat: Catalog, today: dt.date) -> Findings:
    for doc in cat.all_documents:
        if doc.doc_no is None or (doc.kind == "规章" and DECREE_NO.match(doc.doc_no)):
            continue
        why = diagnose(doc.doc_no)
        if why:
            yield doc.src.path, doc.src.at("doc_no"), f"发文字号 '{doc.doc_no}' 不规范：{why}，例如 某科〔2024〕3号"
