"""Workbook → rows: a sheet's header row, its columns found by their header, one row per record.

A sheet is recognised by its name (or an alias), a column by its header (or an alias) in any
order, with spaces, a trailing （…） and a leading * ignored; the header row is the first of the
first 10 rows that holds the key column. Unknown sheets and columns are warnings; a row without a
key, a column given twice or a missing key column are errors at the cell.
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


def match_sheet(title: str) -> Sheet | None:
    name = re.sub(r"\s+", "", title)
    return next((s for s in SHEETS if name == s.name or name in s.aliases), None)


ProblemFn = Callable[..., None]


def read_sheet(ws: Any, sheet: Sheet, problem: ProblemFn) -> list[Row]:
    from openpyxl.utils import get_column_letter

    by_header: dict[str, Column] = {}
    for column in sheet.columns:
        for name in (column.header, *column.aliases):
            by_header.setdefault(_norm_header(name), column)
    key_column = sheet.column((sheet.key,))
    assert key_column is not None
    header_row = 0
    columns: dict[int, Column] = {}
    for r, values in enumerate(ws.iter_rows(min_row=1, max_row=10, values_only=True), 1):
        names = [_norm_header(v) for v in values]
        if any(by_header.get(n) is key_column for n in names):
            header_row = r
            break
    if not header_row:
        problem(sheet.name, "A1", 1, 1, Code.MISSING_FIELD,
                f"前 10 行中找不到“{key_column.header}”列：每张表都要有这一列（见“填写说明”工作表）")
        return []
    for c, value in enumerate(next(ws.iter_rows(min_row=header_row, max_row=header_row, values_only=True)), 1):
        name = _norm_header(value)
        coord = f"{get_column_letter(c)}{header_row}"
        if not name or name in _IGNORED_HEADERS:
            continue
        found = by_header.get(name)
        if found is None:
            problem(sheet.name, coord, header_row, c, Code.UNKNOWN_FIELD,
                    f"未知的列 '{value}'{did_you_mean(name, [x.header for x in sheet.columns], '，已忽略')}",
                    Level.WARNING)
            continue
        if found in columns.values():
            problem(sheet.name, coord, header_row, c, Code.DUPLICATE_ID,
                    f"列“{found.header}”出现了两次：请删除其中一列")
            continue
        columns[c] = found
    key_col = next(c for c, col in columns.items() if col is key_column)
    out = []
    for r, values in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), header_row + 1):
        cells = {columns[c]: (v, f"{get_column_letter(c)}{r}", c)
                 for c, v in enumerate(values, 1) if c in columns}
        if all(canon(v) == "" for v, _, _ in cells.values()):
            continue
        key = canon(cells[key_column][0]) if key_column in cells else ""
        key_at = (f"{get_column_letter(key_col)}{r}", key_col)
        if not key:
            problem(sheet.name, key_at[0], r, key_col, Code.MISSING_FIELD,
                    f"这一行没有填“{key_column.header}”：每条记录都要有它"
                    "（新记录请先用 python -m generator new 生成编号）")
            continue
        out.append(Row(sheet, r, cells, key, key_at))
    return out
