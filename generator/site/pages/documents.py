"""documents/<id>/: one page per document — 信息索引表, status, repeal banner, body, 依据, 清理, 被引用, JSON-LD.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable

from generator.audit.directory import history
from generator.format.model import Catalog, Document
from generator.format.relations import Relations, ancestors, relations, resolve_links
from generator.format.status import DocStatus, in_force, marked_title, shown_status
from generator.site import urls
from generator.site.pages.base import (
    BODY_SLOT,
    Crumb,
    PageMeta,
    SitePage,
    Started,
    site_name,
)
from generator.site.qr import qr_svg
from generator.templating import render

# schema.org LegalForceStatus for each document status (SPEC §6 JSON-LD).
LEGAL_FORCE: dict[str, str] = {
    DocStatus.VALID: "https://schema.org/InForce",
    DocStatus.AMENDED: "https://schema.org/PartiallyInForce",
    DocStatus.REPEALED: "https://schema.org/NotInForce",
    DocStatus.EXPIRED: "https://schema.org/NotInForce",
}


def _jsonld(site_url: str, doc: Document) -> str:
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
    if in_force(doc.status):
        return None
    if doc.repealed is not None:
        return {"status": doc.status, "date": doc.repealed.date, "by": rel.target(cat, doc.repealed.by)}
    return {"status": doc.status, "date": doc.expires, "by": None}


def render_day(cat: Catalog, today: dt.date) -> dt.date:
    """The day a document page is drawn as of. A page depends on the date only through 尚未施行 (a
    document whose 施行日期 is after it): the latest 施行日期 on or before `today` shows every page
    exactly as `today` does, and changes only when a document comes into force — so a rebuild on
    another day reuses the pages of the day before."""
    passed = [d.effective for d in cat.documents.values() if d.effective is not None and d.effective <= today]
    return max(passed, default=dt.date.min)


# Per page: its inputs' fingerprint; and, when made by another process, its own fingerprint
# (`SitePage.fingerprint`) and what `_shown` made of it (the Markdown None when it is the body as
# written: only the pages whose links were resolved send theirs back).
Ahead = tuple[bytes, str, str | None, bool] | None
# Every page's inputs' fingerprint and `Ahead`, and the records' fingerprints met on the way
# (Fingerprinter.met), in the order of `relations(cat).documents`.
Found = tuple[list[bytes], list[Ahead], list[tuple[bytes, bytes]]]


def document_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """documents/<id>/ for every document: 信息索引表, status, banner, body, 依据, 清理, 被引用, JSON-LD."""
    return start_document_pages(cat, today).finish()


def fingerprints(cat: Catalog, today: dt.date) -> Found:
    """Every document page's fingerprints — the bulk of the work when pages are taken over from the last
    build —, for another process to make while this one makes the other families (build.py)."""
    return _found(cat, today, ahead=True)


def _found(cat: Catalog, today: dt.date, ahead: bool) -> Found:
    """Every page's inputs' fingerprint; with `ahead`, what `Ahead` says."""
    rel = relations(cat)
    day = render_day(cat, today)
    fingerprint = cat.fingerprint()
    shared = _shared_key(cat, day)  # once, not once a page
    known = len(fingerprint.met)
    keys = [fingerprint(shared, _args(cat, rel, doc)) for doc in rel.documents]
    made: list[Ahead] = [None] * len(keys)
    if ahead:
        for n, (doc, key) in enumerate(zip(rel.documents, keys, strict=True)):
            page = document_page(cat, rel, doc, day, inputs=key)
            made[n] = (page.fingerprint(fingerprint), page.title,
                       None if page.markdown is doc.body else page.markdown, page.meta.toc)
    return keys, made, list(fingerprint.met.items())[known:]


def start_document_pages(cat: Catalog, today: dt.date, found: Callable[[], Found] | None = None,
                         cancel: Callable[[], None] = lambda: None) -> Started:
    """`document_pages`, begun: `finish()` makes the pages, with the fingerprints `found` gives when another
    process makes them (`fingerprints`; `cancel` stops it) — the same bytes either way."""
    rel = relations(cat)
    day = render_day(cat, today)
    fingerprint = cat.fingerprint()

    def finish() -> list[SitePage]:
        keys, made, met = found() if found is not None else _found(cat, today, ahead=False)
        fingerprint.met.update(met)  # kept for the next build (cache.keep_records), as if met here
        out = []
        for doc, key, m in zip(rel.documents, keys, made, strict=True):
            if m is None:
                out.append(document_page(cat, rel, doc, day, inputs=key))
            else:
                own, title, markdown, toc = m
                shown = (title, doc.body if markdown is None else markdown, toc)
                out.append(document_page(cat, rel, doc, day, inputs=key, key=own, shown=shown))
        return out

    return Started(finish, cancel)


def _shown(cat: Catalog, doc: Document, today: dt.date) -> tuple[str, str, bool]:
    """A document page's title, Markdown and whether it has headings (a table of contents)."""
    # Not stripped: Markdown ignores the blank lines around a body, and an unchanged body stays the
    # record's own string instead of a copy of it (50,000 bodies are a good part of a build's memory).
    body = resolve_links(cat, doc.body, urls.document(doc.id))
    return marked_title(doc.title, shown_status(doc.status, doc.effective, today)), body, "\n#" in "\n" + body


