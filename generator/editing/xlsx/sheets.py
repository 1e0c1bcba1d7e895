"""The sheets of the workbook and every conversion between a record's value and a cell.

`DOCUMENTS`, `POWERS` and `LAWS` declare each sheet's columns once, with the Chinese headers and
descriptions of fields.py. `get` finds a column's value in a record, `render` is what the export
writes for it, `canon` is a cell as text for comparing, and `parse_cell` turns a cell back into
the record's value (a CellError, in Chinese, when it cannot be one).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from generator.codes import Code
from generator.format import fields as F
from generator.format.model import Catalog
from generator.rules._util import did_you_mean

ABSENT: Any = object()  # an empty cell: the field is not set
GUIDE_SHEET = "填写说明"
LIST_SEP = "、"
_SPLIT = re.compile(r"[、,，;；\n]")
OWNER_LABELS = {"self": "本单位制发", "drafted": "草拟或负责实施"}
BOOL_LABELS = {True: "是", False: "否"}
_TRUE = {"是", "true", "True", "TRUE", "已决定", "决定", "1"}
_FALSE = {"否", "false", "False", "FALSE", "建议", "未决定", "0"}


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


def field_at(spec: F.RecordSpec, path: tuple[str, ...]) -> F.Field:
    fields, found = spec.fields, None
    for name in (p for p in path if p != "@last"):
        found = next(f for f in fields if f.name == name)
        fields = found.fields
    assert found is not None
    return found


def _col(spec: F.RecordSpec, *path: str, header: str | None = None, prefix: str = "",
         aliases: tuple[str, ...] = (), width: int = 14) -> Column:
    f = field_at(spec, path)
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


# ---------------------------------------------------------------------------------------------
# Values ↔ cells


def _short(title: str) -> str:
    """A law's title as people shorten it: no 中华人民共和国, no （2020年修正） after it."""
    return re.sub(r"[（(][^）)]*[）)]$", "", title.strip().removeprefix("《").removesuffix("》")) \
        .removeprefix("中华人民共和国")


def _unique_labels(labels: dict[str, str]) -> dict[str, str]:
    """id → label, for labels no other id has (an ambiguous label is shown and read as the id)."""
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    return {i: label for i, label in labels.items() if label and counts[label] == 1}


@dataclass(frozen=True)
class Names:
    """What a person reads instead of an id: laws by title (《专利法》 too), categories by name, documents
    by 文号 (or title). The export writes the name; the import reads the name or the id."""

    titles: dict[str, str]                 # law id → title
    categories: dict[str, str] = field(default_factory=dict)   # category code → name, when unique
    documents: dict[str, str] = field(default_factory=dict)    # document id → 文号 or title, when unique

    @classmethod
    def of(cls, cat: Catalog) -> Names:
        docs = {d.id: d.doc_no or d.title or "" for d in cat.all_documents if d.id}
        return cls({law.id: law.title for law in cat.all_laws if law.id},
                   _unique_labels({code: c.name for code, c in cat.categories.items()}),
                   _unique_labels(docs))

    def label(self, law_id: str) -> str:
        title = self.titles.get(law_id)
        if title and list(self.titles.values()).count(title) == 1:
            return f"《{title}》"
        return law_id

    def resolve(self, text: str) -> str | None:
        """A law id from its id, its full title or its short title (专利法, 《专利法》)."""
        if text in self.titles:
            return text
        by_title = [i for i, t in self.titles.items() if t == text]
        if len(by_title) == 1:
            return by_title[0]
        by_short = [i for i, t in self.titles.items() if _short(t) == _short(text)]
        return by_short[0] if len(by_short) == 1 else None

    def law_suggestions(self) -> list[str]:
        return [*self.titles.values(), *(_short(t) for t in self.titles.values())]

    def category(self, code: str) -> str:
        return self.categories.get(code, code)

    def category_code(self, text: str) -> str | None:
        if text in self.categories:
            return text
        return next((code for code, name in self.categories.items() if name == text), None)

    def document(self, doc_id: str) -> str:
        return self.documents.get(doc_id, doc_id)

    def document_id(self, text: str) -> str | None:
        if text in self.documents:
            return text
        return next((i for i, label in self.documents.items() if label == text), None)


