"""表三 and 表四 of the annual report, read from catalog/annual/<year>.yml, and the arithmetic they print.

Every row and column of the template (国办公开办函〔2021〕30号) is here, in its words, from the one
declaration in generator/format/fields.py. A number the office did not write is 0 (the template has a
number in every cell, and most are 0); each row's `total` is required, so a forgotten column shows as
a total that does not add up. A number that is not a non-negative integer is None (shown “—”): the
schema rules report it, and the sums that need it are not checked.

The checks (`table_findings`, run by `check` as invalid-value at the line of the number):
- 表三, every column: 一 + 二 = 三（七）+ 四 (printed under the official table);
- 表三, every column: （七）总计 = （一）+（二）+ the items of （三）–（六）;
- 表三, every row: 总计 = 自然人 + the five 法人或其他组织 columns;
- 表四, every row: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.format import fields as F
from generator.format.model import Source
from generator.format.yamltree import YMap
from generator.problems import Pos

COLUMN_KEYS = tuple(f.name for f in F.APPLICANT_COLUMNS)
COLUMN_LABELS = {f.name: f.title for f in F.APPLICANT_COLUMNS}
PERSON_COLUMNS = tuple(c for c in COLUMN_KEYS if c != "total")
APPEAL_KEYS = tuple(f.name for f in F.APPEAL_COLUMNS)
APPEAL_LABELS = {f.name: f.title for f in F.APPEAL_COLUMNS}
TABLE3_CHECK = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"


def _field(*names: str) -> F.Field:
    fields = F.ANNUAL_REPORT.fields
    found: F.Field | None = None
    for name in names:
        found = next(f for f in fields if f.name == name)
        fields = found.fields
    assert found is not None
    return found


def _table3_layout() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each 表三 row with numbers: its key (path under applications) and its label path."""
    apps = _field("applications")
    rows: list[tuple[str, tuple[str, ...]]] = []
    for part in apps.fields:
        if part.name != "results":
            rows.append((part.name, (part.title,)))
            continue
        for result in part.fields:
            items = [f for f in result.fields if f.kind == "map"]
            if items:
                rows += [(f"results.{result.name}.{i.name}", (part.title, result.title, i.title)) for i in items]
            else:
                rows.append((f"results.{result.name}", (part.title, result.title)))
    return tuple(rows)


TABLE3_ROWS = _table3_layout()
TABLE4_ROWS = tuple((f.name, f.title) for f in _field("appeals").fields)
# The rows （七）总计 adds up: every result row but itself.
RESULT_KEYS = tuple(k for k, _ in TABLE3_ROWS if k.startswith("results.") and k != "results.total")


@dataclass(frozen=True)
class ApplicationRow:
    """One 表三 row: its key, its labels from the outermost (一、…) to its own, and its numbers."""

    key: str  # e.g. received, results.withheld.third_party, results.total
    labels: tuple[str, ...]
    values: dict[str, int | None]  # column key → number (None: not a number, or no 表三 at all)

    @property
    def label(self) -> str:
        return self.labels[-1]


@dataclass(frozen=True)
class AppealRow:
    """One 表四 group (行政复议, 未经复议直接起诉, 复议后起诉) and its five numbers."""

    key: str
    label: str
    values: dict[str, int | None]


def _map(raw: Any, *keys: str) -> YMap | None:
    node = raw
    for key in keys:
        node = node.get(key) if isinstance(node, YMap) else None
    return node if isinstance(node, YMap) else None


def count(value: Any) -> int | None:
    """A count as written: a non-negative integer, else None (booleans are not numbers)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _row_values(m: YMap | None, columns: tuple[str, ...]) -> dict[str, int | None]:
    if m is None:
        return dict.fromkeys(columns, 0)
    return {c: count(m[c]) if c in m else 0 for c in columns}


def read_applications(src: Source | None) -> tuple[ApplicationRow, ...]:
    """表三 rows in template order; empty when the file gives no `applications`."""
    if src is None or _map(src.raw, "applications") is None:
        return ()
    return tuple(ApplicationRow(key, labels, _row_values(_map(src.raw, "applications", *key.split(".")), COLUMN_KEYS))
                 for key, labels in TABLE3_ROWS)


def blank_applications() -> tuple[ApplicationRow, ...]:
    """表三 with every number unknown (“—”): the layout when the annual file does not give it."""
    return tuple(ApplicationRow(key, labels, dict.fromkeys(COLUMN_KEYS)) for key, labels in TABLE3_ROWS)


def read_appeals(src: Source | None) -> tuple[AppealRow, ...]:
    """表四 rows (行政复议, 未经复议直接起诉, 复议后起诉); empty when the file gives no `appeals`."""
    if src is None or _map(src.raw, "appeals") is None:
        return ()
    return tuple(AppealRow(key, label, _row_values(_map(src.raw, "appeals", key), APPEAL_KEYS))
                 for key, label in TABLE4_ROWS)


def blank_appeals() -> tuple[AppealRow, ...]:
    return tuple(AppealRow(key, label, dict.fromkeys(APPEAL_KEYS)) for key, label in TABLE4_ROWS)


# --- the printed checks ----------------------------------------------------------------------------


def _all(values: list[int | None]) -> list[int] | None:
    """The numbers, or None when one of them is not a number (nothing to add up then)."""
    out = [v for v in values if v is not None]
    return out if len(out) == len(values) else None


def _short(key: str) -> str:
    """A result row's short name in a message: （一）, （三）4 …"""
    labels = dict(TABLE3_ROWS)[key]
    head = labels[1].split("）")[0] + "）"
    return head + labels[2].split(".")[0] if len(labels) > 2 else head


