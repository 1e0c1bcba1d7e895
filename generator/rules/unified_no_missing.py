"""`policy.unified_no_required_from` 当天及以后发布的规范性文件没有 `unified_no`（统一编号）。

行政规范性文件实行统一登记、统一编号、统一发布。统一编号的格式由 `policy.unified_no_pattern` 检查
（不符合时报 invalid-value），重复时报 duplicate-id。`policy.unified_no_required_from` 不填时不检查。
修改方法：添加 `unified_no: 统一编号`（以登记机关的编号为准）。

通过：
```yaml
# site_config.yml
site:
  name: 某市科学技术局政府信息公开
  url: https://kjj.example.gov.cn/
  description: 测试站点
agency:
  name: 某市科学技术局
  credit_code: 11350100MB0000001X
  address: 某市某区某路1号
  postcode: "350000"
  office_hours: 工作日 8:00—12:00，14:30—17:30
  phone: 0591-00000000
  fax: 0591-00000001
  email: kjj@example.gov.cn
  website: https://kjj.example.gov.cn/
  application_channels: [网上申请, 信函申请, 当面申请]
footer:
  sponsor: 某市科学技术局
  site_code: "3501000000"
  icp: 闽ICP备00000000号-1
  police_filing: 闽公网安备 35010000000000号
policy:
  unified_no_required_from: 2025-06-01
```

不通过：
```yaml
# site_config.yml
site:
  name: 某市科学技术局政府信息公开
  url: https://kjj.example.gov.cn/
  description: 测试站点
agency:
  name: 某市科学技术局
  credit_code: 11350100MB0000001X
  address: 某市某区某路1号
  postcode: "350000"
  office_hours: 工作日 8:00—12:00，14:30—17:30
  phone: 0591-00000000
  fax: 0591-00000001
  email: kjj@example.gov.cn
  website: https://kjj.example.gov.cn/
  application_channels: [网上申请, 信函申请, 当面申请]
footer:
  sponsor: 某市科学技术局
  site_code: "3501000000"
  icp: 闽ICP备00000000号-1
  police_filing: 闽公网安备 35010000000000号
policy:
  unified_no_required_from: 2025-01-01
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.UNIFIED_NO_MISSING
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    start = cat.policy.unified_no_required_from
    if start is None:
        return
    for doc in cat.all_documents:
        if doc.kind == "规范性文件" and doc.unified_no is None and doc.published is not None \
                and doc.published >= start:
            yield doc.src.path, doc.src.at("kind"), \
                f"本文件 {doc.published} 发布（policy.unified_no_required_from 为 {start}），没有统一编号：" \
                "请添加 unified_no: 统一编号（以登记机关的编号为准）"
