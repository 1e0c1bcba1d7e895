"""An 有效 power or document rests on a law that is 尚未生效: it cannot be a basis yet.

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
  status: 尚未生效
  status_checked: 2026-11-01
```
"""

from __future__ import annotations

import datetime as dt

from ..model import Catalog
from ..problems import Level
from ._util import Findings, citation_findings

CODE = "cites-not-yet-effective"
LEVEL = Level.WARNING


def check(cat: Catalog, today: dt.date) -> Findings:
    return citation_findings(cat, "尚未生效", "在它施行前不能作为依据，请暂用现行依据或推迟本事项")