def table_findings(src: Source) -> Iterator[tuple[str, Pos, str]]:
    """Where 表三 and 表四 of one catalog/annual/<year>.yml do not add up: (path, position, message)."""
    rows = {r.key: r for r in read_applications(src)}

    def at(table: str, key: str, column: str) -> Pos:
        return src.at(table, *key.split("."), column)

    if rows:
        for c in COLUMN_KEYS:
            name = COLUMN_LABELS[c]
            four = _all([rows[k].values[c] for k in ("received", "carried_over", "results.total", "carried_forward")])
            if four is not None and four[0] + four[1] != four[2] + four[3]:
                a, b, t, f = four
                yield src.path, at("applications", "received", c), (
                    f"表三{name}列不平衡：一、本年新收 {a} + 二、上年结转 {b} = {a + b}，"
                    f"而 三（七）总计 {t} + 四、结转下年度继续办理 {f} = {t + f}："
                    "一 + 二 应等于 三（七）+ 四，请核对这四个数"
                )
            parts = _all([rows[k].values[c] for k in RESULT_KEYS])
            total = rows["results.total"].values[c]
            if parts is not None and total is not None and sum(parts) != total:
                named = "、".join(f"{_short(k)} {v}" for k, v in zip(RESULT_KEYS, parts, strict=True) if v) or "全为 0"
                yield src.path, at("applications", "results.total", c), (
                    f"表三{name}列：（一）至（六）各项之和为 {sum(parts)}（{named}），"
                    f"但（七）总计写的是 {total}：请核对"
                )
        for key, labels in TABLE3_ROWS:
            values = rows[key].values
            cols = _all([values[c] for c in PERSON_COLUMNS])
            total = values["total"]
            if cols is not None and total is not None and sum(cols) != total:
                yield src.path, at("applications", key, "total"), (
                    f"表三“{labels[-1]}”：六类申请人之和为 {sum(cols)}（{' + '.join(map(str, cols))}），"
                    f"但总计写的是 {total}：请核对（没写的栏按 0 计）"
                )
    for row in read_appeals(src):
        parts4 = _all([row.values[c] for c in APPEAL_KEYS if c != "total"])
        total = row.values["total"]
        if parts4 is not None and total is not None and sum(parts4) != total:
            yield src.path, at("appeals", row.key, "total"), (
                f"表四“{row.label}”：结果维持、结果纠正、其他结果、尚未审结之和为 {sum(parts4)}"
                f"（{' + '.join(map(str, parts4))}），但总计写的是 {total}：请核对（没写的栏按 0 计）"
            )


# --- layout: the merged label cells of 表三 --------------------------------------------------------


LABEL_COLUMNS = 3  # 表三's labels take three columns: 一、… / （一）… / 1.…


@dataclass(frozen=True)
class LabelCell:
    """A label cell of 表三 as the template draws it: where it starts and how far it is merged."""

    row: int
    column: int
    text: str
    rowspan: int
    colspan: int


def label_cells(rows: tuple[ApplicationRow, ...]) -> list[LabelCell]:
    """The label cells of 表三: a label shared by consecutive rows is one cell spanning them (三、本年度办理结果,
    （三）不予公开 …); a row's last label spans the label columns left to its right."""
    out: list[LabelCell] = []
    for level in range(LABEL_COLUMNS):
        i = 0
        while i < len(rows):
            labels = rows[i].labels
            if len(labels) <= level:
                i += 1
                continue
            j = i + 1
            while j < len(rows) and rows[j].labels[:level + 1] == labels[:level + 1]:
                j += 1
            colspan = LABEL_COLUMNS - level if len(labels) == level + 1 else 1
            out.append(LabelCell(i, level, labels[level], j - i, colspan))
            i = j
    return sorted(out, key=lambda c: (c.row, c.column))
