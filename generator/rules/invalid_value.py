"""值的类型不对，或不在规定的可选值之内。

可选值必须一字不差地使用本格式规定的中文词（写 `status: 有效`，不能写 `status: 现行`）；
id 只能由小写字母、数字和连字符组成；文号或编码没加引号、被 YAML 当成数字读入的，会明确指出；
应当是列表的必须写成列表。在 `catalog/annual/<year>.yml` 中，表三、表四的数字必须对得上（没写的栏按 0 计）：
一 + 二 = 三（七）+ 四，（七）=（一）至（六）各项之和，总计 = 六类申请人各栏之和；表四每组的总计 =
结果维持 + 结果纠正 + 其他结果 + 尚未审结。错误指在那个数字所在的行。

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
  level: 国家法律
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2026-11-01
```
"""

from __future__ import annotations

import datetime as dt

from generator.audit.annual import annual_findings
from generator.codes import Code
from generator.format.model import Catalog
from generator.rules._schema import schema_findings
from generator.rules._util import Findings
from generator.site import urls

CODE = Code.INVALID_VALUE
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for code, path, pos, message in schema_findings(cat):
        if code == CODE:
            yield path, pos, message
    yield from annual_findings(cat)
    for p in cat.all_powers:
        s = urls.slug(p.code)
        if p.code and (not s or s in urls.RESERVED_POWER_SLUGS):
            yield p.src.path, p.src.at("code"), \
                f"权力编码 '{p.code}' 生成的网址 powers/{s}/ 不可用：请改用字母、数字和连字符组成的编码"
