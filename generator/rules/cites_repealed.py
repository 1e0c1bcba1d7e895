"""有效的权力事项或有效的文件，所依据的法律已废止，或所依据的文件已 废止/失效。

仍然有效的事项不能以已经废止的文件为依据：请把依据换成取代它的法律（例如合同法换成民法典），
或者取消该权力事项（`status: 已取消`）、废止该文件。
检查范围：有效权力事项和有效规章、规范性文件的 `basis`（依据），
以及有效权力事项的 `discretion`（裁量基准文件）。

通过：
```yaml
# catalog/powers/cf.yml
- code: KJ-CF-001
  name: 对技术合同登记违规行为的处罚
  type: 行政处罚
  basis: [{law: mfd, articles: [第八百四十三条]}]
  subject: 某市科学技术局
  status: 有效
```

不通过：
```yaml
# catalog/powers/cf.yml
- code: KJ-CF-001
  name: 对技术合同登记违规行为的处罚
  type: 行政处罚
  basis: [{law: htf, articles: [第三百二十二条]}]
  subject: 某市科学技术局
  status: 有效
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import DOC_ENDED, LawStatus, PowerStatus
from generator.rules._util import Findings, active_citations

CODE = Code.CITES_REPEALED
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for src, ref, law, who in active_citations(cat):
        if law.status == LawStatus.REPEALED:
            by = f"，已被 {law.repealed.by} 废止" if law.repealed and law.repealed.by else ""
            yield src.path, src.at("basis", ref.index, "law"), \
                f"{who}依据的《{law.title}》（{law.id}）已废止{by}：请改为现行有效的依据，或取消/废止本事项"
    for power in cat.all_powers:
        doc = cat.documents.get(power.discretion or "")
        if power.status == PowerStatus.VALID and doc and doc.status in DOC_ENDED:
            yield power.src.path, power.src.at("discretion"), \
                f"本事项的裁量基准《{doc.title}》已{doc.status}：请改为现行的裁量基准"
