"""表二, 表三 and 表四 as the template draws them: grids of cells with their merges, drawn once.

The web page (HTML), the Word document and the Excel workbook all render these grids, so the three
cannot disagree on a row, a label or a merged header. A grid lists, row by row, the cells that start
in that row (as HTML does); `placed` gives each cell's column once the merges above it are counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.audit.annual import AnnualReport
from generator.audit.annual_tables import (
    APPEAL_KEYS,
    APPEAL_LABELS,
    COLUMN_KEYS,
    COLUMN_LABELS,
    LABEL_COLUMNS,
    PERSON_COLUMNS,
    TABLE3_CHECK,
    label_cells,
)

Number = int | float | None


@dataclass(frozen=True)
class Cell:
    """One cell: a label (header) or a number; merged over `colspan` columns and `rowspan` rows."""

    text: str = ""
    value: Number = None
    number: bool = False
    header: bool = False
    scope: str = ""  # for HTML: col, row, colgroup, rowgroup
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Grid:
    key: str  # table2 | table3 | table4
    title: str
    columns: int
    head: int  # header rows at the top (repeated on every page of a long table)
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative column widths


def num(value: Number) -> str:
    """A number as printed: '—' when not given, decimals without trailing zeros (12.50 → 12.5)."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def _h(text: str, scope: str = "col", colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, header=True, scope=scope, colspan=colspan, rowspan=rowspan)


def _n(value: Number, colspan: int = 1) -> Cell:
    return Cell(num(value), value=value, number=True, colspan=colspan)


def table2_grid(report: AnnualReport) -> Grid:
    a = report.active
    rows: list[tuple[Cell, ...]] = [
        (_h("第二十条第（一）项", "colgroup", 4),),
        (_h("信息内容"), _h("本年制发件数"), _h("本年废止件数"), _h("现行有效件数")),
        *((_h(r.label, "row"), _n(len(r.issued)), _n(len(r.repealed)), _n(len(r.in_force))) for r in report.normative),
    ]
    singles: tuple[tuple[str, str, tuple[tuple[str, Number], ...]], ...] = (
        ("第二十条第（五）项", "本年处理决定数量", (("行政许可", a.permit_decisions if a else None),)),
        ("第二十条第（六）项", "本年处理决定数量", (("行政处罚", a.penalty_decisions if a else None),
                                              ("行政强制", a.coercion_decisions if a else None))),
        ("第二十条第（八）项", "本年收费金额（单位：万元）", (("行政事业性收费", a.fee_amount if a else None),)),
    )
    for article, column, items in singles:
        rows += [(_h(article, "colgroup", 4),), (_h("信息内容"), _h(column, colspan=3))]
        rows += [(_h(label, "row"), _n(value, 3)) for label, value in items]
    return Grid("table2", "表二 主动公开政府信息情况", 4, 0, tuple(rows), (3.2, 1.6, 1.6, 1.6))


def table3_grid(report: AnnualReport) -> Grid:
    persons = [COLUMN_LABELS[c] for c in PERSON_COLUMNS]
    head: list[tuple[Cell, ...]] = [
        (_h(TABLE3_CHECK, colspan=LABEL_COLUMNS, rowspan=3), _h("申请人情况", "colgroup", len(COLUMN_KEYS))),
        (_h(persons[0], rowspan=2), _h("法人或其他组织", "colgroup", len(persons) - 1),
         _h(COLUMN_LABELS["total"], rowspan=2)),
        tuple(_h(p) for p in persons[1:]),
    ]
    rows3 = report.table3
    labels: dict[int, list[Cell]] = {}
    for lc in label_cells(rows3):
        scope = "rowgroup" if lc.rowspan > 1 else "row"
        labels.setdefault(lc.row, []).append(_h(lc.text, scope, lc.colspan, lc.rowspan))
    body = [(*labels.get(i, []), *(_n(r.values[c]) for c in COLUMN_KEYS)) for i, r in enumerate(rows3)]
    return Grid("table3", "表三 收到和处理政府信息公开申请情况", LABEL_COLUMNS + len(COLUMN_KEYS), 3,
                tuple(head + body), (1.1, 1.5, 3.4, *(1.0,) * len(COLUMN_KEYS)))


def table4_grid(report: AnnualReport) -> Grid:
    five = [APPEAL_LABELS[c] for c in APPEAL_KEYS]
    rows4 = report.table4
    suits = [r.label.split(" ", 1)[-1] for r in rows4[1:]]
    head = (
        (_h(rows4[0].label, "colgroup", len(five)), _h("行政诉讼", "colgroup", len(five) * len(suits))),
        (*(_h(f, rowspan=2) for f in five), *(_h(s, "colgroup", len(five)) for s in suits)),
        tuple(_h(f) for _ in suits for f in five),
    )
    body = (tuple(_n(r.values[c]) for r in rows4 for c in APPEAL_KEYS),)
    width = len(five) * len(rows4)
    return Grid("table4", "表四 政府信息公开行政复议、行政诉讼情况", width, 3, head + body, (1.0,) * width)


def grids(report: AnnualReport) -> tuple[Grid, Grid, Grid]:
    return table2_grid(report), table3_grid(report), table4_grid(report)


def placed(grid: Grid) -> Iterator[tuple[int, int, Cell]]:
    """(row, column, cell) for every cell, its column found past the cells merged down into its row."""
    taken: set[tuple[int, int]] = set()
    for r, cells in enumerate(grid.rows):
        c = 0
        for cell in cells:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            yield r, c, cell
            c += cell.colspan
