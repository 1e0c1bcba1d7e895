"""guide-incomplete: an Art. 12 field of `agency` missing or empty (the 公开指南 is rendered from them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import SITE_CONFIG, found, problems_of
from tests.rules.records import CONFIG

CODE = "guide-incomplete"


def test_complete_agency_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


@pytest.mark.parametrize(("line", "empty"), [
    ("  fax: 0591-00000001\n", "  fax: ''\n"),
    ("  fax: 0591-00000001\n", "  fax:\n"),
    ("  fax: 0591-00000001\n", "  fax: '   '\n"),
    ("  application_channels: [网上申请, 信函申请, 当面申请]\n", "  application_channels: []\n"),
    ("  application_channels: [网上申请, 信函申请, 当面申请]\n", "  application_channels: ['']\n"),
])
def test_empty_value_is_reported_at_its_key(tmp_path: Path, line: str, empty: str) -> None:
    [p] = [p for p in problems_of(tmp_path, {CONFIG: SITE_CONFIG.replace(line, empty)}) if p.code == CODE]
    assert (p.path, p.column, p.level.value) == (CONFIG, 3, "error")
    assert p.line == (12 if "fax" in line else 15)
    assert "条例第十二条" in p.message


def test_absent_field_is_reported_at_agency_with_its_chinese_name(tmp_path: Path) -> None:
    config = SITE_CONFIG.replace("  office_hours: 工作日 8:00—12:00，14:30—17:30\n", "")
    [p] = [p for p in problems_of(tmp_path, {CONFIG: config}) if p.code == CODE]
    assert p.line == 5
    assert "“办公时间”" in p.message and "office_hours" in p.message
    assert [x for x in problems_of(tmp_path, {CONFIG: config}) if x.code == "missing-field"] == []


def test_every_gap_in_one_run(tmp_path: Path) -> None:
    config = (SITE_CONFIG.replace("  phone: 0591-00000000\n", "").replace("  fax: 0591-00000001\n", "  fax: ''\n")
              .replace("  email: kjj@example.gov.cn\n", ""))
    assert found(tmp_path, CODE, {CONFIG: config}) == [(CONFIG, 5, CODE), (CONFIG, 5, CODE), (CONFIG, 11, CODE)]


def test_no_agency_block_is_one_problem_naming_every_field(tmp_path: Path) -> None:
    start, end = SITE_CONFIG.index("agency:"), SITE_CONFIG.index("footer:")
    config = SITE_CONFIG[:start] + SITE_CONFIG[end:]
    problems = problems_of(tmp_path, {CONFIG: config})
    [p] = [p for p in problems if p.code == CODE]
    assert p.line == 1
    assert "办公地址" in p.message and "传真号码" in p.message and "申请渠道" in p.message
    assert [x.code for x in problems if x.level.value == "error"] == [CODE]
