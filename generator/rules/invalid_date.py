"""A date field that is not a real ISO date (`YYYY-MM-DD`).

Catches impossible dates (`2029-02-30`), other formats (`2024/3/5`, `2024年3月5日`),
full-width digits and a time of day.

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

from ..model import Catalog
from ..problems import Level
from ._schema import schema_findings
from ._util import Findings

CODE = "invalid-date"
LEVEL = Level.ERROR


def check(cat: Catalog, today: dt.date) -> Findings:
    for code, path, pos, message in schema_findings(cat):
        if code == CODE:
            yield path, pos, message
