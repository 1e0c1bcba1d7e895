"""`build`: check first, refuse on problems, publish atomically, same input → same bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import build_site
from generator.cache import cache_dir
from generator.cli import main
from generator.format.model import Catalog
from generator.problems import UsageError
from generator.publish import MARKER
from generator.site.pages import PAGE_FAMILIES
from generator.site.pages.base import SitePage
from tests.minimal import TODAY, make_project
from tests.site.sitebuild import build, html

ROOT = Path(__file__).resolve().parents[2]


def snapshot(site: Path) -> dict[str, str]:
    """Every file of a site with the hash of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    """Hidden files a build left beside the site, but its cache folder (kept on purpose, cache.py)."""
    keep = cache_dir(parent / "site").name
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".site-") and p.name != keep)


def test_build_refuses_on_errors_and_keeps_the_previous_site(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    result, site = build(tmp_path)
    assert result.published and (site / MARKER).is_file()
    before = snapshot(site)
    broken = (tmp_path / "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md")
    broken.write_text(broken.read_text(encoding="utf-8").replace("category: gfxwj", "category: gfxwjj"),
                      encoding="utf-8")
    code = main(["build", "--project", str(tmp_path), "--today", TODAY.isoformat()])
    out, err = capsys.readouterr()
    assert code == 1
    assert "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md:6:1: 错误 unknown-reference 分类 'gfxwjj'" in out
    assert "未发布" in err
    assert snapshot(site) == before
    assert leftovers(tmp_path) == []


def test_strict_build_refuses_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path)
    lb = tmp_path / "catalog/legal_bases.yml"
    lb.write_text(lb.read_text(encoding="utf-8").replace("  status_checked: 2026-11-01\n", "", 1), encoding="utf-8")
    args = ["build", "--project", str(tmp_path), "--today", TODAY.isoformat()]
    assert main(args + ["--strict"]) == 1
    assert "basis-status-stale" in capsys.readouterr().out
    assert not (tmp_path / "site").exists()
    assert main(args) == 0  # without --strict a warning is reported, not fatal
    assert (tmp_path / "site/index.html").is_file()


def test_a_failure_during_the_build_leaves_the_previous_site(tmp_path: Path) -> None:
    result, site = build(tmp_path)
    before = snapshot(site)

    def broken(cat: Catalog, today: dt.date) -> list[SitePage]:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        build_site(tmp_path, site, TODAY, families=[*PAGE_FAMILIES, broken])
    assert snapshot(site) == before
    assert leftovers(tmp_path) == []


KILLER = """\
import sys, datetime
from pathlib import Path
from generator.build import build_site
build_site(Path(sys.argv[1]), Path(sys.argv[1]) / "site", datetime.date(2026, 11, 26))
"""


def test_a_kill_at_any_moment_leaves_a_complete_site(tmp_path: Path) -> None:
    result, site = build(tmp_path)
    before = snapshot(site)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    full = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path)], env=env, check=True)
    duration = time.perf_counter() - started
    assert full.returncode == 0
    assert snapshot(site) == before  # same input: the rebuilt site is byte-identical
    for fraction in (0.3, 0.6, 0.8, 0.9, 0.95):
        proc = subprocess.Popen([sys.executable, "-c", KILLER, str(tmp_path)], env=env)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert snapshot(site) == before, fraction
    # the next build cleans up what the killed ones left behind
    result, site = build(tmp_path)
    assert result.published and snapshot(site) == before
    assert leftovers(tmp_path) == []


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    make_project(tmp_path)
    a = build_site(tmp_path, tmp_path / "a", TODAY)
    b = build_site(tmp_path, tmp_path / "b", TODAY)
    assert a.published and b.published
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_out_must_not_be_the_project_or_a_foreign_directory(tmp_path: Path) -> None:
    make_project(tmp_path)
    with pytest.raises(UsageError):
        build_site(tmp_path, tmp_path, TODAY)
    with pytest.raises(UsageError):
        build_site(tmp_path, tmp_path.parent, TODAY)
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(UsageError):
        build_site(tmp_path, foreign, TODAY)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_nav_lists_only_top_sections_and_every_entry_resolves(tmp_path: Path) -> None:
    _, site = build(tmp_path)
    home = html(site, "")
    tabs = home.split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
    hrefs = re.findall(r'href="([^"]*)"', tabs)
    assert len(hrefs) <= 12  # never one entry per document
    for href in hrefs:
        target = site / (href if href != "." else "") / "index.html"
        assert target.is_file(), href
    assert "documents/" not in tabs
    mkdocs_yml = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert "documents/" not in mkdocs_yml and "docs_dir: content" in mkdocs_yml