def latest_review(record: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
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
            latest = latest_review(record)
            if latest is None:
                return ABSENT
            node = latest[1]
            continue
        if not isinstance(node, dict) or key not in node or node[key] is None:
            return ABSENT
        node = node[key]
    return node


def render(value: Any, column: Column, laws: Names) -> Any:
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
    if column.path == ("category",) and isinstance(value, str):
        return laws.category(value)
    if column.path in (("discretion",), ("repealed", "by")) and isinstance(value, str):
        if value in laws.titles and column.path == ("repealed", "by"):
            return laws.label(value)
        return laws.document(value)
    if column.path == ("amended_by",) and isinstance(value, list):
        return LIST_SEP.join(laws.document(str(v)) for v in value)
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
    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _not_a_choice(text: str, choices: tuple[str, ...]) -> str:
    hint = did_you_mean(text, choices)
    return f"'{text}' 无效{hint or '，'}可选值：{'、'.join(choices)}"


def parse_cell(cell: Any, column: Column, laws: Names) -> Any:
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
            raise CellError(Code.INVALID_DATE, f"'{text}' 是数字，不是日期：请把单元格设为日期格式，或写成 YYYY-MM-DD")
        for form in _DATE_FORMS:
            if m := form.match(text):
                try:
                    return dt.date(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    raise CellError(Code.INVALID_DATE, f"'{text}' 不是真实存在的日期：请核对年月日") from None
        raise CellError(Code.INVALID_DATE, f"'{text}' 不是日期：请写成 YYYY-MM-DD，例如 2024-03-05")
    if kind == "bool":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise CellError(Code.INVALID_VALUE, f"'{text}' 无效：请填 是（已决定）或 否（仍是建议）")
    if kind == "owner":
        for code, label in OWNER_LABELS.items():
            if text in (code, label):
                return code
        raise CellError(Code.INVALID_VALUE, _not_a_choice(text, tuple(OWNER_LABELS.values())))
    if kind == "enum":
        if text not in column.field.choices:
            raise CellError(Code.INVALID_VALUE, _not_a_choice(text, f.choices))
        return text
    if column.path == ("category",):
        category = laws.category_code(text)
        if category is None:
            names = list(laws.categories.values())
            fix = "：请从下拉列表选择分类名称，或填 catalog/categories.yml 中的 code"
            raise CellError(Code.UNKNOWN_REFERENCE, f"分类 '{text}' 不存在{did_you_mean(text, names, fix)}")
        return category
    if column.path in (("discretion",), ("repealed", "by")):
        found = laws.document_id(text)
        if found is not None:
            return found
        if column.path == ("repealed", "by"):
            law = laws.resolve(text) if text.startswith("《") else None
            return law or text   # 废止依据 may name a document outside the catalogue: kept as written
    if column.path == ("amended_by",):
        items = [x.strip() for x in _SPLIT.split(text) if x.strip()]
        ids = [laws.document_id(x) for x in items]
        missing = [x for x, i in zip(items, ids, strict=True) if i is None and not re.fullmatch(r"[a-z0-9-]+", x)]
        if missing:
            raise CellError(Code.UNKNOWN_REFERENCE,
                            f"修改文件 '{missing[0]}' 不在目录中：请填目录中文件的文号或 id（多个用“、”分隔）")
        return [i or x for x, i in zip(items, ids, strict=True)]
    if kind == "id":
        if not re.fullmatch(F.ID_PATTERN.strip("^$"), text):
            raise CellError(Code.INVALID_VALUE, f"'{text}' 只能由小写字母、数字和连字符组成（用于网址）")
        return text
    if kind in ("texts", "ids"):
        items = [x.strip() for x in _SPLIT.split(text) if x.strip()]
        if kind == "ids":
            bad = [x for x in items if not re.fullmatch(r"[a-z0-9-]+", x)]
            if bad:
                raise CellError(Code.INVALID_VALUE, f"'{bad[0]}' 只能由小写字母、数字和连字符组成（多个用“、”分隔）")
        return items
    if kind == "basis":
        return _parse_basis(text, laws)
    return text


def _parse_basis(text: str, laws: Names) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for line in re.split(r"[\n；;]", text):
        line = line.strip()
        if not line:
            continue
        m = re.match(r"^《(?P<title>[^》]+)》\s*(?P<arts>.*)$", line) or \
            re.match(r"^(?P<title>[a-z0-9-]+)[\s：:]*(?P<arts>.*)$", line)
        if not m:
            raise CellError(Code.INVALID_VALUE,
                            f"'{line}' 看不出是哪部法律：请写成 《法律名称》第N条、第M条，每条依据一行")
        law = laws.resolve(m["title"])
        if law is None:
            candidates = list(laws.titles) + laws.law_suggestions()
            hint = did_you_mean(m["title"], candidates) or ""
            raise CellError(Code.UNKNOWN_REFERENCE, f"执法依据 '{m['title']}' 不在 catalog/legal_bases.yml 中{hint}："
                                                 "请先添加这部依据，或核对名称")
        arts = [a.strip() for a in re.split(r"[、,，]", m["arts"]) if a.strip()]
        entries.append({"law": law, "articles": arts} if arts else {"law": law})
    return entries
