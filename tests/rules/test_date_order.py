"""date-order: written ≤ published ≤ effective ≤ expires, a repeal after publication, promulgated ≤ effective."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import found, problems_of
from tests.rules.records import DOC, LAWS, document, new_law

CODE = "date-order"


def test_ordered_and_equal_dates_are_silent(tmp_path: Path) -> None:
    same_day = document(written="2025-03-10", published="2025-03-10", effective="2025-03-10",
                        legality_review="{date: 2025-03-05, by: 某市科学技术局政策法规科, result: 通过}")
    assert found(tmp_path, CODE, {DOC: same_day}) == []


def test_published_before_written_points_at_published(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {DOC: document(written="2025-03-12")}) if p.code == CODE]
    assert (p.path, p.line, p.column) == (DOC, 10, 1)
    assert "发布日期 2025-03-10 早于成文日期 2025-03-12" in p.message


def test_effective_before_published(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(effective="2025-03-09")}) == [(DOC, 13, CODE)]


def test_expires_before_effective(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(expires="2025-04-09")}) == [(DOC, 14, CODE)]


def test_a_missing_date_is_skipped_not_compared_as_none(tmp_path: Path) -> None:
    # effective absent (a missing-field problem): published is compared with expires instead.
    assert found(tmp_path, CODE, {DOC: document(effective=None, expires="2025-03-01")}) == [(DOC, 13, CODE)]


def test_every_inversion_in_one_document(tmp_path: Path) -> None:
    text = document(written="2025-03-12", effective="2025-03-01", expires="2025-02-01")
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 10, CODE), (DOC, 13, CODE), (DOC, 14, CODE)]


def test_repeal_before_publication(tmp_path: Path) -> None:
    text = document(status="废止", repealed="{date: 2025-03-01, by: 某科〔2025〕9号}")
    [p] = [p for p in problems_of(tmp_path, {DOC: text}) if p.code == CODE]
    assert (p.line, p.column) == (17, 12)
    assert "废止日期 2025-03-01 早于发布日期 2025-03-10" in p.message
    ok = document(status="废止", repealed="{date: 2025-03-10, by: 某科〔2025〕9号}")
    assert found(tmp_path, CODE, {DOC: ok}) == []


def test_law_effective_before_promulgated_and_repealed_before_promulgated(tmp_path: Path) -> None:
    text = new_law("promulgated: 2024-12-25", "effective: 2024-12-24", "status: 已废止",
                   "repealed: {date: 2024-01-01, by: 某法}")
    assert found(tmp_path, CODE, {LAWS: text}) == [(LAWS, 32, CODE), (LAWS, 34, CODE)]
