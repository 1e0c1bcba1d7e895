"""Machine-readable outputs of the site: data/<list>.json|csv, the Atom feed, sitemap.xml.

Every list is declared once as columns (key for JSON, Chinese label for CSV). CSV is UTF-8 with
a BOM so Excel opens Chinese text correctly; every cell goes through spreadsheet.csv_value, so a
cell that Excel would run as a formula is quoted with a leading apostrophe. Output is
deterministic: same catalogue, same bytes.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.format.model import BasisRef, Catalog, Document, LegalBasis, Power
from generator.format.relations import Relations, relations
from generator.format.status import marked_title, shown_status
from generator.site import urls
from generator.site.application import application_docx
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


def table_json(rows: Sequence[Any], columns: Sequence[Column]) -> bytes:
    items = [{c.key: c.get(r) for c in columns} for r in rows]
    return (json.dumps(items, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def table_csv(rows: Sequence[Any], columns: Sequence[Column]) -> bytes:
    text = csv_text([c.label for c in columns], ([_csv_cell(c.get(r)) for c in columns] for r in rows), "\r\n")
    return ("\ufeff" + text).encode("utf-8")


def export_tables(cat: Catalog) -> dict[str, tuple[Sequence[Any], list[Column]]]:
    """Each exported list: its rows (in the site's order) and columns. Keys are EXPORT_TITLES'."""
    rel = relations(cat)
    site_url = _site_url(cat)
    powers: list[Power] = sorted(cat.powers.values(), key=lambda p: p.code)
    tables: dict[str, tuple[Sequence[Any], list[Column]]] = {
        "documents": (rel.documents, document_columns(cat, site_url)),
        "normative": ([d for d in rel.documents if d.normative], normative_columns(cat, site_url)),
        "powers": (powers, power_columns(cat, site_url)),
        "laws": (sorted(cat.laws.values(), key=lambda x: x.id), law_columns(rel, site_url)),
        "categories": (list(cat.categories.values()), category_columns(cat, rel, site_url)),
    }
    assert set(tables) == set(EXPORT_TITLES)
    return tables


def _site_url(cat: Catalog) -> str:
    return cat.config.site.url


def _write(out_dir: Path, url: str, data: bytes) -> None:
    path = out_dir / url
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + bytes(ET.tostring(root, encoding="utf-8")) + b"\n"


def atom_feed(cat: Catalog, today: dt.date) -> bytes:
    """The newest disclosures as an Atom feed (RFC 4287), newest first."""
    rel = relations(cat)
    site_url = _site_url(cat)
    entries = [d for d in rel.documents if d.published][:FEED_ENTRIES]
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


def sitemap(cat: Catalog, pages: Sequence[SitePage]) -> bytes:
    site_url = _site_url(cat)
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in sorted(pages, key=lambda p: p.url):
        u = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(u, f"{{{SITEMAP_NS}}}loc").text = urls.absolute(site_url, page.url)
        if page.meta.updated:
            ET.SubElement(u, f"{{{SITEMAP_NS}}}lastmod").text = page.meta.updated.isoformat()
    return _xml(root)


def write_exports(cat: Catalog, pages: Sequence[SitePage], today: dt.date, out_dir: Path) -> list[str]:
    """Write data/*.json|csv, feed.xml and sitemap.xml(.gz) into the built site; return their URLs."""
    written: list[str] = []
    for name, (rows, columns) in export_tables(cat).items():
        for ext, data in (("json", table_json(rows, columns)), ("csv", table_csv(rows, columns))):
            url = urls.data(name, ext)
            _write(out_dir, url, data)
            written.append(url)
    _write(out_dir, urls.FEED, atom_feed(cat, today))
    smap = sitemap(cat, pages)
    _write(out_dir, urls.SITEMAP, smap)
    # MkDocs writes its own sitemap.xml.gz (with a build timestamp): replace it by ours, deterministically.
    _write(out_dir, urls.SITEMAP + ".gz", gzip.compress(smap, mtime=0))
    _write(out_dir, urls.APPLY_DOCX, application_docx(cat.config.agency.name or cat.config.site.name))
    written += [urls.FEED, urls.SITEMAP, urls.SITEMAP + ".gz", urls.APPLY_DOCX]
    return written
