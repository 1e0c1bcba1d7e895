"""表二 from the catalogue, catalog/annual/Y.yml validation and 表三 arithmetic (tests/audit_fixture.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.audit.annual import AnnualReport, annual_report, report_years
from generator.audit.render import render_annual, render_table2
from generator.check import check_project
from generator.cli import main
from generator.format.lifecycle import status_at
from generator.load import load_project
from tests.audit_fixture import ANNUAL_2025, make_fixture
from tests.golden import assert_golden
from tests.minimal import TODAY


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_fixture(tmp_path_factory.mktemp("annual"))


def report(project: Path, year: int) -> AnnualReport:
    cat, _ = load_project(project)
    return annual_report(cat, year)


def counts(r: AnnualReport, kind: str = "规范性文件") -> tuple[int, int, int]:
    row = r.row(kind)
    return len(row.issued), len(row.repealed), len(row.in_force)


def test_table2_counted_by_hand(project: Path) -> None:
    assert counts(report(project, 2023)) == (1, 0, 6)
    assert counts(report(project, 2024)) == (2, 1, 7)
    assert counts(report(project, 2025)) == (1, 3, 5)
    assert counts(report(project, 2024), "规章") == (1, 0, 1)
    assert counts(report(project, 2025), "规章") == (0, 0, 1)


def test_published_on_31_december_repealed_on_1_january(project: Path) -> None:
    """A: published 2023-12-31, repealed 2024-01-01 — issued and in force in 2023, repealed in 2024."""
    r23, r24 = report(project, 2023).row("规范性文件"), report(project, 2024).row("规范性文件")
    assert "a" in {e.id for e in r23.issued} and "a" in {e.id for e in r23.in_force}
    assert "a" in {e.id for e in r24.repealed} and "a" not in {e.id for e in r24.in_force}


def test_expiry_without_a_repeal_record_counts_the_day_after_expires(project: Path) -> None:
    """C: 失效, expires 2024-12-31, no `repealed` — in force on 2024-12-31, repealed in 2025."""
    assert "c" in {e.id for e in report(project, 2024).row("规范性文件").in_force}
    assert "c" not in {e.id for e in report(project, 2024).row("规范性文件").repealed}
    repealed_2025 = {e.id: e.reason for e in report(project, 2025).row("规范性文件").repealed}
    assert repealed_2025["c"] == "有效期至 2024-12-31，到期失效"
    assert repealed_2025["k"].startswith("失效于 2025-06-30")


def test_amended_documents_stay_in_force(project: Path) -> None:
    r24 = report(project, 2024)
    assert "d" in {e.id for e in r24.row("规范性文件").in_force}
    assert [e.id for e in r24.amended] == ["d"]
    assert report(project, 2025).amended == ()


def test_drafted_documents_are_not_the_agencys_own(project: Path) -> None:
    r25 = report(project, 2025).row("规范性文件")
    assert "g" not in {e.id for e in r25.issued} | {e.id for e in r25.in_force}


def test_cross_year_check(project: Path) -> None:
    assert report(project, 2024).row("规范性文件").balanced
    assert not any("不等于" in w for w in report(project, 2024).warnings)
    row = report(project, 2025).row("规范性文件")
    assert (row.in_force_before, row.expected, len(row.in_force)) == (7, 5, 5) and row.differences == ()


def test_a_document_still_marked_valid_after_it_expired_counts_as_lapsed_the_year_after(project: Path) -> None:
    """F: 有效, expires 2025-01-31, never updated — it lapsed all the same: 本年废止 in 2025, like a 失效 one."""
    repealed = {e.id: e.reason for e in report(project, 2025).row("规范性文件").repealed}
    assert repealed["f"].startswith("有效期至 2025-01-31，到期失效") and "请把 status 改为 失效" in repealed["f"]
    assert "f" not in {e.id for e in report(project, 2025).row("规范性文件").in_force}
    assert "f" in {e.id for e in report(project, 2024).row("规范性文件").in_force}


NOT_YET = """\
---
id: later
index_no: 11350100MB0000001X/2025-00099
title: 某市新办法
doc_no: 某科〔2025〕99号
category: gfxwj
issuer: 某市科学技术局
summary: 测试。
written: 2025-12-20
published: 2025-12-22
kind: 规范性文件
owner: self
effective: 2026-02-01
expires: 2031-01-31
status: 有效
legality_review: {date: 2025-12-10, by: 某市科学技术局政策法规科, result: 通过}
---
"""


def test_a_document_not_yet_in_effect_on_31_december_is_not_yet_in_force_that_year(tmp_path: Path) -> None:
    root = make_fixture(tmp_path, {"catalog/documents/gfxwj/later.md": NOT_YET})
    cat, _ = load_project(root)
    r25, r26 = annual_report(cat, 2025).row("规范性文件"), annual_report(cat, 2026).row("规范性文件")
    assert "later" in {e.id for e in r25.issued} and "later" not in {e.id for e in r25.in_force}
    [(doc, why)] = [(e.id, e.reason) for e in r25.differences]
    assert doc == "later" and why.startswith("尚未施行") and "2026-02-01 起施行" in why
    assert "later" in {e.id for e in r26.in_force}
    [(doc, why)] = [(e.id, e.reason) for e in r26.differences]
    assert doc == "later" and "本年起计入现行有效件数" in why


def test_repeal_recorded_after_expiry_is_explained_in_both_years(tmp_path: Path) -> None:
    """Expired 2022-06-30 but the repeal is recorded in 2023: each year's difference names it."""
    doc = """\
    ---
    id: late
    index_no: 11350100MB0000001X/2017-00001
    title: 某市老办法
    doc_no: 某科〔2017〕1号
    category: gfxwj
    issuer: 某市科学技术局
    summary: 测试。
    written: 2017-07-01
    published: 2017-07-01
    kind: 规范性文件
    owner: self
    effective: 2017-07-01
    expires: 2022-06-30
    status: 废止
    repealed: {date: 2023-03-01, by: 某科〔2023〕1号}
    ---
    """
    root = make_fixture(tmp_path, {"catalog/documents/gfxwj/late.md": doc})
    cat, _ = load_project(root)
    r22, r23 = annual_report(cat, 2022).row("规范性文件"), annual_report(cat, 2023).row("规范性文件")
    assert [e.id for e in r22.differences] == ["late"] and "计入 2023 年废止件数" in r22.differences[0].reason
    assert [e.id for e in r23.differences] == ["late"] and "2022 年已到期失效" in r23.differences[0].reason
    assert status_at(cat, cat.documents["late"], dt.date(2022, 12, 31)) == "失效"


