"""`report annual --format docx|xlsx` and the site's copies of them: the report as office files.

- docx: the whole report (annual_docx.py), prose from content/annual-reports/<year>.md;
- xlsx: 表二, 表三 and 表四, one sheet each, laid out like the template (merged header cells), numbers
  stored as numbers; fixed bytes for the same report (spreadsheet/write.py's `workbook_bytes`).
"""

from __future__ import annotations

from typing import Any

from generator.audit.annual import AnnualReport
from generator.audit.annual_docx import moment, render_docx
from generator.audit.annual_grid import Grid, grids, placed
from generator.audit.annual_prose import SECTIONS, TABLES, Prose, report_prose
from generator.format.model import Catalog
from generator.spreadsheet.write import print_setup, put, workbook_bytes

OFFICE_FORMATS = ("docx", "xlsx")


def prose_warnings(prose: Prose, year: int) -> list[str]:
    """What the Word report lacks because the prose does not say it."""
    if prose.path is None:
        return [f"没有 content/annual-reports/{year}.md：报告只有标题、六部分标题和三张表，"
                "请在该文件中按“## 一、总体情况”……“## 六、其他需要报告的事项”写正文"]
    return [f"{prose.path} 中没有“{SECTIONS[i]}”一节：Word 报告中该部分为空，请补写（标题写作 ## {SECTIONS[i]}）"
            for i, body in enumerate(prose.sections) if body is None and i not in TABLES]


def render_xlsx(report: AnnualReport) -> bytes:
    """The three tables, one sheet each, as the template draws them."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.properties.creator = report.agency or "政府信息公开站点生成器"
    wb.properties.title = f"{report.agency}{report.year}年政府信息公开工作年度报告 统计表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    def sheet(ws: Any, grid: Grid) -> None:
        ws.title = grid.title.split(" ")[0]
        put(ws, 1, 1, grid.title).font = Font(bold=True, size=14)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.columns)
        top = 2
        for r, c, cell in placed(grid):
            row, column = top + r, 1 + c
            value: Any = cell.value if cell.number and cell.value is not None else cell.text
            target = put(ws, row, column, value)
            target.alignment = Alignment(horizontal="left" if cell.scope == "row" else "center",
                                         vertical="center", wrap_text=True)
            if cell.header and cell.scope != "row":
                target.font = Font(bold=True)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    ws.cell(row=row + dr, column=column + dc).border = box
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=row, start_column=column,
                               end_row=row + cell.rowspan - 1, end_column=column + cell.colspan - 1)
        unit = 60 / sum(grid.widths)
        for i, w in enumerate(grid.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(round(w * unit * 2, 1), 8)
        ws.freeze_panes = ws.cell(row=top + grid.head, column=1)
        ws.sheet_view.zoomScale = 100
        # Printed, every column of a table on the page (表三 has 14), its heading rows on each page.
        print_setup(ws, grid.title, title_rows=f"{top}:{top + grid.head - 1}")

    first = True
    for grid in grids(report):
        sheet(wb.active if first else wb.create_sheet(), grid)
        first = False
    return workbook_bytes(wb, moment(report.year))


def render_office(cat: Catalog, report: AnnualReport, fmt: str) -> tuple[bytes, list[str]]:
    """The report in `fmt` (docx or xlsx) and the warnings about what it lacks."""
    if fmt == "xlsx":
        return render_xlsx(report), []
    prose = report_prose(cat, report.year)
    return render_docx(report, prose), prose_warnings(prose, report.year)
