"""Catalogue → workbook: the three sheets, their column help and drop-down lists, and the 填写说明 sheet.

Every cell is written through generator/spreadsheet.py (text stays text, never a formula) and the
workbook is saved with fixed timestamps: the same catalogue and day give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.editing.xlsx.sheets import (
    DOCUMENTS,
    GUIDE_SHEET,
    OWNER_LABELS,
    POWERS,
    SHEETS,
    Column,
    D,
    Names,
    Sheet,
    get,
    render,
)
from generator.editing.yamledit import plain
from generator.format import fields as F
from generator.format.model import Catalog
from generator.spreadsheet.write import append, put, workbook_bytes


def _records(cat: Catalog, sheet: Sheet) -> list[dict[str, Any]]:
    if sheet is DOCUMENTS:
        docs = [d for d in cat.all_documents if d.kind in F.NORMATIVE_KINDS]
        docs.sort(key=lambda d: (d.published or dt.date.min, d.id))
        return [plain(d.src.raw) for d in docs]
    if sheet is POWERS:
        return [plain(p.src.raw) for p in cat.all_powers]
    return [plain(law.src.raw) for law in cat.all_laws]


def export_workbook(cat: Catalog, today: dt.date) -> bytes:
    """The three sheets and the guide as xlsx bytes; the same catalogue and day give the same bytes."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    laws = Names.of(cat)
    wb = Workbook()
    wb.remove(wb.active)
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        for c, column in enumerate(sheet.columns, 1):
            cell = put(ws, 1, c, column.header)
            cell.font, cell.fill = head_font, head_fill
            cell.comment = Comment(_column_help(sheet, column), "gov-disclosure", width=300, height=120)
            ws.column_dimensions[get_column_letter(c)].width = column.width
            choices = _choices(column, laws)
            if choices and len(",".join(choices)) <= 255:   # Excel's limit for a list typed in the rule
                dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                    showErrorMessage=True, errorTitle="无效的值",
                                    error=f"请从下拉列表中选择：{'、'.join(choices)}")
                dv.add(f"{get_column_letter(c)}2:{get_column_letter(c)}5000")
                ws.add_data_validation(dv)
        for r, record in enumerate(_records(cat, sheet), 2):
            for c, column in enumerate(sheet.columns, 1):
                value = render(get(record, column), column, laws)
                if value is None:
                    continue
                cell = put(ws, r, c, value)   # text is never a formula, even when it starts with '='
                if isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(value, str) and "\n" in value:
                    cell.alignment = wrap
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(1, ws.max_row)}"
    _guide_sheet(wb)
    wb.properties.creator = "gov-disclosure"
    return workbook_bytes(wb, dt.datetime.combine(today, dt.time()))


def _choices(column: Column, names: Names | None = None) -> tuple[str, ...]:
    if column.path == ("category",) and names is not None:
        return tuple(names.categories.values())
    if column.kind == "owner":
        return tuple(OWNER_LABELS.values())
    if column.kind == "bool":
        return ("是", "否")
    return column.field.choices if column.kind == "enum" else ()


def _column_help(sheet: Sheet, column: Column) -> str:
    f = column.field
    parts = [column.header]
    if f.description:
        parts.append(f.description)
    if _choices(column):
        parts.append("可选值：" + "、".join(_choices(column)))
    if column.kind == "date":
        parts.append("日期，YYYY-MM-DD")
    if column.kind in ("texts", "ids"):
        parts.append("多项用“、”分隔")
    if column.kind == "basis":
        parts.append("每条依据一行：《法律名称》第N条、第M条")
    if column.is_review:
        parts.append("最近一次清理；填写更晚的日期即新增一条清理记录")
    if column.path == (sheet.key,):
        parts.append("每行一条记录，按此列对应到目录；新值即新增记录")
    return "\n".join(parts)


def _guide_sheet(wb: Any) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(GUIDE_SHEET)
    append(ws, ["工作表", "列名", "字段", "必填", "说明"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for sheet in SHEETS:
        required = {f.name for f in sheet.spec.fields if f.required}
        for column in sheet.columns:
            need = "是" if column.path[0] in required and len(column.path) == 1 else ""
            if sheet is DOCUMENTS and any(column.path[0] in extra for extra in D.required_by_kind.values()) \
                    and len(column.path) == 1:
                need = "规章/规范性文件"
            append(ws, [sheet.name, column.header, ".".join(p for p in column.path if p != "@last"), need,
                       _column_help(sheet, column).split("\n", 1)[-1] if "\n" in _column_help(sheet, column) else ""])
    ws._current_row += 1   # a blank row before the notes
    for line in (
        "导入：python -m generator import-xlsx 清单.xlsx（先预览：加 --dry-run）",
        "按第一列（文件 id / 权力编码 / 依据 id）对应到目录中的记录；表中没有的记录不会被删除；"
        "清空单元格即删除该字段。",
        "表中没有的列（例如正文、制定依据、附件）保持不变；YAML 文件中的注释和顺序保持不变。",
    ):
        append(ws, [line])
    for col, width in zip("ABCDE", (12, 22, 24, 16, 60), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")
