"""权力事项的名称显示是一种类型（检查、处罚、许可、奖励……），`type` 却填了另一种。

一个真实的错误：“对执行档案法等有关管理规定的检查”被填成了 行政强制。
名称中的关键词提示它可能属于哪几种类型；如果 `type` 不在其中，就会报告。
修改方法：对照权力清单原件核对并改正 `type`。

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

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.POWER_TYPE_SUSPECT
LEVEL = CODE.level

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
