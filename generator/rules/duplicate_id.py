"""同一个 id、索引号、文号、统一编号、权力编码、清理活动 id 或分类代码用了两次。

网址和相互引用都由这些标识生成，所以每一个都必须唯一。问题指向第二次出现的位置，
并说明第一次出现在哪里。修改方法：核实哪一处写错了，把它改成不重复的值。

网址也不能重复：写法不同、但生成同一网址的权力编码（`KJ-CF-002`、`kj_cf_002`、`KJ CF 002`），
网址相同的两个页面（content/guide.md 和 content/guide/index.md），以及 content/ 中占用了自动生成
栏目网址的页面或文件（content/powers.md、content/documents/……）。

通过：
```yaml
# catalog/powers/cf.yml
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
- code: KJ-CF-002
  name: 对专利代理违法行为的处罚
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
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
- code: KJ-CF-001
  name: 对专利代理违法行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.codes import Code
from generator.format.model import Catalog, Source
from generator.problems import Pos
from generator.rules._util import Findings
from generator.site import urls

CODE = Code.DUPLICATE_ID
LEVEL = CODE.level


def _dupes(what: str, key: str, items: Iterable[tuple[str | None, Source]]) -> Findings:
    first: dict[str, Source] = {}
    for value, src in items:
        if not value:
            continue
        if value in first:
            f = first[value]
            yield src.path, src.at(key), \
                f"{what} '{value}' 重复：{f.path}:{f.at(key).line} 已使用，请改用一个新的{what}"
        else:
            first[value] = src


def check(cat: Catalog, today: dt.date) -> Findings:
    yield from _dupes("分类代码", "code", ((c.code, c.src) for c in cat.all_categories))
    yield from _dupes("依据 id", "id", ((law.id, law.src) for law in cat.all_laws))
    yield from _dupes("权力编码", "code", ((p.code, p.src) for p in cat.all_powers))
    yield from _dupes("文件 id", "id", ((d.id, d.src) for d in cat.all_documents))
    yield from _dupes("索引号", "index_no", ((d.index_no, d.src) for d in cat.all_documents))
    yield from _dupes("发文字号", "doc_no", ((d.doc_no, d.src) for d in cat.all_documents))
    yield from _dupes("统一编号", "unified_no", ((d.unified_no, d.src) for d in cat.all_documents))
    yield from _dupes("清理活动 id", "id", ((c.id, c.src) for c in cat.all_cleanups))
    yield from _power_urls(cat)
    yield from _content_urls(cat)


def _power_urls(cat: Catalog) -> Findings:
    """Power codes written differently that give one URL (powers/<slug>/)."""
    seen: dict[str, Source] = {}
    codes: dict[str, str] = {}
    for p in cat.all_powers:
        s = urls.slug(p.code)
        if not s or s in urls.RESERVED_POWER_SLUGS or p.code in codes.values():
            continue  # invalid-value reports an unusable slug; the plain repeat is reported above
        if s in seen:
            first = seen[s]
            yield p.src.path, p.src.at("code"), \
                f"权力编码 '{p.code}' 与 '{codes[s]}'（{first.path}:{first.at('code').line}）生成同一网址 " \
                f"powers/{s}/：请修改其中一个编码"
        else:
            seen[s], codes[s] = p.src, p.code


def _content_urls(cat: Catalog) -> Findings:
    """content/ pages and files whose URL another page or file, or a generated section, already has."""
    taken: dict[str, str] = {}
    entries = [(urls.content_page(page.url_path), page.path, True) for page in cat.pages]
    entries += [(f.name, f.path, False) for f in cat.static_files]
    for url, path, is_page in entries:
        what = "页面" if is_page else "文件"
        owner = urls.generated_owner(url, is_page)
        if owner is not None:
            yield path, Pos(1, 1), \
                f"这个{what}的网址 {url or '（首页）'} 已由网站自动生成的“{owner}”使用，{what}不会发布：" \
                "请把文件改名或移到别的文件夹"
        elif url in taken:
            yield path, Pos(1, 1), f"这个{what}的网址 {url} 与 {taken[url]} 相同：请把其中一个文件改名"
        else:
            taken[url] = path
