"""The catalogue ↔ the Excel/WPS workbook legal offices already keep.

`export_workbook` writes three sheets — 规范性文件 (the normative-document inventory), 权力清单
and 执法依据 — with Chinese column headers taken from fields.py, plus a 填写说明 sheet. `plan_import`
reads such a workbook (or one typed by hand in that layout: columns are found by their header,
in any order, and may be left out) and works out the YAML edits; `apply_plan` writes them.

Import never loses data. A cell that still shows what the export would write for the current
value changes nothing, so exporting and importing again changes no byte. A changed cell becomes a
text edit of that one value (generator/yamledit.py), so comments, key order, fields the sheet
does not carry and Markdown bodies all stay. A row whose key is new becomes a new record. Records
missing from the sheet are left alone: a sheet never deletes. Every bad cell is a Problem at
`清单.xlsx!规范性文件!D7`; if there is any error nothing is written.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.editing.atomic import write_atomic
from generator.editing.scaffold import TYPE_ABBR, document_path, power_file_for, powers_file_header
from generator.editing.yamledit import EditError, YamlText, block, ordered, plain, verify
from generator.format import fields as F
from generator.format.model import Catalog
from generator.format.yamltree import YMap, parse
from generator.load import front_matter_end, load_project
from generator.problems import Level, Problem
from generator.rules._util import did_you_mean
from generator.spreadsheet import append, open_xlsx, put, workbook_bytes

ABSENT: Any = object()  # an empty cell: the field is not set
GUIDE_SHEET = "填写说明"
LIST_SEP = "、"
_SPLIT = re.compile(r"[、,，;；\n]")
OWNER_LABELS = {"self": "本单位制发", "drafted": "草拟或负责实施"}
BOOL_LABELS = {True: "是", False: "否"}
_TRUE = {"是", "true", "True", "TRUE", "已决定", "决定", "1"}
_FALSE = {"否", "false", "False", "FALSE", "建议", "未决定", "0"}
_IGNORED_HEADERS = {"序号", "编号", "备注"}


# ---------------------------------------------------------------------------------------------
# Columns: declared once, headers from fields.py


@dataclass(frozen=True)
class Column:
    """One column of a sheet: which value of the record it holds and how it is written."""

    path: tuple[str, ...]   # key path in the record; ("reviews", "@last", "date") = the latest review
    field: F.Field
    header: str
    aliases: tuple[str, ...] = ()
    width: int = 14

    @property
    def kind(self) -> str:
        if self.path == ("basis",):
            return "basis"
        if self.path == ("owner",):
            return "owner"
        return self.field.kind

    @property
    def is_review(self) -> bool:
        return self.path[:2] == ("reviews", "@last")


@dataclass(frozen=True)
class Sheet:
    """One record type as a sheet: its name, the key column and the columns."""

    name: str
    spec: F.RecordSpec
    key: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()

    def column(self, path: tuple[str, ...]) -> Column | None:
        return next((c for c in self.columns if c.path == path), None)


def _field(spec: F.RecordSpec, path: tuple[str, ...]) -> F.Field:
    fields, found = spec.fields, None
    for name in (p for p in path if p != "@last"):
        found = next(f for f in fields if f.name == name)
        fields = found.fields
    assert found is not None
    return found


def _col(spec: F.RecordSpec, *path: str, header: str | None = None, prefix: str = "",
         aliases: tuple[str, ...] = (), width: int = 14) -> Column:
    f = _field(spec, path)
    return Column(tuple(path), f, header or prefix + f.title, aliases, width)


D, P, L = F.DOCUMENT, F.POWER, F.LEGAL_BASIS

DOCUMENTS = Sheet("规范性文件", D, "id", (
    _col(D, "id", aliases=("id", "文件ID"), width=22),
    _col(D, "index_no", width=30),
    _col(D, "doc_no", aliases=("文号",), width=20),
    _col(D, "title", aliases=("文件名称", "名称"), width=40),
    _col(D, "kind", width=12),
    _col(D, "owner", width=14),
    _col(D, "category", aliases=("分类",), width=10),
    _col(D, "issuer", aliases=("发文机关",), width=18),
    _col(D, "genre", width=8),
    _col(D, "summary", width=40),
    _col(D, "written", width=12),
    _col(D, "published", width=12),
    _col(D, "effective", width=12),
    _col(D, "expires", aliases=("有效期",), width=12),
    _col(D, "status", aliases=("有效性状态", "状态"), width=10),
    _col(D, "unified_no", aliases=("统一编号",), width=18),
    _col(D, "reviews", "@last", "date", prefix="最近", width=12),
    _col(D, "reviews", "@last", "batch", prefix="最近", width=22),
    _col(D, "reviews", "@last", "result", prefix="最近", aliases=("清理结果",), width=12),
    _col(D, "reviews", "@last", "decided", prefix="最近清理", width=10),
    _col(D, "repealed", "date", width=12),
    _col(D, "repealed", "by", width=22),
    _col(D, "amended_by", width=22),
    _col(D, "legality_review", "date", prefix="合法性", width=12),
    _col(D, "legality_review", "by", header="合法性审核机构", width=22),
    _col(D, "legality_review", "result", prefix="合法性", width=12),
), aliases=("规范性文件目录", "规范性文件清单", "文件目录"))

POWERS = Sheet("权力清单", P, "code", (
    _col(P, "code", aliases=("编码", "事项编码"), width=14),
    _col(P, "name", aliases=("权力名称", "权力事项名称"), width=44),
    _col(P, "type", aliases=("类型",), width=12),
    _col(P, "subtype", width=10),
    _col(P, "basis", aliases=("设定依据", "依据"), width=48),
    _col(P, "subject", aliases=("实施机关",), width=16),
    _col(P, "department", aliases=("承办科室",), width=16),
    _col(P, "level", width=10),
    _col(P, "responsibilities", width=30),
    _col(P, "accountability", aliases=("追责情形", "追责依据"), width=30),
    _col(P, "discretion", width=20),
    _col(P, "status", width=10),
), aliases=("权责清单", "行政权力清单"))

LAWS = Sheet("执法依据", L, "id", (
    _col(L, "id", aliases=("id",), width=12),
    _col(L, "title", aliases=("法律法规名称", "依据名称", "标题"), width=36),
    _col(L, "level", width=14),
    _col(L, "issuer", aliases=("制定机关（发布机关）", "发布机关"), width=24),
    _col(L, "promulgated", width=12),
    _col(L, "effective", width=12),
    _col(L, "status", aliases=("效力状态", "状态"), width=10),
    _col(L, "status_checked", width=12),
    _col(L, "repealed", "date", width=12),
    _col(L, "repealed", "by", width=24),
    _col(L, "url", width=30),
), aliases=("执法依据目录", "法律法规"))

SHEETS = (DOCUMENTS, POWERS, LAWS)


def _norm_header(text: Any) -> str:
    s = re.sub(r"\s+", "", str(text or ""))
    s = re.sub(r"[（(][^）)]*[）)]$", "", s)  # "有效期至（YYYY-MM-DD）"
    return s.strip("*＊").lower()


# ---------------------------------------------------------------------------------------------
# Values ↔ cells


@dataclass(frozen=True)
class LawIndex:
    """Law ids and titles, to write 实施依据 as titles and read either back."""

    titles: dict[str, str]

    @classmethod
    def of(cls, cat: Catalog) -> LawIndex:
        return cls({law.id: law.title for law in cat.all_laws if law.id})

    def label(self, law_id: str) -> str:
        title = self.titles.get(law_id)
        if title and list(self.titles.values()).count(title) == 1:
            return f"《{title}》"
        return law_id

    def resolve(self, text: str) -> str | None:
        if text in self.titles:
            return text
        by_title = [i for i, t in self.titles.items() if t == text]
        return by_title[0] if len(by_title) == 1 else None


def _latest_review(record: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
    """The review `Document.last_review` reports: the latest date, the later entry on a tie."""
    reviews = record.get("reviews")
    if not isinstance(reviews, list):
        return None
    dated = [(r["date"], i) for i, r in enumerate(reviews)
             if isinstance(r, dict) and isinstance(r.get("date"), dt.date)]
    if not dated:
        return None
    _, i = max(dated)
    return i, reviews[i]


def get(record: dict[str, Any], column: Column) -> Any:
    """The record's value for a column, ABSENT if it has none."""
    node: Any = record
    for key in column.path:
        if key == "@last":
            latest = _latest_review(record)
            if latest is None:
                return ABSENT
            node = latest[1]
            continue
        if not isinstance(node, dict) or key not in node or node[key] is None:
            return ABSENT
        node = node[key]
    return node


