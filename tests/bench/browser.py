"""Search as a visitor sees it: bytes transferred and time to first result, in Debian's Chromium.

The built site is served over HTTP from a local server that counts every byte it sends, so the
figures do not depend on which browser event a search implementation happens to use (a worker,
fetch, XHR …). Both sites — ours and the plain-Material baseline — put the search box in
Material's header (`label[for=__search]`, `input.md-search__input`) and list results as
`.md-search-result__list > li`, so one probe drives both.

Time to first result (cold): a fresh browser context (empty cache) opens the home page, the
search box is opened and the first query typed as soon as the page has parsed; the clock runs
from the navigation until the first result is in the page — index download and setup included.
Later queries are timed from the keystroke until the list has changed and shows a result.
Search payload: bytes of every response whose path mentions search or lunr (index, shards,
worker, language support), for the whole session; `gzip` gives the same bytes compressed at
level 6, what a web server with compression would send.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
QUERIES = ("科技特派员", "专利资助", "防震减灾")

OPEN_SEARCH = 'label[for="__search"]'
INPUT = "input.md-search__input"
RESULT = ".md-search-result__list > li"
LIST = ".md-search-result__list"


# Arms a promise that resolves (to performance.now()) once the result list shows a result and,
# for a later query, differs from what it showed before; returns the time it was armed.
_ARM = """([list, item, before]) => {
  const done = () => {
    const l = document.querySelector(list);
    return l !== null && document.querySelector(item) !== null && (before === null || l.innerText !== before);
  };
  window.__benchDone = new Promise((resolve) => {
    const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(performance.now()); } });
    obs.observe(document.body, {childList: true, subtree: true, characterData: true});
    setTimeout(() => { obs.disconnect(); resolve(-1); }, 120000);
  });
  return performance.now();
}"""


@dataclass
class _Counter:
    lock: threading.Lock = field(default_factory=threading.Lock)
    served: list[tuple[str, int]] = field(default_factory=list)
    inflight: int = 0
    last: float = 0.0


class _Handler(http.server.SimpleHTTPRequestHandler):
    counter: _Counter

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass

    def handle_one_request(self) -> None:
        with self.counter.lock:
            self.counter.inflight += 1
        try:
            super().handle_one_request()
        finally:
            with self.counter.lock:
                self.counter.inflight -= 1
                self.counter.last = time.perf_counter()

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        with self.counter.lock:
            self.counter.served.append((self.path.split("?", 1)[0], len(data)))


class StaticServer:
    """A threaded HTTP server for one directory that records (path, bytes) of every response."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.counter = _Counter()
        handler = type("Handler", (_Handler,), {"counter": self.counter})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def reset(self) -> None:
        with self.counter.lock:
            self.counter.served.clear()

    def served(self) -> list[tuple[str, int]]:
        with self.counter.lock:
            return list(self.counter.served)

    def wait_idle(self, quiet: float = 0.5, timeout: float = 30.0) -> None:
        """Until nothing has been in flight for `quiet` seconds (lazy shard loads have finished)."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            with self.counter.lock:
                idle = self.counter.inflight == 0 and time.perf_counter() - self.counter.last >= quiet
            if idle:
                return
            time.sleep(0.05)


@dataclass(frozen=True)
class SearchFigures:
    first_result_s: float  # cold: navigation → first result of the first query
    later_query_s: tuple[float, ...]  # keystroke → changed result list, for each later query
    payload: int  # bytes of search resources served in the session
    payload_gzip: int
    page_bytes: int  # everything else the session loaded (HTML, CSS, JS, fonts)
    requests: int
    results_first_query: int


def _is_search(path: str) -> bool:
    p = path.lower()
    return "search" in p or "lunr" in p


def _type(box: Any, text: str) -> None:
    """What a Chinese IME commit does: the whole word arrives as one input, then the commit key is released.

    Material's search listens for keyup only, so the key release is part of the input.
    """
    box.fill(text)
    box.dispatch_event("keyup")


def _done(page: Any) -> float:
    t = float(page.evaluate("window.__benchDone"))
    if t < 0:
        raise TimeoutError("两分钟内没有出现搜索结果")
    return t


def probe(site: Path, queries: tuple[str, ...] = QUERIES, timeout_ms: float = 60_000) -> SearchFigures:
    """Open the site's home page in a fresh Chromium context and run `queries` in its search box."""
    from playwright.sync_api import sync_playwright

    gz: dict[str, int] = {}

    def gzip_size(path: str) -> int:
        if path not in gz:
            rel = path.lstrip("/")
            file = site / rel
            if file.is_dir() or rel == "" or rel.endswith("/"):
                file = file / "index.html"
            gz[path] = len(gzip.compress(file.read_bytes(), 6, mtime=0)) if file.is_file() else 0
        return gz[path]

    with StaticServer(site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page = context.new_page()
            page.set_default_timeout(timeout_ms)
            server.reset()
            page.goto(server.url, wait_until="domcontentloaded")
            box = page.locator(INPUT).first
            if not box.is_visible():  # a narrow header hides the box behind its magnifier button
                page.locator(f"{OPEN_SEARCH}:visible").first.click()
            box.click()
            # Times are taken in the page (performance.now() counts from the navigation), so the
            # cold figure includes fetching and preparing the index, and no driver round trip is counted.
            page.evaluate(_ARM, [LIST, RESULT, None])
            _type(box, queries[0])
            first = _done(page) / 1000
            count = page.locator(RESULT).count()
            later: list[float] = []
            for q in queries[1:]:
                t0 = page.evaluate(_ARM, [LIST, RESULT, page.inner_text(LIST)])
                _type(box, q)
                later.append((_done(page) - t0) / 1000)
            server.wait_idle()
            served = server.served()
        finally:
            browser.close()
    search = [(p, n) for p, n in served if _is_search(p)]
    return SearchFigures(
        first_result_s=first,
        later_query_s=tuple(later),
        payload=sum(n for _, n in search),
        payload_gzip=sum(gzip_size(p) for p, _ in search),
        page_bytes=sum(n for p, n in served if not _is_search(p)),
        requests=len(served),
        results_first_query=count,
    )
