"""Catalogue + today → every page of the public site (SPEC §6), as `SitePage`s.

One function per page family, each `(cat, today) -> list[SitePage]`; `PAGE_FAMILIES` lists them
and `build_pages` runs them all. A family renders its HTML from generator/templates/*.html.j2
(see templating.py: every catalogue value is escaped); editors' Markdown (document bodies, content
pages) is left to the site engine and lands at BODY_SLOT. Pages know nothing about MkDocs: the bridge
(mkdocs_bridge.py) turns them into MkDocs files.

Scale by construction: reverse indexes come from relations.py (built once), and no list page holds
more than PAGE_SIZE rows — long lists are paginated as `<list>/page/N/`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from generator.format.fields import DOC_STATUSES, LAW_LEVELS, LAW_STATUSES, POWER_TYPES
from generator.format.model import Catalog, Document, LegalBasis, Page, Power
from generator.format.relations import CITES_BASIS, CITES_POWER_BASIS, Relations, ancestors, relations, resolve_links
from generator.site import urls
from generator.site.pages.reports import annual_pages, audit_pages
from generator.templating import Markup, render

PAGE_SIZE = 50  # rows per list page: short enough for a phone, long enough to scan
LATEST_ON_HOME = 10
POWERS_PER_TYPE_ON_OVERVIEW = 20

# schema.org LegalForceStatus for each document status (SPEC §6 JSON-LD).
LEGAL_FORCE = {
    "有效": "https://schema.org/InForce",
    "已修改": "https://schema.org/PartiallyInForce",
    "废止": "https://schema.org/NotInForce",
    "失效": "https://schema.org/NotInForce",
}
NOT_IN_FORCE = ("废止", "失效")


@dataclass(frozen=True)
class PageMeta:
    """What the site needs to know about a page besides its Markdown."""

    description: str | None = None
    updated: dt.date | None = None  # sitemap <lastmod>
    toc: bool = False  # show the table-of-contents sidebar (documents and prose pages with headings)
    from_content: bool = False  # a content/ page: yields its URL to a generated page of the same URL
    # The Markdown is the site's own (the search page's form): not cleaned to the editors' allow-list.
    trusted: bool = False


# Where `SitePage.html` takes the converted Markdown.
BODY_SLOT = Markup("<!-- gov:body -->")


@dataclass(frozen=True)
class SitePage:
    """One page of the site: its URL (site-relative, "" is the home page), plain-text title, and content.

    `markdown` is prose for the site engine to convert (document bodies, content pages, the audit and
    annual-report pages). `html`, when given, is ready HTML around it: the converted Markdown goes
    where `html` holds BODY_SLOT (or after it). Catalogue pages are rendered straight to HTML:
    pushing large HTML blocks through Python-Markdown's raw-HTML parser would cost more than all
    the rest of a page.
    """

    url: str
    title: str
    markdown: str
    meta: PageMeta = field(default_factory=PageMeta)
    html: str = ""


def html_page(url: str, title: str, html: str, meta: PageMeta | None = None) -> SitePage:
    return SitePage(url, title, "", meta or PageMeta(), html)


PageFamily = Callable[[Catalog, dt.date], list[SitePage]]
T = TypeVar("T")


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Pager:
    """Page `number` of `count`; `url_of(n)` is the URL of page n."""

    number: int
    count: int
    url_of: Callable[[int], str]

    def window(self, radius: int = 2) -> list[int | None]:
        """Page numbers to show around the current one; None marks a gap ("…")."""
        keep = {1, self.count, *range(self.number - radius, self.number + radius + 1)}
        shown = sorted(n for n in keep if 1 <= n <= self.count)
        out: list[int | None] = []
        for n in shown:
            if out and out[-1] is not None and n - out[-1] > 1:  # type: ignore[operator]
                out.append(None)
            out.append(n)
        return out


def _category_page(code: str, page: int) -> str:
    return urls.category(code, page)


def _normative_page(status: str | None, year: int | None, page: int) -> str:
    return urls.normative(status, year, page)


def _power_type_page(type_name: str, page: int) -> str:
    return urls.power_type(type_name, page)


def chunks(items: Sequence[T], size: int = PAGE_SIZE) -> list[Sequence[T]]:
    """A list cut into pages; an empty list still has one (empty) page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def _site_name(cat: Catalog) -> str:
    return str(cat.config.site.get("name") or "") if cat.config else ""


