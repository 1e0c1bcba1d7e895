"""日期字段不是真实存在的标准日期（格式应为 `YYYY-MM-DD`）。

能发现不存在的日期（`2029-02-30`）、其他写法（`2024/3/5`、`2024年3月5日`）、全角数字，
以及带了时刻的写法。修改方法：写成 `2024-03-05` 这样的形式，一律用半角数字和连字符。

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
  status: 现行有效
  status_checked: 2026-02-30
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._schema import schema_findings
from generator.rules._util import Findings

CODE = Code.INVALID_DATE
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for code, path, pos, message in schema_findings(cat):
        if code == CODE:
            yield path, pos, message
