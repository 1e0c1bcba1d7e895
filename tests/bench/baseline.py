"""The baseline the benchmark compares against: plain `mkdocs build` of equivalent pages.

One Markdown page per catalogue document, at the same URL as on our site (documents/<id>/),
holding the same text: the title, the 信息索引表 as a table, the 内容概述 and the body. The nav
lists only the home page (a nav of tens of thousands of entries would be a different, slower
baseline, and no real site does that). Theme: Material in Chinese. Two configurations: with
Material's built-in search (`lang: zh`; jieba is installed, so Material segments every page
with it) and without any plugin.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.format.model import Document
from generator.load import load_project

_DOC_LINK = re.compile(r"\]\(doc:([a-z0-9-]+)\)")
_OTHER_LINK = re.compile(r"\[([^\]]*)\]\((?:law|power):[^)]*\)")


def _page(d: Document, categories: dict[str, str]) -> str:
    rows = [
        ("索引号", d.index_no), ("主题分类", categories.get(d.category or "", d.category)),
        ("发布机构", d.issuer), ("成文日期", d.written), ("发布日期", d.published),
        ("文号", d.doc_no), ("有效性", d.status),
    ]
    table = "| 项目 | 内容 |\n|---|---|\n" + "".join(f"| {k} | {v if v else '—'} |\n" for k, v in rows)
    body = _DOC_LINK.sub(r"](\1.md)", d.body)
    body = _OTHER_LINK.sub(r"\1", body)
    return f"# {d.title}\n\n{table}\n内容概述：{d.summary}\n\n{body}"


def write_baseline(project: Path, out: Path, search: bool) -> Path:
    """Write docs/ and mkdocs.yml for the plain-MkDocs twin of `project` under `out`; return mkdocs.yml."""
    cat, _problems = load_project(project)
    docs = out / "docs"
    (docs / "documents").mkdir(parents=True, exist_ok=True)
    categories = {code: c.name for code, c in cat.categories.items()}
    site = cat.config.site
    (docs / "index.md").write_text(f"# {site.name or '首页'}\n\n{site.description}\n",
                                   encoding="utf-8")
    for doc in cat.all_documents:
        (docs / "documents" / f"{doc.id}.md").write_text(_page(doc, categories), encoding="utf-8")
    config = {
        "site_name": site.name or "基准站点",
        "site_url": site.url or "https://example.gov.cn/",
        "theme": {"name": "material", "language": "zh"},
        "nav": [{"首页": "index.md"}],
        "plugins": [{"search": {"lang": "zh"}}] if search else [],
    }
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
