"""invalid-date: a date that is not a real ISO date, at the line of its key; never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import found, problems_of
from tests.rules.records import DOC, LAWS, document, new_law

CODE = "invalid-date"


def messages(tmp_path: Path, files: dict[str, str | None]) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.message) for p in problems_of(tmp_path, files) if p.code == CODE]


def test_clean_project_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


@pytest.mark.parametrize("value", ["2029-02-30", "2023-02-29", "2025-13-01", "2025-04-31", "0000-01-01"])
def test_impossible_dates(tmp_path: Path, value: str) -> None:
    [(path, line, message)] = messages(tmp_path, {DOC: document(written=value)})
    assert (path, line) == (DOC, 9)
    assert f"'{value}' 不是真实存在的日期" in message


def test_leap_day_of_a_leap_year_is_fine(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(written="2024-02-29", published="2024-03-04",
                                                effective="2024-04-01")}) == []


@pytest.mark.parametrize("value", ["2025-3-3", "2025/03/03", "2025年3月3日", "20250303", "２０２５-03-03"])
def test_not_iso_shaped(tmp_path: Path, value: str) -> None:
    [(_p, line, message)] = messages(tmp_path, {DOC: document(written=value)})
    assert line == 9
    assert "YYYY-MM-DD" in message


def test_time_of_day_is_named(tmp_path: Path) -> None:
    [(_p, line, message)] = messages(tmp_path, {DOC: document(written="2025-03-03 09:30:00")})
    assert line == 9
    assert "带有时刻" in message and "2025-03-03" in message


def test_quoted_iso_date_is_a_date(tmp_path: Path) -> None:
    # Accepted, and used by the time rules like an unquoted one (published before written → date-order).
    problems = problems_of(tmp_path, {DOC: document(written="'2025-03-12'", published='"2025-03-10"')})
    assert [(p.code, p.line) for p in problems] == [("date-order", 10)]


def test_quoted_impossible_date(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(written="'2025-02-30'")}) == [(DOC, 9, CODE)]


def test_dates_in_nested_records_and_laws(tmp_path: Path) -> None:
    text = document(reviews="\n  - date: 2026-02-30\n    result: 继续有效\n    decided: true",
                    legality_review="{date: 2025-02-29, by: 某市科学技术局政策法规科, result: 通过}")
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 16, CODE), (DOC, 18, CODE)]
    law = new_law("promulgated: 2024-12-25", "effective: 2024-12-32", "status: 现行有效", "status_checked: 2026-11-01")
    assert found(tmp_path, CODE, {LAWS: law}) == [(LAWS, 32, CODE)]


def test_invalid_date_does_not_feed_time_rules(tmp_path: Path) -> None:
    # An unreadable `expires` is reported once, not also as expired or too long.
    problems = problems_of(tmp_path, {DOC: document(expires="2020-02-30")})
    assert [(p.code, p.line) for p in problems] == [(CODE, 14)]
