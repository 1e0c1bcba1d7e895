"""legality-review-failed: a 不通过 review on a published document, or a review dated after publication."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import found, problems_of
from tests.rules.records import DOC, document

CODE = "legality-review-failed"
BY = "by: 某市科学技术局政策法规科"


@pytest.mark.parametrize("result", ["通过", "修改后通过"])
def test_passed_before_publication_is_silent(tmp_path: Path, result: str) -> None:
    text = document(legality_review=f"{{date: 2025-03-10, {BY}, result: {result}}}")  # the same day is fine
    assert found(tmp_path, CODE, {DOC: text}) == []


def test_failed_review_points_at_result(tmp_path: Path) -> None:
    text = document(legality_review=f"\n  date: 2025-03-05\n  {BY}\n  result: 不通过\n"
                                    "  opinion_no: 某科法审〔2025〕3号")
    [p] = [p for p in problems_of(tmp_path, {DOC: text}) if p.code == CODE]
    assert (p.path, p.line, p.column, p.level.value) == (DOC, 19, 3, "error")
    assert "不通过" in p.message


def test_review_after_publication_points_at_its_date(tmp_path: Path) -> None:
    text = document(legality_review=f"\n  date: 2025-03-11\n  {BY}\n  result: 通过")
    [p] = [p for p in problems_of(tmp_path, {DOC: text}) if p.code == CODE]
    assert (p.line, p.column) == (17, 3)
    assert "2025-03-11 晚于发布日期 2025-03-10" in p.message


def test_both_at_once(tmp_path: Path) -> None:
    text = document(legality_review=f"{{date: 2025-04-01, {BY}, result: 不通过}}")
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 16, CODE), (DOC, 16, CODE)]
