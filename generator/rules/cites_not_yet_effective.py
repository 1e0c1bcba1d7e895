"""有效的权力事项或文件所依据的法律时效性为 尚未生效：在它施行之前还不能作为依据。

修改方法：在这部法律施行之前，暂用现行有效的依据，或推迟本事项；
法律施行后，把它的 `status` 改为 `现行有效`，这条警告就会消失。

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

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import LawStatus
from generator.rules._util import Findings, citation_findings

CODE = Code.CITES_NOT_YET_EFFECTIVE
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    return citation_findings(cat, LawStatus.NOT_YET_EFFECTIVE, "在它施行前不能作为依据，请暂用现行依据或推迟本事项")
