"""目录 pages: normative/in-force/ (现行有效, today), normative/in-force/<year>/ (as of 31 December of every
year from the first document to last year) and normative/repealed/ (废止和失效), each with its data files.

The lists come from audit/directory.py: a year's 目录 lists the documents 表二 counts as 现行有效件数.
A 目录 is one page whatever its length (an office prints it as one list); its rows are plain HTML.
"""

from __future__ import annotations

import datetime as dt

from generator.audit.annual import report_years
from generator.audit.directory import Directory, directory_years
from generator.format.model import Catalog
from generator.format.relations import relations
from generator.site import urls
from generator.site.downloads import directories, directory_url
from generator.site.pages.base import Crumb, PageMeta, SitePage, html_page
from generator.templating import render


def directory_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    rel = relations(cat)
    years = directory_years(cat, today)
    reports = set(report_years(cat))
    links = [("现行有效（今日）", urls.in_force()),
             *((f"{y}年末", urls.in_force(y)) for y in sorted(years, reverse=True)), ("废止和失效", urls.REPEALED)]
    out: list[SitePage] = []
    for d in directories(cat, today):
        url = directory_url(d)
        crumbs = [Crumb("首页", urls.HOME), Crumb("规范性文件库", urls.NORMATIVE)]
        if d.year:
            crumbs += [Crumb("现行有效目录", urls.IN_FORCE), Crumb(f"{d.year}年")]
        else:
            crumbs.append(Crumb("废止和失效目录" if d.repealed else "现行有效目录"))
        by = {x.doc.id: rel.target(cat, x.by) for g in d.groups for x in g.rows if x.by}
        html = render(
            "directory.html.j2", here=url, d=d, crumbs=crumbs, links=links,
            agency=cat.config.agency.name, by=by, today=today,
            report=urls.annual_report(d.year) if d.year in reports else None,
            files=[(ext.upper(), urls.directory_data(d.year, d.repealed, ext)) for ext in ("xlsx", "csv", "json")],
        )
        out.append(html_page(url, d.title, html, PageMeta(description=_description(d, cat))))
    return out


def _description(d: Directory, cat: Catalog) -> str:
    agency = cat.config.agency.name
    if d.repealed:
        return f"{agency}已废止和已失效的规章、行政规范性文件目录，写明废止或失效日期和废止依据。"
    when = f"{d.year}年12月31日" if d.year else "今日"
    return f"截至{when}，{agency}现行有效的规章和行政规范性文件目录。"
