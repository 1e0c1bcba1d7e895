"""Rows of a published 权责清单 → power records in the format of catalog/powers/*.yml.

事项类型 comes from its cell, or from the group row or the sheet name above it ("行政处罚（45项）"); a
row numbered "1-1" is a 子项 of row "1", which is then only a heading unless it has a 设定依据 of its
own; 实施主体 left empty is the agency of site_config.yml; 状态 left empty is 有效. A row without a
事项编码 keeps the code of the catalogue's power of the same name and type, else gets the next free one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.codes import Code
from generator.editing.importlist.basis import LawMatcher, new_law, parse_basis, title_key
from generator.editing.importlist.report import Collector
from generator.editing.importlist.rows import SourceRow, cell_text
from generator.editing.importlist.values import POWER_STATUS_WORDS, power_type, responsibilities, status_word
from generator.editing.scaffold import next_power_code
from generator.format.fields import POWER_TYPES
from generator.format.model import Catalog
from generator.format.status import POWER_STATUSES, PowerStatus
from generator.rules._util import did_you_mean

_SUB = re.compile(r"^(\d+)\s*[-－—.]\s*(\d+)$")


@dataclass
class Built:
    """A record read from one row: its key (code or document id) and its values."""

    key: str
    record: dict[str, Any]
    row: SourceRow


class LawBook:
    """The laws a basis cell may cite: the catalogue's, and the ones this import adds (once each)."""

    def __init__(self, cat: Catalog, out: Collector) -> None:
        self.matcher = LawMatcher(cat)
        self.out = out
        self.added: dict[str, dict[str, Any]] = {}   # title key → new legal-basis record

    def basis(self, row: SourceRow, key: str) -> list[dict[str, Any]] | None:
        """The `basis` entries of a row's 设定依据 cell; None (after a problem) when it names no law."""
        text = row.text(key)
        col = row.column(key)
        if not text:
            self.out.problem(row.sheet, row.row, col, Code.MISSING_FIELD,
                             "设定依据为空：每个事项至少要有一条依据，请写成 《法律名称》第N条")
            return None
        parsed = parse_basis(text)
        entries: list[dict[str, Any]] = []
        for citation in parsed.citations:
            law = self._law(row, col, citation.title)
            entry = next((e for e in entries if e["law"] == law), None)
            if entry is None:
                entries.append({"law": law, "articles": list(citation.articles)})
            else:
                entry["articles"] += [a for a in citation.articles if a not in entry["articles"]]
        understood = "；".join(f"《{self.matcher.titles[e['law']]}》{'、'.join(e['articles'])}" for e in entries)
        if parsed.leftover:
            got = f"已读出：{understood}" if entries else "没有读出任何《法律名称》"
            self.out.problem(row.sheet, row.row, col, Code.INVALID_VALUE,
                             f"设定依据中 '{'／'.join(parsed.leftover)}' 看不懂（{got}）：请写成 "
                             "《法律名称》第N条第M款、第K条，多部法律用“；”或换行分隔")
            return None
        if not entries:
            self.out.problem(row.sheet, row.row, col, Code.MISSING_FIELD, "设定依据为空：请写成 《法律名称》第N条")
            return None
        if parsed.bracketless:
            self.out.note(row.sheet, row.row, col, f"设定依据 '{text}' 没有书名号，按 {understood} 读取，请核对")
        for entry in entries:
            if not entry["articles"]:
                del entry["articles"]
        return entries

    def _law(self, row: SourceRow, col: int, title: str) -> str:
        match = self.matcher.match(title)
        if match is not None:
            if match.how:
                self.out.note(row.sheet, row.row, col,
                              f"《{title}》按{match.how}对应执法依据 {match.law}（{self.matcher.titles[match.law]}）")
            return match.law
        key = title_key(title)
        if key not in self.added:
            law_id = self.matcher.new_id(title)
            record = new_law(law_id, title)
            self.matcher.add(law_id, str(record["title"]))
            self.added[key] = record
            guessed = "效力层级、制定机关按名称推定" if record["level"] else "请补填效力层级、制定机关"
            self.out.note(row.sheet, row.row, col,
                          f"《{title}》不在 catalog/legal_bases.yml 中：新增执法依据 {law_id}（{guessed}；"
                          "状态核对日期 status_checked 留空，请核对它是否现行有效后填写）")
        return str(self.added[key]["id"])


