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
  settable (PagePreview hands a page its new Markdown that way);
- `Files.add_files_from_theme`: the names it leaves out (repeated in `_left_out`, which checks a
  kept list of the theme's files).

The live-reload server's private parts are used in serve.py.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import hashlib
import json
import logging
import os
import posixpath
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import markdown

from generator.cache import Reuse, code_version
from generator.editing.atomic import replacing
from generator.parallel import Forked, default_jobs, fork_call
from generator.site.mkdocs.config import StaticFile, src_uri
from generator.site.mkdocs.kept import Kept, anchors_of, set_anchors
from generator.site.mkdocs.plugin import PLUGIN_NAME, DisclosurePlugin, load
from generator.site.pages.base import SitePage
from generator.templating import compiled_cache
from mkdocs import utils as mkutils
from mkdocs.commands import build as mkbuild
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure import pages as mkpages
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import get_toc

# The engine logs under its own package name: "mkdocs", or "properdocs" when ProperDocs stands in for it
# (its shim makes `mkdocs.*` importable, not its loggers renamed). Warnings are collected from there.
ENGINE_LOGGER = mkbuild.__name__.split(".")[0]

# Theme templates whose output generator/site/exports.py writes (MkDocs' sitemap of every page, drawn
# and then replaced, would cost a second per 10,000 pages).
WRITTEN_ELSEWHERE = frozenset({"sitemap.xml"})
_NO_TOC = get_toc([])

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
          jobs: int | None = None, reuse: Reuse | None = None, keep_folders: bool = False,
          beside: Forked[Any] | None = None) -> list[str]:
    """Build the MkDocs site into `site_dir` with `jobs` processes (default: one per CPU, at most
    parallel.MAX_JOBS); return MkDocs' warnings (the caller decides if they fail). With `reuse`, a
    page whose inputs are those of the last build is taken over from it (pagekeys.py says which).
    `beside`: another process of the build at work (the search index); while it runs, this process
    renders alone, and the others start when it ends — as many processes at work as CPUs, and the
    memory of three big processes is never needed at once."""
    logger = logging.getLogger(ENGINE_LOGGER)
    collect = _Collect()
    logger.addHandler(collect)
    previous = logger.propagate
    logger.propagate = False  # no stray "WARNING -" lines on stderr: the CLI reports them in Chinese
    try:
        with tempfile.TemporaryDirectory(prefix="gov-site-docs-") as empty:
            config = load(config_path, pages, static, site_dir, Path(empty))
            _render_site(config, default_jobs() if jobs is None else max(1, jobs), reuse or Reuse(site_dir, None),
                         config_path.read_bytes(), keep_folders, beside)
    finally:
        logger.removeHandler(collect)
        logger.propagate = previous
    return collect.messages


# ---------------------------------------------------------------- rendering pages on several cores
#
# mkdocs.commands.build.build, step for step, except that the pages are read, converted and
# written by `jobs` processes, each taking every jobs-th page (those left once the process beside,
# the search index's, has ended; until then this one renders alone), and that each process converts
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

    def __init__(self, config: MkDocsConfig, files: Files, nav: Navigation, env: Any, tagged: _Tagged,
                 order: Mapping[str, int] | None = None) -> None:
        self.config, self.files, self.nav, self.env, self.tagged = config, files, nav, env, tagged
        self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        self._md: markdown.Markdown | None = None
        # Each page's place among all the site's pages (log records are replayed in that order), also
        # when MkDocs was given only some of them (kept.py).
        self.place = [i if order is None else order[f.src_uri] for i, f in enumerate(self.doc_files)]

    def markdown(self) -> markdown.Markdown:
        if self._md is None:
            self._md = markdown.Markdown(extensions=self.config["markdown_extensions"],
                                         extension_configs=self.config["mdx_configs"] or {})
        return self._md.reset()

    def read(self, i: int) -> None:
        """mkdocs.commands.build._populate_page, with Page.render on the reused Markdown instance."""
        self.tagged.slot = (_READ, self.place[i])
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
        self.tagged.slot = (_WRITE, self.place[i])
        f = self.doc_files[i]
        assert f.page is not None
        mkbuild._build_page(f.page, self.config, self.doc_files, self.nav, self.env,
                            excluded=f.inclusion.is_excluded())  # type: ignore[no-untyped-call]  # unannotated in mkdocs

    def render(self, i: int) -> None:
        """Read and write page i, then let go of its HTML (only its anchors are needed afterwards):
        memory stays that of one page, whatever the size of the site."""
        self.read(i)
        self.write(i)
        page = self.doc_files[i].page
        assert page is not None
        page.content = page.markdown = None
        page.toc = _NO_TOC

    def share(self, pages: Sequence[int]) -> tuple[list[tuple[_Slot, int, dict[str, Any]]], dict[int, Any]]:
        """Render `pages` (in a child forked once the parent's environment is set up): its log
        records and each page's anchor data."""
        self.tagged.records.clear()
        for i in pages:
            self.render(i)
        return self.tagged.records, {i: anchors_of(self.doc_files[i].page) for i in pages}


