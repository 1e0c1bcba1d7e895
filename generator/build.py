"""`build`: check → pages → MkDocs build into a temporary directory → exports and search index →
atomic swap into the output directory (publish.py). serve.py runs it again on every edit.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import Entry, Reuse, cache_dir, keep_records, known_records
from generator.check import problem_list, read_project
from generator.format.model import Catalog
from generator.format.relations import relations
from generator.parallel import Forked, default_jobs, fork_call, give_back_memory, thaw
from generator.problems import Problem, fails
from generator.publish import MARKER, check_out, locked, prune_empty, recover, swap_in, take_skeleton
from generator.rules import RULE_MODULES, run_rules
from generator.rules.unknown_reference import attachment_path_problem
from generator.rules.unpublishable_file import verdict
from generator.search import SearchDoc, write_search_index
from generator.search.records import SearchRecords, search_synonyms
from generator.site import urls
from generator.site.downloads import write_downloads
from generator.site.exports import write_exports
from generator.site.mkdocs import renderer
from generator.site.mkdocs.config import NavItem, StaticFile, mkdocs_config, write_config
from generator.site.mkdocs.kept import page_files
from generator.site.pages import PAGE_FAMILIES, Begun, build_pages, cancel_pages
from generator.site.pages.base import PageFamily, SitePage
from generator.site.pages.documents import document_pages, fingerprints, start_document_pages
from generator.site.pages.home import sections
from generator.site.preview import with_problems
from generator.templating import keep_compiled

ASSETS = Path(__file__).parent / "site" / "assets"


@dataclass
class BuildResult:
    problems: list[Problem]  # from check (and the site's own URL checks)
    warnings: list[str] = field(default_factory=list)  # from MkDocs (broken links in content pages …)
    published: bool = False
    out: Path | None = None
    pages: int = 0
    reused: int = 0  # outputs (pages, lists, index files) taken over from the last build unchanged
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def failed(self, strict: bool) -> bool:
        return fails(self.problems, strict, other_warnings=bool(self.warnings))


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


# ---------------------------------------------------------------- build

def _write_search(cat: Catalog, docs: list[SearchDoc], staging: Path, reuse: Reuse) -> dict[str, Entry]:
    """Write the index; return what it recorded in `reuse` (in a forked child, lost unless returned)."""
    before = set(reuse.current)
    write_search_index(docs, staging, search_synonyms(cat), reuse)
    return {name: e for name, e in reuse.current.items() if name not in before}


def _move_search(staging: Path, site: Path) -> None:
    """Move the index written in `staging`/search/ into the site's search/ (beside MkDocs' results page)."""
    target = site / "search"
    target.mkdir(exist_ok=True)
    for entry in sorted((staging / "search").iterdir()):
        os.replace(entry, target / entry.name)


def _begin(cat: Catalog, today: dt.date, families: Sequence[PageFamily] | None,
           share: bool) -> tuple[Begun, Callable[[], list[Problem]]]:
    """The families begun and the rules' problems to come. With a second CPU, enough documents and pages
    wanted, a second process fingerprints the document pages and runs part of the rules while this one
    runs the others (`RULES_HERE`) and then makes the other families. Both read the whole catalogue, and
    reading an object writes to it (its reference count), so each process copies every page of the
    catalogue it touches: run here beside the fingerprints, all the rules took twice as long as alone."""
    if not share or document_pages not in (PAGE_FAMILIES if families is None else families) \
            or default_jobs() < 2 or len(cat.documents) < MIN_DOCUMENTS_TO_SHARE:
        return {}, lambda: list(run_rules(cat, today))
    relations(cat)  # made once, before the fork: both processes need it
    there = [name for name in RULE_MODULES if name not in RULES_HERE]
    other = fork_call(lambda: (fingerprints(cat, today), list(run_rules(cat, today, there))))
    try:
        here = list(run_rules(cat, today, RULES_HERE))
    except BaseException:
        other.cancel()
        raise
    done = functools.cache(other.wait)
    return ({document_pages: start_document_pages(cat, today, lambda: done()[0], other.cancel)},
            lambda: here + done()[1])


# Below this many documents a second process costs more than fingerprinting them here saves.
MIN_DOCUMENTS_TO_SHARE = 2000

# The rules a build runs in this process while the other fingerprints the document pages and runs the
# rest: the slowest, 0.19 s of the rules' 0.23 s at 10,000 documents, so that both processes are done
# at about the same time.
RULES_HERE = ("unknown_reference", "invalid_index_no", "duplicate_id", "invalid_value", "cites_repealed",
              "date_in_future", "date_order")


# Called after a build is published with what it was built from: serve keeps it to re-render one page.
Published = Callable[[Catalog, list[SitePage], Path, list[StaticFile]], None]


def build_site(project: Path, out: Path, today: dt.date, strict: bool = False,
               families: Sequence[PageFamily] | None = None, preview: bool = False,
               jobs: int | None = None, published: Published | None = None, cache: bool = True,
               keep: list[object] | None = None) -> BuildResult:
    """Check the project and, if it passes, publish the site at `out` atomically.

    `preview` (serve) builds even when check finds problems: an editor sees the page while fixing it.
    `jobs` processes share the work (default: one per CPU, see parallel.py); the site is the same
    byte for byte whatever their number. With `cache`, what did not change since the last build is
    taken over from it (cache.py; the cache folder lives beside `out`) — again the same bytes.
    `keep` receives the catalogue and the pages instead of their being freed on the way out: a process
    that exits next (the command line, with os._exit) saves freeing them object by object (0.06 s
    at 10,000 documents).
    """
    try:
        return _build_site(project, out, today, strict, families, preview, jobs, published, cache,
                           [] if keep is None else keep)
    finally:
        thaw()


def _build_site(project: Path, out: Path, today: dt.date, strict: bool, families: Sequence[PageFamily] | None,
                preview: bool, jobs: int | None, published: Published | None, cache: bool,
                keep: list[object]) -> BuildResult:
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    keep_compiled(cache)
    project = project.resolve()
    out = out if out.is_absolute() else project / out
    out = Path(os.path.abspath(out))
    check_out(project, out)

    folder = cache_dir(out) if cache else None  # --no-cache reads nothing the last run left
    cat, problems = read_project(project, folder)  # and keeps the parse cache up to date
    keep.append(cat)
    result = BuildResult(problems=problem_list(problems))
    if folder is not None:  # what the last build knew of the records whose files did not change
        cat.fingerprint().known = known_records(folder)
    # A file's own problem fails the build already: then no page is made, only the rules run.
    begun, rules = _begin(cat, today, families, share=not (result.failed(strict) and not preview))
    timings["check"] = time.perf_counter() - t0

    t = time.perf_counter()
    failure: Exception | None = None
    try:
        if not begun:  # the rules run here: before any page, as `check` runs them
            result.problems = problem_list(problems, rules())
            if result.failed(strict) and not preview:
                result.seconds = time.perf_counter() - t0
                result.timings = timings
                return result
        # Else the pages are made while the rules run: a check that fails publishes nothing all the
        # same, and a family that fails on data the rules refuse (two pages on one URL) is not reported
        # over the problems that say what to fix.
        # Meanwhile too: the search records of the catalogue's own records (the pages' come later).
        records = SearchRecords(cat, cache_dir(out), fresh=not cache)
        try:
            pages = build_pages(cat, today, families, begun)
        except Exception as exc:  # noqa: BLE001 - raised below unless the check failed
            failure, pages = exc, []
        if begun:
            result.problems = problem_list(problems, rules())
    except BaseException:
        cancel_pages(begun)
        raise
    if result.failed(strict) and not preview:
        result.seconds = time.perf_counter() - t0
        result.timings = timings
        return result
    if failure is not None:
        raise failure
    keep.append(pages)
    if preview:
        pages = with_problems(cat, pages, result.problems)
    timings["pages"] = time.perf_counter() - t
    static = asset_files() + published_files(cat)
    # assets/head/ scripts are loaded in <head> by the theme override (main.html), not after the page.
    assets = [s.url for s in static if s.url.startswith("assets/") and s.url.endswith((".css", ".js"))
              and not s.url.startswith("assets/head/")]
    config_path = write_config(project, mkdocs_config(cat, project, nav_items(cat, pages), assets))

    jobs = default_jobs() if jobs is None else max(1, jobs)
    out.parent.mkdir(parents=True, exist_ok=True)
    with locked(out):
        recover(out)
        # --no-cache: a clean build, recorded for the next one.
        reuse = Reuse(out, cache_dir(out), fresh=not cache)
        keep.append(reuse)
        reuse.fingerprint = cat.fingerprint()  # the pages' fingerprints of records serve the exports too
        trash = None if reuse.root is None else reuse.root / "trash"
        skeleton = None if trash is None else take_skeleton(trash, out.parent, f".{out.name}-build-")
        if skeleton is not None:
            reuse.in_place = set(skeleton.files)  # the pages linked in it: released before any is written
        tmp = skeleton.path if skeleton else Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
        search: Forked[dict[str, Entry]] | None = None
        try:
            # The search records are made here, the index from them by another process while MkDocs
            # renders, into a directory of its own (MkDocs empties its site dir first). Made here, the
            # records are the only thing that process reads: reading the bodies of 50,000 documents
            # there would copy every memory page holding one (a forked child shares them until it
            # touches them), some 150 MB more.
            docs = records.with_pages(pages)
            del records  # its list and the plain-text cache: held on, they would stay through rendering
            if jobs > 1:
                # What check freed (the parse cache's files) and the texts read for the records are given
                # back first: otherwise every process forked from here is counted its share of them.
                give_back_memory()
                search = fork_call(functools.partial(_write_search, cat, docs, staging, reuse))
                del docs  # the other process has them: here they are memory to give back
                give_back_memory()
            t = time.perf_counter()
            result.warnings = renderer.build(config_path, pages, static, tmp, jobs=jobs, reuse=reuse,
                                             keep_folders=skeleton is not None, beside=search)
            timings["mkdocs"] = time.perf_counter() - t
            if result.failed(strict) and not preview:
                if search is not None:
                    search.cancel()
                shutil.rmtree(tmp, ignore_errors=True)
                result.seconds = time.perf_counter() - t0
                result.timings = timings
                return result
            t = time.perf_counter()
            write_exports(cat, pages, today, tmp, reuse)
            write_downloads(cat, today, tmp, reuse)
            timings["exports"] = time.perf_counter() - t
            t = time.perf_counter()
            if search is None:
                _write_search(cat, docs, tmp, reuse)
            else:
                reuse.current.update(search.wait())
                search = None
                _move_search(staging, tmp)
            timings["search"] = time.perf_counter() - t  # with jobs > 1: the wait for the other process
            if skeleton is not None:
                prune_empty(tmp, skeleton.folders, reuse.filled)
            (tmp / MARKER).write_text("", encoding="utf-8")
            os.chmod(tmp, 0o755)  # mkdtemp makes it 0700; a web server must be able to read the site
            swap_in(tmp, out, trash, page_files(reuse))
            reuse.save()
            if reuse.root is not None:
                keep_records(reuse.root, reuse.fingerprint.met)
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
    result.reused = reuse.taken
    if published is not None:
        published(cat, pages, config_path, static)
    result.seconds = time.perf_counter() - t0
    result.timings = timings
    return result

