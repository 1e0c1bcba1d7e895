"""有效的权力事项或文件所依据的法律时效性为 已修改：所引条文的条款号可能已经变动。

这里的 `已修改` 是指所引用的文本已被修正文本替换（例如 2024 年修订的科学技术普及法，
修订后条文重新编了号）。请对照现行文本核对所引的条款号，更新依据（`basis`），
然后把这部法律的 `status` 改回 `现行有效`。

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
  issuer: 全国人民代表大会常务委员会
  status: 已修改
  status_checked: 2026-11-01
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import LawStatus
from generator.rules._util import Findings, citation_findings

CODE = Code.CITES_AMENDED
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    return citation_findings(cat, LawStatus.AMENDED, "条文序号可能已变，请核对所引条款后更新依据")