def _agency(cat: Catalog) -> str:
    return cat.config.agency_value("name") if cat.config else ""


# ---------------------------------------------------------------- content pages (公开指南, 公开制度 …)

_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$")


def _title_and_body(page: Page) -> tuple[str, str]:
    """A content page's title (front matter, else its first `# ` heading, removed) and body."""
    lines = page.body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and (m := _H1.match(lines[first].strip())):
        body = "\n".join(lines[:first] + lines[first + 1:])
        return page.title or m.group(1), body
    stem = page.url_path.rsplit("/", 1)[-1].removesuffix(".md")
    return page.title or stem, page.body


def agency_block(cat: Catalog) -> list[tuple[str, str | list[str]]]:
    """The Art. 12 contact fields of the 公开指南, in the order the 条例 names them."""
    if cat.config is None:
        return []
    a = cat.config.agency
    channels = a.get("application_channels")
    rows: list[tuple[str, str | list[str]]] = [
        ("机构名称", cat.config.agency_value("name")),
        ("统一社会信用代码", cat.config.agency_value("credit_code")),
        ("办公地址", cat.config.agency_value("address")),
        ("邮政编码", cat.config.agency_value("postcode")),
        ("办公时间", cat.config.agency_value("office_hours")),
        ("联系电话", cat.config.agency_value("phone")),
        ("传真号码", cat.config.agency_value("fax")),
        ("电子邮箱", cat.config.agency_value("email")),
        ("互联网联系方式", cat.config.agency_value("website")),
        ("申请渠道", [str(c) for c in channels] if isinstance(channels, list) else cat.config.agency_value(
            "application_channels")),
    ]
    return rows


def content_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """content/**/*.md, with doc:/law:/power: links resolved; guide.md gains the Art. 12 block.

    content/index.md is not a page of its own: its prose introduces the home page.
    """
    out: list[SitePage] = []
    for page in cat.pages:
        url = urls.content_page(page.url_path)
        if url == urls.HOME:
            continue
        title, body = _title_and_body(page)
        body = resolve_links(cat, body, url)
        is_guide = url == urls.GUIDE
        description = page.src.raw.get("description")
        html = render(
            "content.html.j2", here=url, title=title, body_slot=BODY_SLOT,
            crumbs=[Crumb("首页", urls.HOME), Crumb(title)],
            agency=agency_block(cat) if is_guide else None, catalogue_url=urls.CATALOGUE,
        )
        out.append(SitePage(url, title, body, PageMeta(
            description=description if isinstance(description, str) else None,
            toc="\n#" in "\n" + body, from_content=True,
        ), html))
    return out


def home_intro(cat: Catalog) -> str:
    page = next((p for p in cat.pages if urls.content_page(p.url_path) == urls.HOME), None)
    return resolve_links(cat, _title_and_body(page)[1], urls.HOME) if page else ""


# ---------------------------------------------------------------- 公开目录

def catalogue_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """catalogue/ (the tree with counts) and catalogue/<code>/ (+ page/N/) for every category."""
    rel = relations(cat)
    counts = {code: len(rel.subtree_documents(cat, code)) for code in cat.categories}
    tops = [c for c in cat.categories.values() if c.parent is None]
    out = [html_page(urls.CATALOGUE, "公开目录", render(
        "catalogue_index.html.j2", here=urls.CATALOGUE, tops=tops, categories=cat.categories, counts=counts,
        crumbs=[Crumb("首页", urls.HOME), Crumb("公开目录")], total=len(rel.documents),
    ), PageMeta(description="政府信息公开目录：按主题分类列出主动公开的政府信息。"))]
    for code, node in cat.categories.items():
        docs = rel.subtree_documents(cat, code)
        path = ancestors(cat, code)
        pages = chunks(docs)
        for n, rows in enumerate(pages, start=1):
            url = urls.category(code, n)
            crumbs = [Crumb("首页", urls.HOME), Crumb("公开目录", urls.CATALOGUE)]
            crumbs += [Crumb(c.name, urls.category(c.code)) for c in path[:-1]]
            crumbs.append(Crumb(node.name if n == 1 else f"{node.name}（第{n}页）"))
            children = [cat.categories[c] for c in node.children if c in cat.categories]
            out.append(html_page(url, node.name if n == 1 else f"{node.name}（第{n}页）", render(
                "catalogue.html.j2", here=url, node=node, rows=rows, children=children, counts=counts,
                crumbs=crumbs, total=len(docs), pager=Pager(n, len(pages), partial(_category_page, code)),
                categories=cat.categories,
            ), PageMeta(description=node.description or f"政府信息公开目录：{node.name}")))
    return out


