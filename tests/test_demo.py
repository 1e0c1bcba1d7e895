"""The shipped demo (某市科学技术局) is clean under `check --strict` at both ends of its life."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import check_project

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not (ROOT / "site_config.yml").is_file(), reason="the demo is not in this tree")

# The demo's first day on the site and the last day it is meant to stay clean without edits.
DATES = [dt.date(2026, 11, 26), dt.date(2027, 12, 31)]


@pytest.mark.parametrize("today", DATES, ids=str)
def test_demo_has_no_errors_or_warnings(today: dt.date) -> None:
    result = check_project(ROOT, today)
    serious = [p.as_text() for p in result.problems if p.level.value != "notice"]
    assert serious == []
    assert not result.failed(strict=True)


@pytest.mark.parametrize("today", DATES, ids=str)
def test_check_strict_exits_0_on_the_demo(today: dt.date) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--strict", "--format", "json", "--today", today.isoformat()],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr == ""
    assert all(p["level"] == "notice" for p in json.loads(run.stdout))


def test_demo_exercises_every_record_kind() -> None:
    """A clean result only means something if the demo has records of every kind to check."""
    cat = check_project(ROOT, DATES[0]).catalog
    assert cat.config is not None
    assert len(cat.categories) >= 7 and len(cat.laws) >= 10 and len(cat.powers) >= 10
    kinds = {d.kind for d in cat.documents.values()}
    assert {"规范性文件", "其他"} <= kinds
    statuses = {d.status for d in cat.documents.values() if d.normative}
    assert {"有效", "废止"} <= statuses
    assert any(p.url_path == "guide.md" for p in cat.pages)

