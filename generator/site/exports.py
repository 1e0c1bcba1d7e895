"""Machine-readable outputs of the site: data/<list>.json|csv, the Atom feed, sitemap.xml.

Every list is declared once as columns (key for JSON, Chinese label for CSV) and what its cells read
besides the row itself. CSV is UTF-8 with a BOM so Excel opens Chinese text correctly; every cell
goes through spreadsheet.csv_value, so a cell that Excel would run as a formula is quoted with a
leading apostrophe. Output is deterministic: same catalogue, same bytes.

A list is written row by row (a row's JSON object and CSV line depend on that row alone), so a
rebuild after an edit keeps the bytes of every other row from the last build's file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cache import Reuse
from generator.format.model import BasisRef, Catalog, Document, LegalBasis, Power
from generator.format.relations import Relations, relations
from generator.format.status import marked_title, shown_status
from generator.site import urls
from generator.site.application import application_docx
from generator.site.outputs import Outputs
from generator.site.pages.base import SitePage
from generator.site.pages.home import EXPORT_TITLES
from generator.spreadsheet.write import csv_text

FEED_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
TZ = "+08:00"  # 北京时间: dates in the catalogue are local dates


@dataclass(frozen=True)
class Column:
    key: str  # JSON key
    label: str  # CSV header
    get: Callable[[Any], Any]


def _d(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _basis(refs: Sequence[BasisRef], cat: Catalog) -> list[dict[str, Any]]:
    return [{"law": b.law, "title": cat.laws[b.law].title if b.law in cat.laws else None,
             "articles": list(b.articles)} for b in refs]


def document_columns(cat: Catalog, site_url: str) -> list[Column]:
    def cat_name(d: Document) -> str | None:
        c = cat.categories.get(d.category or "")
        return c.name if c else None

    return [
        Column("id", "文件ID", lambda d: d.id),
        Column("url", "网址", lambda d: urls.absolute(site_url, urls.document(d.id))),
        Column("index_no", "索引号", lambda d: d.index_no),
        Column("title", "名称", lambda d: d.title),
        Column("doc_no", "文号", lambda d: d.doc_no),
        Column("category", "主题分类代码", lambda d: d.category),
        Column("category_name", "主题分类", cat_name),
        Column("issuer", "发布机构", lambda d: d.issuer),
        Column("genre", "体裁", lambda d: d.genre),
        Column("summary", "内容概述", lambda d: d.summary),
        Column("written", "成文日期", lambda d: _d(d.written)),
        Column("published", "发布日期", lambda d: _d(d.published)),
        Column("kind", "类别", lambda d: d.kind),
        Column("owner", "制发方式", lambda d: d.owner),
        Column("unified_no", "统一编号", lambda d: d.unified_no),
        Column("effective", "施行日期", lambda d: _d(d.effective)),
        Column("expires", "有效期至", lambda d: _d(d.expires)),
        Column("status", "效力状态", lambda d: d.status),
        Column("repealed_date", "废止日期", lambda d: _d(d.repealed.date) if d.repealed else None),
        Column("repealed_by", "废止依据", lambda d: d.repealed.by if d.repealed else None),
        Column("amended_by", "修改文件", lambda d: list(d.amended_by)),
        Column("interprets", "解读对象", lambda d: d.interprets),
        Column("basis", "制定依据", lambda d: _basis(d.basis, cat)),
    ]


def normative_columns(cat: Catalog, site_url: str) -> list[Column]:
    return document_columns(cat, site_url) + [
        Column("last_review_date", "最近清理日期", lambda d: _d(r.date) if (r := d.last_review) else None),
        Column("last_review_result", "最近清理结果",
               lambda d: ((r.result or "") + ("" if r.decided else "（建议）")) if (r := d.last_review) else None),
        Column("legality_review", "合法性审核",
               lambda d: d.legality_review.result if d.legality_review else None),
    ]


def power_columns(cat: Catalog, site_url: str) -> list[Column]:
    return [
        Column("code", "权力编码", lambda p: p.code),
        Column("url", "网址", lambda p: urls.absolute(site_url, urls.power(p.code))),
        Column("name", "事项名称", lambda p: p.name),
        Column("type", "权力类型", lambda p: p.type),
        Column("subtype", "子类型", lambda p: p.subtype),
        Column("basis", "实施依据", lambda p: _basis(p.basis, cat)),
        Column("subject", "实施主体", lambda p: p.subject),
        Column("department", "承办机构", lambda p: p.department),
        Column("level", "行使层级", lambda p: list(p.level)),
        Column("responsibilities", "责任事项", lambda p: list(p.responsibilities)),
        Column("accountability", "追责情形及依据", lambda p: p.accountability),
        Column("discretion", "裁量基准", lambda p: p.discretion),
        Column("status", "状态", lambda p: p.status),
    ]


def law_columns(rel: Relations, site_url: str) -> list[Column]:
    def count(law: LegalBasis, kind: str) -> int:
        return sum(1 for c in rel.law_cited_by.get(law.id, []) if c.kind == kind)

    return [
        Column("id", "依据ID", lambda x: x.id),
        Column("url", "网址", lambda x: urls.absolute(site_url, urls.law(x.id))),
        Column("title", "名称", lambda x: x.title),
        Column("level", "效力层级", lambda x: x.level),
        Column("issuer", "制定机关", lambda x: x.issuer),
        Column("promulgated", "公布日期", lambda x: _d(x.promulgated)),
        Column("effective", "施行日期", lambda x: _d(x.effective)),
        Column("status", "时效性", lambda x: x.status),
        Column("status_checked", "核对日期", lambda x: _d(x.status_checked)),
        Column("repealed_date", "废止日期", lambda x: _d(x.repealed.date) if x.repealed else None),
        Column("repealed_by", "废止依据", lambda x: x.repealed.by if x.repealed else None),
        Column("official_url", "官方文本", lambda x: x.url),
        Column("powers", "引用的权力事项数", lambda x: count(x, "权力")),
        Column("documents", "引用的文件数", lambda x: count(x, "文件")),
    ]


def category_columns(cat: Catalog, rel: Relations, site_url: str) -> list[Column]:
    return [
        Column("code", "分类代码", lambda c: c.code),
        Column("url", "网址", lambda c: urls.absolute(site_url, urls.category(c.code))),
        Column("name", "分类名称", lambda c: c.name),
        Column("parent", "上级分类代码", lambda c: c.parent),
        Column("description", "说明", lambda c: c.description),
        Column("count", "信息条数", lambda c: len(rel.subtree_documents(cat, c.code))),
    ]


def _csv_cell(value: Any) -> Any:
    """A list (levels, basis entries …) as one cell's text; csv_text neutralises it."""
    if isinstance(value, list):
        parts = []
        for v in value:
            if isinstance(v, dict):  # a basis entry: 《title》articles
                title = v.get("title") or v.get("law") or ""
                parts.append(f"《{title}》" + "、".join(v.get("articles") or []))
            else:
                parts.append(str(v))
        value = "；".join(parts)
    return value


