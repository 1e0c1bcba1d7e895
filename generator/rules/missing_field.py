"""A required field is absent.

Which fields are required depends on the file and, for documents, on `kind`: every document
needs id, index_no, title, category, issuer, summary, written, published and kind; 规章 and
规范性文件 also need doc_no, owner, effective and status; 规范性文件 also expires. A power needs
at least one `basis` entry. The problem points at the first line of the record.

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

from ..model import Catalog
from ..problems import Level
from ._schema import schema_findings
from ._util import Findings

CODE = "missing-field"
LEVEL = Level.ERROR


def check(cat: Catalog, today: dt.date) -> Findings:
    for code, path, pos, message in schema_findings(cat):
        if code == CODE:
            yield path, pos, message
