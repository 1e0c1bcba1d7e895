"""`new document|power|law`: a new record with the next free id, 索引号 or 权力编码.

Every required field is present, each with a Chinese comment saying what goes there. What the
program cannot know (a title, a 文号, dates) is written as an empty string `""`, which `check`
reports as an error until it is filled — a placeholder never passes silently. Nothing existing
is ever overwritten: a document is a new file, a power or a law is appended to its list.

Numbering schemes (documented in docs/editing.md):
- document id: `<year>-<org>-<category>-<NNN>`, NNN the next serial for that category and year;
  `org` is the one the catalogue's ids already use (e.g. `kjj`), else the first label of the
  site's host name.
- 索引号: the next serial of the year after the highest existing one that matches
  `policy.index_no_pattern` (default `{credit_code}/YYYY-NNNNN`).
- 权力编码: the next number after the highest code of the same type (`KJ-CF-045` → `KJ-CF-046`);
  for a type without codes yet, the catalogue's agency prefix and the type's abbreviation
  (`KJ-XK-001`), `QL-XK-001` in an empty catalogue.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from generator.codes import Code
from generator.editing.atomic import write_atomic
from generator.editing.yamledit import YamlText, scalar
from generator.format import fields as F
from generator.format.model import Catalog
from generator.format.patterns import compile_user_pattern
from generator.format.status import DocStatus, LawStatus, PowerStatus
from generator.load import load_project
from generator.problems import Problem, UsageError
from generator.rules._util import did_you_mean

# The usual two-letter abbreviations of the ten types (权力编码 and file names: cf.yml = 处罚).
TYPE_ABBR = {
    "行政许可": "xk", "行政处罚": "cf", "行政强制": "qz", "行政征收": "zs", "行政给付": "jf",
    "行政检查": "jc", "行政确认": "qr", "行政奖励": "jl", "行政裁决": "cj", "其他行政权力": "qt",
}
SCHEMA_DIR = "docs/schema"
DEFAULT_INDEX = r"^{credit_code}/\d{4}-\d{5}$"
_COMMENT_COL = 34


@dataclass(frozen=True)
class Scaffolded:
    """What `new` wrote: the file, the line the record starts on, its key and what is left to fill."""

    path: str
    line: int
    key: str
    to_fill: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Next free identifiers


def _org(cat: Catalog, category: str) -> str:
    shaped = [m for d in cat.all_documents if (m := re.match(r"^\d{4}-([a-z0-9]+)-([a-z0-9-]+)-\d+$", d.id))]
    for pool in ([m[1] for m in shaped if m[2] == category], [m[1] for m in shaped]):
        if pool:
            return Counter(pool).most_common(1)[0][0]
    host = urlparse(cat.config.site.url).hostname
    label = (host or "").split(".")[0].lower()
    return label if re.fullmatch(r"[a-z0-9]+", label) else "doc"


def next_document_id(cat: Catalog, category: str, year: int) -> str:
    org = _org(cat, category)
    serials = [int(m[1]) for d in cat.all_documents
               if (m := re.match(rf"^{year}-[a-z0-9]+-{re.escape(category)}-(\d+)$", d.id))]
    n = max(serials, default=0) + 1
    while True:
        candidate = f"{year}-{org}-{category}-{n:03d}"
        if candidate not in cat.documents:
            return candidate
        n += 1


def next_index_no(cat: Catalog, year: int) -> str | None:
    """The next free 索引号 of `year`, or None when the configured pattern gives no clue."""
    code = cat.config.agency.credit_code
    raw_pattern = cat.policy.index_no_pattern
    pattern = compile_user_pattern(raw_pattern, {"credit_code": code})
    if pattern is None:
        return None
    used = {d.index_no for d in cat.all_documents if d.index_no}

    def free(prefix: str, serial: int, width: int, suffix: str) -> str | None:
        for n in range(serial, serial + 100000):
            candidate = f"{prefix}{n:0{width}d}{suffix}"
            if candidate not in used:
                return candidate if pattern.match(candidate) else None
        return None

    best: tuple[int, str, int, str] | None = None  # serial, prefix, width, suffix
    other_year: tuple[str, int, str] | None = None
    for index_no in sorted(used):
        if not pattern.match(index_no):
            continue
        m = re.match(r"^(.*\D)?(\d+)(\D*)$", index_no)
        if not m:
            continue
        prefix, digits, suffix = m[1] or "", m[2], m[3]
        if str(year) in prefix:
            if best is None or int(digits) > best[0]:
                best = (int(digits), prefix, len(digits), suffix)
        elif re.search(r"(19|20)\d\d", prefix):
            other_year = (re.sub(r"(19|20)\d\d(?!.*(19|20)\d\d)", str(year), prefix), len(digits), suffix)
    if best is not None:
        return free(best[1], best[0] + 1, best[2], best[3])
    if other_year is not None:
        return free(other_year[0], 1, other_year[1], other_year[2])
    if raw_pattern == DEFAULT_INDEX and code:
        return free(f"{code}/{year}-", 1, 5, "")
    return None


def next_power_code(cat: Catalog, power_type: str) -> str:
    used = {p.code for p in cat.all_powers}
    shaped = [(m[1], int(m[2]), len(m[2]), p.type) for p in cat.all_powers if (m := re.match(r"^(.*\D)(\d+)$", p.code))]
    same = [s for s in shaped if s[3] == power_type]
    if same:
        prefix = Counter(s[0] for s in same).most_common(1)[0][0]
        serial = max(s[1] for s in same if s[0] == prefix)
        width = max(s[2] for s in same if s[0] == prefix)
    else:
        agencies = [s[0].split("-")[0] for s in shaped if s[0].count("-") >= 2]
        agency = Counter(agencies).most_common(1)[0][0] if agencies else "QL"
        prefix, serial, width = f"{agency}-{TYPE_ABBR[power_type].upper()}-", 0, 3
    n = serial + 1
    while f"{prefix}{n:0{width}d}" in used:
        n += 1
    return f"{prefix}{n:0{width}d}"


def power_file_for(cat: Catalog, power_type: str) -> str:
    """The powers file a new power of this type belongs in: where its type already lives."""
    files = Counter(p.src.path for p in cat.all_powers if p.type == power_type)
    if files:
        return files.most_common(1)[0][0]
    return f"catalog/powers/{TYPE_ABBR[power_type]}.yml"


def document_path(category: str, doc_id: str) -> str:
    return f"catalog/documents/{category}/{doc_id}.md"


def powers_file_header(power_type: str) -> str:
    """The first lines of a new powers file: what it holds and the editor's schema modeline."""
    return (f"# yaml-language-server: $schema=../../{SCHEMA_DIR}/powers.schema.json\n"
            f"# 权责清单 — {power_type}\n"
            "# 权力编码发布后不再变更；事项取消或调整时改 status，不删除记录。\n\n")