def _render_site(config: MkDocsConfig, jobs: int, reuse: Reuse, config_bytes: bytes, keep_folders: bool,
                 beside: Forked[Any] | None = None) -> None:
    """mkdocs.commands.build.build with the pages rendered by `jobs` processes (see above)."""
    logger = logging.getLogger(ENGINE_LOGGER)
    tagged = _Tagged()
    handlers = logger.handlers[:]
    for h in handlers:
        logger.removeHandler(h)
    logger.addHandler(tagged)
    try:
        _render_steps(config, jobs, tagged, reuse, config_bytes, keep_folders, beside)
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


def _session(config: MkDocsConfig, tagged: _Tagged, order: Mapping[str, int] | None = None,
             cache: Path | None = None) -> _Renderer:
    """MkDocs' files, theme environment and navigation, with a Page for every documentation file.
    `cache`: the cache folder, where the theme's file list is kept (`_add_theme_files`)."""
    files = get_files(config)
    env = config.theme.get_env()
    env.bytecode_cache = compiled_cache()  # the theme's templates compiled once, not on every build
    _add_theme_files(files, env, config, cache)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    renderer = _Renderer(config, files, nav, env, tagged, order)
    for file in renderer.doc_files:
        if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]  # unannotated in mkdocs
            MkPage(None, file, config)
    return renderer


THEME_FILES = "theme-files.json"  # in the cache folder: the theme's static files, as MkDocs lists them


def _add_theme_files(files: Files, env: Any, config: MkDocsConfig, cache: Path | None) -> None:
    """`files.add_files_from_theme(env, config)`, with the list of the theme's files kept in the `cache`
    folder: MkDocs lists them by walking every file of the theme (Material's thousands of icons), 0.05 s
    of each rebuild. The list depends on the theme's folders (their files are the generator's and its
    pinned packages': `code_version`) and on which templates the theme renders; a file of the site
    of the same path still keeps its place, as MkDocs has it."""
    key = hashlib.blake2b(code_version() + repr((config.theme.dirs, sorted(config.theme.static_templates))).encode(
        "utf-8", "surrogatepass"), digest_size=16).hexdigest()
    listed: list[list[str]] | None = None
    if cache is not None:
        try:
            kept = json.loads((cache / THEME_FILES).read_text(encoding="utf-8"))
            left_out = _left_out(config)
            if kept.get("key") == key and all(_theme_file(f, config, left_out) for f in kept["files"]):
                listed = kept["files"]
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            pass
    if listed is None:
        theme = Files([])
        theme.add_files_from_theme(env, config)  # MkDocs' own listing, with no file of the site in the way
        listed = [[f.src_uri, f.src_dir or ""] for f in theme]
        if cache is not None:
            with contextlib.suppress(OSError):
                cache.mkdir(parents=True, exist_ok=True)
                with replacing(cache / THEME_FILES, durable=False) as fh:  # a cache file: lost, it is made again
                    fh.write(json.dumps({"key": key, "files": listed}, ensure_ascii=False).encode("utf-8"))
    for path, folder in listed:
        if files.get_file_from_path(path) is None:  # the site's own file of that path wins
            files.append(File(path, folder, config.site_dir, config.use_directory_urls))


