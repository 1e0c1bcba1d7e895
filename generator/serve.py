"""`serve`: the live preview. The site is built into a temporary directory and served with live
reload; an edit of a few documents re-renders their pages alone within about a second, and the full
rebuild (build.py) follows in a background process.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from generator.build import ASSETS, BuildResult, build_site
from generator.format.model import Catalog, Document, Source
from generator.format.relations import relations
from generator.format.yamltree import YMap
from generator.load import parse_yaml
from generator.parallel import ChildFailed, Forked, fork_call
from generator.problems import Problem
from generator.readfile import read_text, split_front_matter
from generator.site.mkdocs import serve as livereload
from generator.site.mkdocs.config import StaticFile
from generator.site.mkdocs.renderer import PagePreview
from generator.site.pages.base import SitePage
from generator.site.pages.documents import document_page, render_day

TEMPLATES = Path(__file__).parent / "site" / "templates"


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
                self.cat.forget_derived()  # the edited document's links and citations are recomputed
                day = render_day(self.cat, self.today)
                if not self.pages.render(document_page(self.cat, relations(self.cat), doc, day)):
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
                        doc = self.cat.documents[doc_id]
                        day = render_day(self.cat, self.today)
                        self.pages.render(document_page(self.cat, relations(self.cat), doc, day))
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