def _json_row(row: Any, columns: Sequence[Column]) -> bytes:
    """One row as json.dumps(rows, indent=1) writes an item of the list: indented one space, no comma."""
    return json.dumps([{c.key: c.get(row) for c in columns}], ensure_ascii=False, indent=1)[2:-2].encode("utf-8")


def _csv_row(row: Any, columns: Sequence[Column]) -> bytes:
    return csv_text([_csv_cell(c.get(row)) for c in columns], (), "\r\n").encode("utf-8")


Bytes = bytes | memoryview  # a row: made now, or a view into the last build's file


# The files are joined in one go (one allocation of their size: the documents' list is 40 MB at 50,000).

def _json_file(rows: Sequence[Bytes]) -> bytes:
    if not rows:
        return b"[]\n"
    parts: list[Bytes] = [b"[\n"]
    for row in rows:
        parts += (row, b",\n")
    parts[-1] = b"\n]\n"
    return b"".join(parts)


def _csv_file(columns: Sequence[Column], rows: Sequence[Bytes]) -> bytes:
    head = ("\ufeff" + csv_text([c.label for c in columns], (), "\r\n")).encode("utf-8")
    return b"".join([head, *rows])


def table_json(rows: Sequence[Any], columns: Sequence[Column]) -> bytes:
    return _json_file([_json_row(r, columns) for r in rows])


def table_csv(rows: Sequence[Any], columns: Sequence[Column]) -> bytes:
    return _csv_file(columns, [_csv_row(r, columns) for r in rows])


@dataclass(frozen=True)
class Table:
    """An exported list: its rows in the site's order, its columns, and what a row's cells read
    besides the row record itself (a row is written again exactly when one of those changes)."""

    rows: Sequence[Any]
    columns: list[Column]
    reads: Callable[[Any], object]


