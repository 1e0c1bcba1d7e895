"""review-pending: a review with decided: false (a 建议 awaiting decision) is a notice, never a failure."""

from __future__ import annotations

from pathlib import Path

from generator.check import check_project
from tests.minimal import TODAY, found, make_project, problems_of
from tests.rules.records import DOC, document

CODE = "review-pending"


def test_decided_reviews_are_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(reviews="[{date: 2026-06-01, result: 继续有效, decided: true}]")}) == []


def test_proposal_is_a_notice_at_its_item(tmp_path: Path) -> None:
    text = document(reviews="\n  - date: 2026-06-01\n    batch: 某科〔2026〕2号\n"
                            "    result: 继续有效\n    decided: false")
    [p] = [p for p in problems_of(tmp_path, {DOC: text}) if p.code == CODE]
    assert (p.path, p.line, p.column, p.level.value) == (DOC, 18, 5, "notice")
    assert "2026-06-01" in p.message and "建议不修改" in p.message and "decided 改为 true" in p.message


def test_proposal_to_repeal_is_named(tmp_path: Path) -> None:
    text = document(reviews="[{date: 2026-06-01, result: 废止, decided: false}]")
    [p] = [p for p in problems_of(tmp_path, {DOC: text}) if p.code == CODE]
    assert "建议废止" in p.message


def test_proposal_settled_by_a_later_decision_is_silent(tmp_path: Path) -> None:
    text = document(reviews="\n  - {date: 2026-03-01, result: 废止, decided: false}"
                            "\n  - {date: 2026-06-01, result: 继续有效, decided: true}")
    assert found(tmp_path, CODE, {DOC: text}) == []


def test_an_earlier_decision_does_not_settle_a_later_proposal(tmp_path: Path) -> None:
    text = document(reviews="\n  - {date: 2025-11-20, result: 继续有效, decided: true}"
                            "\n  - {date: 2026-06-01, result: 修改, decided: false}")
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 19, CODE)]


def test_notices_never_fail_a_run_even_strict(tmp_path: Path) -> None:
    make_project(tmp_path, {DOC: document(reviews="[{date: 2026-06-01, result: 废止, decided: false}]")})
    result = check_project(tmp_path, TODAY)
    assert [p.level.value for p in result.problems] == ["notice"]
    assert not result.failed(strict=True)