def document_page(cat: Catalog, rel: Relations, doc: Document, today: dt.date, inputs: bytes | None = None,
                  key: bytes | None = None, shown: tuple[str, str, bool] | None = None) -> SitePage:
    """The page of one document (serve re-renders an edited document alone with it). Its HTML is drawn
    on demand from `_common` and `_args`, which hold everything it shows (`inputs` is their fingerprint);
    they are made again when it is drawn rather than kept, so 50,000 pages waiting to be drawn hold little.
    `key` and `shown`: the page's fingerprint and `_shown`, when another process made them."""
    title, body, toc = _shown(cat, doc, today) if shown is None else shown
    if inputs is None:
        inputs = cat.fingerprint()(_shared_key(cat, today), _args(cat, rel, doc))
    return SitePage(urls.document(doc.id), title, body, PageMeta(
        description=doc.summary, updated=doc.published, toc=toc,
    ), draw=functools.partial(_draw, cat, rel, doc, today), inputs=inputs).keyed(key)


TEMPLATE = "document.html.j2"


def _common(cat: Catalog, today: dt.date) -> dict[str, object]:
    """What every document page shows alike."""
    return dict(campaigns=cat.cleanups, body_slot=BODY_SLOT, today=today, site_name=site_name(cat),
                site_url=cat.config.site.url)


def _shared_key(cat: Catalog, today: dt.date) -> bytes:
    return cat.fingerprint()(TEMPLATE, _common(cat, today))


def _args(cat: Catalog, rel: Relations, doc: Document) -> dict[str, object]:
    """Everything the page shows of its own but its QR code and JSON-LD (both made from `doc` and `address`)."""
    url = urls.document(doc.id)
    crumbs = [Crumb("首页", urls.HOME), Crumb("公开目录", urls.CATALOGUE)]
    crumbs += [Crumb(c.name, urls.category(c.code)) for c in ancestors(cat, doc.category)]
    crumbs.append(Crumb(doc.title))
    return dict(
        here=url, doc=doc, crumbs=crumbs,
        category=cat.categories.get(doc.category or ""),
        notice=_repeal_notice(cat, rel, doc),
        amended_by=[rel.target(cat, a) for a in doc.amended_by],
        interprets=cat.documents.get(doc.interprets or ""),
        interpretations=rel.interpretations.get(doc.id, []),
        basis=[(cat.laws.get(b.law or ""), b) for b in doc.basis],
        reviews=sorted(doc.reviews, key=lambda r: (r.date or dt.date.min, r.index)),
        cited_by=rel.cited_by.get(doc.id, []),
        attachments=[(a.rsplit("/", 1)[-1], urls.attachment(a)) for a in doc.attachments],
        history=history(cat, doc), address=urls.absolute(cat.config.site.url, url),
    )


def _draw(cat: Catalog, rel: Relations, doc: Document, today: dt.date) -> str:
    """The page's HTML: the template with its QR code and JSON-LD (made here, only when drawn)."""
    args = _args(cat, rel, doc)
    return render(TEMPLATE, **args, **_common(cat, today), jsonld=_jsonld(cat.config.site.url, doc),
                  qr=qr_svg(str(args["address"])))
