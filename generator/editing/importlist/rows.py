"""A sheet of a published list → its records' rows, each cell found by its header.

Merged cells are propagated first: a value merged down several rows (one 设定依据 for several
items, one 实施主体 for a whole group) belongs to every row it covers. Then every row is one of:
the title rows above the header (skipped), the header (the row of the first 20 naming the most
known columns, the name column among them; a second header row under merged group headers is read
too), a group row ("行政处罚（45项）", "一、行政强制": one value, usually merged across the sheet; its
text is kept as the group of the rows under it), a blank row, a note ("注：…", "填表说明"), a repeated
header (a page break), or a record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.codes import Code
from generator.editing.importlist.columns import IGNORED_HEADERS, ListColumn, norm_header, synonym_table
from generator.problems import Level
from generator.rules._util import did_you_mean
from generator.spreadsheet.read import Table

HEADER_ROWS = 20
_NOTE = re.compile(r"^(注|备注|说明|附|填表|制表|审核|编制|联系人|填报)")
_GROUP_COUNT = re.compile(r"[（(]?\s*(共)?\s*\d+\s*项\s*[)）]?$")
_CHINESE_SEQ = re.compile(r"^[一二三四五六七八九十]+[、.．]?$")
_GROUP_LEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*")

# problem(sheet, row, column, code, message, level)
ProblemFn = Callable[..., None]


def column_letter(column: int) -> str:
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def cell_text(value: Any) -> str:
    """A cell as text, lines trimmed (a float that is a whole number loses its .0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    lines = [line.strip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line).strip()


def group_label(text: str) -> str:
    """'一、行政处罚（45项）' → '行政处罚'."""
    return _GROUP_COUNT.sub("", _GROUP_LEAD.sub("", text)).strip()


@dataclass
class SourceRow:
    """One record's row: its values by column key, each with the column number it came from."""

    sheet: str
    row: int
    group: str
    cells: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)   # key → its (first) column in the sheet

    def text(self, key: str) -> str:
        return "\n".join(t for v, _ in self.cells.get(key, []) if (t := cell_text(v)))

    def value(self, key: str) -> Any:
        found = self.cells.get(key)
        return found[0][0] if found else None

    def column(self, key: str) -> int:
        """Where a key's cell is (its first column), for problems about it; column 1 if the sheet has none."""
        found = self.cells.get(key)
        return found[0][1] if found else self.columns.get(key, 1)

    def has(self, key: str) -> bool:
        return key in self.cells


def _grid(table: Table) -> tuple[list[list[Any]], set[int]]:
    """The values with vertical merges propagated, and the rows a wide horizontal merge covers."""
    width = table.width
    grid = [list(r) + [None] * (width - len(r)) for r in table.rows]
    wide: set[int] = set()
    for r1, c1, r2, c2 in table.merged:
        value = table.value(r1, c1)
        if c2 - c1 + 1 >= max(3, width // 2):
            wide.update(range(r1, r2 + 1))
        for r in range(r1, min(r2, len(grid)) + 1):
            if c1 <= width:
                grid[r - 1][c1 - 1] = value
    return grid, wide


@dataclass
class _Header:
    row: int
    last_row: int
    columns: dict[int, ListColumn]


def _find_header(grid: list[list[Any]], table: dict[str, ListColumn], mapping: dict[str, ListColumn | None],
                 name_key: str) -> _Header | None:
    def known(value: Any) -> ListColumn | None:
        n = norm_header(value)
        return mapping[n] if n in mapping else table.get(n)

    best: tuple[int, int] | None = None
    for r, values in enumerate(grid[:HEADER_ROWS], 1):
        found = [c for v in values if (c := known(v)) is not None]
        if any(c.key == name_key for c in found) and len(found) >= 2 and (best is None or len(found) > best[1]):
            best = (r, len(found))
    if best is None:
        return None
    r = best[0]
    columns = {c: col for c, v in enumerate(grid[r - 1], 1) if (col := known(v)) is not None}
    last = r
    if r < len(grid):   # a second header row: sub-columns under a merged group header
        below = {c: col for c, v in enumerate(grid[r], 1) if (col := known(v)) is not None}
        if below and all(columns.get(c) in (None, col) for c, col in below.items()) \
                and any(c not in columns for c in below):
            columns.update(below)
            last = r + 1
    return _Header(r, last, columns)


def read_rows(table: Table, columns: tuple[ListColumn, ...], mapping: dict[str, ListColumn | None],
              name_key: str, problem: ProblemFn, is_group: Callable[[str], bool] = lambda _: False,
              ) -> list[SourceRow] | None:
    """The record rows of one sheet, or None when it has no recognisable header row.

    `is_group` says whether a lone value names a group (for powers: a power type, "行政处罚")."""
    grid, wide = _grid(table)
    synonyms = synonym_table(columns)
    header = _find_header(grid, synonyms, mapping, name_key)
    if header is None:
        return None
    used: dict[str, int] = {}
    keep: dict[int, ListColumn] = {}
    for c in range(1, table.width + 1):
        raw = next((grid[r - 1][c - 1] for r in range(header.last_row, header.row - 1, -1)
                    if cell_text(grid[r - 1][c - 1])), None)
        name = norm_header(raw)
        at = f"{column_letter(c)}{header.row}"
        column = header.columns.get(c)
        if column is None:
            if name and name not in IGNORED_HEADERS and name not in mapping:
                hint = did_you_mean(name, [s for col in columns for s in col.synonyms]) or ""
                problem(table.name, header.row, c, Code.UNKNOWN_FIELD,
                        f"未识别的列 '{cell_text(raw)}'{hint}，已忽略：要导入它，请在 --map 文件中写一行 "
                        f"“{cell_text(raw)}: 字段”（{at}）", Level.WARNING)
            continue
        if column.key in used and not column.many:
            problem(table.name, header.row, c, Code.DUPLICATE_ID,
                    f"列“{column.title}”出现了两次（另一列在 {column_letter(used[column.key])} 列）："
                    f"请删除其中一列，或用 --map 把这一列对应到别的字段，或写“{cell_text(raw)}: 忽略”")
            continue
        used.setdefault(column.key, c)
        keep[c] = column
    header_names = [norm_header(v) for v in grid[header.row - 1]]
    out: list[SourceRow] = []
    group = ""
    for r in range(header.last_row + 1, len(grid) + 1):
        values = grid[r - 1]
        texts = [cell_text(v) for v in values]
        filled = [t for t in texts if t]
        if not filled:
            continue
        if [norm_header(v) for v in values] == header_names:
            continue   # the header repeated after a page break
        seq_col = next((c for c, col in keep.items() if col.key == "seq"), 0)
        if seq_col and _CHINESE_SEQ.match(texts[seq_col - 1]) and len(filled) == 2:
            filled = [t for c, t in enumerate(texts, 1) if t and c != seq_col]   # 一 | 行政处罚
        distinct = set(filled)
        if len(distinct) == 1 and (r in wide or len(filled) == 1):
            text = filled[0]
            if _NOTE.match(text):
                continue
            name_col = next((c for c, col in keep.items() if col.key == name_key), 0)
            if r in wide or not texts[name_col - 1] or _GROUP_COUNT.search(text) or _GROUP_LEAD.match(text) \
                    or is_group(group_label(text)):
                group = group_label(text)
                continue
        if _NOTE.match(filled[0]) and len(filled) == 1:
            continue
        row = SourceRow(table.name, r, group, columns=used)
        for c, column in keep.items():
            if c <= len(values) and texts[c - 1]:
                row.cells.setdefault(column.key, []).append((values[c - 1], c))
        out.append(row)
    return out
