"""Fixtures for the search tests: a small MkDocs + Material site with the search box, and Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.search.browser import serve
from tests.search.corpus import FIXTURE_SYNONYMS, fixture_docs
from tests.search.site import build_mini_site

# `browser` (one Chromium per session, shared with the site tests) is in tests/conftest.py.


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real MkDocs build with only the search overrides and assets, indexed with the fixture corpus."""
    site, _ = build_mini_site(tmp_path_factory.mktemp("mini-site"), fixture_docs(), FIXTURE_SYNONYMS)
    return site


@pytest.fixture(scope="session")
def mini_url(mini_site: Path) -> Iterator[str]:
    with serve(mini_site) as url:
        yield url
