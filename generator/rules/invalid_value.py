"""值的类型不对，或不在规定的可选值之内。

可选值必须一字不差地使用本格式规定的中文词（写 `status: 有效`，不能写 `status: 现行`）；
id 只能由小写字母、数字和连字符组成；文号或编码没加引号、被 YAML 当成数字读入的，会明确指出；
应当是列表的必须写成列表。在 `catalog/annual/<year>.yml` 中，表三、表四的数字必须对得上（没写的栏按 0 计）：
一 + 二 = 三（七）+ 四，（七）=（一）至（六）各项之和，总计 = 六类申请人各栏之和；表四每组的总计 =
结果维持 + 结果纠正 + 其他结果 + 尚未审结。错误指在那个数字所在的行。
条款列表的各项用英文逗号分隔：`[第十三条，第四十五条]` 会被读成一项，因此报告。规章只能由人民政府制定
（立法法第九十三条）：`kind: 规章` 的发布机构应是某某人民政府（不是办公室、办公厅或工作部门），
`owner: self` 的规章要求本机构是人民政府，工作部门起草的规章写 `owner: drafted`。
设置了 `policy.unified_no_pattern` 时，规范性文件的统一编号 `unified_no` 必须整体符合这个格式。

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
from generator.format.patterns import compile_user_pattern
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
    source = cat.policy.unified_no_pattern
    pattern = compile_user_pattern(source) if source else None
    if pattern is not None:  # a pattern RE2 refuses is reported above, at its line
        for d in cat.all_documents:
            if d.unified_no is not None and not pattern.fullmatch(d.unified_no):
                yield d.src.path, d.src.at("unified_no"), \
                    f"统一编号 '{d.unified_no}' 不符合格式 {source}" \
                    "（policy.unified_no_pattern）：请按登记机关给出的编号核对"
    yield from _articles(cat)
    yield from _rules_by_government(cat)


def _articles(cat: Catalog) -> Findings:
    records = [(d.src, d.basis) for d in cat.all_documents] + [(p.src, p.basis) for p in cat.all_powers]
    for src, basis in records:
        for ref in basis:
            for i, article in enumerate(ref.articles):
                if "，" in article or "、" in article:
                    parts = ", ".join(x for x in article.replace("、", "，").split("，") if x)
                    yield src.path, src.at("basis", ref.index, "articles", i), \
                        f"条款 '{article}' 中有中文逗号或顿号，会被读成一条：请用英文逗号分隔，写成 [{parts}]"


def _rules_by_government(cat: Catalog) -> Findings:
    """规章: 立法法第九十三条 — made by a 人民政府 (省、自治区、直辖市、设区的市、自治州), not its departments."""
    agency = cat.config.agency.name
    for doc in cat.all_documents:
        if doc.kind != "规章":
            continue
        if doc.issuer and not doc.issuer.endswith("人民政府"):
            yield doc.src.path, doc.src.at("issuer"), \
                f"本文件是规章，发布机构却是 '{doc.issuer}'：规章只能由人民政府制定（立法法第九十三条），" \
                "请把 issuer 改为制定它的人民政府；工作部门的文件请改为 kind: 规范性文件"
        elif doc.owner == "self" and agency and not agency.endswith("人民政府"):
            yield doc.src.path, doc.src.at("owner"), \
                f"本文件是规章，owner 却是 self，而本机构 '{agency}' 不是人民政府，不能制定规章" \
                "（立法法第九十三条）：由本机构起草或负责实施的规章请写 owner: drafted"
