"""The ONLY module that knows about MkDocs and Material: config, the page-injecting plugin, build, serve.

Everything else produces engine-neutral `SitePage`s and `StaticFile`s. Material for MkDocs reaches
end of life on 2027-05-05; its successor Zensical reads the same mkdocs.yml and theme overrides,
so moving engines means rewriting this module and nothing else.

How a page gets into the site: pages.py renders each page to Markdown; `DisclosurePlugin.on_files`
adds it as a generated file (`File.generated`, never written into the repository) that is not in
the nav, replacing the content/ file of the same URL; `on_page_markdown` sets its title and meta.
The nav holds only the top sections, because MkDocs renders the whole nav into every page.
"""

from __future__ import annotations

import html
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from .model import Catalog
from .pages import BODY_SLOT, SitePage
from .sanitize import clean_html

CONFIG_FILE = "mkdocs.yml"
DOCS_DIR = "content"
PLUGIN_NAME = "gov-disclosure"
OVERRIDES = Path(__file__).parent / "templates" / "overrides"

HEADER = """\
# 由 site_config.yml 生成，请勿手工编辑：运行 `make site`（python -m generator build）会重新生成本文件。
# Generated from site_config.yml by `python -m generator build`; edits here are overwritten.
"""


@dataclass(frozen=True)
class StaticFile:
    """A file copied into the site as is: `url` (site-relative) ← `source` on disk."""

    url: str
    source: Path


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str


def src_uri(url: str) -> str:
    """The docs-relative Markdown path MkDocs derives `url` from ("" → index.md, "a/b/" → a/b.md)."""
    return "index.md" if url == "" else url.rstrip("/") + ".md"


def _url_of(uri: str) -> str:
    """Inverse of src_uri."""
    return "" if uri == "index.md" else uri.removesuffix(".md") + "/"


def dest_uri(url: str) -> str:
    return url + "index.html"


