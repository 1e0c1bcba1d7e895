"""The search records of a site: one `SearchDoc` per document, power, law and prose page, from the catalogue."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import Reuse, code_version, load_pickle, save_pickle
from generator.format.status import in_force, public_status
from generator.search.doc import SearchDoc
from generator.search.lexicon import agency_synonyms
from generator.site import urls

if TYPE_CHECKING:
    from generator.format.model import Catalog, Document
    from generator.site.pages.base import SitePage


# Bounded and bracket-free inside: an unbounded `[^\]]*` rescans to the end of the body from every
# unmatched '[' (a body of 20,000 '[' took 13 s; 1 MB of them now takes 0.4 s).
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\n]{0,500}\)")
_MD_NOISE = re.compile(r"<[^<>\n]{1,300}>|[#*_>`|~]+|^\s*[-+]\s+|^\s*\d+\.\s+", re.M)
_SPACE = re.compile(r"\s+")


def plain_text(markdown: str) -> str:
    """Markdown → plain text for the search index: link texts kept, markup and tags dropped."""
    return _SPACE.sub(" ", _MD_NOISE.sub(" ", _MD_LINK.sub(r"\1", markdown))).strip()


class _Texts:
    """plain_text, remembered between builds by a digest of the Markdown (in the cache folder, with the
    generator's version: other code may read Markdown otherwise): at 10,000 documents, reading the
    bodies again takes most of the time of making the records."""

    def __init__(self, path: Path | None, fresh: bool = False) -> None:
        """`fresh`: remember for the next build, but take nothing from the last (`build --no-cache`)."""
        self.path = path
        loaded = load_pickle(path) if path is not None and not fresh else None
        self.old: dict[bytes, str] = {}
        if isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == code_version():
            self.old = loaded[1] if isinstance(loaded[1], dict) else {}
        self.seen: dict[bytes, str] = {}

    def __call__(self, markdown: str, source: bytes = b"") -> str:
        """`plain_text(markdown)`; `source`, when given, stands for the Markdown (see `_source`)."""
        if self.path is None:
            return plain_text(markdown)
        k = source or hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        text = self.old.get(k)
        self.seen[k] = text if text is not None else plain_text(markdown)
        return self.seen[k]

    def save(self) -> None:
        """Written again only when many texts were new: a few missing ones cost less to make next
        time than writing every text again now."""
        new = sum(1 for k in self.seen if k not in self.old)
        if self.path is not None and new > max(16, len(self.seen) // 64):
            save_pickle(self.path, (code_version(), self.seen))


def _source(d: Document) -> bytes:
    """A fingerprint of everything a document's search text is made from: its file, by path and bytes (a
    document is made from its file alone), so that no body is hashed to find its plain text or to key
    it in the index: at 10,000 documents the records took 0.125–0.15 s and their index keys 0.055 s
    with the bodies hashed, 0.10 s and 0.02 s without. Empty when the document was not read from a
    file as a whole (serve's quick preview)."""
    if not d.src.digest:
        return b""
    return hashlib.blake2b(b"document\0%s\0%s" % (d.src.path.encode("utf-8", "surrogatepass"), d.src.digest),
                           digest_size=16).digest()


def search_docs(cat: Catalog, pages: Sequence[SitePage], reuse: Reuse | None = None) -> list[SearchDoc]:
    """One search record per document, power, law and prose page, built from the catalogue (not HTML)."""
    return SearchRecords(cat, reuse.root if reuse is not None else None,
                         fresh=reuse is not None and reuse.fresh).with_pages(pages)


class SearchRecords:
    """`search_docs` in two steps: the catalogue's records (documents, powers, laws) as soon as it is read
    — a build makes them while its other process fingerprints the document pages —, then the prose
    pages' once the pages are made. `cache` is the cache folder (None: no plain-text cache), `fresh`
    as `_Texts` says. It holds every text until it is dropped: a build drops it once it has the records (kept
    through rendering, it raised the 50,000-document peak from 1,316 to 1,527 MB)."""

    def __init__(self, cat: Catalog, cache: Path | None, fresh: bool = False) -> None:
        self.cat = cat
        self.text_of = text_of = _Texts(cache / "search" / "texts.pickle" if cache else None, fresh=fresh)
        self.records: list[SearchDoc] = []
        out = self.records
        for d in cat.documents.values():
            c = cat.categories.get(d.category or "")
            meta = " ".join(x for x in (d.doc_no, d.index_no, d.unified_no, d.issuer, d.genre) if x)
            when = d.published or d.written
            year = when.year if when else None
            source = _source(d)
            out.append(SearchDoc(
                url=urls.document(d.id), title=d.title,
                text=" ".join(x for x in (d.summary, meta, text_of(d.body, source)) if x),
                kind="文件", status=public_status(d.status), year=year, category=c.name if c else None,
                valid=in_force(d.status), source=source,
            ))
        for p in cat.powers.values():
            basis = " ".join(
                (cat.laws[b.law].title if b.law in cat.laws else (b.law or "")) + " " + " ".join(b.articles)
                for b in p.basis
            )
            text = " ".join(x for x in (p.code, p.type, p.subtype, p.subject, p.department, basis, p.accountability)
                            if x)
            out.append(SearchDoc(url=urls.power(p.code), title=p.name, text=text, kind="权力",
                                 status=public_status(p.status), year=None, category=p.type,
                                 valid=in_force(p.status)))
        for law in cat.laws.values():
            text = " ".join(x for x in (law.level, law.issuer, law.title) if x)
            year = law.promulgated.year if law.promulgated else None
            out.append(SearchDoc(url=urls.law(law.id), title=law.title, text=text, kind="依据",
                                 status=public_status(law.status), year=year, category=law.level,
                                 valid=in_force(law.status)))

    def with_pages(self, pages: Sequence[SitePage]) -> list[SearchDoc]:
        """Every record: the catalogue's and the prose pages' among `pages`, in URL order."""
        out = list(self.records)
        by_url = {p.url: p for p in pages}
        for page in self.cat.pages:
            url = urls.content_page(page.url_path)
            site_page = by_url.get(url)
            if site_page is None or not site_page.meta.from_content:
                continue
            out.append(SearchDoc(url=url, title=site_page.title, text=self.text_of(page.body), kind="页面",
                                 status=None, year=None, category=None, valid=True))
        self.text_of.save()
        return sorted(out, key=lambda s: s.url)


def search_synonyms(cat: Catalog) -> list[tuple[str, ...]]:
    """The agency's short name (科学技术局 = 科技局, derived from its name) and `search.synonyms`."""
    return [*agency_synonyms(cat.config.agency.name), *cat.config.search.synonyms]
