"""Fixtures for the search tests: a small MkDocs + Material site with the search box, and Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.search import search_page_markdown, write_search_index

from .browser import CHROMIUM, CHROMIUM_ARGS, serve
from .corpus import fixture_docs

GENERATOR = Path(__file__).resolve().parents[2] / "generator"


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
    root = tmp_path_factory.mktemp("mini-site")
    docs = root / "docs"
    (docs / "assets").mkdir(parents=True)
    shutil.copytree(GENERATOR / "assets" / "search", docs / "assets" / "search")
    (docs / "index.md").write_text("# 首页\n\n某市科学技术局政府信息公开。\n", encoding="utf-8")
    (docs / "search.md").write_text(search_page_markdown(), encoding="utf-8")
    overrides = root / "overrides" / "partials"
    overrides.mkdir(parents=True)
    for name in ("header.html", "gov-search.html"):
        shutil.copy(GENERATOR / "templates" / "overrides" / "partials" / name, overrides / name)
    config = {
        "site_name": "某市科学技术局政府信息公开",
        "site_url": "http://127.0.0.1/",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "language": "zh", "custom_dir": "overrides", "font": False},
        "plugins": [],
        "extra_css": ["assets/search/search.css"],
        "extra_javascript": ["assets/search/search.js"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")], check=True,
                   cwd=root)
    write_search_index(fixture_docs(), root / "site")
    return root / "site"


@pytest.fixture(scope="session")
def mini_url(mini_site: Path) -> Iterator[str]:
    with serve(mini_site) as url:
        yield url
