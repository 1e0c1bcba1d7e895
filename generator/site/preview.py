"""serve's problem banner: what check found, shown in the browser on the page of the file at fault and
on the home page, so an editor sees why a page looks wrong without watching the terminal. Only preview
builds carry it; the next build without problems has none.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from generator.format.model import Catalog
from generator.problems import Level, Problem
from generator.site import urls
from generator.site.pages.base import SitePage
from generator.templating import render

SHOWN = 50  # a banner that scrolls for pages helps nobody: the rest is in the terminal


def _banner(problems: Sequence[Problem], scope: str, here: str) -> str:
    return render("preview_problems.html.j2", here=here, problems=problems[:SHOWN], scope=scope,
                  more=max(0, len(problems) - SHOWN))


def with_problems(cat: Catalog, pages: Sequence[SitePage], problems: Sequence[Problem]) -> list[SitePage]:
    """`pages` with a banner of the errors and warnings of their source file; the home page lists all."""
    shown = [p for p in problems if p.level is not Level.NOTICE]
    if not shown:
        return list(pages)
    by_path: dict[str, list[Problem]] = defaultdict(list)
    for p in shown:
        by_path[p.path].append(p)
    source = {urls.document(d.id): d.src.path for d in cat.all_documents if d.id}
    source.update({urls.content_page(page.url_path): page.path for page in cat.pages})
    out: list[SitePage] = []
    for page in pages:
        found = shown if page.url == urls.HOME else by_path.get(source.get(page.url, ""), [])
        if not found:
            out.append(page)
            continue
        banner = _banner(found, "目录" if page.url == urls.HOME else "这个文件", page.url)
        if page.html or page.draw is not None:
            out.append(dataclasses.replace(page, html=banner + page.full_html(), draw=None, inputs=None))
        else:
            out.append(dataclasses.replace(page, markdown=banner + "\n\n" + page.markdown))
    return out
