"""执法依据（法律法规）的时效性超过 `policy.basis_check_interval_years` 规定的年限无人核对。

法律法规会被修改、废止，“执法依据”页面上每部法律的时效性都注明是“截至 `status_checked`”的状态。
没有填写 `status_checked` 的，也按超期未核对处理。核对间隔默认为一年。
已废止的法律不报：它的状态不会再变回去。
修改方法：核对这部法律当前的时效性，有变化的更新 `status`，再把 `status_checked` 改为核对当天的日期。

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
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2024-11-01
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.model import Catalog
from generator.format.status import LawStatus
from generator.rules._util import Findings, add_years

CODE = Code.BASIS_STATUS_STALE
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    years = cat.policy.basis_check_interval_years
    for law in cat.all_laws:
        if law.status == LawStatus.REPEALED:
            continue
        if law.status_checked is None:
            if law.src.raw.get("status_checked") is not None:
                continue  # written but not a date: invalid-date says so
            where = "status_checked" if "status_checked" in law.src.raw else "status"
            yield law.src.path, law.src.at(where), \
                f"《{law.title}》没有 status_checked：请到国家法律法规数据库核对时效性，并写上核对日期"
        elif add_years(law.status_checked, years) < today:
            yield law.src.path, law.src.at("status_checked"), \
                f"《{law.title}》的时效性上次核对于 {law.status_checked}，已超过 {years} 年：" \
                "请重新核对并更新 status_checked"
