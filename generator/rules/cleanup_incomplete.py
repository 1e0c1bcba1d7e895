"""清理活动范围内的文件没有这次清理的记录：期限之前是提示，期限过后是警告。

清理活动记在 catalog/cleanups.yml 中（id、title、notice 通知文号和日期、scope 范围、deadline 期限、
decision 结果决定）。范围是 scope 中文件类别（默认 规范性文件）和制发主体（默认 self 和 drafted）的文件，
发布日期早于 `scope.published_before`（默认为通知日期），并且在通知日期当天仍然有效：
通知下发前已经废止或失效的文件不再清理。文件的 `reviews` 中 `batch` 写清理活动的 id（例如 `ql-2026`），
就算作这次清理的记录。没有记录的文件，在 `deadline` 之前（含当天）报提示，过了期限报警告；
没有 `deadline` 的清理活动只报提示。修改方法：在文件的 `reviews` 中添加一条 `batch: 清理活动 id` 的记录。

通过：
```yaml
# catalog/cleanups.yml
- id: ql-2026
  title: 2026年度规范性文件清理
  notice: {doc_no: 某政办〔2026〕19号, date: 2026-05-12}
  scope: {owners: [drafted]}
  deadline: 2026-06-30
```

不通过：
```yaml
# catalog/cleanups.yml
- id: ql-2026
  title: 2026年度规范性文件清理
  notice: {doc_no: 某政办〔2026〕19号, date: 2026-05-12}
  deadline: 2026-06-30
```
"""

from __future__ import annotations

import datetime as dt

from generator.codes import Code
from generator.format.campaigns import in_scope, review_in
from generator.format.model import Catalog
from generator.problems import Level
from generator.rules._util import Findings

CODE = Code.CLEANUP_INCOMPLETE
LEVEL = CODE.level


def check(cat: Catalog, today: dt.date) -> Findings:
    for campaign in cat.cleanups.values():
        if campaign.notice_date is None or campaign.notice_date > today:
            continue  # a campaign not yet announced asks nothing of anyone
        late = campaign.deadline is not None and campaign.deadline < today
        level = Level.WARNING if late else Level.NOTICE
        when = f"期限 {campaign.deadline} 已过" if late else \
            f"期限 {campaign.deadline}" if campaign.deadline else "未定期限"
        for doc in in_scope(cat, campaign):
            if review_in(doc, campaign) is None:
                yield doc.src.path, doc.src.at("reviews") if "reviews" in doc.src.raw else doc.src.raw.pos, \
                    f"本文件在清理活动 {campaign.id}（{campaign.title}）的范围内，但没有这次清理的记录（{when}）：" \
                    f"请在 reviews 中添加一条 batch: {campaign.id} 的清理记录", level
