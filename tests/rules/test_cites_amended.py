"""cites-amended: an 有效 power or document rests on a law that is 已修改 (articles may have moved)."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import LEGAL_BASES, POWERS, found, problems_of
from tests.rules.records import DOC, LAWS, document
from tests.rules.records import POWERS as POWERS_PATH

CODE = "cites-amended"
AMENDED = LEGAL_BASES.replace(
    "- id: zlf\n  title: 中华人民共和国专利法\n  level: 法律\n  issuer: 全国人民代表大会常务委员会\n  status: 现行有效",
    "- id: zlf\n  title: 中华人民共和国专利法\n  level: 法律\n  issuer: 全国人民代表大会常务委员会\n  status: 已修改",
)


def test_current_law_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


def test_power_on_an_amended_law_is_a_warning_at_the_law_key(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {LAWS: AMENDED}) if p.code == CODE]
    assert (p.path, p.line, p.column, p.level.value) == (POWERS_PATH, 4, 12, "warning")
    assert "状态为 已修改" in p.message and "条文序号" in p.message


def test_document_on_an_amended_law(tmp_path: Path) -> None:
    files = {LAWS: AMENDED, POWERS_PATH: POWERS.replace("law: zlf", "law: mfd"),
             DOC: document(basis="[{law: zlf, articles: [第十条]}]")}
    assert found(tmp_path, CODE, files) == [(DOC, 17, CODE)]


def test_power_no_longer_in_force_is_silent(tmp_path: Path) -> None:
    files = {LAWS: AMENDED, POWERS_PATH: POWERS.replace("status: 有效", "status: 已取消")}
    assert found(tmp_path, CODE, files) == []
