"""年度报告 pages: annual-reports/ (the list) and annual-reports/<year>/.

A report page is the office's prose from content/annual-reports/<year>.md with 表二 — counted from
the catalogue, plus the rows of catalog/annual/<year>.yml — put where the prose asks for it:

- at a line `<!-- 表二 -->` (and 表三, when the annual file gives it, at `<!-- 表三 -->`);
- else at the end of the section whose heading names 主动公开政府信息情况;
- else at the end of the report.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.audit.annual import COLUMN_KEYS, COLUMN_LABELS, AnnualReport, annual_report, report_years
from generator.audit.render import num
from generator.format.model import Catalog, Page
from generator.format.relations import resolve_links
from generator.site import urls
from generator.site.pages.base import Crumb, PageMeta, SitePage
from generator.site.pages.content import title_and_body
from generator.templating import render

TABLE2_MARK = "<!-- 表二 -->"
TABLE3_MARK = "<!-- 表三 -->"
TABLE2_SECTION = "主动公开政府信息情况"
_HEADING = re.compile(r"^(#{1,6})\s")


def place_table(body: str, table: str, mark: str, section: str | None) -> str:
    """`body` with `table` (an HTML block) at `mark`, else closing `section`, else at the end."""
    block = f"\n\n{table.strip()}\n\n"
    if mark in body:
        return body.replace(mark, block, 1)
    lines = body.split("\n")
    if section:
        for i, line in enumerate(lines):
            m = _HEADING.match(line)
            if m and section in line:
                level = len(m.group(1))
                end = next((j for j in range(i + 1, len(lines))
                            if (n := _HEADING.match(lines[j])) and len(n.group(1)) <= level), len(lines))
                return "\n".join(lines[:end]).rstrip("\n") + block + "\n".join(lines[end:])
    return body.rstrip("\n") + block


def _report_page(cat: Catalog) -> dict[int, Page]:
    out = {}
    for page in cat.pages:
        m = re.match(r"^annual-reports/(\d{4})\.md$", page.url_path)
        if m:
            out[int(m.group(1))] = page
    return out


def annual_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """annual-reports/ (the list) and annual-reports/<year>/ for every year with prose or figures."""

    years = report_years(cat)
    if not years:
        return []
    agency = cat.config.agency.name
    prose = _report_page(cat)
    out: list[SitePage] = []
    titles: dict[int, str] = {}
    for year in years:
        url = urls.annual_report(year)
        report: AnnualReport = annual_report(cat, year)
        default_title = f"{agency}{year}年政府信息公开工作年度报告"
        title, body = title_and_body(prose[year]) if year in prose else (default_title, "")
        titles[year] = title
        body = resolve_links(cat, body, url) if body else ""
        context = {"here": url, "report": report, "num": num,
                   "columns": [COLUMN_LABELS[c] for c in COLUMN_KEYS if c != "total"], "column_keys": COLUMN_KEYS}
        body = place_table(body, render("_annual_table2.html.j2", **context), TABLE2_MARK, TABLE2_SECTION)
        if report.applications and TABLE3_MARK in body:
            body = place_table(body, render("_annual_table3.html.j2", **context), TABLE3_MARK, None)
        md = render("annual.md.j2", here=url, title=title, body=body, crumbs=[
            Crumb("首页", urls.HOME), Crumb("年度报告", urls.ANNUAL_REPORTS), Crumb(f"{year}年")])
        out.append(SitePage(url, title, md, PageMeta(
            description=f"{agency}{year}年政府信息公开工作年度报告", toc="\n#" in "\n" + body,
        )))
    md = render("annual_index.md.j2", here=urls.ANNUAL_REPORTS, agency=agency,
                years=[(y, titles[y], urls.annual_report(y)) for y in sorted(years, reverse=True)],
                crumbs=[Crumb("首页", urls.HOME), Crumb("年度报告")])
    out.append(SitePage(urls.ANNUAL_REPORTS, "政府信息公开工作年度报告", md, PageMeta(
        description=f"{agency}政府信息公开工作年度报告（条例第四十九条）。")))
    return out