# ---------------------------------------------------------------- 文件

def _jsonld(cat: Catalog, doc: Document) -> str:
    site_url = str(cat.config.site.get("url") or "") if cat.config else ""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Legislation" if doc.normative else "DigitalDocument",
        "name": doc.title,
        "url": urls.absolute(site_url, urls.document(doc.id)),
        "inLanguage": "zh-CN",
    }
    if doc.normative:
        data["legislationIdentifier"] = doc.doc_no or doc.index_no or doc.id
        if doc.written:
            data["legislationDate"] = doc.written.isoformat()
        if doc.status in LEGAL_FORCE:
            data["legislationLegalForce"] = LEGAL_FORCE[doc.status]
        if doc.issuer:
            data["legislationPassedBy"] = {"@type": "GovernmentOrganization", "name": doc.issuer}
        if doc.kind:
            data["legislationType"] = doc.kind
        if doc.effective:
            data["legislationDateVersion"] = doc.effective.isoformat()
    elif doc.issuer:
        data["publisher"] = {"@type": "GovernmentOrganization", "name": doc.issuer}
    if doc.published:
        data["datePublished"] = doc.published.isoformat()
    if doc.summary:
        data["abstract"] = doc.summary
    if doc.index_no:
        data["identifier"] = doc.index_no
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Inside <script> only "</" (and HTML comment openers) can end the element early: escape < > &.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _repeal_notice(cat: Catalog, rel: Relations, doc: Document) -> dict[str, object] | None:
    """The banner of a 废止/失效 document: since when, and by which instrument (linked when on the site)."""
    if doc.status not in NOT_IN_FORCE:
        return None
    if doc.repealed is not None:
        return {"status": doc.status, "date": doc.repealed.date, "by": rel.target(cat, doc.repealed.by)}
    return {"status": doc.status, "date": doc.expires, "by": None}


def document_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """documents/<id>/ for every document: 信息索引表, status, banner, body, 依据, 清理, 被引用, JSON-LD."""
    rel = relations(cat)
    return [document_page(cat, rel, doc) for doc in rel.documents]


def document_page(cat: Catalog, rel: Relations, doc: Document) -> SitePage:
    """The page of one document (serve re-renders an edited document alone with it)."""
    url = urls.document(doc.id)
    path = ancestors(cat, doc.category)
    crumbs = [Crumb("首页", urls.HOME), Crumb("公开目录", urls.CATALOGUE)]
    crumbs += [Crumb(c.name, urls.category(c.code)) for c in path]
    crumbs.append(Crumb(doc.title))
    body = resolve_links(cat, doc.body, url).strip()
    reviews = sorted(doc.reviews, key=lambda r: (r.date or dt.date.min, r.index))
    html = render(
        "document.html.j2", here=url, doc=doc, crumbs=crumbs,
        category=cat.categories.get(doc.category or ""),
        notice=_repeal_notice(cat, rel, doc),
        amended_by=[rel.target(cat, a) for a in doc.amended_by],
        interprets=cat.documents.get(doc.interprets or ""),
        interpretations=rel.interpretations.get(doc.id, []),
        basis=[(cat.laws.get(b.law or ""), b) for b in doc.basis],
        reviews=reviews, cited_by=rel.cited_by.get(doc.id, []),
        attachments=[(a.rsplit("/", 1)[-1], urls.attachment(a)) for a in doc.attachments],
        body_slot=BODY_SLOT, jsonld=_jsonld(cat, doc),
    )
    return SitePage(url, doc.title, body, PageMeta(
        description=doc.summary, updated=doc.published, toc="\n#" in "\n" + body,
    ), html)


# ---------------------------------------------------------------- 规范性文件库

