"""Files the site offers besides its pages and data/ lists: each year's annual report as Word and Excel,
and the 目录 of 规章 and 规范性文件 (现行有效 today and at each 31 December, 废止和失效) as CSV, XLSX and JSON.

Same catalogue and day, same bytes: the workbooks and the Word files carry fixed dates (the 目录's
date; 1 January after a report's year), never the clock.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from generator.audit.annual import report_years
from generator.audit.annual_office import office_files
from generator.audit.directory import Directory, directory_years, in_force, repealed
from generator.format.model import Catalog
from generator.site import urls
from generator.spreadsheet.write import append, csv_text, workbook_bytes

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
    for letter, w in zip("ABCDEFGHIJKL", (22, 6, 48, 20, 16, 12, 12, 12, 10, 14, 24, 50), strict=False):
        ws.column_dimensions[letter].width = w
    return workbook_bytes(wb, dt.datetime.combine(d.day, dt.time()))


def _write(out_dir: Path, url: str, data: bytes) -> None:
    path = out_dir / url
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_downloads(cat: Catalog, today: dt.date, out_dir: Path) -> list[str]:
    """Write the annual reports' office files and the 目录 data into the built site; return their URLs."""
    written: list[str] = []
    for year in report_years(cat):
        for ext, data in office_files(cat, year).items():
            url = urls.annual_report_file(year, ext)
            _write(out_dir, url, data)
            written.append(url)
    for d in directories(cat, today):
        for ext, render in (("json", directory_json), ("csv", directory_csv), ("xlsx", directory_xlsx)):
            url = urls.directory_data(d.year, d.repealed, ext)
            _write(out_dir, url, render(cat, d))
            written.append(url)
    return written
