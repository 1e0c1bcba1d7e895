"""`policy.filing_required_from` 当天及以后发布的规章、规范性文件没有 `filing`（备案记录）。

规章自公布之日起 30 日内报送备案（《法规规章备案条例》第三条），规范性文件按各地规定报送备案。
备案期限（`policy.filing_days`，默认 30 天）届满之前不报告：刚发布的文件还来得及报送。
`policy.filing_required_from` 不填时不检查（这一日期之前的文件多半没有留下备案记录）。
修改方法：添加 `filing: {date: 报送日期, to: 备案机关, no: 备案登记号}`。

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
  filing_required_from: 2025-06-01
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
  filing_required_from: 2025-01-01
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._util import Findings

CODE = Code.FILING_MISSING
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    start = cat.policy.filing_required_from
    if start is None:
        return
    days = cat.policy.filing_days
    for doc in cat.all_documents:
        if doc.normative and doc.filing is None and doc.published is not None and doc.published >= start \
                and (today - doc.published).days > days:
            yield doc.src.path, doc.src.at("kind"), \
                f"本文件是{doc.kind}，{doc.published} 发布（policy.filing_required_from 为 {start}），" \
                f"{days} 天的备案期限已过，但没有备案记录：" \
                "请添加 filing: {date: 报送备案日期, to: 备案机关, no: 备案登记号}"
