"""cites-repealed: an 有效 power or document rests on a 已废止 law or a 废止/失效 document."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import POWERS, found, problems_of
from tests.rules.records import DOC, document, second_document
from tests.rules.records import POWERS as POWERS_PATH

CODE = "cites-repealed"
OTHER = "catalog/documents/qtwj/b.md"


def test_current_basis_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(basis="[{law: mfd, articles: [第四百六十九条]}]")}) == []


def test_power_on_a_repealed_law_at_the_law_key(tmp_path: Path) -> None:
    text = POWERS.replace("basis: [{law: zlf, articles: [第六十八条]}]",
                          "basis:\n    - law: zlf\n      articles: [第六十八条]\n"
                          "    - law: htf\n      articles: [第五十二条]")
    [p] = [p for p in problems_of(tmp_path, {POWERS_PATH: text}) if p.code == CODE]
    assert (p.path, p.line, p.column) == (POWERS_PATH, 7, 7)
    assert p.message.startswith("本事项") and "《中华人民共和国合同法》（htf）已废止" in p.message
    assert "已被 mfd 废止" in p.message


def test_normative_document_on_a_repealed_law(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(basis="[{law: htf, articles: [第十条]}]")}) == [(DOC, 17, CODE)]


@pytest.mark.parametrize("status", ["已取消", "已调整"])
def test_power_no_longer_in_force_is_silent(tmp_path: Path, status: str) -> None:
    text = POWERS.replace("law: zlf", "law: htf").replace("status: 有效", f"status: {status}")
    assert found(tmp_path, CODE, {POWERS_PATH: text}) == []


def test_repealed_or_other_document_is_silent(tmp_path: Path) -> None:
    repealed = document(status="废止", basis="[{law: htf}]", repealed="{date: 2026-01-01, by: 某府〔2025〕9号}")
    assert found(tmp_path, CODE, {DOC: repealed}) == []
    other = document(kind="其他", owner=None, effective=None, expires=None, status=None, legality_review=None,
                     doc_no=None, basis="[{law: htf}]")
    assert found(tmp_path, CODE, {DOC: other}) == []


@pytest.mark.parametrize("status", ["废止", "失效"])
def test_power_whose_discretion_document_is_no_longer_valid(tmp_path: Path, status: str) -> None:
    gone = second_document(status=status, repealed="{date: 2026-01-01, by: 某科〔2026〕1号}")
    files = {OTHER: gone, POWERS_PATH: POWERS + "  discretion: 2025-kjj-gfxwj-002\n"}
    [p] = [p for p in problems_of(tmp_path, files) if p.code == CODE]
    assert (p.path, p.line) == (POWERS_PATH, 7)
    assert f"已{status}" in p.message


def test_each_citation_reported_once(tmp_path: Path) -> None:
    files = {DOC: document(basis="[{law: htf}, {law: htf, articles: [第二条]}]"),
             POWERS_PATH: POWERS.replace("law: zlf", "law: htf")}
    assert found(tmp_path, CODE, files) == [(DOC, 17, CODE), (DOC, 17, CODE), (POWERS_PATH, 4, CODE)]
