"""目录 pages: normative/in-force/ (现行有效, today), normative/in-force/<year>/ (as of 31 December of every
year from the first document to last year) and normative/repealed/ (废止和失效), each with its data files.

The lists come from audit/directory.py: a year's 目录 lists the documents 表二 counts as 现行有效件数.
A 目录 is one page whatever its length (an office prints it as one list); its rows are plain HTML.

The pages are drawn on demand: each is keyed by what every 目录 is made from — the 规章 and
规范性文件, the documents that amend or repeal them, the day it is drawn as of — so an edit to any
other document takes all of them over from the last build without listing a row.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from generator.audit.annual import report_years
from generator.audit.directory import directory_title, directory_years, in_force, repealed
from generator.format.lifecycle import normative_documents
from generator.format.model import Catalog
from generator.format.relations import relations
from generator.site import urls
from generator.site.downloads import referenced
from generator.site.pages.base import Crumb, PageMeta, SitePage
from generator.templating import render

TEMPLATE = "directory.html.j2"


def directory_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    years = directory_years(cat, today)
    reports = sorted(report_years(cat))
    links = [("现行有效（今日）", urls.in_force()),
             *((f"{y}年末", urls.in_force(y)) for y in sorted(years, reverse=True)), ("废止和失效", urls.REPEALED)]
    fingerprint = cat.fingerprint()
    normative = normative_documents(cat)
    common = fingerprint(TEMPLATE, cat.config.agency.name, normative, referenced(cat, normative), links, reports)
    out: list[SitePage] = []
    for year, ended in [(None, False), *((y, False) for y in years), (None, True)]:
        url = urls.REPEALED if ended else urls.in_force(year)
        # Today's and the 废止和失效目录 are as of today; a year's as of its 31 December, whatever today is.
        inputs = fingerprint(common, year, ended, today if year is None else None)
        out.append(SitePage(url, directory_title(year, ended), "", PageMeta(description=_description(
            cat, year, ended)), draw=partial(_draw, cat, today, year, ended, links, reports), inputs=inputs))
    return out


def _draw(cat: Catalog, today: dt.date, year: int | None, ended: bool, links: list[tuple[str, str]],
          reports: list[int]) -> str:
    d = repealed(cat, today) if ended else in_force(cat, dt.date(year, 12, 31) if year else today, year)
    rel = relations(cat)
    crumbs = [Crumb("首页", urls.HOME), Crumb("规范性文件库", urls.NORMATIVE)]
    if d.year:
        crumbs += [Crumb("现行有效目录", urls.IN_FORCE), Crumb(f"{d.year}年")]
    else:
        crumbs.append(Crumb("废止和失效目录" if d.repealed else "现行有效目录"))
    by = {x.doc.id: rel.target(cat, x.by) for g in d.groups for x in g.rows if x.by}
    return render(
        TEMPLATE, here=urls.REPEALED if ended else urls.in_force(year), d=d, crumbs=crumbs, links=links,
        agency=cat.config.agency.name, by=by, today=today,
        report=urls.annual_report(d.year) if d.year in reports else None,
        files=[(ext.upper(), urls.directory_data(d.year, d.repealed, ext)) for ext in ("xlsx", "csv", "json")],
    )


def _description(cat: Catalog, year: int | None, ended: bool) -> str:
    agency = cat.config.agency.name
    if ended:
        return f"{agency}已废止和已失效的规章、行政规范性文件目录，写明废止或失效日期和废止依据。"
    when = f"{year}年12月31日" if year else "今日"
    return f"截至{when}，{agency}现行有效的规章和行政规范性文件目录。"
