"""Fixtures for the search tests: a small MkDocs + Material site with the search box, and Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import CHROMIUM, CHROMIUM_ARGS, serve
from .corpus import fixture_docs
from .site import build_mini_site


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("没有 /usr/bin/chromium：先运行 make browser（apt-get install chromium）")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real MkDocs build with only the search overrides and assets, indexed with the fixture corpus."""
    site, _ = build_mini_site(tmp_path_factory.mktemp("mini-site"), fixture_docs())
    return site


@pytest.fixture(scope="session")
def mini_url(mini_site: Path) -> Iterator[str]:
    with serve(mini_site) as url:
        yield url
