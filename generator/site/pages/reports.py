"""The site's 清理结果 page (audit/) and 年度报告 pages (annual-reports/, annual-reports/<year>/).

Both are page families `(cat, today) -> list[SitePage]` (see pages.py). The audit page is the audit
of audit.py as of the build date; an annual-report page is the office's prose from
content/annual-reports/<year>.md with 表二 — counted from the catalogue, plus the rows of
catalog/annual/<year>.yml — put where the prose asks for it:

- at a line `<!-- 表二 -->` (and 表三, when the annual file gives it, at `<!-- 表三 -->`);
- else at the end of the section whose heading names 主动公开政府信息情况;
- else at the end of the report.

pages.py imports this module to list its families, so the page machinery is imported here lazily.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from generator.audit.annual import COLUMN_KEYS, COLUMN_LABELS, AnnualReport, annual_report, report_years
from generator.audit.audit import COLUMNS, OWNER_LABELS, AuditList, AuditRow, run_audit
from generator.audit.render import num
from generator.format.fields import DOC_STATUSES, REVIEW_RESULTS
from generator.format.model import Catalog, Page
from generator.site import urls

if TYPE_CHECKING:
    from generator.site.pages import SitePage

# Lists on the public page: never more rows than this (the full lists: `make audit`, 规范性文件库).
LIST_LIMIT = 100
# What the public page shows of each list (no file positions, no editor instructions).
SITE_COLUMNS: dict[str, tuple[str, ...]] = {
    "expired-but-valid": ("title", "doc_no", "owner", "expires"),
    "expiring-soon": ("title", "doc_no", "owner", "expires"),
    "review-overdue": ("title", "doc_no", "owner", "review"),
    "review-pending": ("title", "doc_no", "owner", "review"),
    "cites-repealed": ("record", "title", "basis"),
    "cites-amended": ("record", "title", "basis"),
}
TABLE2_MARK = "<!-- 表二 -->"
TABLE3_MARK = "<!-- 表三 -->"
TABLE2_SECTION = "主动公开政府信息情况"
_HEADING = re.compile(r"^(#{1,6})\s")


def row_url(row: AuditRow) -> str:
    return urls.power(row.id) if row.record == "权力事项" else urls.document(row.id)


def audit_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """audit/: the 清理 and status audit as of the build date."""
    from generator.site.pages import Crumb, PageMeta, SitePage
    from generator.templating import render

    audit = run_audit(cat, today)
    lists: list[tuple[AuditList, tuple[str, ...]]] = [(x, SITE_COLUMNS[x.key]) for x in audit.lists
                                                       if x.key in SITE_COLUMNS]
    md = render(
        "audit.md.j2", here=urls.AUDIT, audit=audit, lists=lists, limit=LIST_LIMIT, statuses=DOC_STATUSES,
        results=REVIEW_RESULTS, owner_labels=OWNER_LABELS, row_url=row_url, headers=COLUMNS,
        crumbs=[Crumb("首页", urls.HOME), Crumb("清理结果")],
    )
    return [SitePage(urls.AUDIT, "规范性文件清理结果", md, PageMeta(
        description=f"{audit.agency}规范性文件清理结果和效力状态统计、行政权力事项统计（截至 {today}）。",
        updated=today,
    ))]


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
    from generator.format.relations import resolve_links
    from generator.site.pages import Crumb, PageMeta, SitePage, _title_and_body
    from generator.templating import render

    years = report_years(cat)
    if not years:
        return []
    agency = cat.config.agency_value("name") if cat.config else ""
    prose = _report_page(cat)
    out: list[SitePage] = []
    titles: dict[int, str] = {}
    for year in years:
        url = urls.annual_report(year)
        report: AnnualReport = annual_report(cat, year)
        default_title = f"{agency}{year}年政府信息公开工作年度报告"
        title, body = _title_and_body(prose[year]) if year in prose else (default_title, "")
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
