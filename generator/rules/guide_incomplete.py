"""`agency` 中条例第十二条要求的某项信息缺失或为空：公开指南必须写明其中的每一项。

条例第十二条要求公开指南写明政府信息公开工作机构的名称、办公地址、办公时间、联系电话、
传真号码、互联网联系方式；本格式还要求写明统一社会信用代码、邮政编码、电子邮箱和申请渠道。
“公开指南”页面就是用这些字段生成的。修改方法：在 `site_config.yml` 的 `agency` 下补全对应的字段。

通过：
```yaml
# site_config.yml
site: {name: 某市科学技术局政府信息公开, url: "https://kjj.example.gov.cn/"}
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
```

不通过：
```yaml
# site_config.yml
site: {name: 某市科学技术局政府信息公开, url: "https://kjj.example.gov.cn/"}
agency:
  name: 某市科学技术局
  credit_code: 11350100MB0000001X
  address: 某市某区某路1号
  postcode: "350000"
  office_hours: 工作日 8:00—12:00，14:30—17:30
  phone: 0591-00000000
  fax: ""
  email: kjj@example.gov.cn
  website: https://kjj.example.gov.cn/
  application_channels: [网上申请, 信函申请, 当面申请]
footer:
  sponsor: 某市科学技术局
  site_code: "3501000000"
  icp: 闽ICP备00000000号-1
  police_filing: 闽公网安备 35010000000000号
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.fields import SITE_CONFIG
from generator.format.model import Catalog, submap
from generator.format.yamltree import YMap
from generator.rules._util import Findings

CODE = Code.GUIDE_INCOMPLETE
LEVEL = CODE.level

_AGENCY = next(f for f in SITE_CONFIG.fields if f.name == "agency").fields


def _empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return all(_empty(item) for item in value)
    return False


def check(cat: Catalog, today: dt.date) -> Findings:
    src = cat.config.src
    if src is None:
        return
    agency = submap(src.raw, "agency") or YMap()
    if not isinstance(src.raw.get("agency"), YMap):
        # No agency block at all: one problem naming every field, not ten at the same line.
        titles = "、".join(f.title for f in _AGENCY)
        yield src.path, src.at("agency"), \
            f"公开指南缺少政府信息公开工作机构的信息：请在 site_config.yml 中添加 agency，写明{titles}（条例第十二条）"
        return
    for f in _AGENCY:
        if _empty(agency.get(f.name)):
            pos = agency.at(f.name) if f.name in agency else src.at("agency")
            yield src.path, pos, \
                f"公开指南缺少“{f.title}”：请在 site_config.yml 的 agency 下填写 {f.name}（条例第十二条）"
