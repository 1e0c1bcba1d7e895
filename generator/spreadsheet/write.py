"""Writing tables: CSV and XLSX cells that no spreadsheet runs, and workbooks with fixed bytes."""


from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value: Any) -> str | int | float:
    """One CSV cell: numbers as numbers, text neutralised when a spreadsheet would run it."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_LEAD) else text


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]], line_end: str = "\n") -> str:
    """A whole CSV table (header first), every cell through `csv_value`."""
    parts: list[str] = []

    class Records:
        def write(self, record: str) -> None:   # csv.writer writes one whole record per call
            parts.append(record[:-2] + line_end)

    # csv quotes a cell only for the characters of *its* line terminator: with "\n" alone, a cell
    # holding a bare CR would be written unquoted and split the row. "\r\n" quotes both.
    writer = csv.writer(Records(), lineterminator="\r\n")
    writer.writerow([csv_value(v) for v in header])
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    return "".join(parts)


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write one XLSX cell; text stays text (openpyxl would make any str starting with '=' a formula)."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_LEAD):
            cell.quotePrefix = True  # Excel/WPS keep it text when the cell is edited, as a typed ' does
    return cell


def append(ws: Any, values: Sequence[Any]) -> int:
    """Add a row below the last one through `put`; returns its row number."""
    row: int = ws._current_row + 1   # what openpyxl's own append() uses
    for column, value in enumerate(values, 1):
        if value is not None:
            put(ws, row, column, value)
    return row


def print_setup(ws: Any, title: str, title_rows: str = "1:1") -> None:
    """How a sheet prints as an office prints it: A4 landscape, fitted to the page width (every column
    on the page, long text wrapping), `title_rows` repeated on each page, `title` and page numbers in
    the header and footer."""
    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.oddHeader.center.text = title
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def reproducible_zip(data: bytes, moment: dt.datetime) -> bytes:
    """The same archive with every entry stamped `moment`'s day and mode 0644: no wall clock inside."""
    out = io.BytesIO()
    stamp = (max(moment.year, 1980), moment.month, moment.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def workbook_bytes(wb: Any, moment: dt.datetime) -> bytes:
    """An openpyxl workbook as .xlsx bytes dated `moment` (openpyxl's save() would stamp the clock)."""
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.created = wb.properties.modified = moment
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return reproducible_zip(raw.getvalue(), moment)


def text_width(text: str) -> int:
    """Columns a string takes in a terminal or spreadsheet: CJK characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