# ---------------------------------------------------------------------------------------------
# Rendering a record with comments


_PLAIN_TAGS = ("", "必填", "选填", "自动生成", "默认本机关")


def _hint(f: F.Field, tag: str) -> str:
    parts = [f.title + (f"（{tag}）" if tag else "")]
    if tag not in _PLAIN_TAGS:
        pass  # the tag already says what to write
    elif f.description:
        parts.append(f.description)
    elif f.choices:
        parts.append(" | ".join(f.choices))
    elif f.kind == "date":
        parts.append("YYYY-MM-DD")
    return "：".join(parts)


def _width(text: str) -> int:
    """Columns on screen: a CJK character takes two, so comments line up in a monospace editor."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _line(indent: str, key: str, value: str, comment: str, commented: bool = False) -> str:
    head = f"{indent}{'# ' if commented else ''}{key}:{' ' + value if value else ''}"
    return f"{head}{' ' * max(0, _COMMENT_COL - _width(head))}  # {comment}"


def _value(v: Any) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return '""' if v == "" else scalar(v)


@dataclass(frozen=True)
class _Slot:
    """One line of a scaffold: the value, or an example for a commented-out optional field."""

    value: Any
    tag: str
    commented: bool = False


def _render(spec_fields: tuple[F.Field, ...], slots: dict[str, _Slot], indent: str, first: str = "") -> list[str]:
    lines: list[str] = []
    for f in spec_fields:
        slot = slots.get(f.name)
        if slot is None:
            continue
        lead = first if not lines and first else indent
        if isinstance(slot.value, dict):
            lines.append(_line(lead, f.name, "", _hint(f, slot.tag), slot.commented))
            sub = {k: _Slot(v, "") for k, v in slot.value.items()}
            lines.extend(_render(f.fields, sub, indent + ("# " if slot.commented else "") + "  "))
        elif isinstance(slot.value, list) and slot.value and isinstance(slot.value[0], dict):
            lines.append(_line(lead, f.name, "", _hint(f, slot.tag), slot.commented))
            for item in slot.value:
                sub = {k: _Slot(v, "") for k, v in item.items()}
                lines.extend(_render(f.fields, sub, indent + "    ", first=indent + "  - "))
        else:
            lines.append(_line(lead, f.name, _value(slot.value), _hint(f, slot.tag), slot.commented))
    return lines


def _to_fill(spec_fields: tuple[F.Field, ...], slots: dict[str, _Slot], prefix: str = "") -> list[str]:
    out: list[str] = []
    for f in spec_fields:
        slot = slots.get(f.name)
        if slot is None or slot.commented:
            continue
        values = slot.value if isinstance(slot.value, list) else [slot.value]
        for v in values:
            if isinstance(v, dict):
                out += _to_fill(f.fields, {k: _Slot(x, "") for k, x in v.items()}, f"{prefix}{f.name}.")
            elif v == "" or v == [""]:
                out.append(prefix + f.name)
            elif isinstance(v, list) and "" in v:
                out.append(prefix + f.name)
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------------------------
# The three commands


def _load(root: Path) -> Catalog:
    cat, problems = load_project(root)
    broken = sorted({p.path for p in problems if p.code == Code.YAML_SYNTAX})
    if broken:
        raise ScaffoldRefused(problems=[p for p in problems if p.code == Code.YAML_SYNTAX])
    return cat


class ScaffoldRefused(Exception):
    """The catalogue has files that do not parse: fix them first (appending to them would be unsafe)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("目录中有无法读取的文件")
        self.problems = problems


