"""Screenshots of the demo site for docs/screenshots/ (and for looking at the site while changing it).

    .venv/bin/python -m tests.site.screenshots [OUT_DIR]   # default docs/screenshots

Builds the demo project (copied to a temporary directory, --today 2026-11-26), serves it on
127.0.0.1 and photographs every page type at 1280 and 375 pixels wide with Debian's Chromium
(the top of the page: what a reader sees first).
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.build import build_site
from generator.load import load_project
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 26)
WIDTHS = {"desktop": (1280, 860), "phone": (375, 812)}


def build_demo(tmp: Path) -> Path:
    """The demo project copied into `tmp` and built into tmp/site; returns the project directory."""
    for name in ("site_config.yml", "catalog", "content"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp / name)
    result = build_site(tmp, tmp / "site", TODAY)
    if not result.published:
        raise SystemExit("\n".join(p.as_text() for p in result.problems))
    return tmp


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """`site` on a local HTTP server; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def take(site: Path, targets: dict[str, str], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with serving(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for label, (w, h) in WIDTHS.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            for name, url in targets.items():
                page.goto(base + url)
                page.wait_for_load_state("load")
                path = out / f"{name}-{label}.png"
                page.screenshot(path=str(path))
                written.append(path)
            page.close()
        browser.close()
    return written


def main(argv: list[str]) -> int:
    from tests.site.test_markup import every_page_type

    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as tmp:
        project = build_demo(Path(tmp))
        for path in take(project / "site", every_page_type(load_project(project)[0]), out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
