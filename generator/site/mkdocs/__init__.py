"""The ONLY module that knows about MkDocs and Material: config, the page-injecting plugin, build, serve.

Everything else produces engine-neutral `SitePage`s and `StaticFile`s. Material for MkDocs reaches
end of life on 2027-05-05; its successor Zensical reads the same mkdocs.yml and theme overrides,
so moving engines means rewriting this module and nothing else.

How a page gets into the site: pages.py renders each page (content/ pages too); `DisclosurePlugin.on_files`
adds it as a generated file (`File.generated`, never written into the repository) that is not in
the nav, and the files the catalogue checks allow as static files; MkDocs itself reads no folder
of the project. `on_page_markdown` sets a page's title and meta.
The nav holds only the top sections, because MkDocs renders the whole nav into every page.
"""

from __future__ import annotations

import contextlib
import functools
import html
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml
from jinja2 import Environment
from markupsafe import escape

from generator.format.model import Catalog
from generator.parallel import default_jobs, fork_call
from generator.site.csp import with_policy
from generator.site.pages.base import BODY_SLOT, SitePage
from generator.site.sanitize import clean_html, defuse_markdown, heading_id
from mkdocs import utils as mkutils
from mkdocs.commands import build as mkbuild
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure import pages as mkpages
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import get_toc

CONFIG_FILE = "mkdocs.yml"
DOCS_DIR = "content"
PLUGIN_NAME = "gov-disclosure"
# Below this many pages per process a second process costs more (fork, copy-on-write) than it saves.
MIN_PAGES_PER_JOB = 100
OVERRIDES = Path(__file__).parent / "overrides"

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
            html = clean_html(html)
        if sp is None or not sp.html:
            return html
        before, slot, after = sp.html.partition(BODY_SLOT)
        return before + html + after if slot else sp.html + html

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


class _Collect(logging.Handler):
    """MkDocs' warnings, kept to be reported (and to fail a --strict build) instead of logged."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


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
    sections = [_url_of(next(iter(item.values()))) for item in config.nav or [] if isinstance(item, dict)]
    config.plugins[PLUGIN_NAME] = DisclosurePlugin(pages, static, sections)
    return config


def build(config_path: Path, pages: Sequence[SitePage], static: Sequence[StaticFile], site_dir: Path,
          jobs: int | None = None) -> list[str]:
    """Build the MkDocs site into `site_dir` with `jobs` processes (default: one per CPU, at most
    parallel.MAX_JOBS); return MkDocs' warnings (the caller decides if they fail)."""
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    previous = logger.propagate
    logger.propagate = False  # no stray "WARNING -" lines on stderr: the CLI reports them in Chinese
    try:
        with tempfile.TemporaryDirectory(prefix="gov-site-docs-") as empty:
            config = load(config_path, pages, static, site_dir, Path(empty))
            _render_site(config, default_jobs() if jobs is None else max(1, jobs))
    finally:
        logger.removeHandler(collect)
        logger.propagate = previous
    return collect.messages


# ---------------------------------------------------------------- rendering pages on several cores
#
# mkdocs.commands.build.build, step for step, except that the pages are read, converted and
# written by `jobs` processes, each taking every jobs-th page, and that each process converts
# Markdown with one reused Markdown instance (MkDocs builds a new one, with every extension, per
# page). Pages only read shared state — config, files, nav, and the nav pages, which are converted
# before the work is split — so a page's HTML does not depend on which process renders it. Log
# records are tagged with (step, page) and replayed in the order one process would have logged
# them. Output is byte-identical to mkdocs build (tests/test_parallel_build.py).

_SETUP, _READ, _STATIC, _WRITE, _ANCHORS, _POST = range(6)
_Slot = tuple[int, int]