def export_tables(cat: Catalog) -> dict[str, Table]:
    """Each exported list. Keys are EXPORT_TITLES'."""
    rel = relations(cat)
    site_url = _site_url(cat)
    powers: list[Power] = sorted(cat.powers.values(), key=lambda p: p.code)

    def titles(refs: Sequence[BasisRef]) -> list[str | None]:  # what _basis shows of each law
        return [cat.laws[b.law].title if b.law in cat.laws else None for b in refs]

    def doc_reads(d: Document) -> object:
        c = cat.categories.get(d.category or "")
        return c.name if c else None, titles(d.basis)

    tables = {
        "documents": Table(rel.documents, document_columns(cat, site_url), doc_reads),
        "normative": Table([d for d in rel.documents if d.normative], normative_columns(cat, site_url), doc_reads),
        "powers": Table(powers, power_columns(cat, site_url), lambda p: titles(p.basis)),
        "laws": Table(sorted(cat.laws.values(), key=lambda x: x.id), law_columns(rel, site_url),
                      lambda x: [c.kind for c in rel.law_cited_by.get(x.id, [])]),
        "categories": Table(list(cat.categories.values()), category_columns(cat, rel, site_url),
                            lambda c: len(rel.subtree_documents(cat, c.code))),
    }
    assert set(tables) == set(EXPORT_TITLES)
    return tables


def _site_url(cat: Catalog) -> str:
    return cat.config.site.url


def _write_table(out: Outputs, name: str, table: Table, site_url: str) -> None:
    """data/<name>.json and .csv; after an edit, the rows whose key did not change are cut out of the
    last build's files instead of being written again."""
    json_url, csv_url = urls.data(name, "json"), urls.data(name, "csv")
    rows, columns = table.rows, table.columns
    if out.reuse is None:
        out.write({json_url: table_json(rows, columns), csv_url: table_csv(rows, columns)})
        return
    fingerprint = out.fingerprint
    # What a row reads besides its record is plain data (text, numbers, None, lists of them): its repr
    # says it exactly, at a fraction of the cost of fingerprinting it value by value.
    keys = [hashlib.blake2b(fingerprint.of_record(r) + repr(table.reads(r)).encode("utf-8", "surrogatepass"),
                            digest_size=16).digest() for r in rows]
    parts: list[tuple[Bytes, Bytes]] = []

    def make() -> dict[str, bytes]:
        kept = _previous_rows(out, "data/" + name, json_url, csv_url)
        for r, k in zip(rows, keys, strict=True):
            part = kept.get(k)
            parts.append(part if part is not None else (_json_row(r, columns), _csv_row(r, columns)))
        return {json_url: _json_file([j for j, _ in parts]), csv_url: _csv_file(columns, [c for _, c in parts])}

    out.group("data/" + name, lambda: (site_url, b"".join(keys)), make,
              lambda: (keys, [len(j) for j, _ in parts], [len(c) for _, c in parts]))


def _previous_rows(out: Outputs, name: str, json_url: str, csv_url: str) -> dict[bytes, tuple[Bytes, Bytes]]:
    """The last build's rows of a list by key, cut out of its files with the lengths it recorded."""
    prev = out.previous(name)
    if prev is None:
        return {}
    entry, files = prev
    try:
        keys, json_lengths, csv_lengths = entry.extra
        data_j, data_c = files[json_url], files[csv_url]
    except (TypeError, ValueError, KeyError):
        return {}
    at_j, at_c = 2, len(data_c) - sum(csv_lengths)  # after "[\n"; after the BOM and the header line
    if at_c < 0 or len(data_j) != (sum(json_lengths) + 2 * len(keys) + 3 if keys else 3):
        return {}
    # Views into the last files, not copies: at 50,000 documents their rows are 60 MB more at once.
    view_j, view_c = memoryview(data_j), memoryview(data_c)
    out_rows: dict[bytes, tuple[Bytes, Bytes]] = {}
    for k, nj, nc in zip(keys, json_lengths, csv_lengths, strict=True):
        out_rows[k] = (view_j[at_j:at_j + nj], view_c[at_c:at_c + nc])
        at_j += nj + 2  # ",\n"
        at_c += nc
    return out_rows


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + bytes(ET.tostring(root, encoding="utf-8")) + b"\n"


