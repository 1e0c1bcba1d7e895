"""Catalogue + today → every page of the public site (SPEC §6), as `SitePage`s (base.py).

One module per page family, each a function `(cat, today) -> list[SitePage]`; `PAGE_FAMILIES`
below lists them and `build_pages` runs them all. A family renders its HTML from
generator/site/templates/*.html.j2 (see generator/templating.py: every catalogue value is escaped);
editors' Markdown (document bodies, content pages) is left to the site engine and lands at
`BODY_SLOT`. Pages know nothing about MkDocs: generator/site/mkdocs/ turns them into MkDocs files.

Scale by construction: reverse indexes come from generator/format/relations.py (built once), and
no list page holds more than PAGE_SIZE rows — long lists are paginated as `<list>/page/N/`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.format.model import Catalog
from generator.site import urls
from generator.site.pages.annual import annual_pages
from generator.site.pages.audit import audit_pages
from generator.site.pages.base import PageFamily, SitePage, Started
from generator.site.pages.catalogue import catalogue_pages
from generator.site.pages.content import content_pages
from generator.site.pages.directory import directory_pages
from generator.site.pages.documents import document_pages
from generator.site.pages.home import home_page, sections
from generator.site.pages.laws import law_pages
from generator.site.pages.normative import normative_pages
from generator.site.pages.powers import power_pages
from generator.site.pages.search import search_pages
from generator.site.pages.service import service_pages, site_map_page

# The page families of the site. Add a family (e.g. the audit and annual-report pages) here.
PAGE_FAMILIES: list[PageFamily] = [
    content_pages,
    catalogue_pages,
    document_pages,
    normative_pages,
    directory_pages,
    power_pages,
    law_pages,
    search_pages,
    audit_pages,
    annual_pages,
    service_pages,
]


class SiteError(Exception):
    """Two pages claim one URL: a bug of a page family (data that would do so is a check problem)."""


# Families begun elsewhere (build.py: the document pages, fingerprinted by another process).
Begun = dict[PageFamily, Started]


def cancel_pages(begun: Begun) -> None:
    for started in begun.values():
        started.cancel()


def build_pages(cat: Catalog, today: dt.date, families: Sequence[PageFamily] | None = None,
                begun: Begun | None = None) -> list[SitePage]:
    """Every page of the site. A content/ page yields its URL to a generated page of the same URL
    (e.g. content/annual-reports/2025.md is the prose the generated 年度报告 page includes)."""
    generated: dict[str, SitePage] = {}
    prose: list[SitePage] = []
    families = PAGE_FAMILIES if families is None else families
    begun = {} if begun is None else begun
    # The others first: the families begun elsewhere are finished last, when their process is done
    # (whoever began them cancels them if this fails).
    made = {f: f(cat, today) for f in families if f not in begun}
    made.update((f, started.finish()) for f, started in begun.items())
    for family in families:
        for page in made[family]:
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
    present = {p.url for p in pages} | {urls.SITE_MAP}
    pages.append(site_map_page(cat, [(s.title, s.url) for s in sections(cat, present)], present))
    pages.insert(0, home_page(cat, today, present))
    return pages