class _Tagged(logging.Handler):
    """Keeps every MkDocs log record with the (step, page) it was logged in."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.slot: _Slot = (_SETUP, 0)
        self.records: list[tuple[_Slot, int, dict[str, Any]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        data = dict(record.__dict__, msg=record.getMessage(), args=None, exc_info=None, exc_text=None)
        self.records.append((self.slot, len(self.records), data))


class _Renderer:
    """One process's share of the pages: read and convert them, then write them."""

    def __init__(self, config: MkDocsConfig, files: Files, nav: Navigation, env: Any, tagged: _Tagged) -> None:
        self.config, self.files, self.nav, self.env, self.tagged = config, files, nav, env, tagged
        self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        self._md: markdown.Markdown | None = None

    def markdown(self) -> markdown.Markdown:
        if self._md is None:
            self._md = markdown.Markdown(extensions=self.config["markdown_extensions"],
                                         extension_configs=self.config["mdx_configs"] or {})
        return self._md.reset()

    def read(self, i: int) -> None:
        """mkdocs.commands.build._populate_page, with Page.render on the reused Markdown instance."""
        self.tagged.slot = (_READ, i)
        config, files = self.config, self.files
        page = self.doc_files[i].page
        assert page is not None
        config._current_page = page
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            assert page.markdown is not None
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            md = self.markdown()
            raw_html = mkpages._RawHTMLPreprocessor()
            raw_html._register(md)
            anchors = mkpages._ExtractAnchorsTreeprocessor(page.file, files, config)
            anchors._register(md)
            relative = mkpages._RelativePathTreeprocessor(page.file, files, config)
            relative._register(md)
            title = mkpages._ExtractTitleTreeprocessor()
            title._register(md)
            page.content = md.convert(page.markdown)
            page.toc = get_toc(getattr(md, "toc_tokens", []))
            page._title_from_render = title.title
            page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
            if mkpages.log.getEffectiveLevel() > logging.DEBUG:
                page.links_to_anchors = relative.links_to_anchors
            page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        except Exception as e:
            message = f"Error reading page '{page.file.src_uri}':"
            if not isinstance(e, BuildError):
                message += f" {e}"
            mkbuild.log.error(message)
            raise
        finally:
            config._current_page = None

    def write(self, i: int) -> None:
        self.tagged.slot = (_WRITE, i)
        f = self.doc_files[i]
        assert f.page is not None
        mkbuild._build_page(f.page, self.config, self.doc_files, self.nav, self.env,
                            excluded=f.inclusion.is_excluded())

    def share(self, pages: Sequence[int]) -> tuple[list[tuple[_Slot, int, dict[str, Any]]], dict[int, Any]]:
        """Read then write `pages` (in a child): its log records and each page's anchor data."""
        self.tagged.records.clear()
        for i in pages:
            self.read(i)
        # The parent's on_env ran after this process was forked: run it here too, after reading as
        # MkDocs does (the site's plugin only registers template globals there).
        self.env = self.config.plugins.on_env(self.env, config=self.config, files=self.files)
        for i in pages:
            self.write(i)
        anchors = {}
        for i in pages:
            page = self.doc_files[i].page
            assert page is not None
            links = {target.src_uri: found for target, found in (page.links_to_anchors or {}).items()}
            anchors[i] = (page.present_anchor_ids, links)
        return self.tagged.records, anchors


def _render_site(config: MkDocsConfig, jobs: int) -> None:
    """mkdocs.commands.build.build with the pages rendered by `jobs` processes (see above)."""
    logger = logging.getLogger("mkdocs")
    tagged = _Tagged()
    handlers = logger.handlers[:]
    for h in handlers:
        logger.removeHandler(h)
    logger.addHandler(tagged)
    try:
        _render_steps(config, jobs, tagged)
    finally:
        logger.removeHandler(tagged)
        for h in handlers:
            logger.addHandler(h)
        for _slot, _n, data in sorted(tagged.records, key=lambda r: (r[0], r[1])):
            record = logging.makeLogRecord(data)
            if logger.isEnabledFor(record.levelno):
                for h in handlers:
                    if record.levelno >= h.level:
                        h.handle(record)


def _session(config: MkDocsConfig, tagged: _Tagged) -> _Renderer:
    """MkDocs' files, theme environment and navigation, with a Page for every documentation file."""
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    renderer = _Renderer(config, files, nav, env, tagged)
    for file in renderer.doc_files:
        if file.page is None and file.inclusion.is_not_in_nav():
            MkPage(None, file, config)
    return renderer


