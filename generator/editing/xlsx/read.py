"""Workbook → rows: a sheet's header row, its columns found by their header, one row per record.

A sheet is recognised by its name (or an alias) or, renamed by the office, by its columns; a column
by its header (or an alias) in any order, with spaces, a trailing （…） and a leading * ignored; the
header row is the first of the first 10 rows that holds the key column. Unknown sheets and columns
are warnings; a row without a key, a column given twice or a missing key column are errors at the
cell, named by the sheet's own title. Workbooks are read as tables (generator/spreadsheet/read.py):
.xlsx, .xls, WPS .et and .ods alike, with the cells that hold a formula known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.codes import Code
from generator.editing.xlsx.sheets import SHEETS, Column, Sheet, canon
from generator.problems import Level
from generator.rules._util import did_you_mean
from generator.spreadsheet.read import Table

_IGNORED_HEADERS = {"序号", "编号", "备注"}


def _norm_header(text: Any) -> str:
    s = re.sub(r"\s+", "", str(text or ""))
    s = re.sub(r"[（(][^）)]*[）)]$", "", s)  # "有效期至（YYYY-MM-DD）"
    return s.strip("*＊").lower()


@dataclass
class Row:
    sheet: Sheet
    row: int
    cells: dict[Column, tuple[Any, str, int]]   # column → (value, coordinate, column number)
    key: str
    key_at: tuple[str, int]
    title: str = ""   # the sheet's title in this workbook (problems name it, not our sheet name)
    formulas: frozenset[int] = frozenset()  # column numbers whose cell holds a formula


def _headers(sheet: Sheet) -> dict[str, Column]:
    by_header: dict[str, Column] = {}
    for column in sheet.columns:
        for name in (column.header, *column.aliases):
            by_header.setdefault(_norm_header(name), column)
    return by_header


def match_sheet(title: str, table: Table | None = None) -> Sheet | None:
    """Our sheet by the title (or an alias), else by the columns of its header row: the key column and
    at least two more of that sheet's columns in one of the first 10 rows."""
    name = re.sub(r"\s+", "", title)
    by_name = next((s for s in SHEETS if name == s.name or name in s.aliases), None)
    if by_name is not None or table is None:
        return by_name
    for sheet in SHEETS:
        by_header = _headers(sheet)
        key = sheet.column((sheet.key,))
        for r in range(1, min(table.height, 10) + 1):
            found = {by_header.get(_norm_header(table.value(r, c))) for c in range(1, table.width + 1)} - {None}
            if key in found and len(found) >= 3:
                return sheet
    return None


ProblemFn = Callable[..., None]


def _letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_sheet(table: Table, sheet: Sheet, problem: ProblemFn) -> list[Row]:
    by_header = _headers(sheet)
    title = table.name
    key_column = sheet.column((sheet.key,))
    assert key_column is not None
    header_row = 0
    columns: dict[int, Column] = {}
    width = table.width
    for r in range(1, min(table.height, 10) + 1):
        if any(by_header.get(_norm_header(table.value(r, c))) is key_column for c in range(1, width + 1)):
            header_row = r
            break
    if not header_row:
        problem(title, "A1", 1, 1, Code.MISSING_FIELD,
                f"前 10 行中找不到“{key_column.header}”列：每张表都要有这一列（见“填写说明”工作表）")
        return []
    for c in range(1, width + 1):
        value = table.value(header_row, c)
        name = _norm_header(value)
        coord = f"{_letter(c)}{header_row}"
        if not name or name in _IGNORED_HEADERS:
            continue
        found = by_header.get(name)
        if found is None:
            problem(title, coord, header_row, c, Code.UNKNOWN_FIELD,
                    f"未知的列 '{value}'{did_you_mean(name, [x.header for x in sheet.columns], '，已忽略')}",
                    Level.WARNING)
            continue
        if found in columns.values():
            problem(title, coord, header_row, c, Code.DUPLICATE_ID,
                    f"列“{found.header}”出现了两次：请删除其中一列")
            continue
        columns[c] = found
    key_col = next(c for c, col in columns.items() if col is key_column)
    out = []
    for r in range(header_row + 1, table.height + 1):
        cells = {column: (table.value(r, c), f"{_letter(c)}{r}", c) for c, column in columns.items()}
        formulas = frozenset(c for c in columns if (r, c) in table.formulas)
        if all(canon(v) == "" for v, _, _ in cells.values()) and not formulas:
            continue
        key = canon(cells[key_column][0]) if key_column in cells else ""
        key_at = (f"{_letter(key_col)}{r}", key_col)
        if not key:
            problem(title, key_at[0], r, key_col, Code.MISSING_FIELD,
                    f"这一行没有填“{key_column.header}”：每条记录都要有它"
                    "（新记录请先用 python -m generator new 生成编号）")
            continue
        out.append(Row(sheet, r, cells, key, key_at, title, formulas))
    return out
