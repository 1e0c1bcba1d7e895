"""Shared fixtures: the demo site, built once per test session, and a local HTTP server for it."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO_TODAY = dt.date(2026, 11, 26)
DEMO_FILES = ("site_config.yml", "catalog", "content")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo project (so building it writes nothing into the repository)."""
    project = tmp_path_factory.mktemp("demo")
    for name in DEMO_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        else:
            shutil.copy2(src, project / name)
    return project


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
    handler = functools.partial(_QuietHandler, directory=str(demo_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
