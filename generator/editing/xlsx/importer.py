"""Rows → the planned edits of the catalogue files (`plan_import`) → the files written (`apply_plan`).

Import never loses data. A cell that still shows what the export would write for the current
value changes nothing, so exporting and importing again changes no byte. A changed cell becomes a
text edit of that one value (generator/editing/yamledit.py), so comments, key order, fields the
sheet does not carry and Markdown bodies all stay. A row whose key is new becomes a new record.
Records missing from the sheet are left alone: a sheet never deletes. Every bad cell is a Problem
at `清单.xlsx!规范性文件!D7`; if there is any error nothing is written.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.codes import Code
from generator.editing.atomic import write_atomic
from generator.editing.scaffold import TYPE_ABBR, document_path, power_file_for, powers_file_header
from generator.editing.xlsx.read import ProblemFn, Row, match_sheet, read_sheet
from generator.editing.xlsx.sheets import (
    ABSENT,
    DOCUMENTS,
    GUIDE_SHEET,
    POWERS,
    SHEETS,
    CellError,
    Column,
    D,
    Names,
    Sheet,
    canon,
    field_at,
    get,
    latest_review,
    parse_cell,
    render,
)
from generator.editing.yamledit import EditError, YamlText, block, ordered, plain, verify
from generator.format import fields as F
from generator.format.model import Catalog
from generator.format.yamltree import YMap, parse
from generator.load import load_project
from generator.problems import Level, Problem, fails
from generator.readfile import front_matter_end
from generator.spreadsheet.read import open_tables


@dataclass(frozen=True)
class Change:
    """One changed record, for the report: file, key and what changed (Chinese)."""

    path: str
    key: str
    what: str


@dataclass
class ImportPlan:
    problems: list[Problem] = field(default_factory=list)
    writes: dict[str, str] = field(default_factory=dict)   # relative path → new text
    changes: list[Change] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return fails(self.problems, strict=False)


@dataclass
class FileWork:
    """The edits for one file: updated records by index and records to append."""

    updates: list[tuple[int, dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    appends: list[dict[str, Any]] = field(default_factory=list)


def plan_import(root: Path, xlsx: Path) -> ImportPlan:
    """Read a workbook and work out every change; nothing is written here."""
    plan = ImportPlan()
    label = xlsx.name
    cat, load_problems = load_project(root)
    syntax = [p for p in load_problems if p.code == Code.YAML_SYNTAX]
    if syntax:
        plan.problems.extend(syntax)
        return plan
    tables = open_tables(xlsx)   # bounded before it is parsed; .xlsx, .xls, .et and .ods alike

    def problem(sheet: str, coord: str, row: int, col: int, code: Code, message: str,
                level: Level = Level.ERROR) -> None:
        plan.problems.append(Problem(f"{label}!{sheet}!{coord}", row, col, level, code, message))

    rows: list[Row] = []
    for table in tables:
        sheet = match_sheet(table.name, table)
        if sheet is None:
            if table.name.strip() != GUIDE_SHEET:
                problem(table.name, "A1", 1, 1, Code.UNKNOWN_FIELD,
                        f"工作表 '{table.name}' 不是 {'、'.join(s.name for s in SHEETS)} 之一，"
                        "列名也对不上，已跳过", Level.WARNING)
            continue
        rows.extend(read_sheet(table, sheet, problem))

    laws = Names.of(cat)
    work: dict[str, FileWork] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        sheet = row.sheet
        if (sheet.name, row.key) in seen:
            coord, col = row.key_at
            problem(row.title, coord, row.row, col, Code.DUPLICATE_ID,
                    f"'{row.key}' 在本表第 {seen[(sheet.name, row.key)]} 行已出现：每条记录只能占一行")
            continue
        seen[(sheet.name, row.key)] = row.row
        located = _locate(cat, sheet, row.key)
        old = plain(located[1]) if located else {}
        new = copy.deepcopy(old)
        ok = True
        changed: list[str] = []
        review_cells = {c: v for c, v in row.cells.items() if c.is_review}
        for column, (value, coord, col) in row.cells.items():
            if col in row.formulas:
                problem(row.title, coord, row.row, col, Code.INVALID_VALUE,
                        f"{column.header} 这一格是公式，不是填写的值：请把它改为直接填写的文字或日期"
                        "（复制后“选择性粘贴 → 数值”）")
                ok = False
                continue
            if column.is_review or column.path == (sheet.key,):
                continue
            current = get(old, column)
            if located and canon(value) == canon(render(current, column, laws)):
                continue
            try:
                parsed = parse_cell(value, column, laws)
            except CellError as err:
                problem(row.title, coord, row.row, col, err.code, f"{column.header} {err.message}")
                ok = False
                continue
            if parsed is ABSENT and current is ABSENT:
                continue
            if parsed is ABSENT and located and _required(sheet, column, old):
                problem(row.title, coord, row.row, col, Code.MISSING_FIELD, f"{column.header} 是必填项，不能清空")
                ok = False
                continue
            if column.kind == "basis" and parsed is not ABSENT and isinstance(current, list):
                parsed = _keep_entries(current, parsed)
            if parsed is not ABSENT and parsed == current and type(parsed) is type(current):
                continue
            _set(new, column.path, parsed)
            changed.append(f"{column.header}：{_brief(render(current, column, laws))} → "
                           f"{_brief(render(parsed, column, laws))}")
        if review_cells:
            outcome = _apply_review(sheet, row, review_cells, old, new, laws, problem)
            if outcome is None:
                ok = False
            elif outcome:
                changed.append(outcome)
        if not located:
            ok = _check_new(sheet, row, new, problem) and ok
        if not ok or (located and new == old):
            continue
        if located:
            path, _raw, index = located
            work.setdefault(path, FileWork()).updates.append((index, old, new))
            plan.changes.append(Change(path, row.key, "；".join(changed)))
        else:
            new[sheet.key] = row.key
            new = ordered(new, sheet.spec.fields)
            path = _new_record_path(cat, sheet, new)
            if (root / path).exists() and sheet is DOCUMENTS:
                coord, col = row.key_at
                problem(row.title, coord, row.row, col, Code.DUPLICATE_ID,
                        f"{path} 已存在，不会覆盖它：请换一个文件 id")
                continue
            work.setdefault(path, FileWork()).appends.append(new)
            plan.changes.append(Change(path, row.key, "新增"))
    if plan.failed:
        plan.changes.clear()
        return plan
    for path, todo in sorted(work.items()):
        try:
            text = edit_file(root, path, todo)
        except EditError as err:
            plan.problems.append(Problem(path, 1, 1, Level.ERROR, Code.INVALID_VALUE, str(err)))
            continue
        if text is not None:
            plan.writes[path] = text
    if plan.failed:
        plan.writes.clear()
        plan.changes.clear()
    return plan


def _brief(cell: Any) -> str:
    return canon(cell).replace("\n", "；") or "（空）"


def _locate(cat: Catalog, sheet: Sheet, key: str) -> tuple[str, YMap, int] | None:
    """(file, raw record, index in the file's list) of the record with this key, or None."""
    if sheet is DOCUMENTS:
        doc = cat.documents.get(key)
        return (doc.src.path, doc.src.raw, 0) if doc else None
    items = [(p.src, p.code) for p in cat.all_powers] if sheet is POWERS \
        else [(law.src, law.id) for law in cat.all_laws]
    for src, k in items:
        if k == key:
            siblings = [s for s, _ in items if s.path == src.path]
            return src.path, src.raw, siblings.index(src)
    return None


def _set(record: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Set (or, for ABSENT, remove) a nested value; a map left empty is removed too."""
    if value is ABSENT:
        parents = [record]
        node: Any = record
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
            if not isinstance(node, dict):
                return
            parents.append(node)
        parents[-1].pop(path[-1], None)
        for depth in range(len(path) - 1, 0, -1):
            if parents[depth] == {}:
                parents[depth - 1].pop(path[depth - 1], None)
        return
    node = record
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    node[path[-1]] = value


def _required(sheet: Sheet, column: Column, record: dict[str, Any]) -> bool:
    """Whether clearing this column's cell would drop a field the record must have."""
    if len(column.path) == 1:
        kind = record.get("kind")
        extra = sheet.spec.required_by_kind.get(kind, ()) if isinstance(kind, str) else ()
        return column.field.required or column.path[0] in extra
    return False  # clearing every cell of a nested map (废止信息) removes the map: that is allowed


def _keep_entries(current: list[Any], parsed: list[dict[str, Any]]) -> list[Any]:
    """Reuse an unchanged 依据 entry as it is written (e.g. `articles: []` stays)."""
    out = []
    for entry in parsed:
        same = next((c for c in current if isinstance(c, dict) and c.get("law") == entry["law"]
                     and list(c.get("articles") or []) == entry.get("articles", [])), None)
        out.append(copy.deepcopy(same) if same is not None else entry)
    return out


def _apply_review(sheet: Sheet, row: Row, cells: dict[Column, tuple[Any, str, int]], old: dict[str, Any],
                  new: dict[str, Any], laws: Names, problem: ProblemFn) -> str | None:
    """The 最近清理 columns: correct the latest review, or add a newer one. '' = no change, None = error."""
    latest = latest_review(old)
    current = latest[1] if latest else {}
    if all(canon(v) == canon(render(current.get(c.path[-1], ABSENT), c, laws)) for c, (v, _, _) in cells.items()):
        return ""
    values: dict[str, Any] = {}
    ok = True
    for column, (value, coord, col) in cells.items():
        try:
            values[column.path[-1]] = parse_cell(value, column, laws)
        except CellError as err:
            problem(row.title, coord, row.row, col, err.code, f"{column.header} {err.message}")
            ok = False
    if not ok:
        return None
    if all(v is ABSENT for v in values.values()):
        return ""  # clearing the cells never deletes the history of 清理 records
    given = {k: v for k, v in values.items() if v is not ABSENT}
    # Same date: a correction of the latest review (e.g. 建议 → 决定). A later date: a new 清理.
    # A review's date is never rewritten from the sheet, so no history can be overwritten.
    same_review = latest is not None and given.get("date", current.get("date")) == current.get("date")
    for name in ("date", "result", "decided"):
        slot = next((c for c in cells if c.path[-1] == name), None)
        blank = slot is not None and values[name] is ABSENT
        if blank or (not same_review and name not in given):
            coord, col = cells[slot][1:] if slot else row.key_at
            header = slot.header if slot else f"最近清理{field_at(D, ('reviews', name)).title}"
            problem(row.title, coord, row.row, col, Code.MISSING_FIELD,
                    f"{header} 不能为空：记录一次清理需要日期、结果和是否已决定（是/否）")
            ok = False
    if not ok:
        return None
    reviews = new.setdefault("reviews", [])
    if same_review and latest is not None:
        target = reviews[latest[0]]
        for name, value in values.items():
            if value is ABSENT:
                target.pop(name, None)
            else:
                target[name] = value
        return "更正最近一次清理记录"
    if latest is not None and given["date"] < current["date"]:
        column = next(c for c in cells if c.path[-1] == "date")
        coord, col = cells[column][1:]
        problem(row.title, coord, row.row, col, Code.DATE_ORDER,
                f"最近清理日期 {given['date']} 早于已有的清理记录 {current['date']}：新增的清理要晚于已有记录；"
                "更正历史记录请直接修改 YAML 文件")
        return None
    reviews.append(ordered(given, field_at(D, ("reviews",)).fields))
    return f"新增清理记录：{given['date']} {given.get('result', '')}"


def _check_new(sheet: Sheet, row: Row, new: dict[str, Any], problem: ProblemFn) -> bool:
    """A new record needs every required field in the sheet."""
    key_coord, key_col = row.key_at
    if not re.fullmatch(r"[a-z0-9-]+", row.key) and sheet.key == "id":
        problem(row.title, key_coord, row.row, key_col, Code.INVALID_VALUE,
                f"'{row.key}' 只能由小写字母、数字和连字符组成（用于网址）")
        return False
    required = [f.name for f in sheet.spec.fields if f.required and f.name != sheet.key]
    kind = new.get("kind")
    if isinstance(kind, str):
        required += list(sheet.spec.required_by_kind.get(kind, ()))
    ok = True
    for name in required:
        if name in new:
            continue
        column = sheet.column((name,))
        title = column.header if column else name
        cell = row.cells.get(column) if column else None
        if cell is not None:
            problem(row.title, cell[1], row.row, cell[2], Code.MISSING_FIELD, f"新记录的“{title}”不能为空")
        else:
            problem(row.title, key_coord, row.row, key_col, Code.MISSING_FIELD,
                    f"新记录缺少“{title}”：请在表中加上这一列并填写")
        ok = False
    return ok


def _new_record_path(cat: Catalog, sheet: Sheet, record: dict[str, Any]) -> str:
    if sheet is DOCUMENTS:
        return document_path(record["category"], record["id"])
    if sheet is POWERS:
        return power_file_for(cat, record["type"]) if record.get("type") in TYPE_ABBR else "catalog/powers/qt.yml"
    return "catalog/legal_bases.yml"


def _split_front_matter(text: str) -> tuple[str, str, str]:
    """(before, front matter, after) of a Markdown file, keeping every byte."""
    lines = text.splitlines(keepends=True)
    end = front_matter_end(lines)
    if end == 0:
        raise EditError("文件开头缺少 front matter")
    if end is None:
        raise EditError("front matter 没有结束")
    return lines[0], "".join(lines[1:end]), "".join(lines[end:])


def edit_file(root: Path, rel: str, todo: FileWork) -> str | None:
    """The new text of one file, verified to read back as intended; None when nothing changes."""
    path = root / rel
    spec = F.DOCUMENT if rel.startswith("catalog/documents/") else \
        F.POWER if rel.startswith("catalog/powers/") else F.LEGAL_BASIS
    if not path.exists():
        if spec is F.DOCUMENT:
            (record,) = todo.appends
            body = "---\n" + block(record, 0) + "\n---\n"
            verify(body[4:-4], record, rel)
            return body
        text = powers_file_header(todo.appends[0]["type"]) if spec is F.POWER else ""
        ytext = YamlText(text)
        for record in todo.appends:
            ytext.append_record(record)
        out = ytext.result()
        verify(out, list(todo.appends), rel)
        return out
    raw = path.read_bytes()
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    text = raw.decode("utf-8-sig")
    before, region, after = ("", text, "")
    if spec is F.DOCUMENT and rel.endswith(".md"):
        before, region, after = _split_front_matter(text)
    ytext = YamlText(region)
    value, _ = parse(region)
    expected = plain(value)
    for index, old, new in todo.updates:
        if spec is F.DOCUMENT:
            node = ytext.root_map()
            expected = new
        else:
            item = value[index]
            node = ytext.record_at(item.pos.line, item.pos.column)
            expected[index] = new
        if plain(value if spec is F.DOCUMENT else value[index]) != old:
            raise EditError(f"{rel} 在读取后被改动了：请重新运行")
        ytext.update(node, old, new, spec.fields)
    for record in todo.appends:
        ytext.append_record(record)
        expected.append(record)
    out = ytext.result()
    if out == region:
        return None
    verify(out, expected, rel)
    return bom + before + out + after


def apply_plan(root: Path, plan: ImportPlan) -> None:
    """Write every planned file atomically (temporary file + rename)."""
    for rel, text in sorted(plan.writes.items()):
        write_atomic(root / rel, text.encode("utf-8"))
