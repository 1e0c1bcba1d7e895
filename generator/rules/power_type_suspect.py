"""A power whose name says one type (检查, 处罚, 许可, 奖励 …) while its `type` says another.

A typical real error: "对执行档案法等有关管理规定的检查" typed as 行政强制. The name's keywords
suggest the types it may have; if `type` is none of them, the power is reported.

通过：
```yaml
# catalog/powers/cf.yml
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
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
  type: 行政检查
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
```
"""

from __future__ import annotations

import datetime as dt

from ..model import Catalog
from ..problems import Level
from ._util import Findings

CODE = "power-type-suspect"
LEVEL = Level.WARNING

KEYWORDS = {
    "处罚": "行政处罚", "罚款": "行政处罚", "许可": "行政许可", "审批": "行政许可",
    "检查": "行政检查", "查封": "行政强制", "扣押": "行政强制", "强制": "行政强制",
    "征收": "行政征收", "给付": "行政给付", "确认": "行政确认", "奖励": "行政奖励",
    "表彰": "行政奖励", "裁决": "行政裁决",
}


def check(cat: Catalog, today: dt.date) -> Findings:
    for power in cat.all_powers:
        if not power.type or not power.name:
            continue
        said = {t for word, t in KEYWORDS.items() if word in power.name}
        if said and power.type not in said:
            words = "、".join(sorted(w for w, t in KEYWORDS.items() if w in power.name))
            yield power.src.path, power.src.at("type"), \
                f"事项名称含“{words}”，像是{'或'.join(sorted(said))}，但类型是 {power.type}：请核对权力类型"
