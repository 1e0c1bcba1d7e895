"""The catalogue's cross-references, indexed once in both directions.

A document page shows what cites it (解读, 废止, 修改, 裁量基准, body links); a law page shows the
powers and documents resting on it. Computing those per page would make the build quadratic, so
every reverse index is built here in one pass over the catalogue and shared by all pages
(kept on the catalogue as `Catalog.derived_relations`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from generator.format.links import find_links, sub_links
from generator.format.model import Catalog, Category, Document, LegalBasis, Power
from generator.site import urls

# How a record cites a document, phrased from the cited document's page.
CITES_INTERPRETS = "政策解读"
CITES_REPEALS = "被本文件废止"
CITES_AMENDS = "被本文件修改"
CITES_DISCRETION = "裁量基准"
CITES_LINK = "正文引用"
CITES_BASIS = "制定依据"
CITES_POWER_BASIS = "实施依据"
CITES_LAW_REPEALS = "被本法废止"


@dataclass(frozen=True)
class Citation:
    """One incoming reference: which record cites, how, and where it lives on the site."""

    relation: str
    kind: str  # "文件" | "权力" | "依据" | "页面"
    title: str
    url: str
    detail: str = ""  # e.g. the articles relied on
    status: str | None = None


@dataclass(frozen=True)
class Target:
    """What a `repealed.by` (or similar) value points at: a record on the site, or plain text."""

    text: str
    url: str | None = None
    title: str | None = None


def sort_key_newest(doc: Document) -> tuple[dt.date, str]:
    """Newest disclosure first: by publication date, then id (stable and deterministic)."""
    return (doc.published or doc.written or dt.date.min, doc.id)


@dataclass
class Relations:
    """Reverse indexes and lookups every page family shares."""

    documents: list[Document]  # newest first
    cited_by: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    interpretations: dict[str, list[Document]] = field(default_factory=lambda: defaultdict(list))
    law_cited_by: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    power_cited_by: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    by_doc_no: dict[str, Document] = field(default_factory=dict)
    in_category: dict[str, list[Document]] = field(default_factory=lambda: defaultdict(list))
    power_by_slug: dict[str, Power] = field(default_factory=dict)
    law_by_title: dict[str, LegalBasis] = field(default_factory=dict)

    def subtree_documents(self, cat: Catalog, code: str) -> list[Document]:
        """Documents of a category and all its descendants, newest first."""
        codes = descendants(cat, code)
        if len(codes) == 1:
            return self.in_category.get(code, [])
        merged = [d for c in codes for d in self.in_category.get(c, [])]
        return sorted(merged, key=sort_key_newest, reverse=True)

    def target(self, cat: Catalog, value: str | None) -> Target | None:
        """Resolve a `repealed.by`: a catalogue id (document or law), a document's 文号, a law's title, or text."""
        if not value:
            return None
        doc = cat.documents.get(value) or self.by_doc_no.get(value)
        if doc is not None:
            return Target(value, urls.document(doc.id), doc.title)
        law = cat.laws.get(value) or self.law_by_title.get(value.strip("《》"))
        if law is not None:
            return Target(value, urls.law(law.id), law.title)
        return Target(value)


def resolve_links(cat: Catalog, text: str, here: str) -> str:
    """Turn `[文字](doc:ID)`, `(law:ID)`, `(power:CODE)` into relative links from the page at `here`.

    A target that does not exist (only possible in a preview of a catalogue with errors: `build`
    refuses those) becomes a link to "#" so the page still renders.
    """
    if "](" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        kind, target, anchor = m["kind"], m["target"], m["anchor"] or ""
        if kind == "doc" and target in cat.documents:
            url = urls.document(target)
        elif kind == "law" and target in cat.laws:
            url = urls.law(target)
        elif kind == "power" and target in cat.powers:
            url = urls.power(target)
        else:
            return "](#)"
        return f"]({urls.relative(here, url)}{anchor})"

    return sub_links(text, repl)


def descendants(cat: Catalog, code: str) -> list[str]:
    """The category and every category below it, depth first."""
    out: list[str] = []
    stack = [code]
    while stack:
        c = stack.pop()
        if c in out:  # a cycle in bad data must not hang the build
            continue
        out.append(c)
        node = cat.categories.get(c)
        if node is not None:
            stack.extend(reversed(node.children))
    return out


def ancestors(cat: Catalog, code: str | None) -> list[Category]:
    """The category's path from the top level down to itself."""
    path: list[Category] = []
    seen: set[str] = set()
    while code and code in cat.categories and code not in seen:
        seen.add(code)
        node = cat.categories[code]
        path.append(node)
        code = node.parent
    return list(reversed(path))


