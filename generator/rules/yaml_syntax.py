"""A file that cannot be read as YAML: syntax errors, wrong encoding, tabs, duplicate keys, aliases.

The loader reports these (it is the only stage that sees the raw text) at the parser's
line and column; this module names the code and documents it. Besides plain syntax errors it
covers: a file not in UTF-8 (GBK/GB18030 from WPS is named as such), a binary file, a Tab in
the indentation, a key written twice (plain YAML silently keeps the last one), anchors and
aliases (refused: a catalogue never needs them, and they allow "billion laughs" bombs),
`!!python/...` and other tags (refused), and front matter without its closing `---`.

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
  title: 专利法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2026-11-01
```
"""

from __future__ import annotations

import datetime as dt

from ..model import Catalog
from ..problems import Level
from ._util import Findings

CODE = "yaml-syntax"
LEVEL = Level.ERROR


def check(cat: Catalog, today: dt.date) -> Findings:
    """The loader has already reported these with the parser's position; nothing to add here."""
    return iter(())
