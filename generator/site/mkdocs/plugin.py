"""The page-injecting MkDocs plugin, and the MkDocs configuration of a build that carries it.

How a page gets into the site: generator/site/pages/ renders each page (content/ pages too);
`DisclosurePlugin.on_files` adds it as a generated file (`File.generated`, never written into the
repository) that is not in the nav, and the files the catalogue checks allow as static files; MkDocs
itself reads no folder of the project. `on_page_markdown` sets a page's title and meta.
The nav holds only the top sections, because MkDocs renders the whole nav into every page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment
from markupsafe import escape

from generator.site.csp import with_policy
from generator.site.mkdocs.config import StaticFile, src_uri, url_of
from generator.site.pages.base import BODY_SLOT, SitePage
from generator.site.sanitize import clean_html, defuse_markdown, heading_id, outline_headings
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

PLUGIN_NAME = "gov-disclosure"


# BasePlugin is generic in its config class, and its __init_subclass__ is unannotated (mkdocs 1.6.1).
class DisclosurePlugin(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    """Feeds the catalogue pages and static files into the MkDocs build."""

    def __init__(self, pages: Sequence[SitePage], static: Sequence[StaticFile], sections: Sequence[str]) -> None:
        super().__init__()
        self.pages = {src_uri(p.url): p for p in pages}
        self.static = static
        self.sections = list(sections)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The docs dir is empty (see load): `files` holds the theme's own files only.
        for uri, page in self.pages.items():
            files.append(File.generated(config, uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        for s in self.static:
            files.append(File.generated(config, s.url, abs_src_path=str(s.source)))
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """`gov_t(key)`, which templates/overrides/partials/language.html calls: Material's translation
        of a key, computed by Material's own language macros once per key instead of once per use."""
        language = env.get_template(f"partials/languages/{config.theme['language']}.html").module
        english = env.get_template("partials/languages/en.html").module
        known: dict[str, str] = {}

        def gov_t(key: str) -> str:
            if key not in known:
                known[key] = language.t(key) or english.t(key) or key  # type: ignore[attr-defined]
            return known[key]

        env.globals["gov_t"] = gov_t
        return env

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        """Put the converted Markdown into the page's ready HTML (at BODY_SLOT).

        Markdown passes raw HTML through, so the converted body is cleaned to the allow-list of
        sanitize.py first: an editor's <script>, on*= or javascript: link never reaches the site.
        """
        sp = self.pages.get(page.file.src_uri)
        if sp is None or not sp.meta.trusted:
            html = outline_headings(clean_html(html))
        ready = sp.full_html() if sp is not None else ""
        if not ready:
            return html
        before, slot, after = ready.partition(BODY_SLOT)
        return before + html + after if slot else ready + html

    def on_post_page(self, output: str, *, page: MkPage, config: MkDocsConfig) -> str:
        """Every page carries its Content-Security-Policy (csp.py): the theme's inline scripts by hash."""
        return with_policy(output, page.content or "")

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return with_policy(output_content) if template_name.endswith(".html") else output_content

    def on_page_markdown(self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        sp = self.pages.get(page.file.src_uri)
        if sp is None or not sp.meta.trusted:
            markdown = defuse_markdown(markdown)  # a paragraph that would stall Python-Markdown: plain text
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


def load(config_path: Path, pages: Sequence[SitePage], static: Sequence[StaticFile], site_dir: Path,
         empty: Path) -> MkDocsConfig:
    """The MkDocs configuration of a build: mkdocs.yml, the site dir, and the page-injecting plugin.

    MkDocs reads no folder of the project: its docs dir is `empty`, an empty directory, and every
    page and file of the site is handed in by the plugin. MkDocs would otherwise copy whatever lies
    in content/ (an .html or .svg file, a link to /etc/passwd, a link to / it would walk for ever);
    what is published is decided once, by the catalogue checks.
    """
    config = load_config(config_file=str(config_path), site_dir=str(site_dir), docs_dir=str(empty))
    # Material prints site_name and site_description unescaped in places (and with `| e` in others):
    # as Markup, the escaped text is printed as is everywhere.
    config["site_name"] = escape(config["site_name"] or "")
    config["site_description"] = escape(config["site_description"] or "")
    # Heading anchors of editors' Markdown live in the editors' id namespace (sanitize.py).
    config["mdx_configs"].setdefault("toc", {})["slugify"] = heading_id
    sections = [url_of(next(iter(item.values()))) for item in config.nav or [] if isinstance(item, dict)]
    config.plugins[PLUGIN_NAME] = DisclosurePlugin(pages, static, sections)
    return config
