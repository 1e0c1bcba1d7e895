"""`build` and `serve`: check → pages → MkDocs build into a temporary directory → exports and search
index → atomic swap into the output directory (publish.py).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import check_project
from generator.format.model import Catalog, Document, Source
from generator.format.relations import relations
from generator.format.yamltree import YMap
from generator.load import parse_yaml, read_text, split_front_matter
from generator.parallel import ChildFailed, Forked, default_jobs, fork_call
from generator.problems import Level, Problem
from generator.publish import MARKER, check_out, locked, recover, swap_in
from generator.rules.unknown_reference import attachment_path_problem
from generator.rules.unpublishable_file import verdict
from generator.search import write_search_index
from generator.search.records import search_docs
from generator.site import urls
from generator.site.exports import write_exports
from generator.site.mkdocs import renderer
from generator.site.mkdocs import serve as livereload
from generator.site.mkdocs.config import NavItem, StaticFile, mkdocs_config, write_config
from generator.site.mkdocs.renderer import PagePreview
from generator.site.pages import build_pages
from generator.site.pages.base import PageFamily, SitePage
from generator.site.pages.documents import document_page
from generator.site.pages.home import sections

ASSETS = Path(__file__).parent / "site" / "assets"
TEMPLATES = Path(__file__).parent / "site" / "templates"


@dataclass
class BuildResult:
    problems: list[Problem]  # from check (and the site's own URL checks)
    warnings: list[str] = field(default_factory=list)  # from MkDocs (broken links in content pages …)
    published: bool = False
    out: Path | None = None
    pages: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def failed(self, strict: bool) -> bool:
        errors = any(p.level is Level.ERROR for p in self.problems)
        warnings = any(p.level is Level.WARNING for p in self.problems) or bool(self.warnings)
        return errors or (strict and warnings)


# ---------------------------------------------------------------- what goes into the site

def asset_files() -> list[StaticFile]:
    """Everything under generator/assets/ is copied to assets/ in the site (sorted, so CSS/JS order is stable)."""
    out = []
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            out.append(StaticFile("assets/" + path.relative_to(ASSETS).as_posix(), path))
    return out


def published_files(cat: Catalog) -> list[StaticFile]:
    """The attachments documents list and content/'s non-Markdown files: only those the site may
    publish (rules/unpublishable_file.py says why the others may not; check refuses a build with them)."""
    wanted = sorted({a for d in cat.documents.values() for a in d.attachments})
    out = [StaticFile(urls.attachment(a), src.file) for a in wanted
           if (src := cat.attachments.get(a)) is not None and attachment_path_problem(a) is None
           and verdict(src) is None]
    out += [StaticFile(src.name, src.file) for src in cat.static_files if verdict(src) is None]
    return out


def nav_items(cat: Catalog, pages: Sequence[SitePage]) -> list[NavItem]:
    present = {p.url for p in pages}
    return [NavItem(s.title, s.url) for s in sections(cat, present)]


# ---------------------------------------------------------------- build and serve

def _write_search(cat: Catalog, pages: Sequence[SitePage], staging: Path) -> None:
    write_search_index(search_docs(cat, pages), staging)


def _move_search(staging: Path, site: Path) -> None:
    """Move the index written in `staging`/search/ into the site's search/ (beside MkDocs' results page)."""
    target = site / "search"
    target.mkdir(exist_ok=True)
    for entry in sorted((staging / "search").iterdir()):
        os.replace(entry, target / entry.name)


# Called after a build is published with what it was built from: serve keeps it to re-render one page.
Published = Callable[[Catalog, list[SitePage], Path, list[StaticFile]], None]


def build_site(project: Path, out: Path, today: dt.date, strict: bool = False,
               families: Sequence[PageFamily] | None = None, preview: bool = False,
               jobs: int | None = None, published: Published | None = None) -> BuildResult:
    """Check the project and, if it passes, publish the site at `out` atomically.

    `preview` (serve) builds even when check finds problems: an editor sees the page while fixing it.
    `jobs` processes share the work (default: one per CPU, see parallel.py); the site is the same
    byte for byte whatever their number.
    """
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    project = project.resolve()
    out = out if out.is_absolute() else project / out
    out = Path(os.path.abspath(out))
    check_out(project, out)

    checked = check_project(project, today)
    cat = checked.catalog
    result = BuildResult(problems=checked.problems)
    timings["check"] = time.perf_counter() - t0
    if result.failed(strict) and not preview:
        result.seconds = time.perf_counter() - t0
        return result

    t = time.perf_counter()
    pages = build_pages(cat, today, families)
    timings["pages"] = time.perf_counter() - t
    static = asset_files() + published_files(cat)
    assets = [s.url for s in static if s.url.startswith("assets/") and s.url.endswith((".css", ".js"))]
    config_path = write_config(project, mkdocs_config(cat, project, nav_items(cat, pages), assets))

    jobs = default_jobs() if jobs is None else max(1, jobs)
    out.parent.mkdir(parents=True, exist_ok=True)
    with locked(out):
        recover(out)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
        search: Forked[None] | None = None
        try:
            if jobs > 1:
                # The search index needs only the catalogue and the pages: another process writes it
                # while MkDocs renders, into a directory of its own (MkDocs empties its site dir first).
                search = fork_call(lambda: _write_search(cat, pages, staging))
            t = time.perf_counter()
            result.warnings = renderer.build(config_path, pages, static, tmp, jobs=jobs)
            timings["mkdocs"] = time.perf_counter() - t
            if result.failed(strict) and not preview:
                if search is not None:
                    search.cancel()
                shutil.rmtree(tmp, ignore_errors=True)
                result.seconds = time.perf_counter() - t0
                result.timings = timings
                return result
            t = time.perf_counter()
            write_exports(cat, pages, today, tmp)
            timings["exports"] = time.perf_counter() - t
            t = time.perf_counter()
            if search is None:
                write_search_index(search_docs(cat, pages), tmp)
            else:
                search.wait()
                search = None
                _move_search(staging, tmp)
            timings["search"] = time.perf_counter() - t  # with jobs > 1: the wait for the other process
            (tmp / MARKER).write_text("", encoding="utf-8")
            os.chmod(tmp, 0o755)  # mkdtemp makes it 0700; a web server must be able to read the site
            swap_in(tmp, out)
        except BaseException:
            if search is not None:
                search.cancel()
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    result.published = True
    result.out = out
    result.pages = len(pages)
    if published is not None:
        published(cat, pages, config_path, static)
    result.seconds = time.perf_counter() - t0
    result.timings = timings
    return result


def _stamps(project: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every catalogue and content file, by path relative to the project."""
    out: dict[str, tuple[int, int]] = {}
    for top in ("catalog", "content"):
        for dirpath, dirnames, filenames in os.walk(project / top):
            dirnames.sort()
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                out[os.path.relpath(path, project)] = (st.st_mtime_ns, st.st_size)
    return out