def test_other_rows_come_from_the_annual_file(project: Path) -> None:
    r = report(project, 2025)
    assert r.source == "catalog/annual/2025.yml"
    assert r.active is not None and (r.active.penalty_decisions, r.active.fee_amount) == (3, 12.5)
    totals = {row.key: row.values["total"] for row in r.applications}
    assert len(totals) == 25  # every row of 表三 that holds numbers, (三)–(六) by their numbered items
    assert (totals["received"], totals["results.unavailable.not_held"], totals["results.withheld.state_secret"]) \
        == (6, 1, 0)  # a row not written is 0
    assert [row.values["upheld"] for row in r.appeals] == [1, 0, 0]
    no_file = report(project, 2024)
    assert no_file.active is None and any("没有 catalog/annual/2024.yml" in w for w in no_file.warnings)
    assert "| 行政许可 | — |" in render_table2(no_file)
    assert "| 行政事业性收费 | 12.5 |" in render_table2(r)
    assert all(v is None for row in no_file.table3 for v in row.values.values())  # the layout, “—” everywhere


def test_report_years(project: Path) -> None:
    cat, _ = load_project(project)
    assert report_years(cat) == [2025]


def test_golden_json_and_markdown(project: Path) -> None:
    r = report(project, 2025)
    assert_golden("annual-2025.json", render_annual(r, "json"))
    assert_golden("annual-2025.md", render_annual(r, "md"))


# --- catalog/annual/Y.yml validation, in `check` --------------------------------------------------


def annual_problems(root: Path, text: str, name: str = "2025.yml") -> list[tuple[int, str, str]]:
    make_fixture(root, {"catalog/annual/2025.yml": None, f"catalog/annual/{name}": text})
    return [(p.line, p.code, p.message) for p in check_project(root, TODAY).problems
            if p.path.startswith("catalog/annual/")]


