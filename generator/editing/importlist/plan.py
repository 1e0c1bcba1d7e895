"""A published list → the new records it holds → the files that would be written (`plan_list_import`),
then written atomically (`apply_list_plan`).

Nothing existing is overwritten: a record whose code (power) or 文号/标题 (document) the catalogue
already has is compared with the row and every difference reported, for the editor to carry over with
import-xlsx or by hand; only new records are appended (powers to the file of their type, new laws to
catalog/legal_bases.yml, each document to a file of its own). So a second import of the same
workbook writes nothing. With any error nothing at all is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.codes import Code
from generator.editing.atomic import write_atomic
from generator.editing.importlist.columns import DOCUMENT_COLUMNS, POWER_COLUMNS, load_map
from generator.editing.importlist.documents import build_documents, match_documents
from generator.editing.importlist.powers import Built, LawBook, assign_codes, build_powers
from generator.editing.importlist.report import Collector, Note
from generator.editing.importlist.rows import SourceRow, read_rows
from generator.editing.importlist.values import power_type
from generator.editing.scaffold import document_path, power_file_for
from generator.editing.xlsx.importer import FileWork, edit_file
from generator.editing.yamledit import EditError, ordered, plain
from generator.format import fields as F
from generator.format.model import Catalog
from generator.load import load_project
from generator.problems import Level, Problem, UsageError
from generator.spreadsheet.read import Table, open_tables

LISTS = {"powers": "权责清单", "documents": "规范性文件目录"}


@dataclass(frozen=True)
class Existing:
    """A row whose record the catalogue already has, and how the row differs from it."""

    path: str
    key: str
    differences: tuple[str, ...]


@dataclass
class ListPlan:
    problems: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    created: list[tuple[str, str, str]] = field(default_factory=list)   # file, key, name
    existing: list[Existing] = field(default_factory=list)
    writes: dict[str, str] = field(default_factory=dict)   # relative path → new text
    before: dict[str, str] = field(default_factory=dict)   # relative path → text it replaces ('' = new)

    @property
    def failed(self) -> bool:
        return any(p.level is Level.ERROR for p in self.problems)


def _sheets(tables: list[Table], sheet: str | None, label: str) -> list[Table]:
    if sheet is None:
        return tables
    chosen = [t for t in tables if t.name.strip() == sheet.strip()]
    if not chosen:
        names = "、".join(t.name for t in tables)
        raise UsageError(f"{label} 中没有名为“{sheet}”的工作表：可选 {names}")
    return chosen


def _rows(tables: list[Table], what: str, mapping_file: Path | None, out: Collector) -> list[SourceRow]:
    columns = POWER_COLUMNS if what == "powers" else DOCUMENT_COLUMNS
    mapping = load_map(mapping_file, columns) if mapping_file else {}
    name_key = "name" if what == "powers" else "title"
    title = next(c.title for c in columns if c.key == name_key)

    def is_group(text: str) -> bool:
        return what == "powers" and power_type(text) is not None

    rows: list[SourceRow] = []
    found = False
    for table in tables:
        got = read_rows(table, columns, mapping, name_key, out.problem, is_group)
        if got is None:
            if table.height:
                out.problem(table.name, 1, 1, Code.UNKNOWN_FIELD,
                            f"工作表“{table.name}”的前 20 行中找不到含“{title}”的表头，已跳过", Level.WARNING)
            continue
        found = True
        rows.extend(got)
    if not found:
        first = tables[0].name if tables else "?"
        out.problem(first, 1, 1, Code.MISSING_FIELD,
                    f"找不到{LISTS[what]}的表头：表头要在前 20 行，含“{title}”列和至少一个其他已知列"
                    "（列名对照见 docs/cli.md；其他列名可用 --map 指定）")
    return rows


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        keys = set(a) | set(b)
        return all(_same(a.get(k, []) if k == "articles" else a.get(k),
                         b.get(k, []) if k == "articles" else b.get(k)) for k in keys)
    return bool(a == b)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(_show(v) for v in value)
    if isinstance(value, dict):
        if "law" in value:
            return f"{value['law']} {'、'.join(str(a) for a in value.get('articles') or [])}".strip()
        return "；".join(f"{k}: {_show(v)}" for k, v in value.items())
    return "（空）" if value in (None, "") else str(value)


def _differences(old: dict[str, Any], b: Built, spec: F.RecordSpec, always: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for key, value in b.record.items():
        column = key.split(".")[0]
        if key in ("id", "category", "index_no", "owner") or (key not in always and not b.row.has(column)):
            continue
        if not _same(old.get(key), value):
            f = spec.get(key)
            out.append(f"{f.title if f else key}：{_show(old.get(key))} → {_show(value)}")
    return tuple(out)


def plan_list_import(root: Path, file: Path, what: str, sheet: str | None = None,
                     mapping_file: Path | None = None, today: dt.date | None = None) -> ListPlan:
    """Read a published list and work out what to write; nothing is written here."""
    plan = ListPlan()
    cat, load_problems = load_project(root)
    syntax = [p for p in load_problems if p.code == Code.YAML_SYNTAX]
    if syntax:
        plan.problems.extend(syntax)
        return plan
    out = Collector(file.name)
    tables = _sheets(open_tables(file), sheet, file.name)
    rows = _rows(tables, what, mapping_file, out)
    laws = LawBook(cat, out)
    if what == "powers":
        built = build_powers(rows, cat, laws, out)
        assign_codes(built, cat, out)
    else:
        built = build_documents(rows, cat, out)
        match_documents(built, cat, out, today or dt.date.today())
    work = _compare(root, built, cat, what, out, plan)
    if laws.added:
        work.setdefault("catalog/legal_bases.yml", FileWork()).appends.extend(
            ordered(r, F.LEGAL_BASIS.fields) for r in laws.added.values())
    order = {t.name: i for i, t in enumerate(tables)}
    plan.problems = sorted(out.problems, key=lambda p: (order.get(p.path.split("!")[1], 0), p.line, p.column))
    plan.notes = list(out.notes.values())
    if out.failed:
        plan.created.clear()
        return plan
    for rel, todo in sorted(work.items()):
        try:
            text = edit_file(root, rel, todo)
        except EditError as err:
            plan.problems.append(Problem(rel, 1, 1, Level.ERROR, Code.INVALID_VALUE, str(err)))
            continue
        if text is not None:
            plan.writes[rel] = text
            path = root / rel
            plan.before[rel] = path.read_bytes().decode("utf-8-sig") if path.exists() else ""
    if plan.failed:
        plan.writes.clear()
        plan.created.clear()
    return plan


def _compare(root: Path, built: list[Built], cat: Catalog, what: str, out: Collector,
             plan: ListPlan) -> dict[str, FileWork]:
    """Existing records compared (differences reported), new ones planned per file."""
    work: dict[str, FileWork] = {}
    seen: dict[str, SourceRow] = {}
    spec = F.POWER if what == "powers" else F.DOCUMENT
    for b in built:
        first = seen.get(b.key)
        if first is not None:
            key_col = "code" if what == "powers" else "doc_no"
            out.problem(b.row.sheet, b.row.row, b.row.column(key_col), Code.DUPLICATE_ID,
                        f"'{b.key}' 与 {first.sheet} 第 {first.row} 行是同一事项（编码或文号相同）：每个事项只能占一行")
            continue
        seen[b.key] = b.row
        if what == "powers":
            power = next((p for p in cat.all_powers if p.code == b.key), None)
            old = plain(power.src.raw) if power else None
            path = power.src.path if power else ""
        else:
            doc = cat.documents.get(b.key)
            old = plain(doc.src.raw) if doc else None
            path = doc.src.path if doc else ""
        if old is not None:
            plan.existing.append(Existing(path, b.key, _differences(old, b, spec, ("name", "type", "basis", "title"))))
            continue
        if what == "powers":
            record = ordered({"code": b.key, **b.record}, F.POWER.fields)
            rel = power_file_for(cat, record["type"])
        else:
            record = ordered(b.record, F.DOCUMENT.fields)
            rel = document_path(record["category"], record["id"])
            if rel in work or (root / rel).exists():
                out.problem(b.row.sheet, b.row.row, 1, Code.DUPLICATE_ID, f"{rel} 已存在，不会覆盖它")
                continue
        work.setdefault(rel, FileWork()).appends.append(record)
        plan.created.append((rel, b.key, str(record.get("name") or record.get("title"))))
    return work


def apply_list_plan(root: Path, plan: ListPlan) -> None:
    """Write every planned file atomically (temporary file + rename)."""
    for rel, text in sorted(plan.writes.items()):
        write_atomic(root / rel, text.encode("utf-8"))