def feed_entries(cat: Catalog) -> list[Document]:
    return [d for d in relations(cat).documents if d.published][:FEED_ENTRIES]


def atom_feed(cat: Catalog, today: dt.date) -> bytes:
    """The newest disclosures as an Atom feed (RFC 4287), newest first."""
    site_url = _site_url(cat)
    entries = feed_entries(cat)
    ET.register_namespace("", ATOM)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        e = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            e.text = text
        return e

    def stamp(d: dt.date) -> str:
        return f"{d.isoformat()}T00:00:00{TZ}"

    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    name = cat.config.site.name
    el(feed, "title", f"{name}：最新公开")
    el(feed, "id", urls.absolute(site_url, urls.FEED))
    el(feed, "link", rel="self", href=urls.absolute(site_url, urls.FEED))
    el(feed, "link", rel="alternate", href=urls.absolute(site_url, urls.HOME))
    newest = max((d.published for d in entries if d.published), default=today)
    el(feed, "updated", stamp(newest))
    author = el(feed, "author")
    el(author, "name", cat.config.agency.name if cat.config.src else name)
    for d in entries:
        assert d.published is not None
        e = el(feed, "entry")
        el(e, "title", marked_title(d.title, shown_status(d.status, d.effective, today)))
        url = urls.absolute(site_url, urls.document(d.id))
        el(e, "id", url)
        el(e, "link", rel="alternate", href=url)
        el(e, "published", stamp(d.published))
        el(e, "updated", stamp(d.published))
        if d.summary:
            el(e, "summary", d.summary)
        c = cat.categories.get(d.category or "")
        if c is not None:
            el(e, "category", term=c.code, label=c.name)
    return _xml(feed)


def _xml_text(text: str) -> str:
    """Element text escaped as ElementTree escapes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sitemap_entries(pages: Sequence[SitePage]) -> list[tuple[str, dt.date | None]]:
    """(URL, last change) of every page, in URL order: all the sitemap says of them."""
    return sorted(((p.url, p.meta.updated) for p in pages), key=lambda e: e[0])


def sitemap(cat: Catalog, pages: Sequence[SitePage]) -> bytes:
    """The sitemap, byte for byte what ElementTree writes for it indented (tests/site/test_exports.py
    compares), as text: ElementTree took 0.4 s for 10,000 pages."""
    site_url = _site_url(cat)
    head = f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="{SITEMAP_NS}"'
    items = []
    for url, updated in sitemap_entries(pages):
        lastmod = f"\n    <lastmod>{updated.isoformat()}</lastmod>" if updated else ""
        items.append(f"  <url>\n    <loc>{_xml_text(urls.absolute(site_url, url))}</loc>{lastmod}\n  </url>\n")
    text = f"{head}>\n{''.join(items)}</urlset>\n" if items else f"{head} />\n"
    return text.encode("utf-8")


def write_exports(cat: Catalog, pages: Sequence[SitePage], today: dt.date, out_dir: Path,
                  reuse: Reuse | None = None) -> list[str]:
    """Write data/*.json|csv, feed.xml and sitemap.xml(.gz) into the built site; return their URLs.
    With `reuse`, a list or file whose inputs did not change is taken over from the last build."""
    out = Outputs(out_dir, reuse)
    site_url, site_name, agency = _site_url(cat), cat.config.site.name, cat.config.agency.name
    for name, table in export_tables(cat).items():
        _write_table(out, name, table, site_url)

    def feed_key() -> tuple[object, ...]:
        entries = feed_entries(cat)
        return (today, site_url, site_name, agency, bool(cat.config.src), entries,
                [cat.categories.get(d.category or "") for d in entries])

    out.group(urls.FEED, feed_key, lambda: {urls.FEED: atom_feed(cat, today)})

    def sitemaps() -> dict[str, bytes]:
        smap = sitemap(cat, pages)
        # MkDocs writes its own sitemap.xml.gz (with a build timestamp): replace it by ours, deterministically.
        return {urls.SITEMAP: smap, urls.SITEMAP + ".gz": gzip.compress(smap, mtime=0)}

    out.group(urls.SITEMAP, lambda: (site_url, repr(sitemap_entries(pages))), sitemaps)
    out.group(urls.APPLY_DOCX, lambda: (agency or site_name,),
              lambda: {urls.APPLY_DOCX: application_docx(agency or site_name)})
    return out.written
