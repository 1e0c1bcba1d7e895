"""legality-review-missing: a 规范性文件 published on or after 2019-01-01 without `legality_review`."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import found, problems_of
from tests.rules.records import DOC, document

CODE = "legality-review-missing"


def test_reviewed_document_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


def test_missing_review_warns_at_published(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {DOC: document(legality_review=None)}) if p.code == CODE]
    assert (p.path, p.line, p.level.value) == (DOC, 10, "warning")
    assert "legality_review" in p.message


def _published(day: str) -> str:
    return document(legality_review=None, written=day, published=day, effective=day)


def test_boundary_is_the_first_of_january_2019(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: _published("2018-12-31")}) == []
    assert found(tmp_path, CODE, {DOC: _published("2019-01-01")}) == [(DOC, 10, CODE)]


def test_rules_and_other_documents_are_not_asked(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(kind="规章", legality_review=None)}) == []
    other = document(kind="其他", owner=None, effective=None, expires=None, status=None, doc_no=None,
                     legality_review=None)
    assert found(tmp_path, CODE, {DOC: other}) == []
