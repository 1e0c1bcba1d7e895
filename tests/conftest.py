"""Shared fixtures: the demo site, built once per test session, a local HTTP server for it, and Chromium.

`browser` lives here, once for the whole session: Playwright's sync API cannot run two instances in
one process, so the site and search browser tests must share one.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import generator  # noqa: F401  (first: it chooses openpyxl's writer before any test imports openpyxl)
from tests.search import browser as _browser

ROOT = Path(__file__).resolve().parents[1]
DEMO_TODAY = dt.date(2026, 11, 26)
DEMO_FILES = ("site_config.yml", "catalog", "content")
# Debian's Chromium (never a browser downloaded by Playwright) and the local server: one definition.
CHROMIUM = Path(_browser.CHROMIUM)
CHROMIUM_ARGS = _browser.CHROMIUM_ARGS


def copy_demo(dest: Path) -> Path:
    """The demo project's files copied into `dest` (created if missing)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in DEMO_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo project (so building it writes nothing into the repository)."""
    return copy_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="session")
def demo_site(demo_project: Path) -> Path:
    """The demo site, built once per session exactly as `make site` does (--strict, fixed --today)."""
    from generator.build import build_site

    result = build_site(demo_project, demo_project / "site", DEMO_TODAY, strict=True)
    assert result.published, [p.as_text() for p in result.problems] + result.warnings
    return demo_project / "site"


@pytest.fixture(scope="session")
def demo_url(demo_site: Path) -> Iterator[str]:
    """The demo site served over HTTP on 127.0.0.1 (a thread; stopped at the end of the session)."""
    with _browser.serve(demo_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Chromium driven by Playwright's sync API, one per session."""
    if not CHROMIUM.exists():
        pytest.skip("需要 Debian 的 Chromium：运行 make browser（apt-get install chromium）")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()