def _year(doc: Document) -> int | None:
    d = doc.published or doc.written
    return d.year if d else None


def normative_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """normative/ with static filter pages: status/<slug>/, year/<yyyy>/, both, each paginated."""
    rel = relations(cat)
    docs = [d for d in rel.documents if d.normative]
    statuses = list(DOC_STATUSES)
    years = sorted({y for d in docs if (y := _year(d)) is not None}, reverse=True)
    groups: dict[tuple[str | None, int | None], list[Document]] = defaultdict(list)
    for d in docs:
        s = d.status if d.status in statuses else None
        y = _year(d)
        for key in {(None, None), (s, None), (None, y), (s, y)}:
            groups[key].append(d)
    counts = {k: len(v) for k, v in groups.items()}
    # The JS enhancement jumps to the static page of a (status, year) pair: only pairs that exist.
    combos = {f"{urls.slug(s) if s else ''}|{y or ''}": urls.normative(s, y) for (s, y) in groups}
    out: list[SitePage] = []
    for (status, year), members in sorted(groups.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or 0)):
        pages = chunks(members)
        label = "、".join(x for x in (status, f"{year}年" if year else None) if x)
        for n, rows in enumerate(pages, start=1):
            url = urls.normative(status, year, n)
            title = "规范性文件库" + (f"：{label}" if label else "") + (f"（第{n}页）" if n > 1 else "")
            crumbs = [Crumb("首页", urls.HOME)]
            crumbs += [Crumb("规范性文件库", urls.NORMATIVE), Crumb(label or title)] if label else [Crumb(title)]
            html = render(
                "normative.html.j2", here=url, title=title, rows=rows, status=status, year=year,
                statuses=statuses, years=years, counts=counts, total=len(members), crumbs=crumbs,
                pager=Pager(n, len(pages), partial(_normative_page, status, year)),
                combos=combos, all_count=len(docs),
            )
            out.append(html_page(url, title, html, PageMeta(
                description="本单位制发及负责实施的规章和行政规范性文件，可按效力状态和发布年份筛选。",
            )))
    return out


# ---------------------------------------------------------------- 权力清单

def _power_order(p: Power) -> tuple[str, str]:
    return (p.code, p.name)


def power_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """powers/ grouped by the 10 types with counts, powers/type/<slug>/ lists, powers/<slug>/ pages."""
    rel = relations(cat)
    by_type: dict[str, list[Power]] = {t: [] for t in POWER_TYPES}
    for p in sorted(cat.powers.values(), key=_power_order):
        by_type.setdefault(p.type or "其他行政权力", []).append(p)
    total = sum(len(v) for v in by_type.values())
    crumbs = [Crumb("首页", urls.HOME), Crumb("权力清单")]
    out = [html_page(urls.POWERS, "权力清单", render(
        "powers.html.j2", here=urls.POWERS, by_type=by_type, total=total, crumbs=crumbs,
        shown=POWERS_PER_TYPE_ON_OVERVIEW, agency=_agency(cat),
    ), PageMeta(description=f"{_agency(cat)}行政权力清单（权责清单），按权力类型分类。"))]
    for type_name, members in by_type.items():
        if not members:
            continue
        pages = chunks(members)
        for n, rows in enumerate(pages, start=1):
            url = urls.power_type(type_name, n)
            title = f"权力清单：{type_name}" + (f"（第{n}页）" if n > 1 else "")
            out.append(html_page(url, title, render(
                "power_type.html.j2", here=url, title=title, type_name=type_name, rows=rows, total=len(members),
                crumbs=[Crumb("首页", urls.HOME), Crumb("权力清单", urls.POWERS), Crumb(type_name)],
                pager=Pager(n, len(pages), partial(_power_type_page, type_name)),
            )))
    slugs: set[str] = set()
    for p in sorted(cat.powers.values(), key=_power_order):
        url = urls.power(p.code)
        slug = urls.slug(p.code)
        if not slug or slug in urls.RESERVED_POWER_SLUGS or slug in slugs:
            continue  # a check error (duplicate-id, invalid-value); serve previews the rest
        slugs.add(slug)
        out.append(html_page(url, p.name, render(
            "power.html.j2", here=url, power=p,
            crumbs=[Crumb("首页", urls.HOME), Crumb("权力清单", urls.POWERS),
                    Crumb(p.type or "其他行政权力", urls.power_type(p.type or "其他行政权力")), Crumb(p.name)],
            basis=[(cat.laws.get(b.law or ""), b) for b in p.basis],
            discretion=cat.documents.get(p.discretion or ""),
            cited_by=rel.power_cited_by.get(p.code, []),
        ), PageMeta(description=f"{p.type or ''}：{p.name}（权力编码 {p.code}）")))
    return out


