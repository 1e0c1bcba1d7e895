"""summary-too-long: a 内容概述 over 100 characters."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import found, problems_of
from tests.rules.records import DOC, document

CODE = "summary-too-long"


def test_exactly_100_characters_is_fine(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(summary="规" * 100)}) == []


def test_101_characters_warns_at_summary_and_counts(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {DOC: document(summary="规" * 101)}) if p.code == CODE]
    assert (p.path, p.line, p.level.value) == (DOC, 8, "warning")
    assert "101 字" in p.message


def test_folded_multiline_summary_counts_its_text(tmp_path: Path) -> None:
    text = document(summary=">-\n  " + "规" * 60 + "\n  " + "范" * 41)
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 8, CODE)]


def test_surrounding_spaces_do_not_count(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(summary="'  " + "规" * 100 + "  '")}) == []