def _doc_citation(doc: Document, relation: str, detail: str = "") -> Citation:
    return Citation(relation, "文件", doc.title, urls.document(doc.id), detail, doc.status)


def _power_citation(power: Power, relation: str, detail: str = "") -> Citation:
    return Citation(relation, "权力", power.name, urls.power(power.code), detail, power.status)


def _law_citation(law: LegalBasis, relation: str) -> Citation:
    return Citation(relation, "依据", law.title, urls.law(law.id), "", law.status)


def build_relations(cat: Catalog) -> Relations:
    docs = sorted(cat.documents.values(), key=sort_key_newest, reverse=True)
    rel = Relations(documents=docs)
    for doc in docs:
        if doc.doc_no:
            rel.by_doc_no.setdefault(doc.doc_no, doc)
        if doc.category:
            rel.in_category[doc.category].append(doc)
    for doc in docs:
        if doc.interprets and doc.interprets in cat.documents:
            rel.interpretations[doc.interprets].append(doc)
            rel.cited_by[doc.interprets].append(_doc_citation(doc, CITES_INTERPRETS))
        if doc.repealed and doc.repealed.by:
            by = cat.documents.get(doc.repealed.by) or rel.by_doc_no.get(doc.repealed.by)
            if by is not None and by.id != doc.id:
                rel.cited_by[by.id].append(_doc_citation(doc, CITES_REPEALS))
        for amender in doc.amended_by:
            if amender in cat.documents and amender != doc.id:
                rel.cited_by[amender].append(_doc_citation(doc, CITES_AMENDS))
        for b in doc.basis:
            if b.law and b.law in cat.laws:
                rel.law_cited_by[b.law].append(_doc_citation(doc, CITES_BASIS, "、".join(b.articles)))
        _body_links(rel, cat, doc.body, _doc_citation(doc, CITES_LINK), self_id=doc.id)
    for power in sorted(cat.powers.values(), key=lambda p: p.code):
        rel.power_by_slug.setdefault(urls.slug(power.code), power)
        if power.discretion and power.discretion in cat.documents:
            rel.cited_by[power.discretion].append(_power_citation(power, CITES_DISCRETION))
        for b in power.basis:
            if b.law and b.law in cat.laws:
                rel.law_cited_by[b.law].append(_power_citation(power, CITES_POWER_BASIS, "、".join(b.articles)))
    for law in sorted(cat.laws.values(), key=lambda x: x.id):
        rel.law_by_title.setdefault(law.title, law)
    for law in sorted(cat.laws.values(), key=lambda x: x.id):
        repealed_by = (law.repealed.by or "") if law.repealed else ""
        repealer = cat.laws.get(repealed_by) or rel.law_by_title.get(repealed_by.strip("《》"))
        if repealed_by and repealer is not None and repealer.id != law.id:
            rel.law_cited_by[repealer.id].append(_law_citation(law, CITES_LAW_REPEALS))
    for page in cat.pages:
        url = urls.content_page(page.url_path)
        cite = Citation(CITES_LINK, "页面", page.title or page.url_path, url)
        _body_links(rel, cat, page.body, cite, self_id=None)
    return rel


def _body_links(rel: Relations, cat: Catalog, body: str, cite: Citation, self_id: str | None) -> None:
    """Record each distinct doc:/law:/power: link of a body once as an incoming citation — and not at all
    when the same record already cites the target in a stronger way (a 政策解读 that also links the document
    it interprets, a document that links its own 制定依据): one record, one line in 被引用."""
    seen: set[tuple[str, str]] = set()
    for link in find_links(body):
        key = (link.kind, link.target)
        if key in seen or link.target == self_id:
            continue
        seen.add(key)
        pool = (rel.cited_by if link.kind == "doc" and link.target in cat.documents
                else rel.law_cited_by if link.kind == "law" and link.target in cat.laws
                else rel.power_cited_by if link.kind == "power" and link.target in cat.powers else None)
        if pool is not None and not any(c.url == cite.url for c in pool[link.target]):
            pool[link.target].append(cite)


def relations(cat: Catalog) -> Relations:
    """The catalogue's relations, computed once per build."""
    if cat.derived_relations is None:
        cat.derived_relations = build_relations(cat)
    return cat.derived_relations