# ---------------------------------------------------------------- 执法依据

def _law_order(law: LegalBasis) -> tuple[int, str, str]:
    level = LAW_LEVELS.index(law.level) if law.level in LAW_LEVELS else len(LAW_LEVELS)
    return (level, law.title, law.id)


def law_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """laws/ (+ page/N/) with status and "as of" date, and laws/<id>/ with what cites each law."""
    rel = relations(cat)
    laws = sorted(cat.laws.values(), key=_law_order)
    status_counts = Counter(law.status for law in laws)
    pages = chunks(laws)
    out: list[SitePage] = []
    for n, rows in enumerate(pages, start=1):
        url = urls.laws(n)
        title = "执法依据" + (f"（第{n}页）" if n > 1 else "")
        out.append(html_page(url, title, render(
            "laws.html.j2", here=url, title=title, rows=rows, total=len(laws), crumbs=[Crumb("首页", urls.HOME),
                                                                                   Crumb(title)],
            statuses=[(s, status_counts.get(s, 0)) for s in LAW_STATUSES],
            pager=Pager(n, len(pages), urls.laws), cited_counts={law.id: len(rel.law_cited_by.get(law.id, []))
                                                                 for law in rows},
        ), PageMeta(description=f"{_agency(cat)}实施行政执法所依据的法律、法规、规章，标注时效性和核对日期。")))
    for law in laws:
        url = urls.law(law.id)
        cited = rel.law_cited_by.get(law.id, [])
        out.append(html_page(url, law.title, render(
            "law.html.j2", here=url, law=law,
            crumbs=[Crumb("首页", urls.HOME), Crumb("执法依据", urls.LAWS), Crumb(law.title)],
            repealer=rel.target(cat, law.repealed.by) if law.repealed else None,
            powers=[c for c in cited if c.relation == CITES_POWER_BASIS],
            documents=[c for c in cited if c.relation == CITES_BASIS],
            others=[c for c in cited if c.relation not in (CITES_POWER_BASIS, CITES_BASIS)],
        ), PageMeta(description=f"{law.level or ''}：{law.title}")))
    return out


# ---------------------------------------------------------------- 搜索 (the results page; the index is search/)

def search_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    from generator.search import search_page_markdown

    return [SitePage(urls.SEARCH, "搜索", search_page_markdown(), PageMeta(trusted=True))]


# ---------------------------------------------------------------- 首页

@dataclass(frozen=True)
class Section:
    """One top-level section of the site: the nav and the home page list the same ones."""

    title: str
    url: str
    blurb: str


