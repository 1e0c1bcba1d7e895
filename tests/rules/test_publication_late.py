"""publication-late: published more than 20 working days after written, by China's official calendar.

Holidays (国庆, 春节) do not count and adjusted working Saturdays/Sundays (调休) do; chinesecalendar
knows 2004–2026. For a later year the rule counts Monday–Friday and says so in the message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import found, problems_of
from tests.rules.records import DOC, document

CODE = "publication-late"


def written_published(written: str, published: str) -> str:
    # The other dates follow publication so that only this rule can speak.
    return document(written=written, published=published, effective=published, expires=None,
                    kind="规章", legality_review=f"{{date: {written}, by: 某市科学技术局政策法规科, result: 通过}}")


def late(tmp_path: Path, written: str, published: str) -> list[str]:
    return [p.message for p in problems_of(tmp_path, {DOC: written_published(written, published)}) if p.code == CODE]


@pytest.mark.parametrize(("written", "published", "fires"), [
    # An ordinary month: Monday 2025-03-03 + 20 working days is Monday 2025-03-31.
    ("2025-03-03", "2025-03-31", False),
    ("2025-03-03", "2025-04-01", True),
    # 国庆 2025 (10-01 … 10-08 off): counting weekdays would give 24 by 10-23; officially it is 20.
    ("2025-09-19", "2025-10-23", False),
    ("2025-09-19", "2025-10-24", True),
    # 国庆 2025's 调休: Saturday 2025-10-11 is a working day, and the 21st here.
    ("2025-09-07", "2025-10-10", False),
    ("2025-09-07", "2025-10-11", True),
    # 春节 2026 (02-15 … 02-23 off): 20 working days from 02-06 reach 03-12.
    ("2026-02-06", "2026-03-12", False),
    ("2026-02-06", "2026-03-13", True),
    # 春节 2026's 调休: Saturday 2026-02-28 is a working day, and the 21st here.
    ("2026-01-25", "2026-02-27", False),
    ("2026-01-25", "2026-02-28", True),
])
def test_official_calendar(tmp_path: Path, written: str, published: str, fires: bool) -> None:
    messages = late(tmp_path, written, published)
    assert bool(messages) is fires
    if fires:
        assert "第 21 个工作日" in messages[0] and "按周一至周五" not in messages[0]


def test_points_at_published_as_a_warning(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {DOC: written_published("2025-03-03", "2025-04-01")}) if p.code == CODE]
    assert (p.path, p.line, p.level.value) == (DOC, 10, "warning")
    assert "条例第二十六条" in p.message


def test_a_year_without_official_data_counts_weekdays_and_says_so(tmp_path: Path) -> None:
    assert late(tmp_path, "2027-03-01", "2027-03-29") == []
    [message] = late(tmp_path, "2027-03-01", "2027-03-30")
    assert "第 21 个工作日" in message and "按周一至周五计算" in message


def test_spanning_into_an_unknown_year(tmp_path: Path) -> None:
    [message] = late(tmp_path, "2026-12-10", "2027-01-08")
    assert "按周一至周五计算" in message


def test_every_kind_of_disclosure_is_counted(tmp_path: Path) -> None:
    other = document(kind="其他", owner=None, effective=None, expires=None, status=None, doc_no=None,
                     legality_review=None, written="2025-03-03", published="2025-04-01")
    assert found(tmp_path, CODE, {DOC: other}) == [(DOC, 9, CODE)]  # no doc_no line: published moves up


def test_published_before_written_is_left_to_date_order(tmp_path: Path) -> None:
    assert late(tmp_path, "2025-04-01", "2025-03-03") == []
