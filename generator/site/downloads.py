"""Files the site offers besides its pages and data/ lists: each year's annual report as Word and Excel,
and the 目录 of 规章 and 规范性文件 (现行有效 today and at each 31 December, 废止和失效) as CSV, XLSX and JSON.

Same catalogue and day, same bytes: the workbooks and the Word files carry fixed dates (the 目录's
date; 1 January after a report's year), never the clock. A rebuild takes over every file whose
report or 目录 did not change (outputs.py); an edit to a document that is no 规章 or 规范性文件 touches none.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from generator.audit.annual import AnnualReport, annual_report, report_years
from generator.audit.annual_office import OFFICE_FORMATS, render_office
from generator.audit.annual_prose import Prose, report_prose
from generator.audit.directory import Directory, directory_years, in_force, repealed
from generator.cache import Reuse
from generator.format.lifecycle import normative_documents
from generator.format.model import Catalog, Document
from generator.site import urls
from generator.site.outputs import Outputs
from generator.spreadsheet.write import append, csv_text, print_setup, workbook_bytes

HEADERS = {
    "no": "序号", "title": "名称", "doc_no": "文号", "unified_no": "统一编号", "published": "发布日期",
    "effective": "施行日期", "expires": "有效期至", "status": "效力状态", "ended": "废止或失效日期",
    "repealed_by": "废止依据", "group": "分组", "url": "网址",
}


def directories(cat: Catalog, today: dt.date) -> list[Directory]:
    """Every 目录 the site publishes: today's, each past year's at 31 December, and the 废止和失效目录."""
    years = directory_years(cat, today)
    return [in_force(cat, today), *(in_force(cat, dt.date(y, 12, 31), y) for y in years), repealed(cat, today)]


def directory_url(d: Directory) -> str:
    return urls.REPEALED if d.repealed else urls.in_force(d.year)


def records(cat: Catalog, d: Directory) -> list[dict[str, Any]]:
    """The 目录's rows as plain data, numbered within each group as the page numbers them."""
    site_url = cat.config.site.url
    out: list[dict[str, Any]] = []
    for g in d.groups:
        for n, x in enumerate(g.rows, start=1):
            doc = x.doc
            row: dict[str, Any] = {
                "group": g.title, "no": n, "id": doc.id, "title": doc.title, "doc_no": doc.doc_no,
                "unified_no": doc.unified_no,
                "published": doc.published.isoformat() if doc.published else None,
                "effective": doc.effective.isoformat() if doc.effective else None,
                "expires": doc.expires.isoformat() if doc.expires else None, "status": x.status,
            }
            if d.repealed:
                by = cat.documents.get(x.by or "")
                row["ended"] = x.ended.isoformat() if x.ended else None
                row["repealed_by"] = (by.doc_no or by.title) if by is not None else (x.by or "有效期届满")
            row["url"] = urls.absolute(site_url, urls.document(doc.id))
            out.append(row)
    return out


# Column widths (characters) in the 目录 workbooks: a printed page shows every column and wraps nothing.
WIDTHS = {"group": 22, "no": 6, "title": 48, "doc_no": 20, "unified_no": 16, "published": 12, "effective": 12,
          "expires": 12, "status": 10, "ended": 14, "repealed_by": 24, "url": 50}


def _columns(d: Directory) -> list[str]:
    keys = ["group", "no", "title", "doc_no", "unified_no", "published", "effective", "expires", "status"]
    return keys + (["ended", "repealed_by"] if d.repealed else []) + ["url"]


def directory_json(cat: Catalog, d: Directory) -> bytes:
    data = {"title": d.title, "date": d.day.isoformat(), "count": d.count,
            "groups": [{"title": g.title, "counted_in_table2": g.counted, "count": len(g.rows)} for g in d.groups],
            "documents": records(cat, d)}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def directory_csv(cat: Catalog, d: Directory) -> bytes:
    keys = _columns(d)
    text = csv_text([HEADERS[k] for k in keys], ([r.get(k) for k in keys] for r in records(cat, d)), "\r\n")
    return ("\ufeff" + text).encode("utf-8")


def directory_xlsx(cat: Catalog, d: Directory) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    keys = _columns(d)
    wb = Workbook()
    wb.properties.creator = cat.config.agency.name or "政府信息公开站点生成器"
    wb.properties.title = d.title
    ws = wb.active
    ws.title = "目录"
    append(ws, [f"{cat.config.agency.name}{d.title}"])
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    append(ws, [HEADERS[k] for k in keys])
    for c in ws[2]:
        c.font = Font(bold=True)
    for r in records(cat, d):
        append(ws, [r.get(k) for k in keys])
    ws.freeze_panes = "A3"
    print_setup(ws, d.title, title_rows="2:2")
    for column, key in enumerate(keys, start=1):  # by column, not position: 目录 and 废止目录 differ
        ws.column_dimensions[get_column_letter(column)].width = WIDTHS[key]
    return workbook_bytes(wb, dt.datetime.combine(d.day, dt.time()))


def referenced(cat: Catalog, docs: list[Document]) -> list[Document | None]:
    """The documents the 目录 read of others: amending ones (their dates) and repealing ones (文号, title)."""
    return [cat.documents.get(i) for d in docs
            for i in (*d.amended_by, *((d.repealed.by or "",) if d.repealed is not None else ()))]


def _office_file(out: Outputs, cat: Catalog, report: AnnualReport, prose: Prose, fmt: str) -> None:
    url = urls.annual_report_file(report.year, fmt)
    # The workbook shows the report's tables; the Word file its prose as well.
    inputs = (report, prose) if fmt == "docx" else (report,)
    out.group(url, lambda: inputs, lambda: {url: render_office(cat, report, fmt)[0]})


def _directory_files(out: Outputs, cat: Catalog, d: Directory) -> tuple[str, bytes]:
    name = urls.directory_data(d.year, d.repealed, "*")

    def key() -> tuple[object, ...]:
        by = [cat.documents.get(x.by or "") for g in d.groups for x in g.rows] if d.repealed else []
        return cat.config.site.url, cat.config.agency.name, d, by

    def make() -> dict[str, bytes]:
        return {urls.directory_data(d.year, d.repealed, ext): render(cat, d)
                for ext, render in (("json", directory_json), ("csv", directory_csv), ("xlsx", directory_xlsx))}

    return name, out.group(name, key, make)


def write_downloads(cat: Catalog, today: dt.date, out_dir: Path, reuse: Reuse | None = None) -> list[str]:
    """Write the annual reports' office files and the 目录 data into the built site; return their URLs.
    With `reuse`, the files of a report or a 目录 whose inputs did not change are taken over."""
    out = Outputs(out_dir, reuse)
    for year in report_years(cat):
        report, prose = annual_report(cat, year), report_prose(cat, year)
        for fmt in OFFICE_FORMATS:
            _office_file(out, cat, report, prose, fmt)
    # All 目录 at once first: an edit to a document that is no 规章 or 规范性文件 leaves them as they were.
    normative = normative_documents(cat)
    key, taken = out.take_all("directories", (today, cat.config.site.url, cat.config.agency.name, normative,
                                              referenced(cat, normative)))
    if not taken:
        groups = [_directory_files(out, cat, d) for d in directories(cat, today)]
        out.made_all("directories", key, groups)
    return out.written
