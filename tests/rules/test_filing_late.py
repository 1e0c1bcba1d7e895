"""filing-late: filed more than policy.filing_days (default 30) after publication."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import found, problems_of
from tests.rules.records import ADDED, CONFIG, DOC, config, document

CODE = "filing-late"


def filed(day: str) -> dict[str, str | None]:
    return {DOC: document(filing=f"{{date: {day}, to: 某市司法局, no: 备2025-3}}")}


def test_thirty_days_by_default(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, filed("2025-04-09")) == []  # published 2025-03-10 + 30 days
    assert found(tmp_path, CODE, filed("2025-04-10")) == [(DOC, ADDED, CODE)]


def test_the_policy_sets_the_days(tmp_path: Path) -> None:
    files = {**filed("2025-03-30"), CONFIG: config("filing_days: 15")}
    [p] = [p for p in problems_of(tmp_path, files) if p.code == CODE]
    assert (p.path, p.line) == (DOC, ADDED) and "15 天" in p.message and "2025-03-30" in p.message