def _agency(cat: Catalog) -> str:
    return cat.config.agency.name


def category_for(cat: Catalog, kind: str, category: str | None) -> str:
    if category:
        if category not in cat.categories:
            raise UsageError(f"分类 '{category}' 不存在"
                             f"{did_you_mean(category, cat.categories, '：可用的分类见 catalog/categories.yml')}")
        return category
    wanted = {"规范性文件": "规范性文件", "规章": "规范性文件", "其他": "其他文件"}[kind]
    found = [c.code for c in cat.all_categories if c.name == wanted]
    if not found:
        raise UsageError(f"没有名为“{wanted}”的分类：请用 --category 指定分类代码（见 catalog/categories.yml）")
    return found[0]


def new_document(root: Path, kind: str, category: str | None, today: dt.date) -> Scaffolded:
    cat = _load(root)
    code = category_for(cat, kind, category)
    doc_id = next_document_id(cat, code, today.year)
    index_no = next_index_no(cat, today.year)
    path = root / document_path(code, doc_id)
    if path.exists():
        raise UsageError(f"{document_path(code, doc_id)} 已存在，不会覆盖它")
    extra = F.DOCUMENT.required_by_kind.get(kind, ())
    auto = "自动生成"
    slots: dict[str, _Slot] = {
        "id": _Slot(doc_id, auto),
        "index_no": _Slot(index_no or "", auto if index_no else "必填，请按本单位索引号规则填写"),
        "title": _Slot("", "必填"),
        "doc_no": _Slot("", "必填" if "doc_no" in extra else "选填"),
        "category": _Slot(code, ""),
        "issuer": _Slot(_agency(cat), "默认本机关"),
        "genre": _Slot("通知", "选填", commented=True),
        "summary": _Slot("", "必填"),
        "written": _Slot("", "必填"),
        "published": _Slot("", "必填"),
        "kind": _Slot(kind, ""),
    }
    if "owner" in extra:
        slots["owner"] = _Slot("self", "")
    if kind == "规范性文件":
        required = cat.policy.unified_no_required_from is not None
        slots["unified_no"] = _Slot("", "必填（policy.unified_no_required_from）" if required else "选填",
                                    commented=not required)
    if "effective" in extra:
        slots["effective"] = _Slot("", "必填")
    if "expires" in extra:
        slots["expires"] = _Slot("", "必填")
    if "status" in extra:
        slots["status"] = _Slot(DocStatus.VALID.value, "")
    if kind in F.NORMATIVE_KINDS:
        slots["basis"] = _Slot([{"law": "", "articles": [""]}], "选填，没有可删除这几行")
    if kind == "规范性文件":
        slots["legality_review"] = _Slot({"date": "", "by": "", "result": "通过"}, "2019 年起发布的规范性文件应填写")
    if "doc_no" not in extra:
        slots["doc_no"] = _Slot("", "选填", commented=True)
    lines = ["---", *_render(F.DOCUMENT.fields, slots, ""), "---",
             "<!-- 在下面写正文（Markdown）。元数据写在上面两行 --- 之间；"
             "Markdown 文件中的 front matter 编辑器不做 Schema 校验，请运行 python -m generator check。 -->", ""]
    write_atomic(path, "\n".join(lines).encode("utf-8"))
    return Scaffolded(document_path(code, doc_id), 2, doc_id, tuple(_to_fill(F.DOCUMENT.fields, slots)))