def _read_document(project: Path, rel: str) -> Document | None:
    """One document file read again, or None if it has any problem (the full rebuild reports it)."""
    problems: list[Problem] = []
    src = read_text(project, project / rel, problems)
    if src is None:
        return None
    fm, fm_line, body, body_line = split_front_matter(src, problems, required=True)
    value = parse_yaml(src, problems, fm, fm_line - 1) if fm is not None else None
    if problems or not isinstance(value, YMap):
        return None
    return Document.build(Source(src.path, value), body, body_line)


class _Preview:
    """serve: the catalogue and page renderer of the last full build in this process, kept up to date
    with each quick edit, the file stamps they reflect, and the background rebuilds that follow."""

    def __init__(self, project: Path, out: Path, today: dt.date,
                 report: Callable[[BuildResult | Exception], None]) -> None:
        self.project, self.out, self.today, self.report = project, out, today, report
        self.lock = threading.Lock()
        self.cat: Catalog | None = None
        self.pages: PagePreview | None = None
        self.stamps: dict[str, tuple[int, int]] = {}
        self.reload: Callable[[], None] = lambda: None
        self.wanted = threading.Event()
        self.stopping = False
        self.thread: threading.Thread | None = None
        self.recent: set[str] = set()  # documents shown quickly since the running rebuild read the files
        self.job: Forked[BuildResult] | None = None  # the rebuild running in a child process

    def full_build(self, jobs: int | None = None) -> None:
        stamps = _stamps(self.project)  # before reading: an edit made during the build is seen next time
        kept: list[tuple[Catalog, PagePreview]] = []

        def published(cat: Catalog, pages: list[SitePage], config_path: Path,
                      static: list[StaticFile]) -> None:
            kept.append((cat, PagePreview(config_path, pages, static, self.out)))

        try:
            self.report(build_site(self.project, self.out, self.today, preview=True, jobs=jobs, published=published))
        except Exception as exc:  # a half-edited file must not stop the preview: report and keep serving
            self.report(exc)
            return
        with self.lock:
            self.stamps = stamps
            self.cat, self.pages = kept[0] if kept else (None, None)

    def changed(self) -> None:
        """LiveReloadServer's builder: an edit of a few documents is shown at once (their pages alone,
        re-rendered from the last build), the full rebuild follows in the background; anything else
        is rebuilt in full before the browser reloads."""
        try:
            quick = self.quick()
        except Exception:  # whatever the quick path trips on, the full rebuild handles and reports
            quick = False
        if quick:
            self.wanted.set()
            if self.thread is None:
                self.thread = threading.Thread(target=self._background, name="serve-rebuild", daemon=True)
                self.thread.start()
            return
        self.full_build()

    def quick(self) -> bool:
        with self.lock:
            if self.cat is None or self.pages is None:
                return False
            now = _stamps(self.project)
            changed = {p for p in now.keys() | self.stamps.keys() if now.get(p) != self.stamps.get(p)}
            if not changed or len(changed) > 5 or any(
                    p not in now or p not in self.stamps or not p.startswith(f"catalog{os.sep}documents{os.sep}")
                    or not p.endswith(".md") for p in changed):
                return False
            docs = [_read_document(self.project, p) for p in sorted(changed)]
            if any(d is None or d.id not in self.cat.documents for d in docs):
                return False
            for doc in docs:
                assert doc is not None
                if self.cat.documents[doc.id].src.path != doc.src.path:
                    return False
            for doc, path in zip(docs, sorted(changed), strict=True):
                assert doc is not None
                self.cat.documents[doc.id] = doc
                self.cat.all_documents = [doc if d.id == doc.id else d for d in self.cat.all_documents]
                if not self.pages.render(document_page(self.cat, relations(self.cat), doc)):
                    return False
                self.stamps[path] = now[path]
                self.recent.add(doc.id)
            return True

    def _background(self) -> None:
        while not self.stopping:
            self.wanted.wait()
            self.wanted.clear()
            if self.stopping:
                return
            with self.lock:
                self.recent.clear()
            # In a child process: a build in this thread would hold the GIL for a minute at 10,000
            # documents and slow the file watcher and the next quick edit to a crawl.
            self.job = fork_call(lambda: build_site(self.project, self.out, self.today, preview=True, jobs=1))
            try:
                self.report(self.job.wait())
            except ChildFailed as exc:
                if self.stopping:  # stopped on purpose (serve is shutting down)
                    return
                self.report(exc)
            finally:
                self.job = None
            with self.lock:  # edits shown while it ran are not in what it published: show them again
                if self.cat is not None and self.pages is not None:
                    for doc_id in sorted(self.recent):
                        self.pages.render(document_page(self.cat, relations(self.cat), self.cat.documents[doc_id]))
            self.reload()

    def stop(self) -> None:
        """End the background rebuild, and wait for it: its files must be gone before the preview is."""
        self.stopping = True
        self.wanted.set()
        job = self.job
        if job is not None:
            job.terminate()
        if self.thread is not None:
            self.thread.join(timeout=60)


def serve_site(project: Path, today: dt.date, host: str, port: int,
               report: Callable[[BuildResult | Exception], None]) -> None:
    """Live preview: build into a temporary directory, serve it, rebuild on every edit.

    An edit of a document shows within about a second (its page is re-rendered alone); lists,
    search and exports follow when the full rebuild behind it is done, and the browser reloads again.
    """
    project = project.resolve()
    out = Path(tempfile.mkdtemp(prefix="gov-site-preview-")) / "site"
    preview = _Preview(project, out, today, report)
    preview.full_build()
    out.mkdir(exist_ok=True)
    watch = [project / "content", project / "catalog", project / "site_config.yml", TEMPLATES, ASSETS]

    def reloads(reload: Callable[[], None]) -> None:
        preview.reload = reload

    try:
        livereload.serve(preview.changed, out, watch, host, port, reloads=reloads)
    finally:
        preview.stop()
        shutil.rmtree(out.parent, ignore_errors=True)