def _rel_or_abs(path: Path, root: Path) -> str:
    """Paths inside the project are written relative, so mkdocs.yml does not depend on the checkout."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def mkdocs_config(cat: Catalog, root: Path, nav: Sequence[NavItem], assets: Sequence[str]) -> dict[str, Any]:
    """The mkdocs.yml for this project, from site_config.yml and the sections that exist."""
    site = cat.config.site if cat.config else {}
    footer = cat.config.footer if cat.config else {}
    agency = cat.config.agency_value("name") if cat.config else ""
    return {
        "site_name": str(site.get("name") or "政府信息公开"),
        "site_url": str(site.get("url") or ""),
        "site_description": str(site.get("description") or ""),
        "docs_dir": DOCS_DIR,
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": _rel_or_abs(OVERRIDES, root),
            "language": "zh",
            "font": False,  # system CJK fonts: no request to Google Fonts (unreachable from many networks)
            "palette": {"scheme": "default", "primary": "custom", "accent": "custom"},
            "icon": {"logo": "material/bank"},
            "features": ["navigation.tabs", "navigation.top"],
        },
        "plugins": [],  # no built-in search: the site's own Chinese search index is written after the build
        "markdown_extensions": [
            "tables", "admonition", "def_list", "footnotes", "sane_lists",
            {"toc": {"baselevel": 2}},  # the page template owns <h1>; body headings start at <h2>
        ],
        "extra_css": [a for a in assets if a.endswith(".css")],
        "extra_javascript": [a for a in assets if a.endswith(".js")],
        "nav": [{item.title: src_uri(item.url)} for item in nav],
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"unrecognized_links": "ignore"}},
        "extra": {
            "generator": False,
            "gov": {
                "agency": agency,
                "sponsor": str(footer.get("sponsor") or ""),
                "site_code": str(footer.get("site_code") or ""),
                "icp": str(footer.get("icp") or ""),
                "police_filing": str(footer.get("police_filing") or ""),
                # The 公安机关备案号 links to its record on beian.mps.gov.cn by the digits of the number.
                "police_code": "".join(ch for ch in str(footer.get("police_filing") or "") if ch.isdigit()),
                "party_gov_badge": str(footer.get("party_gov_badge") or ""),
            },
        },
    }


def write_config(root: Path, config: dict[str, Any]) -> Path:
    """Write mkdocs.yml at the project root (gitignored) only when it changed: no spurious reloads."""
    path = root / CONFIG_FILE
    text = HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        fd, tmp = tempfile.mkstemp(prefix=f".{CONFIG_FILE}-", dir=root)  # unique: builds may run at once
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    return path


class DisclosurePlugin(BasePlugin):  # type: ignore[type-arg]
    """Feeds the catalogue pages and static files into the MkDocs build."""

    def __init__(self, pages: Sequence[SitePage], static: Sequence[StaticFile], sections: Sequence[str]) -> None:
        super().__init__()
        self.pages = {src_uri(p.url): p for p in pages}
        self.static = static
        self.sections = list(sections)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # A content/ Markdown file is replaced by the generated page of the same URL (all of them are:
        # pages.py renders content pages too, with links resolved and the guide's Art. 12 block).
        taken = {dest_uri(p.url) for p in self.pages.values()}
        for f in list(files):
            if f.is_documentation_page() and f.dest_uri in taken:
                files.remove(f)
        for uri, page in self.pages.items():
            files.append(File.generated(config, uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        for s in self.static:
            files.append(File.generated(config, s.url, abs_src_path=str(s.source)))
        return files

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        """Put the converted Markdown into the page's ready HTML (at BODY_SLOT).

        Markdown passes raw HTML through, so the converted body is cleaned to the allow-list of
        sanitize.py first: an editor's <script>, on*= or javascript: link never reaches the site.
        """
        sp = self.pages.get(page.file.src_uri)
        if sp is None or not sp.meta.trusted:
            html = clean_html(html)
        if sp is None or not sp.html:
            return html
        before, slot, after = sp.html.partition(BODY_SLOT)
        return before + html + after if slot else sp.html + html

    def on_page_markdown(self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        sp = self.pages.get(page.file.src_uri)
        if sp is None:
            return markdown
        # Material prints page.meta.title and description unescaped: escape catalogue text here.
        page.meta["title"] = html.escape(sp.title)
        if sp.meta.description:
            page.meta["description"] = html.escape(sp.meta.description)
        if not sp.meta.toc:
            page.meta["hide"] = ["toc"]
        page.meta["gov_section"] = self.section_of(sp.url)
        return markdown

    def section_of(self, url: str) -> str | None:
        """The top section a page belongs to (its nav tab): the longest nav URL that prefixes it;
        documents belong to 公开目录."""
        if url.startswith("documents/"):
            url = "catalogue/"
        found = [u for u in self.sections if u == url or (u and url.startswith(u))]
        return max(found, key=len) if found else None


class _Collect(logging.Handler):
    """MkDocs' warnings, kept to be reported (and to fail a --strict build) instead of logged."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build(config_path: Path, pages: Sequence[SitePage], static: Sequence[StaticFile], site_dir: Path) -> list[str]:
    """Build the MkDocs site into `site_dir`; return MkDocs' warnings (the caller decides if they fail)."""
    config = load_config(config_file=str(config_path), site_dir=str(site_dir))
    # Material prints site_name and site_description unescaped in places (and with `| e` in others):
    # as Markup, the escaped text is printed as is everywhere.
    config["site_name"] = escape(config["site_name"] or "")
    config["site_description"] = escape(config["site_description"] or "")
    sections = [_url_of(next(iter(item.values()))) for item in config.nav or [] if isinstance(item, dict)]
    config.plugins[PLUGIN_NAME] = DisclosurePlugin(pages, static, sections)
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    previous = logger.propagate
    logger.propagate = False  # no stray "WARNING -" lines on stderr: the CLI reports them in Chinese
    try:
        mkdocs_build(config)
    finally:
        logger.removeHandler(collect)
        logger.propagate = previous
    return collect.messages


def serve(builder: Callable[[], None], root: Path, watch: Sequence[Path], host: str, port: int) -> None:
    """Serve `root` with live reload; `builder` rebuilds it whenever a watched path changes."""
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(root), mount_path="/")
    for path in watch:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()
    finally:
        server.shutdown()
