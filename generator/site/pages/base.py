"""The page types every page family builds: `SitePage` and its meta, breadcrumbs, pagination.

Pages know nothing about MkDocs: the bridge (generator/site/mkdocs/) turns them into MkDocs files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from generator.cache import Fingerprinter
from generator.format.model import Catalog
from generator.templating import Markup, render

PAGE_SIZE = 50  # rows per list page: short enough for a phone, long enough to scan


@dataclass(frozen=True)
class PageMeta:
    """What the site needs to know about a page besides its Markdown."""

    description: str | None = None
    updated: dt.date | None = None  # sitemap <lastmod>
    toc: bool = False  # show the table-of-contents sidebar (documents and prose pages with headings)
    from_content: bool = False  # a content/ page: yields its URL to a generated page of the same URL
    # The Markdown is the site's own (the search page's form): not cleaned to the editors' allow-list.
    trusted: bool = False


# A page's meta as the tuple of all its fields: fingerprinted without a call back into Python per page.
META_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(PageMeta)))

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
    # A page drawn on demand (the 10,000 document pages): `draw()` gives its HTML, in place of `html`,
    # and `inputs` fingerprints everything draw reads (generator/cache.py). A rebuild takes over the
    # last build's output of an unchanged page without drawing it, and no drawn HTML is kept.
    draw: Callable[[], str] | None = field(default=None, compare=False, repr=False)
    inputs: bytes | None = None
    # `fingerprint()`, when the process that made `inputs` made it too (the document pages: cache.py). Set by
    # `keyed`, never by the constructor: `dataclasses.replace` (the preview's banners) then never carries it over
    # to a page with other content.
    key: bytes | None = field(default=None, init=False, compare=False, repr=False)

    def keyed(self, key: bytes | None) -> SitePage:
        """This page, its fingerprint made elsewhere (see `key`)."""
        object.__setattr__(self, "key", key)
        return self

    def full_html(self) -> str:
        return self.draw() if self.draw is not None else self.html

    def fingerprint(self, fingerprint: Fingerprinter) -> bytes:
        """Everything of the page itself that its output is made from (what all pages share — the site's
        configuration and file list — the bridge adds: mkdocs/kept.py)."""
        if self.key is not None:
            return self.key
        return fingerprint(self.url, (self.title, META_FIELDS(self.meta), self.inputs), self.markdown, self.html)


def html_page(url: str, title: str, html: str, meta: PageMeta | None = None) -> SitePage:
    return SitePage(url, title, "", meta or PageMeta(), html)


@dataclass(frozen=True)
class Shared:
    """Template arguments many pages of a family show alike (every category's count): fingerprinted once."""

    args: dict[str, Any]
    key: bytes

    @classmethod
    def of(cls, fingerprint: Fingerprinter, **args: Any) -> Shared:
        return cls(args, fingerprint(args))


def drawn_page(url: str, title: str, template: str, args: dict[str, Any], meta: PageMeta | None = None,
               fingerprint: Fingerprinter | None = None, shared: Shared | None = None) -> SitePage:
    """A page drawn from `template` with `args` (and `shared`'s) when the site needs its HTML (not when
    the last build's page is taken over). They are all the template reads: the fingerprint sees only them."""
    inputs = (fingerprint or Fingerprinter())(template, args, shared.key if shared else None)
    both = {**args, **shared.args} if shared else args
    return SitePage(url, title, "", meta or PageMeta(), draw=partial(render, template, **both), inputs=inputs)


PageFamily = Callable[[Catalog, dt.date], list[SitePage]]


@dataclass(frozen=True)
class Started:
    """A page family begun ahead of the others (its heavy part in another process): `finish()` gives
    its pages, `cancel()` stops the other process when they are no longer wanted."""

    finish: Callable[[], list[SitePage]]
    cancel: Callable[[], None]


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
            if out and out[-1] is not None and n - out[-1] > 1:
                out.append(None)
            out.append(n)
        return out


def chunks(items: Sequence[T], size: int = PAGE_SIZE) -> list[Sequence[T]]:
    """A list cut into pages; an empty list still has one (empty) page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def site_name(cat: Catalog) -> str:
    return cat.config.site.name


def agency_name(cat: Catalog) -> str:
    return cat.config.agency.name
