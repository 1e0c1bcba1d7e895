"""公开目录: catalogue/ (the category tree with counts) and catalogue/<code>/ for every category.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from generator.format.model import Catalog
from generator.format.relations import ancestors, relations
from generator.site import urls
from generator.site.pages.base import (
    Crumb,
    PageMeta,
    Pager,
    Shared,
    SitePage,
    chunks,
    drawn_page,
)


def _category_page(code: str, page: int) -> str:
    return urls.category(code, page)


def catalogue_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """catalogue/ (the tree with counts) and catalogue/<code>/ (+ page/N/) for every category."""
    rel = relations(cat)
    fp = cat.fingerprint()
    counts = {code: len(rel.subtree_documents(cat, code)) for code in cat.categories}
    shared = Shared.of(fp, counts=counts, categories=cat.categories)
    tops = [c for c in cat.categories.values() if c.parent is None]
    out = [drawn_page(urls.CATALOGUE, "公开目录", "catalogue_index.html.j2", dict(
        here=urls.CATALOGUE, tops=tops, categories=cat.categories, counts=counts,
        crumbs=[Crumb("首页", urls.HOME), Crumb("公开目录")], total=len(rel.documents),
    ), PageMeta(description="政府信息公开目录：按主题分类列出主动公开的政府信息。"), fingerprint=fp)]
    for code, node in cat.categories.items():
        docs = rel.subtree_documents(cat, code)
        path = ancestors(cat, code)
        pages = chunks(docs)
        for n, rows in enumerate(pages, start=1):
            url = urls.category(code, n)
            crumbs = [Crumb("首页", urls.HOME), Crumb("公开目录", urls.CATALOGUE)]
            crumbs += [Crumb(c.name, urls.category(c.code)) for c in path[:-1]]
            crumbs.append(Crumb(node.name if n == 1 else f"{node.name}（第{n}页）"))
            children = [cat.categories[c] for c in node.children if c in cat.categories]
            title = node.name if n == 1 else f"{node.name}（第{n}页）"
            out.append(drawn_page(url, title, "catalogue.html.j2", dict(
                here=url, node=node, rows=rows, children=children,
                crumbs=crumbs, total=len(docs), pager=Pager(n, len(pages), partial(_category_page, code)),
            ), PageMeta(description=node.description or f"政府信息公开目录：{node.name}"), fingerprint=fp,
                shared=shared))
    return out
