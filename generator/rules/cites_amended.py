"""An 有效 power or document rests on a law whose status is 已修改: its articles may have moved.

`已修改` here means the cited text was replaced by an amendment (a law renumbered on revision,
such as the 2024 科学技术普及法). Check the article numbers against the current text, then
update the basis and set the law's status back to 现行有效.

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

from ..model import Catalog
from ..problems import Level
from ._util import Findings, citation_findings

CODE = "cites-amended"
LEVEL = Level.WARNING


def check(cat: Catalog, today: dt.date) -> Findings:
    return citation_findings(cat, "已修改", "条文序号可能已变，请核对所引条款后更新依据")