def _left_out(config: MkDocsConfig) -> list[str]:
    """The names `Files.add_files_from_theme` leaves out (its patterns, matched lower-cased)."""
    return [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
            *(f"*{x}" for x in mkutils.markdown_extensions), *config.theme.static_templates]


def _theme_file(entry: object, config: MkDocsConfig, left_out: list[str]) -> bool:
    """Whether a kept entry names a file MkDocs would list: in a folder of the theme, by a plain relative
    path, not one of the names it leaves out (a list planted in a cache folder copied from elsewhere
    cannot have the site publish any other file)."""
    if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)):
        return False
    path, folder = entry
    return (folder in config.theme.dirs and path == posixpath.normpath(path) and not path.startswith(("/", "../"))
            and not any(fnmatch.fnmatch(path.lower(), p) for p in left_out)
            and os.path.isfile(os.path.join(folder, path)))


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


def _render_steps(config: MkDocsConfig, jobs: int, tagged: _Tagged, reuse: Reuse, config_bytes: bytes,
                  keep_folders: bool, beside: Forked[Any] | None = None) -> None:
    inclusion = InclusionLevel.is_included
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        if not keep_folders:
            mkutils.clean_directory(config.site_dir)
        plugin = config.plugins[PLUGIN_NAME]
        assert isinstance(plugin, DisclosurePlugin)
        kept = Kept.plan(reuse, plugin.pages, [s.url for s in plugin.static], config_bytes, Path(config.site_dir))
        if kept.narrow:  # MkDocs sets up only the pages it renders and the nav's (kept.py)
            nav_uris = {src_uri(url) for url in plugin.sections}
            plugin.pages = {uri: p for uri, p in plugin.pages.items() if uri not in kept.taken or uri in nav_uris}
        renderer = _session(config, tagged, kept.order, reuse.root)
        files, nav, env, doc_files = renderer.files, renderer.nav, renderer.env, renderer.doc_files
        by_uri = {f.src_uri: f for f in files}
        # Every page shows the nav: its pages are read first, so each process renders the same nav.
        in_nav = {id(p) for p in nav.pages}
        shared, todo = [], []
        for i, f in enumerate(doc_files):
            if f.src_uri in kept.taken:
                if not kept.narrow:
                    kept.restore(f, by_uri)
            elif id(f.page) in in_nav:
                shared.append(i)
            else:
                todo.append(i)
        tagged.records.extend(((step, kept.order[uri]), n, data)
                              for uri, (_anchors, records) in kept.taken.items() for step, n, data in records)
        for i in shared:
            renderer.read(i)
        children: list[Forked[Any]] = []
        try:
            tagged.slot = (_STATIC, 0)
            env = config.plugins.on_env(env, config=config, files=files)
            renderer.env = env
            files.copy_static_files(inclusion=inclusion)
            for template in config.theme.static_templates:
                if template not in WRITTEN_ELSEWHERE:
                    mkbuild._build_theme_template(template, env, files, config, nav)
            for template in config.extra_templates:
                mkbuild._build_extra_template(template, files, config, nav)
            for i in shared:
                renderer.write(i)
            alone = 0  # pages rendered here while the process beside is at work
            while beside is not None and alone < len(todo) and (alone % 16 or beside.running()):
                renderer.render(todo[alone])
                alone += 1
            rest = todo[alone:]
            jobs = max(1, min(jobs, len(rest) // MIN_PAGES_PER_JOB))
            shares = [rest[k::jobs] for k in range(jobs)]
            children = [fork_call(functools.partial(renderer.share, share)) for share in shares[1:]]
            for i in shares[0]:
                renderer.render(i)
        except BaseException:
            for child in children:
                child.cancel()
            raise
        for child in children:
            records, anchors = child.wait()
            tagged.records.extend(records)
            for i, found in anchors.items():
                page = doc_files[i].page
                assert page is not None
                set_anchors(page, found, by_uri)
        kept.made([doc_files[i] for i in shared + todo], tagged.records, frozenset({_READ, _WRITE}))
        level = config.validation.links.anchors
        for i, file in enumerate(doc_files):
            tagged.slot = (_ANCHORS, renderer.place[i])
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=level)
        tagged.slot = (_POST, 0)
        config.plugins.on_post_build(config=config)
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            raise Abort("Aborted with a BuildError!") from e
        raise
