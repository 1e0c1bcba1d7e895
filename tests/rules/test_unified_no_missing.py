"""unified-no-missing, and the unified_no checks of invalid-value (pattern) and duplicate-id."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import found
from tests.rules.records import ADDED, CONFIG, DOC, LINE, config, document, second_document

CODE = "unified-no-missing"
DOC2 = "catalog/documents/gfxwj/2025-kjj-gfxwj-002.md"


def test_required_from_a_date(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []
    assert found(tmp_path, CODE, {CONFIG: config("unified_no_required_from: 2025-03-10")}) \
        == [(DOC, LINE["kind"], CODE)]
    assert found(tmp_path, CODE, {CONFIG: config("unified_no_required_from: 2025-03-11")}) == []
    numbered = {CONFIG: config("unified_no_required_from: 2025-01-01"), DOC: document(unified_no="KJGS-2025-1")}
    assert found(tmp_path, CODE, numbered) == []


def test_pattern_is_checked_with_re2_as_a_whole(tmp_path: Path) -> None:
    files = {CONFIG: config(r"unified_no_pattern: ^KJGS-\d{4}-\d+$")}
    assert found(tmp_path, "invalid-value", {**files, DOC: document(unified_no="KJGS-2025-1")}) == []
    assert found(tmp_path, "invalid-value", {**files, DOC: document(unified_no="KJGS-2025-01x")}) \
        == [(DOC, ADDED, "invalid-value")]
    refused = {CONFIG: config(r"unified_no_pattern: ^(?=K)KJGS$"), DOC: document(unified_no="KJGS")}
    assert [x[0] for x in found(tmp_path, "invalid-value", refused)] == [CONFIG]


def test_a_unified_number_used_twice(tmp_path: Path) -> None:
    files = {DOC: document(unified_no="KJGS-2025-1"), DOC2: second_document(unified_no="KJGS-2025-1")}
    assert found(tmp_path, "duplicate-id", files) == [(DOC2, ADDED, "duplicate-id")]
