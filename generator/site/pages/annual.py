"""年度报告 pages: annual-reports/ (the list) and annual-reports/<year>/.

A report page is the office's prose from content/annual-reports/<year>.md with the template's three
tables — 表二 counted from the catalogue plus the rows of catalog/annual/<year>.yml, 表三 and 表四 from
that file — each put where the prose asks for it:

- at a line `<!-- 表二 -->` (`<!-- 表三 -->`, `<!-- 表四 -->`);
- else at the end of the section whose heading names it (主动公开政府信息情况, 收到和处理政府信息公开申请情况,
  行政复议、行政诉讼情况);
- else at the end of the report.

The tables are the grids of audit/annual_grid.py (the Word and Excel files draw the same), complete
with their merged headers; on a phone they scroll sideways inside the page, with a hint saying so.
The page links the year's .docx and .xlsx and the 目录 of documents in force at the year's end.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.audit.annual import AnnualReport, annual_report, report_years
from generator.audit.annual_grid import grids
from generator.audit.annual_prose import SECTIONS, TABLES, mark, report_page
from generator.audit.directory import directory_years
from generator.format.model import Catalog
from generator.format.relations import resolve_links
from generator.site import urls
from generator.site.pages.base import Crumb, PageMeta, SitePage
from generator.site.pages.content import title_and_body
from generator.templating import render

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


def annual_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """annual-reports/ (the list) and annual-reports/<year>/ for every year with prose or figures."""

    years = report_years(cat)
    if not years:
        return []
    agency = cat.config.agency.name
    directory = set(directory_years(cat, today))
    out: list[SitePage] = []
    titles: dict[int, str] = {}
    for year in years:
        url = urls.annual_report(year)
        report: AnnualReport = annual_report(cat, year)
        default_title = f"{agency}{year}年政府信息公开工作年度报告"
        page = report_page(cat, year)
        title, body = title_and_body(page) if page is not None else (default_title, "")
        titles[year] = title
        body = resolve_links(cat, body, url) if body else ""
        for section, grid in zip(sorted(TABLES), grids(report), strict=True):
            table = render("_annual_grid.html.j2", here=url, grid=grid, report=report)
            body = place_table(body, table, mark(TABLES[section]), SECTIONS[section].split("、", 1)[1])
        files = [("Word 版（.docx）", urls.annual_report_file(year, "docx")),
                 ("统计表 Excel 版（.xlsx）", urls.annual_report_file(year, "xlsx"))]
        md = render("annual.md.j2", here=url, title=title, body=body, files=files, year=year,
                    directory=urls.in_force(year) if year in directory else None, crumbs=[
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
