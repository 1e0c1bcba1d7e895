"""expired-but-valid: status 有效 and `expires` before today (the date is an input)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.minimal import found, problems_of
from tests.rules.records import DOC, document

CODE = "expired-but-valid"
D = dt.date


def test_on_its_last_day_it_is_still_valid(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, today=D(2030, 4, 9)) == []


def test_the_day_after_expires_it_fires_at_expires(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, today=D(2030, 4, 10)) if p.code == CODE]
    assert (p.path, p.line, p.column, p.level.value) == (DOC, 14, 1, "error")
    assert "2030-04-09" in p.message and "失效" in p.message


def test_today_decides_not_the_clock(tmp_path: Path) -> None:
    text = document(expires="2026-11-25", effective="2025-04-10")
    assert found(tmp_path, CODE, {DOC: text}, today=D(2026, 11, 25)) == []
    assert found(tmp_path, CODE, {DOC: text}, today=D(2026, 11, 26)) == [(DOC, 14, CODE)]


def test_documents_no_longer_valid_are_silent(tmp_path: Path) -> None:
    lapsed = document(expires="2026-01-01", status="失效")
    assert found(tmp_path, CODE, {DOC: lapsed}) == []
    amended = document(expires="2026-01-01", status="已修改", amended_by="[2025-kjj-gfxwj-001]")
    assert found(tmp_path, CODE, {DOC: amended}) == []


def test_rules_without_expires_never_expire(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(kind="规章", expires=None)}, today=D(2040, 1, 1)) == []