def _type(row: SourceRow, out: Collector) -> tuple[str, str] | None:
    text = row.text("type")
    col = row.column("type")
    for source, what in ((text, "事项类型"), (row.group, "分组行"), (row.sheet, "工作表名")):
        if not source:
            continue
        found = power_type(source)
        if found is None:
            if source is text:
                out.problem(row.sheet, row.row, col, Code.INVALID_VALUE, f"事项类型 '{text}' 无效"
                            f"{did_you_mean(text, POWER_TYPES) or '，'}可选值：{'、'.join(POWER_TYPES)}")
                return None
            continue
        written = f"{found[0]}-{found[1]}" if found[1] else found[0]
        if source is not text:
            out.note(row.sheet, row.row, col, f"事项类型未填写，按{what} '{source}' 取 {written}")
        elif re.sub(r"\s+", "", text) != written:
            out.note(row.sheet, row.row, col, f"事项类型 '{text}' → '{written}'")
        return found
    out.problem(row.sheet, row.row, col, Code.MISSING_FIELD,
                f"事项类型为空，所在分组和工作表名也看不出类型：请填写 {'、'.join(POWER_TYPES)} 之一")
    return None


def build_powers(rows: list[SourceRow], cat: Catalog, laws: LawBook, out: Collector) -> list[Built]:
    """Every record row → a power record; problems for what cannot become one."""
    parents = {(r.sheet, r.group, m[1]) for r in rows if (m := _SUB.match(r.text("seq")))}
    built: list[Built] = []
    agency = cat.config.agency.name
    for row in rows:
        seq = row.text("seq")
        if (row.sheet, row.group, seq) in parents and not row.text("basis"):
            continue   # the heading of 子项 "1-1", "1-2" …
        name = row.text("subitem") if _SUB.match(seq) and row.text("subitem") else row.text("name")
        name = name.replace("\n", "")
        if not name:
            out.problem(row.sheet, row.row, row.column("name"), Code.MISSING_FIELD,
                        "这一行没有事项名称：请填写，或删除这一行")
            continue
        found = _type(row, out)
        basis = laws.basis(row, "basis")
        record: dict[str, Any] = {"name": name}
        if found:
            record["type"] = found[0]
            if found[1]:
                record["subtype"] = found[1]
        if row.text("subtype"):
            record["subtype"] = row.text("subtype")
        if basis:
            record["basis"] = basis
        subject = row.text("subject").replace("\n", "")
        if not subject and agency:
            out.note(row.sheet, row.row, row.column("subject"), f"实施主体未填写，按 site_config.yml 取 {agency}")
            subject = agency
        record["subject"] = subject
        for key in ("department",):
            if row.text(key):
                record[key] = row.text(key).replace("\n", "")
        if row.text("level"):
            record["level"] = [x for x in re.split(r"[、，,；;\s/]+", row.text("level")) if x]
        if row.text("responsibilities"):
            record["responsibilities"] = responsibilities(row.text("responsibilities"))
        if row.has("accountability"):
            record["accountability"] = "；".join(cell_text(v).replace("\n", "") for v, _ in row.cells["accountability"])
        status = _status(row, out)
        if status is None or not found or not basis:
            continue
        record["status"] = status
        built.append(Built(row.text("code").replace("\n", ""), record, row))
    return built


def _status(row: SourceRow, out: Collector) -> str | None:
    text = row.text("status")
    if not text:
        return PowerStatus.VALID.value
    found = status_word(text, POWER_STATUS_WORDS)
    col = row.column("status")
    if found is None:
        out.problem(row.sheet, row.row, col, Code.INVALID_VALUE, f"状态 '{text}' 无效"
                    f"{did_you_mean(text, POWER_STATUSES) or '，'}可选值：{'、'.join(POWER_STATUSES)}")
        return None
    if found != text:
        out.note(row.sheet, row.row, col, f"状态 '{text}' → '{found}'")
    return found


def assign_codes(built: list[Built], cat: Catalog, out: Collector) -> None:
    """Codes for rows without one: the catalogue's power of the same name and type, else the next free."""
    used = {p.code for p in cat.all_powers} | {b.key for b in built if b.key}
    by_name = {(p.name, p.type): p.code for p in cat.all_powers}
    last: dict[str, str] = {}
    for b in built:
        if b.key:
            continue
        kind = b.record["type"]
        existing = by_name.get((b.record["name"], kind))
        if existing:
            b.key = existing
            continue
        code = last.get(kind) or next_power_code(cat, kind)
        while code in used:
            m = re.match(r"^(.*\D)(\d+)$", code)
            code = f"{m[1]}{int(m[2]) + 1:0{len(m[2])}d}" if m else code + "-1"
        used.add(code)
        last[kind] = code
        b.key = code
        out.note(b.row.sheet, b.row.row, b.row.column("code"),
                 "事项编码未填写：按类型取下一个空闲编码（见下面列出的新增事项）")