def _append(root: Path, rel: str, header: str, record_lines: list[str]) -> int:
    """Append lines to a list file (creating it with `header`); return the line the record starts on."""
    path = root / rel
    if path.exists():
        text = path.read_bytes().decode("utf-8-sig")
        had_bom = path.read_bytes().startswith(b"\xef\xbb\xbf")
    else:
        text, had_bom = header, False
    ytext = YamlText(text)
    ytext.append_text("\n".join(record_lines) + "\n")
    out = ytext.result()
    start = out[: len(out) - len("\n".join(record_lines)) - 1].count("\n") + 1
    write_atomic(path, (("\ufeff" if had_bom else "") + out).encode("utf-8"))
    return start


def new_power(root: Path, power_type: str, today: dt.date) -> Scaffolded:
    cat = _load(root)
    code = next_power_code(cat, power_type)
    rel = power_file_for(cat, power_type)
    slots = {
        "code": _Slot(code, "自动生成"),
        "name": _Slot("", "必填"),
        "type": _Slot(power_type, ""),
        "subtype": _Slot("备案", "选填", commented=True),
        "basis": _Slot([{"law": "", "articles": [""]}], "必填，至少一条；law 写 legal_bases.yml 中的 id"),
        "subject": _Slot(_agency(cat), "默认本机关"),
        "department": _Slot("", "选填", commented=True),
        "level": _Slot(["市"], "选填", commented=True),
        "responsibilities": _Slot(["立案", "调查取证", "审理", "告知", "决定", "送达", "执行"], "选填", commented=True),
        "accountability": _Slot("", "选填", commented=True),
        "status": _Slot(PowerStatus.VALID.value, ""),
    }
    lines = _render(F.POWER.fields, slots, "  ", first="- ")
    line = _append(root, rel, powers_file_header(power_type), lines)
    return Scaffolded(rel, line, code, tuple(_to_fill(F.POWER.fields, slots)))


def new_law(root: Path, law_id: str | None, today: dt.date) -> Scaffolded:
    cat = _load(root)
    if law_id is not None:
        if not re.fullmatch(r"[a-z0-9-]+", law_id):
            raise UsageError(f"--id '{law_id}' 只能由小写字母、数字和连字符组成，例如 zlf")
        if law_id in cat.laws:
            raise UsageError(f"依据 id '{law_id}' 已存在（{cat.laws[law_id].src.path}），请换一个")
    slots = {
        "id": _Slot(law_id or "", "" if law_id else "必填，小写字母、数字和连字符，例如 zlf"),
        "title": _Slot("", "必填"),
        "level": _Slot("", "必填"),
        "issuer": _Slot("", "必填"),
        "promulgated": _Slot(dt.date(2024, 1, 1), "选填", commented=True),
        "effective": _Slot(dt.date(2024, 1, 1), "选填", commented=True),
        "status": _Slot(LawStatus.IN_FORCE.value, ""),
        "status_checked": _Slot(today, "今天，核对后请保持最新"),
        "url": _Slot("https://flk.npc.gov.cn/", "选填", commented=True),
    }
    lines = _render(F.LEGAL_BASIS.fields, slots, "  ", first="- ")
    rel = "catalog/legal_bases.yml"
    line = _append(root, rel, "", lines)
    return Scaffolded(rel, line, law_id or "", tuple(_to_fill(F.LEGAL_BASIS.fields, slots)))