def render(value: Any, column: Column, laws: LawIndex) -> Any:
    """What the export writes in a cell: a date as a date, everything else as text."""
    if value is ABSENT:
        return None
    kind = column.kind
    if kind == "date" and isinstance(value, dt.date):
        return value
    if kind == "bool" and isinstance(value, bool):
        return BOOL_LABELS[value]
    if kind == "owner" and value in OWNER_LABELS:
        return OWNER_LABELS[value]
    if kind == "basis" and isinstance(value, list):
        lines = []
        for entry in value:
            if not isinstance(entry, dict):
                lines.append(str(entry))
                continue
            articles = entry.get("articles")
            arts = LIST_SEP.join(str(a) for a in articles) if isinstance(articles, list) else str(articles or "")
            law = laws.label(str(entry.get("law") or ""))
            lines.append(f"{law} {arts}".strip() if not law.startswith("《") else f"{law}{arts}")
        return "\n".join(lines)
    if isinstance(value, list):
        return LIST_SEP.join(str(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def canon(cell: Any) -> str:
    """A cell's value as text for comparing: what was exported vs. what is in the sheet now."""
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, bool):
        return BOOL_LABELS[cell]
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    lines = [line.strip() for line in str(cell).replace("\r\n", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


class CellError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _not_a_choice(text: str, choices: tuple[str, ...]) -> str:
    hint = did_you_mean(text, choices)
    return f"'{text}' 无效{hint or '，'}可选值：{'、'.join(choices)}"


def parse_cell(cell: Any, column: Column, laws: LawIndex, categories: Iterable[str]) -> Any:
    """A cell → the record value (ABSENT when empty); CellError when it cannot be one."""
    text = canon(cell)
    if text == "":
        return ABSENT
    kind = column.kind
    f = column.field
    if kind == "date":
        if isinstance(cell, (dt.date, dt.datetime)):
            return cell.date() if isinstance(cell, dt.datetime) else cell
        if isinstance(cell, (int, float)):
            raise CellError("invalid-date", f"'{text}' 是数字，不是日期：请把单元格设为日期格式，或写成 YYYY-MM-DD")
        for form in _DATE_FORMS:
            if m := form.match(text):
                try:
                    return dt.date(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    raise CellError("invalid-date", f"'{text}' 不是真实存在的日期：请核对年月日") from None
        raise CellError("invalid-date", f"'{text}' 不是日期：请写成 YYYY-MM-DD，例如 2024-03-05")
    if kind == "bool":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise CellError("invalid-value", f"'{text}' 无效：请填 是（已决定）或 否（仍是建议）")
    if kind == "owner":
        for code, label in OWNER_LABELS.items():
            if text in (code, label):
                return code
        raise CellError("invalid-value", _not_a_choice(text, tuple(OWNER_LABELS.values())))
    if kind == "enum":
        if text not in column.field.choices:
            raise CellError("invalid-value", _not_a_choice(text, f.choices))
        return text
    if kind == "id":
        if not re.fullmatch(F.ID_PATTERN.strip("^$"), text):
            raise CellError("invalid-value", f"'{text}' 只能由小写字母、数字和连字符组成（用于网址）")
        if column.path == ("category",) and text not in set(categories):
            raise CellError("unknown-reference", f"分类 '{text}' 不存在{did_you_mean(text, categories) or ''}："
                                                 "请填 catalog/categories.yml 中的 code")
        return text
    if kind in ("texts", "ids"):
        items = [x.strip() for x in _SPLIT.split(text) if x.strip()]
        if kind == "ids":
            bad = [x for x in items if not re.fullmatch(r"[a-z0-9-]+", x)]
            if bad:
                raise CellError("invalid-value", f"'{bad[0]}' 只能由小写字母、数字和连字符组成（多个用“、”分隔）")
        return items
    if kind == "basis":
        return _parse_basis(text, laws)
    return text


def _parse_basis(text: str, laws: LawIndex) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for line in re.split(r"[\n；;]", text):
        line = line.strip()
        if not line:
            continue
        m = re.match(r"^《(?P<title>[^》]+)》\s*(?P<arts>.*)$", line) or \
            re.match(r"^(?P<title>[a-z0-9-]+)[\s：:]*(?P<arts>.*)$", line)
        if not m:
            raise CellError("invalid-value",
                            f"'{line}' 看不出是哪部法律：请写成 《法律名称》第N条、第M条，每条依据一行")
        law = laws.resolve(m["title"])
        if law is None:
            candidates = list(laws.titles) + list(laws.titles.values())
            hint = did_you_mean(m["title"], candidates) or ""
            raise CellError("unknown-reference", f"执法依据 '{m['title']}' 不在 catalog/legal_bases.yml 中{hint}："
                                                 "请先添加这部依据，或核对名称")
        arts = [a.strip() for a in re.split(r"[、,，]", m["arts"]) if a.strip()]
        entries.append({"law": law, "articles": arts} if arts else {"law": law})
    return entries


# ---------------------------------------------------------------------------------------------
# Export


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

    laws = LawIndex.of(cat)
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
            choices = _choices(column)
            if choices:
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


def _choices(column: Column) -> tuple[str, ...]:
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


# ---------------------------------------------------------------------------------------------
# Import


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
        return any(p.level is Level.ERROR for p in self.problems)


@dataclass
class _Row:
    sheet: Sheet
    row: int
    cells: dict[Column, tuple[Any, str, int]]   # column → (value, coordinate, column number)
    key: str
    key_at: tuple[str, int]


@dataclass
class _FileWork:
    """The edits for one file: updated records by index and records to append."""

    updates: list[tuple[int, dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    appends: list[dict[str, Any]] = field(default_factory=list)


def plan_import(root: Path, xlsx: Path) -> ImportPlan:
    """Read a workbook and work out every change; nothing is written here."""
    plan = ImportPlan()
    label = xlsx.name
    cat, load_problems = load_project(root)
    syntax = [p for p in load_problems if p.code == "yaml-syntax"]
    if syntax:
        plan.problems.extend(syntax)
        return plan
    wb = open_xlsx(xlsx)   # bounded before it is parsed, then streamed (read-only)

    def problem(sheet: str, coord: str, row: int, col: int, code: str, message: str,
                level: Level = Level.ERROR) -> None:
        plan.problems.append(Problem(f"{label}!{sheet}!{coord}", row, col, level, code, message))

    rows: list[_Row] = []
    try:
        for ws in wb.worksheets:
            sheet = _match_sheet(ws.title)
            if sheet is None:
                if ws.title.strip() != GUIDE_SHEET:
                    problem(ws.title, "A1", 1, 1, "unknown-field",
                            f"工作表 '{ws.title}' 不是 {'、'.join(s.name for s in SHEETS)} 之一，已跳过", Level.WARNING)
                continue
            rows.extend(_read_sheet(ws, sheet, problem))
    finally:
        wb.close()

    laws = LawIndex.of(cat)
    categories = list(cat.categories)
    work: dict[str, _FileWork] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        sheet = row.sheet
        if (sheet.name, row.key) in seen:
            coord, col = row.key_at
            problem(sheet.name, coord, row.row, col, "duplicate-id",
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
            if column.is_review or column.path == (sheet.key,):
                continue
            current = get(old, column)
            if located and canon(value) == canon(render(current, column, laws)):
                continue
            try:
                parsed = parse_cell(value, column, laws, categories)
            except CellError as err:
                problem(sheet.name, coord, row.row, col, err.code, f"{column.header} {err.message}")
                ok = False
                continue
            if parsed is ABSENT and current is ABSENT:
                continue
            if parsed is ABSENT and located and _required(sheet, column, old):
                problem(sheet.name, coord, row.row, col, "missing-field", f"{column.header} 是必填项，不能清空")
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
            work.setdefault(path, _FileWork()).updates.append((index, old, new))
            plan.changes.append(Change(path, row.key, "；".join(changed)))
        else:
            new[sheet.key] = row.key
            new = ordered(new, sheet.spec.fields)
            path = _new_record_path(cat, sheet, new)
            if (root / path).exists() and sheet is DOCUMENTS:
                coord, col = row.key_at
                problem(sheet.name, coord, row.row, col, "duplicate-id", f"{path} 已存在，不会覆盖它：请换一个文件 id")
                continue
            work.setdefault(path, _FileWork()).appends.append(new)
            plan.changes.append(Change(path, row.key, "新增"))
    if plan.failed:
        plan.changes.clear()
        return plan
    for path, todo in sorted(work.items()):
        try:
            text = _edit_file(root, path, todo)
        except EditError as err:
            plan.problems.append(Problem(path, 1, 1, Level.ERROR, "invalid-value", str(err)))
            continue
        if text is not None:
            plan.writes[path] = text
    if plan.failed:
        plan.writes.clear()
        plan.changes.clear()
    return plan


def _brief(cell: Any) -> str:
    return canon(cell).replace("\n", "；") or "（空）"


def _match_sheet(title: str) -> Sheet | None:
    name = re.sub(r"\s+", "", title)
    return next((s for s in SHEETS if name == s.name or name in s.aliases), None)


ProblemFn = Callable[..., None]


def _read_sheet(ws: Any, sheet: Sheet, problem: ProblemFn) -> list[_Row]:
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
        problem(sheet.name, "A1", 1, 1, "missing-field",
                f"前 10 行中找不到“{key_column.header}”列：每张表都要有这一列（见“填写说明”工作表）")
        return []
    for c, value in enumerate(next(ws.iter_rows(min_row=header_row, max_row=header_row, values_only=True)), 1):
        name = _norm_header(value)
        coord = f"{get_column_letter(c)}{header_row}"
        if not name or name in _IGNORED_HEADERS:
            continue
        found = by_header.get(name)
        if found is None:
            problem(sheet.name, coord, header_row, c, "unknown-field",
                    f"未知的列 '{value}'{did_you_mean(name, [x.header for x in sheet.columns]) or ''}，已忽略",
                    Level.WARNING)
            continue
        if found in columns.values():
            problem(sheet.name, coord, header_row, c, "duplicate-id", f"列“{found.header}”出现了两次：请删除其中一列")
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
            problem(sheet.name, key_at[0], r, key_col, "missing-field",
                    f"这一行没有填“{key_column.header}”：每条记录都要有它"
                    "（新记录请先用 python -m generator new 生成编号）")
            continue
        out.append(_Row(sheet, r, cells, key, key_at))
    return out


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


def _apply_review(sheet: Sheet, row: _Row, cells: dict[Column, tuple[Any, str, int]], old: dict[str, Any],
                  new: dict[str, Any], laws: LawIndex, problem: ProblemFn) -> str | None:
    """The 最近清理 columns: correct the latest review, or add a newer one. '' = no change, None = error."""
    latest = _latest_review(old)
    current = latest[1] if latest else {}
    if all(canon(v) == canon(render(current.get(c.path[-1], ABSENT), c, laws)) for c, (v, _, _) in cells.items()):
        return ""
    values: dict[str, Any] = {}
    ok = True
    for column, (value, coord, col) in cells.items():
        try:
            values[column.path[-1]] = parse_cell(value, column, laws, ())
        except CellError as err:
            problem(sheet.name, coord, row.row, col, err.code, f"{column.header} {err.message}")
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
            header = slot.header if slot else f"最近清理{_field(D, ('reviews', name)).title}"
            problem(sheet.name, coord, row.row, col, "missing-field",
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
        problem(sheet.name, coord, row.row, col, "date-order",
                f"最近清理日期 {given['date']} 早于已有的清理记录 {current['date']}：新增的清理要晚于已有记录；"
                "更正历史记录请直接修改 YAML 文件")
        return None
    reviews.append(ordered(given, _field(D, ("reviews",)).fields))
    return f"新增清理记录：{given['date']} {given.get('result', '')}"


def _check_new(sheet: Sheet, row: _Row, new: dict[str, Any], problem: ProblemFn) -> bool:
    """A new record needs every required field in the sheet."""
    key_coord, key_col = row.key_at
    if not re.fullmatch(r"[a-z0-9-]+", row.key) and sheet.key == "id":
        problem(sheet.name, key_coord, row.row, key_col, "invalid-value",
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
            problem(sheet.name, cell[1], row.row, cell[2], "missing-field", f"新记录的“{title}”不能为空")
        else:
            problem(sheet.name, key_coord, row.row, key_col, "missing-field",
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


def _edit_file(root: Path, rel: str, todo: _FileWork) -> str | None:
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
