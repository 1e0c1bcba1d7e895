"""本格式不认识的字段名：几乎都是拼写错误（如 `isssuer:`），提示中会给出最接近的正确写法。

修改方法：按提示改正字段名；各文件的全部字段见 [format.md](format.md)。

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
  status_checkd: 2026-11-01
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._schema import schema_findings
from generator.rules._util import Findings

CODE = Code.UNKNOWN_FIELD
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for code, path, pos, message in schema_findings(cat):
        if code == CODE:
            yield path, pos, message
