"""basis-status-stale: a legal basis whose status_checked is older than one year, or absent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.minimal import LEGAL_BASES, SITE_CONFIG, found, problems_of
from tests.rules.records import CONFIG, LAWS, new_law

CODE = "basis-status-stale"
D = dt.date
# Every current law of the minimal project was checked on 2026-11-01.


def test_checked_within_a_year_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, today=D(2027, 11, 1)) == []


def test_a_day_past_the_year_warns_at_status_checked(tmp_path: Path) -> None:
    problems = [p for p in problems_of(tmp_path, today=D(2027, 11, 2)) if p.code == CODE]
    assert [(p.path, p.line, p.level.value) for p in problems] == [
        (LAWS, 8, "warning"), (LAWS, 14, "warning"), (LAWS, 20, "warning")]
    assert "《中华人民共和国科学技术进步法》" in problems[0].message and "2026-11-01" in problems[0].message


def test_never_checked_points_at_status(tmp_path: Path) -> None:
    text = new_law("status: 现行有效")
    [p] = [p for p in problems_of(tmp_path, {LAWS: text}) if p.code == CODE]
    assert (p.line, p.column) == (31, 3)
    assert "没有 status_checked" in p.message


def test_repealed_laws_need_no_rechecking(tmp_path: Path) -> None:
    # htf (已废止) has no status_checked at all.
    assert "htf" in LEGAL_BASES
    assert found(tmp_path, CODE, today=D(2027, 11, 1)) == []


def test_interval_comes_from_policy(tmp_path: Path) -> None:
    config = {CONFIG: SITE_CONFIG + "policy:\n  basis_check_interval_years: 2\n"}
    assert found(tmp_path, CODE, config, today=D(2028, 11, 1)) == []
    assert len(found(tmp_path, CODE, config, today=D(2028, 11, 2))) == 3