class PagePreview:
    """Pages of a published site re-rendered one at a time, in place: serve shows an edited document
    this way within a second, while the full rebuild (lists, search, exports) follows. MkDocs' files,
    navigation and theme are set up once, from the pages of the last full build."""

    def __init__(self, config_path: Path, pages: Sequence[SitePage], static: Sequence[StaticFile],
                 site_dir: Path) -> None:
        self._empty = tempfile.TemporaryDirectory(prefix="gov-site-docs-")  # lives as long as the preview
        config = load(config_path, pages, static, site_dir, Path(self._empty.name))
        config = config.plugins.on_config(config)
        with _quiet():
            self.renderer = _session(config, _Tagged())
            in_nav = {id(p) for p in self.renderer.nav.pages}
            for i, f in enumerate(self.renderer.doc_files):
                if id(f.page) in in_nav:
                    self.renderer.read(i)
            self.renderer.env = config.plugins.on_env(self.renderer.env, config=config, files=self.renderer.files)
        plugin = config.plugins[PLUGIN_NAME]
        assert isinstance(plugin, DisclosurePlugin)
        self.plugin = plugin
        self.index = {f.src_uri: i for i, f in enumerate(self.renderer.doc_files)}

    def render(self, page: SitePage) -> bool:
        """Write `page` again from its new content; False if the site has no page at its URL."""
        uri = src_uri(page.url)
        i = self.index.get(uri)
        if i is None:
            return False
        self.plugin.pages[uri] = page
        self.renderer.doc_files[i].content_string = page.markdown
        with _quiet():  # the full rebuild that follows reports MkDocs' warnings
            self.renderer.read(i)
            self.renderer.write(i)
        return True


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """MkDocs' log records dropped (a handler that keeps nothing, so none reaches stderr either)."""
    logger = logging.getLogger("mkdocs")
    drop = logging.NullHandler()
    logger.addHandler(drop)
    previous = logger.propagate
    logger.propagate = False
    try:
        yield
    finally:
        logger.propagate = previous
        logger.removeHandler(drop)


def _render_steps(config: MkDocsConfig, jobs: int, tagged: _Tagged) -> None:
    inclusion = InclusionLevel.is_included
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        mkutils.clean_directory(config.site_dir)
        renderer = _session(config, tagged)
        files, nav, env, doc_files = renderer.files, renderer.nav, renderer.env, renderer.doc_files
        # Every page shows the nav: its pages are read first, so each process renders the same nav.
        in_nav = {id(p) for p in nav.pages}
        shared = [i for i, f in enumerate(doc_files) if id(f.page) in in_nav]
        rest = [i for i, f in enumerate(doc_files) if id(f.page) not in in_nav]
        for i in shared:
            renderer.read(i)
        jobs = max(1, min(jobs, len(rest) // MIN_PAGES_PER_JOB))
        shares = [rest[k::jobs] for k in range(jobs)]
        children = [fork_call(functools.partial(renderer.share, share)) for share in shares[1:]]
        try:
            for i in shares[0]:
                renderer.read(i)
            tagged.slot = (_STATIC, 0)
            env = config.plugins.on_env(env, config=config, files=files)
            renderer.env = env
            files.copy_static_files(inclusion=inclusion)
            for template in config.theme.static_templates:
                mkbuild._build_theme_template(template, env, files, config, nav)
            for template in config.extra_templates:
                mkbuild._build_extra_template(template, files, config, nav)
            for i in shared + shares[0]:
                renderer.write(i)
        except BaseException:
            for child in children:
                child.cancel()
            raise
        by_uri = {f.src_uri: f for f in files}
        for child in children:
            records, anchors = child.wait()
            tagged.records.extend(records)
            for i, (present, links) in anchors.items():
                page = doc_files[i].page
                assert page is not None
                page.present_anchor_ids = present
                page.links_to_anchors = {by_uri[uri]: found for uri, found in links.items()}
        level = config.validation.links.anchors
        for i, file in enumerate(doc_files):
            tagged.slot = (_ANCHORS, i)
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=level)
        tagged.slot = (_POST, 0)
        config.plugins.on_post_build(config=config)
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            raise Abort("Aborted with a BuildError!") from e
        raise


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, answering 404 to a path no file can have (a NUL byte: `open()`
    would raise and the server print a traceback for a request anyone can send)."""

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
        if "\x00" in environ.get("PATH_INFO", ""):
            return None
        return super()._serve_request(environ, start_response)


def serve(builder: Callable[[], None], root: Path, watch: Sequence[Path], host: str, port: int,
          reloads: Callable[[Callable[[], None]], None] | None = None) -> None:
    """Serve `root` with live reload; `builder` rebuilds it whenever a watched path changes.

    `reloads`, if given, receives a function that reloads the browsers: for a rebuild that finishes
    outside `builder` (serve's background build after a quick preview).
    """
    server = _Server(builder=builder, host=host, port=port, root=str(root), mount_path="/")
    for path in watch:
        if path.exists():
            server.watch(str(path))
    if reloads is not None:
        def reload() -> None:
            # LiveReloadServer reloads browsers when its own rebuild ends, by advancing an epoch the
            # pages poll (private in mkdocs 1.6.1); it is advanced here only between its rebuilds.
            with server._epoch_cond:
                if server._visible_epoch == server._wanted_epoch:
                    epoch = max(server._visible_epoch + 1, round(time.monotonic() * 1000))
                    server._wanted_epoch = server._visible_epoch = epoch
                    server._epoch_cond.notify_all()

        reloads(reload)
    try:
        server.serve()
    finally:
        server.shutdown()
