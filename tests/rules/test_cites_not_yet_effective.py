"""cites-not-yet-effective: an 有效 power or document rests on a law that is 尚未生效."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import POWERS, found, problems_of
from tests.rules.records import DOC, LAWS, document, laws
from tests.rules.records import POWERS as POWERS_PATH

CODE = "cites-not-yet-effective"
FUTURE = laws("- id: kjpjf2027\n  title: 某省科学技术普及条例\n  level: 地方性法规\n"
              "  issuer: 某省人民代表大会常务委员会\n  promulgated: 2026-09-30\n  effective: 2027-01-01\n"
              "  status: 尚未生效\n  status_checked: 2026-11-01\n")


def test_not_cited_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {LAWS: FUTURE}) == []


def test_power_on_a_law_not_yet_in_force(tmp_path: Path) -> None:
    files = {LAWS: FUTURE, POWERS_PATH: POWERS.replace("law: zlf", "law: kjpjf2027")}
    [p] = [p for p in problems_of(tmp_path, files) if p.code == CODE]
    assert (p.path, p.line, p.level.value) == (POWERS_PATH, 4, "warning")
    assert "《某省科学技术普及条例》（kjpjf2027）状态为 尚未生效" in p.message


def test_document_on_a_law_not_yet_in_force(tmp_path: Path) -> None:
    files = {LAWS: FUTURE, DOC: document(basis="[{law: zlf}, {law: kjpjf2027}]")}
    assert found(tmp_path, CODE, files) == [(DOC, 17, CODE)]


def test_cancelled_power_is_silent(tmp_path: Path) -> None:
    files = {LAWS: FUTURE,
             POWERS_PATH: POWERS.replace("law: zlf", "law: kjpjf2027").replace("status: 有效", "status: 已调整")}
    assert found(tmp_path, CODE, files) == []
