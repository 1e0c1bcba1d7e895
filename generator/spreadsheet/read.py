"""Reading tables, step two: a guarded workbook opened as openpyxl (read-only) or as plain tables."""


from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.problems import UsageError
from generator.spreadsheet.guard import LIMITS, Limits, guard


def open_xlsx(path: Path, label: str | None = None, limits: Limits = LIMITS) -> Any:
    """An .xlsx as a read-only (streaming) openpyxl workbook, after `guard`; close it when done."""
    from openpyxl import load_workbook

    name = label or path.name
    scan = guard(path, label, limits)
    if scan.kind != "xlsx":
        raise UsageError(f"{name} 是 {scan.kind} 格式，这个命令只读 .xlsx：请用 Excel/WPS 打开后“另存为 xlsx”")
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged xlsx: openpyxl raises many kinds
        raise UsageError(f"无法读取 {name}（{type(exc).__name__}）："
                         "请确认是 .xlsx 格式（WPS/Excel “另存为 xlsx”）") from None


@dataclass
class Table:
    """One sheet's values as a grid (1-based `value(row, column)`), its merged ranges and formula cells."""

    name: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]]
    formulas: frozenset[tuple[int, int]]

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, column: int) -> Any:
        """The cell's value, None when it is empty or outside the grid."""
        if 1 <= row <= len(self.rows) and 1 <= column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return None

    def merged_at(self, row: int, column: int) -> tuple[int, int, int, int] | None:
        """The merged range that covers this cell, if any."""
        return next((m for m in self.merged if m[0] <= row <= m[2] and m[1] <= column <= m[3]), None)


def open_tables(path: Path, label: str | None = None, limits: Limits = LIMITS) -> list[Table]:
    """Every worksheet of an .xlsx, .xls, .et or .ods (WPS saves .et as .xls inside), after `guard`."""
    import python_calamine as pc

    name = label or path.name
    scan = guard(path, label, limits)
    try:
        with path.open("rb") as fh:
            book = pc.CalamineWorkbook.from_filelike(fh)   # by content: an .et is read as what it is
            tables = []
            for index, meta in enumerate(book.sheets_metadata):
                if str(meta.typ).rsplit(".", 1)[-1] != "WorkSheet":
                    continue
                sheet = book.get_sheet_by_index(index)
                raw = sheet.to_python(skip_empty_area=False)
                rows = [[None if v == "" else v for v in r] for r in raw]
                while rows and all(v is None for v in rows[-1]):
                    rows.pop()
                known = next((s for s in scan.sheets if s.name == meta.name), None)
                merged = [(a + 1, b + 1, c + 1, d + 1) for (a, b), (c, d) in (sheet.merged_cell_ranges or [])]
                if known is not None and known.merged:
                    merged = sorted(set(merged) | set(known.merged))
                tables.append(Table(meta.name, rows, merged, frozenset(known.formulas if known else ())))
            return tables
    except UsageError:
        raise
    except Exception as exc:  # calamine's errors: damaged, password-protected, unsupported
        raise UsageError(f"无法读取 {name}（{type(exc).__name__}）：请用 Excel/WPS 打开后“另存为 xlsx”") from None
