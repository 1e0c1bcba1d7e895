"""A legal basis whose status nobody has confirmed within `policy.basis_check_interval_years`.

Laws are amended and repealed; the 执法依据 page shows each status "as of" `status_checked`.
A missing `status_checked` counts as stale. The interval defaults to one year. Repealed laws
are not reported: their status cannot change back.

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

from ..model import Catalog
from ..problems import Level
from ._util import Findings, add_years

CODE = "basis-status-stale"
LEVEL = Level.WARNING


def check(cat: Catalog, today: dt.date) -> Findings:
    years = cat.policy.basis_check_interval_years
    for law in cat.all_laws:
        if law.status == "已废止":
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
