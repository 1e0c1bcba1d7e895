"""date-in-future: a date after --today on a record already on the site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.minimal import found, problems_of
from tests.rules.records import ADDED, DOC, LAWS, LINE, POWERS, document, new_law

CODE = "date-in-future"


def test_written_and_published_after_today(tmp_path: Path) -> None:
    doc = document(written="2026-12-03", published="2026-12-10", effective="2027-01-10", expires="2032-01-09")
    assert found(tmp_path, CODE, {DOC: doc}) == [(DOC, LINE["written"], CODE), (DOC, LINE["published"], CODE)]
    assert found(tmp_path, CODE, {DOC: doc}, dt.date(2026, 12, 10)) == []


def test_a_published_document_not_yet_effective_is_normal(tmp_path: Path) -> None:
    doc = document(effective="2027-01-10", expires="2032-01-09")
    assert found(tmp_path, CODE, {DOC: doc}) == []


def test_review_filing_and_legality_review_dates(tmp_path: Path) -> None:
    doc = document(reviews="[{date: 2027-06-01, batch: 某科〔2027〕2号, result: 继续有效, decided: true}]",
                   filing="{date: 2026-12-01, to: 某市司法局}")
    assert found(tmp_path, CODE, {DOC: doc}) == [(DOC, ADDED, CODE), (DOC, ADDED + 1, CODE)]


def test_a_law_in_force_from_a_future_day(tmp_path: Path) -> None:
    law = new_law("promulgated: 2026-12-25", "effective: 2027-01-01", "status: 现行有效", "status_checked: 2026-11-01")
    assert found(tmp_path, CODE, {LAWS: law}) == [(LAWS, 31, CODE), (LAWS, 32, CODE)]


def test_power_change_after_today_says_本事项(tmp_path: Path) -> None:
    power = """\
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
  changes:
    - {date: 2027-03-01, kind: 调整, doc_no: 某政〔2027〕1号}
"""
    [p] = [p for p in problems_of(tmp_path, {POWERS: power}) if p.code == CODE]
    assert (p.path, p.line) == (POWERS, 8) and p.message.startswith("本事项")
