"""缺少必填字段。

哪些字段必填，取决于是哪种文件；对公开文件来说还取决于 `kind`：每份文件都要有
id、index_no、title、category、issuer、summary、written、published 和 kind；
规章和规范性文件还要有 doc_no、owner、effective 和 status；规范性文件还要有 expires。
权力事项至少要有一条 `basis`；权力事项的动态调整（`changes`）为 下放 或 委托 的，要写明所依据的
决定或委托书的文号 `doc_no`。问题指向该条记录的第一行。

通过：
```yaml
# catalog/legal_bases.yml
- id: zlf
  title: 中华人民共和国专利法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2026-11-01
```

不通过：
```yaml
# catalog/legal_bases.yml
- id: zlf
  title: 中华人民共和国专利法
  level: 法律
  status: 现行有效
  status_checked: 2026-11-01
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.fields import DELEGATION_KINDS
from generator.format.model import Catalog
from generator.rules._schema import schema_findings
from generator.rules._util import Findings

CODE = Code.MISSING_FIELD
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for code, path, pos, message in schema_findings(cat):
        if code == CODE:
            yield path, pos, message
    for power in cat.all_powers:
        for c in power.changes:
            if c.kind in DELEGATION_KINDS and c.doc_no is None:
                yield power.src.path, power.src.at("changes", c.index), \
                    f"本事项 {c.date or ''} 的{c.kind}没有写明所依据的文件：请添加 doc_no（{c.kind}决定或委托书的文号）"
