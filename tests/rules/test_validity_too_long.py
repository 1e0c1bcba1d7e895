"""validity-too-long: expires − effective over validity_years (5), or provisional_validity_years (2) for 暂行/试行."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import SITE_CONFIG, found, problems_of
from tests.rules.records import CONFIG, DOC, document

CODE = "validity-too-long"


def test_five_years_is_allowed(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []  # 2025-04-10 → 2030-04-09
    assert found(tmp_path, CODE, {DOC: document(expires="2030-04-10")}) == []  # the same day five years on


def test_one_day_more_warns_at_expires_and_says_how_far(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {DOC: document(expires="2030-04-11")}) if p.code == CODE]
    assert (p.path, p.line, p.level.value) == (DOC, 14, "warning")
    assert "5 年" in p.message and "2030-04-10 或之前" in p.message


def test_provisional_documents_get_two_years(tmp_path: Path) -> None:
    title = "某市科技计划项目管理暂行办法"
    assert found(tmp_path, CODE, {DOC: document(title=title, expires="2027-04-10")}) == []
    [p] = [p for p in problems_of(tmp_path, {DOC: document(title=title, expires="2027-04-11")}) if p.code == CODE]
    assert "暂行、试行文件的 2 年" in p.message
    trial = document(title="某市科技成果评价办法（试行）", expires="2028-04-09")
    assert found(tmp_path, CODE, {DOC: trial}) == [(DOC, 14, CODE)]


def test_years_come_from_policy(tmp_path: Path) -> None:
    config = {CONFIG: SITE_CONFIG + "policy:\n  validity_years: 3\n"}
    assert found(tmp_path, CODE, {**config, DOC: document(expires="2028-04-10")}) == []
    assert found(tmp_path, CODE, {**config, DOC: document(expires="2028-04-11")}) == [(DOC, 14, CODE)]


def test_leap_day_effective(tmp_path: Path) -> None:
    text = document(written="2024-02-20", published="2024-02-26", effective="2024-02-29",
                    legality_review="{date: 2024-02-21, by: 某市科学技术局政策法规科, result: 通过}")
    assert found(tmp_path, CODE, {DOC: text.replace("expires: 2030-04-09", "expires: 2029-02-28")}) == []
    assert found(tmp_path, CODE, {DOC: text.replace("expires: 2030-04-09", "expires: 2029-03-01")}) == [
        (DOC, 14, CODE)]


def test_without_both_dates_there_is_nothing_to_measure(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(effective=None, expires="2040-01-01")}) == []
