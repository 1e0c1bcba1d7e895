"""review-overdue: a normative 有效 document not reviewed (清理) within review_interval_years (2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.minimal import SITE_CONFIG, found, problems_of
from tests.rules.records import CONFIG, DOC, document

CODE = "review-overdue"
D = dt.date
REVIEWED = document(reviews="\n  - date: 2025-11-20\n    result: 继续有效\n    decided: true"
                            "\n  - date: 2026-06-01\n    result: 继续有效\n    decided: false")


def test_never_reviewed_counts_from_publication(tmp_path: Path) -> None:
    # Published 2025-03-10: two years later is 2027-03-10.
    assert found(tmp_path, CODE, today=D(2027, 3, 10)) == []
    [p] = [p for p in problems_of(tmp_path, today=D(2027, 3, 11)) if p.code == CODE]
    assert (p.path, p.line, p.level.value) == (DOC, 10, "warning")
    assert "发布于 2025-03-10 且从未清理" in p.message


def test_counts_from_the_last_review_and_points_at_it(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: REVIEWED}, today=D(2028, 6, 1)) == []
    [p] = [p for p in problems_of(tmp_path, {DOC: REVIEWED}, today=D(2028, 6, 2)) if p.code == CODE]
    assert p.line == 21  # the second review item
    assert "最近一次清理在 2026-06-01" in p.message


def test_interval_comes_from_policy(tmp_path: Path) -> None:
    config = {CONFIG: SITE_CONFIG + "policy:\n  review_interval_years: 1\n"}
    assert found(tmp_path, CODE, config, today=D(2026, 3, 10)) == []
    assert found(tmp_path, CODE, config, today=D(2026, 3, 11)) == [(DOC, 10, CODE)]


def test_documents_not_in_force_or_not_normative_are_silent(tmp_path: Path) -> None:
    late = D(2035, 1, 1)
    repealed = document(status="废止", repealed="{date: 2026-01-01, by: 某科〔2025〕9号}")
    assert found(tmp_path, CODE, {DOC: repealed}, today=late) == []
    other = document(kind="其他", owner=None, effective=None, expires=None, status=None, doc_no=None,
                     legality_review=None)
    assert found(tmp_path, CODE, {DOC: other}, today=late) == []