def test_valid_annual_file_is_clean(tmp_path: Path) -> None:
    assert annual_problems(tmp_path, ANNUAL_2025) == []


def test_table3_identity_failure_names_the_numbers(tmp_path: Path) -> None:
    found = annual_problems(tmp_path, ANNUAL_2025.replace(
        "carried_forward: {natural_person: 1, total: 1}", "carried_forward: {natural_person: 2, total: 2}"))
    assert [(line, code) for line, code, _ in found] == [(8, "invalid-value"), (8, "invalid-value")]
    assert "表三自然人列不平衡：一、本年新收 5 + 二、上年结转 1 = 6，" \
        "而 三（七）总计 5 + 四、结转下年度继续办理 2 = 7" in found[0][2]
    assert "表三总计列不平衡" in found[1][2]


def test_table3_totals_must_add_up(tmp_path: Path) -> None:
    text = ANNUAL_2025.replace("disclosed: {natural_person: 3, commercial: 1, total: 4}",
                               "disclosed: {natural_person: 2, commercial: 1, total: 3}") \
        .replace("other: 0, total: 6}", "other: 0, total: 7}")
    found = annual_problems(tmp_path, text)
    expected = "表三自然人列：（一）至（六）各项之和为 4（（一） 2、（二） 1、（四）1 1），但（七）总计写的是 5"
    assert any(line == 15 and expected in m for line, _, m in found)  # at （七）总计's natural_person
    assert any(line == 8 and "六类申请人之和为 6" in m and "总计写的是 7" in m for line, _, m in found)


def test_a_forgotten_column_shows_as_a_total_that_does_not_add_up(tmp_path: Path) -> None:
    found = annual_problems(tmp_path, ANNUAL_2025.replace("carried_over: {natural_person: 1, total: 1}",
                                                          "carried_over: {total: 1}"))
    assert any(line == 9 and "“二、上年结转政府信息公开申请数量”：六类申请人之和为 0" in m for line, _, m in found)


def test_table4_totals_must_add_up(tmp_path: Path) -> None:
    found = annual_problems(tmp_path, ANNUAL_2025.replace("review: {upheld: 1, total: 1}",
                                                          "review: {upheld: 1, corrected: 1, total: 1}"))
    assert [(line, code) for line, code, _ in found] == [(18, "invalid-value")]
    assert "表四“行政复议”：结果维持、结果纠正、其他结果、尚未审结之和为 2（1 + 1 + 0 + 0），" \
        "但总计写的是 1" in found[0][2]


def test_annual_file_shape(tmp_path: Path) -> None:
    text = """\
    active:
      permit_decisions: 0
      penalty_decision: 3
      coercion_decisions: 一
      fee_amount: -1
    """
    found = {(line, code) for line, code, _ in annual_problems(tmp_path, text)}
    assert found == {(2, "missing-field"), (3, "unknown-field"), (4, "invalid-value"), (5, "invalid-value")}


def test_annual_file_name_must_be_a_year(tmp_path: Path) -> None:
    found = annual_problems(tmp_path, ANNUAL_2025, name="2025年.yml")
    assert [(line, code) for line, code, _ in found] == [(1, "invalid-value")]


def test_cli_report(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "annual", "--project", str(project), "--year", "2025", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["table2"]["article_20_1"][1]["in_force"] == 5
    broken = make_fixture(tmp_path, {"catalog/annual/2025.yml": ANNUAL_2025.replace(
        "carried_forward: {natural_person: 1, total: 1}", "carried_forward: {natural_person: 1, total: 2}")})
    assert main(["report", "annual", "--project", str(broken), "--year", "2025"]) == 1
    assert "invalid-value" in capsys.readouterr().err


def test_the_documented_example_is_valid(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "audit.md").read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert annual_problems(tmp_path, example) == []
    cat, _ = load_project(tmp_path)
    rows = {r.key: r.values["total"] for r in annual_report(cat, 2025).applications}
    assert (rows["received"], rows["results.withheld.third_party"], rows["results.total"]) == (9, 1, 8)
