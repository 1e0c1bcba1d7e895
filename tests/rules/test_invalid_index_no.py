"""invalid-index-no: a 索引号 that does not match policy.index_no_pattern (whole value, ASCII digits)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import SITE_CONFIG, found, problems_of
from tests.rules.records import CONFIG, DOC, document

CODE = "invalid-index-no"


def test_default_pattern_accepts_credit_code_year_serial(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


@pytest.mark.parametrize("index_no", [
    "11350100MB0000001X-2025-00001",   # wrong separator
    "11350100MB0000001X/2025-1",       # serial not five digits
    "11350100MB0000001Y/2025-00001",   # someone else's credit code
    "11350100MB0000001X/２０２５-00001",  # full-width digits
])
def test_default_pattern_rejects(tmp_path: Path, index_no: str) -> None:
    [p] = [p for p in problems_of(tmp_path, {DOC: document(index_no=f"'{index_no}'")}) if p.code == CODE]
    assert (p.path, p.line, p.column) == (DOC, 3, 1)
    assert "例如 11350100MB0000001X/2025-00001" in p.message


def test_local_pattern_from_policy(tmp_path: Path) -> None:
    config = SITE_CONFIG + "policy:\n  index_no_pattern: '^TCXXGK-\\d{4}-\\d{6}$'\n"
    assert found(tmp_path, CODE, {CONFIG: config, DOC: document(index_no="TCXXGK-2025-011721")}) == []
    [p] = [p for p in problems_of(tmp_path, {CONFIG: config}) if p.code == CODE]
    assert p.line == 3 and "TCXXGK" in p.message and "例如" not in p.message


def test_pattern_without_anchors_still_matches_the_whole_value(tmp_path: Path) -> None:
    config = SITE_CONFIG + "policy:\n  index_no_pattern: 'TCXXGK-\\d{4}-\\d{6}'\n"
    files = {CONFIG: config, DOC: document(index_no="TCXXGK-2025-011721-extra")}
    assert found(tmp_path, CODE, files) == [(DOC, 3, CODE)]


def test_broken_regex_is_reported_once_in_site_config(tmp_path: Path) -> None:
    config = SITE_CONFIG + "policy:\n  index_no_pattern: '^{credit_code}/(\\d{4}-\\d{5}$'\n"
    # The pattern itself is the invalid value (at its line); no document is judged by it.
    assert found(tmp_path, CODE, {CONFIG: config}) == []
    assert found(tmp_path, "invalid-value", {CONFIG: config}) == [(CONFIG, 22, "invalid-value")]


def test_missing_credit_code_does_not_flag_every_document(tmp_path: Path) -> None:
    config = SITE_CONFIG.replace("  credit_code: 11350100MB0000001X\n", "")
    assert found(tmp_path, CODE, {CONFIG: config}) == []
    assert "guide-incomplete" in {p.code for p in problems_of(tmp_path, {CONFIG: config})}
