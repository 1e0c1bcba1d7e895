"""Which pages a build takes over from the last one, and what it keeps of each page it renders.

A page's key fingerprints everything its output file is made from: the page itself (URL, title,
Markdown, meta, and its HTML — or, for a page drawn on demand, the fingerprint of what it is drawn
from), the MkDocs configuration (nav, theme options, assets) and, for a page whose Markdown may link
to other files, the list of every file of the site (a link is written and checked against it). The
generator's own code is in the key through Reuse (cache.py). The nav every page shows is drawn
from the configuration (titles and URLs), not from the nav pages' content: a nav page is taken over
like any other.

Taking a page over links its output file from the previous site and restores what the rest of the
build needs of it: its anchors (MkDocs checks other pages' links to them) and the log records its
rendering wrote (a broken link is reported again, as a clean build would).

When no page left to render can link to another file, and no page taken over links to an anchor,
MkDocs is given only the pages to render and the nav's pages (`narrow`): it then sets up a few files
instead of every page of the site. Otherwise it gets them all and skips those taken over.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Any

from generator.cache import Fingerprinter, Reuse
from generator.site.pages.base import SitePage
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

# Markdown that may reference another file of the site: a link, an image, a reference definition or
# raw HTML. Its output depends on the site's file list; other pages' does not.
LINK_MARKS = ("](", "]:", "<")

PAGE = "page:"  # a page's name in the cache (Reuse): PAGE + its docs path


def page_files(reuse: Reuse) -> dict[str, tuple[int, int, int]]:
    """The page files this build made or took over, with their state (what a skeleton links: publish.py)."""
    return {rel: state for name, e in reuse.current.items() if name.startswith(PAGE)
            for rel, state in e.files.items() if state is not None}


Anchors = tuple[set[str], dict[str, Any]]  # a page's present anchor ids; its links to anchors by target
Records = list[tuple[int, int, dict[str, Any]]]  # (step, order, log record) of one page


def may_link(page: SitePage) -> bool:
    return any(m in page.markdown for m in LINK_MARKS)


def dest_of(uri: str) -> str:
    """The output file of the page at docs path `uri` (directory URLs: a/b.md → a/b/index.html)."""
    return "index.html" if uri == "index.md" else uri.removesuffix(".md") + "/index.html"


def anchors_of(page: Page | None) -> Anchors:
    assert page is not None
    links = {target.src_uri: found for target, found in (page.links_to_anchors or {}).items()}
    return page.present_anchor_ids or set(), links


def set_anchors(page: Page, anchors: Anchors, by_uri: Mapping[str, File]) -> None:
    present, links = anchors
    page.present_anchor_ids = present
    page.links_to_anchors = {by_uri[uri]: found for uri, found in links.items()}


@dataclass
class Kept:
    """The pages of one build taken over from the last one (by docs path), and the keys of all."""

    reuse: Reuse
    site_dir: Path
    order: dict[str, int]  # every page's place in the site (MkDocs' order of its files)
    keys: dict[str, bytes] = field(default_factory=dict)
    taken: dict[str, tuple[Anchors, Records]] = field(default_factory=dict)
    narrow: bool = False

    @classmethod
    def plan(cls, reuse: Reuse, pages: Mapping[str, SitePage], static: Iterable[str],
             config_bytes: bytes, site_dir: Path) -> Kept:
        """Key every page and take over those unchanged (their files linked into `site_dir`)."""
        kept = cls(reuse, site_dir, {uri: n for n, uri in enumerate(pages)})
        if not reuse.enabled:
            reuse.release(site_dir)
            return kept
        fingerprint = Fingerprinter()
        base = fingerprint("mkdocs.yml", config_bytes)
        # A page's key: the site's configuration, the file list when it may link, and the page's own
        # fingerprint (the document pages' made ahead, by the process that fingerprinted their inputs).
        shared = (base + b"-" * 16, base + fingerprint(sorted([*pages, *static])))
        linking = False  # a page left to render may link
        for uri, sp in pages.items():
            links = may_link(sp)
            key = kept.keys[uri] = blake2b(shared[links] + sp.fingerprint(fingerprint), digest_size=16).digest()
            entry = reuse.take(PAGE + uri, key, site_dir)
            if entry is not None:
                kept.taken[uri] = entry.extra
            else:
                linking = linking or links
        reuse.release(site_dir)  # before any page is written: the pages made again are not links
        kept.narrow = not linking and not any(anchors[1] for anchors, _records in kept.taken.values())
        return kept

    def restore(self, file: File, by_uri: Mapping[str, File]) -> None:
        """A taken page's anchors set on its MkDocs page (its links are checked with the others')."""
        anchors, _records = self.taken[file.src_uri]
        assert file.page is not None
        set_anchors(file.page, anchors, by_uri)

    def made(self, rendered: Sequence[File], records: Sequence[tuple[tuple[int, int], int, dict[str, Any]]],
             steps: frozenset[int]) -> None:
        """Record the pages this build rendered, with their anchors and the log records of their
        `steps` (reading and writing a page); records are tagged with the page's place in `order`."""
        if not self.reuse.enabled:
            return
        by_page: dict[int, Records] = defaultdict(list)
        for (step, n), k, data in records:
            if step in steps:
                by_page[n].append((step, k, data))
        for f in rendered:
            uri = f.src_uri
            extra = (anchors_of(f.page), by_page.get(self.order[uri], []))
            self.reuse.made(PAGE + uri, self.keys[uri], self.site_dir, [dest_of(uri)], extra)
