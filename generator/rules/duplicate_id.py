"""同一个 id、索引号、文号、权力编码或分类代码用了两次。

网址和相互引用都由这些标识生成，所以每一个都必须唯一。问题指向第二次出现的位置，
并说明第一次出现在哪里。修改方法：核实哪一处写错了，把它改成不重复的值。

通过：
```yaml
# catalog/powers/cf.yml
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
- code: KJ-CF-002
  name: 对专利代理违法行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
```

不通过：
```yaml
# catalog/powers/cf.yml
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
- code: KJ-CF-001
  name: 对专利代理违法行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..model import Catalog, Source
from ..problems import Level
from ._util import Findings

CODE = "duplicate-id"
LEVEL = Level.ERROR


def _dupes(what: str, key: str, items: Iterable[tuple[str | None, Source]]) -> Findings:
    first: dict[str, Source] = {}
    for value, src in items:
        if not value:
            continue
        if value in first:
            f = first[value]
            yield src.path, src.at(key), \
                f"{what} '{value}' 重复：{f.path}:{f.at(key).line} 已使用，请改用一个新的{what}"
        else:
            first[value] = src


def check(cat: Catalog, today: dt.date) -> Findings:
    yield from _dupes("分类代码", "code", ((c.code, c.src) for c in cat.all_categories))
    yield from _dupes("依据 id", "id", ((law.id, law.src) for law in cat.all_laws))
    yield from _dupes("权力编码", "code", ((p.code, p.src) for p in cat.all_powers))
    yield from _dupes("文件 id", "id", ((d.id, d.src) for d in cat.all_documents))
    yield from _dupes("索引号", "index_no", ((d.index_no, d.src) for d in cat.all_documents))
    yield from _dupes("发文字号", "doc_no", ((d.doc_no, d.src) for d in cat.all_documents))
