"""A value of the wrong type or outside its enumeration.

Enumerations are exactly the Chinese words of the format (`status: 有效`, not `status: 现行`);
ids are lowercase letters, digits and hyphens; a 文号 or code typed without quotes that YAML
reads as a number is named as such; lists must be lists. In catalog/annual/<year>.yml the
表三 numbers must add up: 一 + 二 = 三（七）+ 四, （七）= （一）…（六）, 总计 = the six applicant columns.

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
  level: 国家法律
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2026-11-01
```
"""

from __future__ import annotations

import datetime as dt

from ..annual import annual_findings
from ..model import Catalog
from ..problems import Level
from ._schema import schema_findings
from ._util import Findings

CODE = "invalid-value"
LEVEL = Level.ERROR


def check(cat: Catalog, today: dt.date) -> Findings:
    for code, path, pos, message in schema_findings(cat):
        if code == CODE:
            yield path, pos, message
    yield from annual_findings(cat)