_MD_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`>#|]")


def _blurb(page: Page, limit: int = 48) -> str:
    """A content page's one-line description: its front matter `description`, else its first paragraph."""
    described = page.src.raw.get("description")
    if isinstance(described, str) and described.strip():
        return described.strip()
    for para in _title_and_body(page)[1].split("\n\n"):
        text = _MD_MARKUP.sub(lambda m: m.group(1) or "", para).strip()
        if text and not para.lstrip().startswith(("#", "<", "|", "-", "!")):
            text = " ".join(text.split())
            return text if len(text) <= limit else text[: limit - 1] + "…"
    return ""


def sections(cat: Catalog, present: set[str]) -> list[Section]:
    """The top sections, in nav order; a section appears only when its page exists."""
    out = [
        Section("首页", urls.HOME, ""),
        Section("公开指南", urls.GUIDE, "如何获取政府信息：主动公开范围、依申请公开流程、工作机构联系方式"),
    ]
    for page in cat.pages:  # other top-level prose pages (公开制度, 机构职能 …), in file order
        url = urls.content_page(page.url_path)
        if url not in (urls.HOME, urls.GUIDE) and url.count("/") == 1 and url in present:
            out.append(Section(_title_and_body(page)[0], url, _blurb(page)))
    out += [
        Section("公开目录", urls.CATALOGUE, "按主题分类浏览全部主动公开信息，每条列明索引号、名称、内容概述和生成日期"),
        Section("规范性文件库", urls.NORMATIVE, "规章和行政规范性文件，可按效力状态和年份筛选"),
        Section("权力清单", urls.POWERS, "行政权力事项及其实施依据、责任事项"),
        Section("执法依据", urls.LAWS, "行政执法所依据的法律、法规、规章及其时效性"),
        Section("清理结果", urls.AUDIT, "规范性文件清理和效力状态统计"),
    ]
    annual = sorted((u for u in present if u.startswith(urls.ANNUAL_REPORTS)), reverse=True)
    annual_url = urls.ANNUAL_REPORTS if urls.ANNUAL_REPORTS in present else (annual[0] if annual else "")
    out.append(Section("年度报告", annual_url or urls.ANNUAL_REPORTS, "政府信息公开工作年度报告"))
    return [s for s in out if s.url in present]


def home_page(cat: Catalog, today: dt.date, present: set[str]) -> SitePage:
    rel = relations(cat)
    normative = [d for d in rel.documents if d.normative]
    counts = {
        urls.CATALOGUE: (len(rel.documents), "条公开信息"),
        urls.NORMATIVE: (sum(1 for d in normative if d.status == "有效"), "件现行有效"),
        urls.POWERS: (len(cat.powers), "项权力事项"),
        urls.LAWS: (len(cat.laws), "部执法依据"),
    }
    site = cat.config.site if cat.config else {}
    intro = home_intro(cat)
    html = render(
        "home.html.j2", here=urls.HOME, site_name=_site_name(cat), description=site.get("description") or "",
        agency=agency_block(cat), sections=[s for s in sections(cat, present) if s.url != urls.HOME],
        counts=counts, latest=rel.documents[:LATEST_ON_HOME], intro=bool(intro), body_slot=BODY_SLOT,
        categories=cat.categories, feed=urls.FEED,
        exports=[(name, urls.data(name, "json"), urls.data(name, "csv")) for name in EXPORT_TITLES],
        export_titles=EXPORT_TITLES,
    )
    return SitePage(urls.HOME, _site_name(cat) or "首页", intro,
                    PageMeta(description=str(site.get("description") or "") or None), html)


# The exported lists (exports.py writes data/<name>.json|csv); the home page links them.
EXPORT_TITLES = {
    "documents": "公开信息目录",
    "normative": "规范性文件",
    "powers": "权力清单",
    "laws": "执法依据",
    "categories": "公开目录分类",
}


# ---------------------------------------------------------------- all pages

# The page families of the site. Add a family (e.g. the audit and annual-report pages) here.
PAGE_FAMILIES: list[PageFamily] = [
    content_pages,
    catalogue_pages,
    document_pages,
    normative_pages,
    power_pages,
    law_pages,
    search_pages,
    audit_pages,
    annual_pages,
]


class SiteError(Exception):
    """Two pages claim one URL: a bug of a page family (data that would do so is a check problem)."""


def build_pages(cat: Catalog, today: dt.date, families: Sequence[PageFamily] | None = None) -> list[SitePage]:
    """Every page of the site. A content/ page yields its URL to a generated page of the same URL
    (e.g. content/annual-reports/2025.md is the prose the generated 年度报告 page includes)."""
    generated: dict[str, SitePage] = {}
    prose: list[SitePage] = []
    for family in PAGE_FAMILIES if families is None else families:
        for page in family(cat, today):
            if page.meta.from_content:
                prose.append(page)
            elif page.url in generated:
                raise SiteError(f"两个页面使用同一网址 '{page.url}'：{generated[page.url].title} / {page.title}")
            else:
                generated[page.url] = page
    # Prose on a generated URL, or two pages on one (a check error, but serve previews anyway):
    # the first one keeps the URL.
    first: dict[str, SitePage] = {}
    for p in prose:
        first.setdefault(p.url, p)
    pages = list(generated.values()) + [p for p in first.values() if p.url not in generated]
    present = {p.url for p in pages}
    pages.insert(0, home_page(cat, today, present))
    return pages
