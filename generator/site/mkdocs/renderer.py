"""Rendering the site with MkDocs: `build` (the whole site, on several cores) and `PagePreview`
(one page again, for serve). The fragile part of the bridge: it re-implements
`mkdocs.commands.build.build` on MkDocs' private API, written against mkdocs 1.6.1 and
mkdocs-material 9.8.1 (pinned in pyproject.toml). Re-check every name below on an upgrade;
tests/test_parallel_build.py compares the output with MkDocs' own build byte for byte.

The MkDocs internals it depends on:

- `mkdocs.commands.build`: the order of the steps of `build()` (repeated in `_render_steps`), the
  body of `_populate_page` (repeated in `_Renderer.read`), and the private `_build_page`,
  `_build_theme_template`, `_build_extra_template` and `log`;
- `mkdocs.structure.pages`: the private Markdown processors `_RawHTMLPreprocessor`,
  `_ExtractAnchorsTreeprocessor`, `_RelativePathTreeprocessor`, `_ExtractTitleTreeprocessor` and
  their `_register(md)`, the module's `log`, and what `Page.render` sets on a page (`content`,
  `toc`, `_title_from_render`, `present_anchor_ids`, `links_to_anchors`);
- `MkDocsConfig._current_page`, set while a page is read;
- `Page(None, file, config)` attaching itself to `file.page`, and `File.content_string` being
  settable (PagePreview hands a page its new Markdown that way).

The live-reload server's private parts are used in serve.py.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import markdown

from generator.parallel import default_jobs, fork_call
from generator.site.mkdocs.config import StaticFile, src_uri
from generator.site.mkdocs.plugin import PLUGIN_NAME, DisclosurePlugin, load
from generator.site.pages.base import SitePage
from mkdocs import utils as mkutils
from mkdocs.commands import build as mkbuild
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure import pages as mkpages
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import get_toc

# The engine logs under its own package name: "mkdocs", or "properdocs" when ProperDocs stands in for it
# (its shim makes `mkdocs.*` importable, not its loggers renamed). Warnings are collected from there.
ENGINE_LOGGER = mkbuild.__name__.split(".")[0]

# Below this many pages per process a second process costs more (fork, copy-on-write) than it saves.
MIN_PAGES_PER_JOB = 100


class _Collect(logging.Handler):
    """MkDocs' warnings, kept to be reported (and to fail a --strict build) instead of logged."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build(config_path: Path, pages: Sequence[SitePage], static: Sequence[StaticFile], site_dir: Path,
          jobs: int | None = None) -> list[str]:
    """Build the MkDocs site into `site_dir` with `jobs` processes (default: one per CPU, at most
    parallel.MAX_JOBS); return MkDocs' warnings (the caller decides if they fail)."""
    logger = logging.getLogger(ENGINE_LOGGER)
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
                            excluded=f.inclusion.is_excluded())  # type: ignore[no-untyped-call]  # unannotated in mkdocs

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
    logger = logging.getLogger(ENGINE_LOGGER)
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
        if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]  # unannotated in mkdocs
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
    logger = logging.getLogger(ENGINE_LOGGER)
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
