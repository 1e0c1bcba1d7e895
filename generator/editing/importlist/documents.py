"""Rows of a published 规范性文件目录 → document records (front matter of catalog/documents/**/*.md).

A row is the catalogue's document when its 文号 (else its 标题) is already there. A new one gets the
next free id and 索引号 of its year (`new document`'s numbering), the 规范性文件 category, 有效 when
the list gives no status, and 本单位制发 when its 制定机关 is the agency (else 草拟或负责实施). What a
目录 seldom has — 内容概述, a 施行日期 — is written as "" so that `check` asks for it; a date given
only once (印发 or 发布) stands for both, and "5年" in 有效期 counts from the 施行日期. Each of these
choices is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.codes import Code
from generator.editing.importlist.powers import Built
from generator.editing.importlist.report import Collector
from generator.editing.importlist.rows import SourceRow
from generator.editing.importlist.values import DOC_STATUS_WORDS, parse_date, status_word, years_after
from generator.editing.scaffold import category_for, next_document_id, next_index_no
from generator.format.fields import DOC_KINDS, NORMATIVE_KINDS
from generator.format.model import Catalog
from generator.format.status import DOC_STATUSES, DocStatus
from generator.rules._util import did_you_mean

_DATES = ("written", "published", "effective", "repealed.date")


def _date(row: SourceRow, key: str, title: str, out: Collector) -> dt.date | None | bool:
    """The date of a cell; None when empty, False (after a problem) when it is not a date."""
    value = row.value(key)
    if not row.text(key):
        return None
    found = parse_date(value)
    if found is None:
        out.problem(row.sheet, row.row, row.column(key), Code.INVALID_DATE,
                    f"{title} '{row.text(key)}' 不是日期：请写成 YYYY-MM-DD，例如 2024-03-05")
        return False
    return found


def build_documents(rows: list[SourceRow], cat: Catalog, out: Collector) -> list[Built]:
    built: list[Built] = []
    agency = cat.config.agency.name
    for row in rows:
        title = row.text("title").replace("\n", "")
        if not title:
            out.problem(row.sheet, row.row, row.column("title"), Code.MISSING_FIELD,
                        "这一行没有文件名称：请填写，或删除这一行")
            continue
        dates: dict[str, dt.date | None] = {}
        ok = True
        for key, name in zip(_DATES, ("成文日期", "发布日期", "施行日期", "废止日期"), strict=True):
            found = _date(row, key, name, out)
            ok = ok and found is not False
            dates[key] = found if isinstance(found, dt.date) else None
        kind = row.text("kind") or "规范性文件"
        if kind not in DOC_KINDS:
            out.problem(row.sheet, row.row, row.column("kind"), Code.INVALID_VALUE,
                        f"文件类别 '{kind}' 无效{did_you_mean(kind, DOC_KINDS) or '，'}可选值：{'、'.join(DOC_KINDS)}")
            ok = False
        record: dict[str, Any] = {"title": title}
        for key in ("doc_no", "unified_no", "index_no", "genre"):
            if row.text(key):
                record[key] = row.text(key).replace("\n", "")
        issuer = row.text("issuer").replace("\n", "") or agency
        record["issuer"] = issuer
        record["summary"] = row.text("summary")
        written, published = dates["written"], dates["published"]
        if (written is None) != (published is None):
            given = "成文日期" if written else "发布日期"
            out.note(row.sheet, row.row, row.column("published" if published else "written"),
                     f"只有{given}：成文日期和发布日期都按它填写，请核对")
            written = written or published
            published = published or written
        record["written"] = written or ""
        record["published"] = published or ""
        record["kind"] = kind
        if kind in NORMATIVE_KINDS:
            record["owner"] = "self" if issuer == agency else "drafted"
            if issuer != agency:
                out.note(row.sheet, row.row, row.column("issuer"),
                         f"制定机关 '{issuer}' 不是本机关：制发主体按“由本单位草拟或负责实施”（drafted）填写，请核对")
            record["effective"] = dates["effective"] or ""
            expires = _expires(row, dates["effective"], out)
            if expires is False:
                ok = False
            elif expires is not None:
                record["expires"] = expires
            elif kind == "规范性文件":
                record["expires"] = ""
            status = _status(row, out)
            if status is None:
                ok = False
            else:
                record["status"] = status
        if dates["repealed.date"] or row.text("repealed.by"):
            record["repealed"] = {"date": dates["repealed.date"] or "", "by": row.text("repealed.by") or ""}
        if ok:
            built.append(Built("", record, row))
    return built


def _expires(row: SourceRow, effective: dt.date | None, out: Collector) -> dt.date | None | bool:
    text = row.text("expires")
    if not text:
        return None
    m = re.fullmatch(r"(\d+)\s*年", text)
    if m and effective is not None:
        end = years_after(effective, int(m[1]))
        out.note(row.sheet, row.row, row.column("expires"), f"有效期 '{text}' 按施行日期推算为有效期至 {end}")
        return end
    found = _date(row, "expires", "有效期至", out)
    return found


def _status(row: SourceRow, out: Collector) -> str | None:
    text = row.text("status")
    col = row.column("status")
    if not text:
        out.note(row.sheet, row.row, col, "有效性未填写：按“有效”填写")
        return DocStatus.VALID.value
    found = status_word(text, DOC_STATUS_WORDS)
    if found is None:
        out.problem(row.sheet, row.row, col, Code.INVALID_VALUE,
                    f"有效性 '{text}' 无效{did_you_mean(text, DOC_STATUSES) or '，'}可选值：{'、'.join(DOC_STATUSES)}")
        return None
    if found != text:
        out.note(row.sheet, row.row, col, f"有效性 '{text}' → '{found}'")
    return found


def match_documents(built: list[Built], cat: Catalog, out: Collector, today: dt.date) -> None:
    """The id of each row: the catalogue's document with the same 文号 (else title), or a new one
    (numbered in the year it was published; `today`'s year when the list gives no date)."""
    by_no = {d.doc_no: d.id for d in cat.all_documents if d.doc_no}
    by_title = {d.title: d.id for d in cat.all_documents}
    used_ids = set(cat.documents)
    used_index = {d.index_no for d in cat.all_documents if d.index_no}
    for b in built:
        rec = b.record
        b.key = by_no.get(rec.get("doc_no", "")) or ("" if rec.get("doc_no") else by_title.get(rec["title"], ""))
        if b.key:
            continue
        rec["category"] = category_for(cat, rec["kind"] if rec["kind"] in NORMATIVE_KINDS else "其他", None)
        day = rec["published"] or rec["written"]
        year = day.year if isinstance(day, dt.date) else today.year
        b.key = _free(next_document_id(cat, rec["category"], year), used_ids)
        rec["id"] = b.key
        if "index_no" not in rec:
            index_no = next_index_no(cat, year)
            if index_no is None:
                out.note(b.row.sheet, b.row.row, 1, "本单位的索引号格式无法推断：索引号留空，请按本单位规则填写")
                rec["index_no"] = ""
            else:
                rec["index_no"] = _free(index_no, used_index)


def _free(candidate: str, used: set[str]) -> str:
    """`candidate`, or the next serial after it that is not in `used` (which it joins)."""
    while candidate in used:
        m = re.match(r"^(.*\D)?(\d+)(\D*)$", candidate)
        if m is None:
            break
        candidate = f"{m[1] or ''}{int(m[2]) + 1:0{len(m[2])}d}{m[3]}"
    used.add(candidate)
    return candidate
