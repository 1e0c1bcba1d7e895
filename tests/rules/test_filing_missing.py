"""filing-missing: a 规章/规范性文件 published on or after policy.filing_required_from without `filing`."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import found
from tests.rules.records import CONFIG, DOC, LINE, config, document

CODE = "filing-missing"


def test_unset_policy_checks_nothing(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


def test_published_on_the_start_date_needs_a_filing(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {CONFIG: config("filing_required_from: 2025-03-10")}) == [(DOC, LINE["kind"], CODE)]
    assert found(tmp_path, CODE, {CONFIG: config("filing_required_from: 2025-03-11")}) == []


def test_a_filing_or_another_kind_is_silent(tmp_path: Path) -> None:
    files = {CONFIG: config("filing_required_from: 2025-01-01")}
    filed = document(filing="{date: 2025-03-20, to: 某市司法局}")
    assert found(tmp_path, CODE, {**files, DOC: filed}) == []
    other = document(kind="其他", owner=None, effective=None, expires=None, status=None, doc_no=None)
    assert found(tmp_path, CODE, {**files, DOC: other}) == []


def test_not_before_the_filing_period_is_over(tmp_path: Path) -> None:
    import datetime as dt

    files = {CONFIG: config("filing_required_from: 2025-01-01")}
    assert found(tmp_path, CODE, files, dt.date(2025, 4, 9)) == []  # published 2025-03-10 + 30 days
    assert found(tmp_path, CODE, files, dt.date(2025, 4, 10)) == [(DOC, LINE["kind"], CODE)]
