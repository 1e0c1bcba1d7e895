"""missing-field: a required field is absent, reported where the record (or its `kind`) is."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import POWERS, found, problems_of
from tests.rules.records import CATEGORIES, DOC, LAWS, document, laws
from tests.rules.records import POWERS as POWERS_PATH

CODE = "missing-field"


def test_clean_project_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


def test_law_without_title_points_at_its_record(tmp_path: Path) -> None:
    text = laws("- id: kjpjf\n  level: 法律\n  issuer: 全国人民代表大会常务委员会\n  status: 现行有效\n"
                "  status_checked: 2026-11-01\n")
    assert found(tmp_path, CODE, {LAWS: text}) == [(LAWS, 27, CODE)]
    [p] = [p for p in problems_of(tmp_path, {LAWS: text}) if p.code == CODE]
    assert p.column == 3
    assert "'title'（名称）" in p.message and "title: …" in p.message


def test_every_missing_field_of_a_document_in_front_matter_lines(tmp_path: Path) -> None:
    text = document(summary=None, issuer=None)
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 2, CODE), (DOC, 2, CODE)]


def test_fields_required_by_kind_point_at_kind(tmp_path: Path) -> None:
    # 规范性文件 need expires (line 14, removed): reported at `kind: 规范性文件` on line 11.
    problems = [p for p in problems_of(tmp_path, {DOC: document(expires=None)}) if p.code == CODE]
    assert [(p.line, p.column) for p in problems] == [(11, 1)]
    assert "规范性文件必须填写 'expires'（有效期至）" in problems[0].message


def test_rule_and_other_documents_need_less(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(kind="规章", expires=None)}) == []
    other = document(kind="其他", doc_no=None, owner=None, effective=None, expires=None, status=None,
                     legality_review=None)
    assert found(tmp_path, CODE, {DOC: other}) == []
    assert found(tmp_path, CODE, {DOC: document(kind="规章", doc_no=None)}) == [(DOC, 10, CODE)]


def test_empty_value_counts_as_missing_at_its_own_line(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: document(title="")}) == [(DOC, 4, CODE)]


def test_an_empty_enumeration_lists_what_it_may_be(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {DOC: document(status="")}) if p.code == CODE]
    assert (p.path, p.line) == (DOC, 15) and "可选值：有效、已修改、废止、失效" in p.message
    assert "请添加" not in p.message


def test_power_needs_at_least_one_basis_with_a_law(tmp_path: Path) -> None:
    no_basis = POWERS.replace("basis: [{law: zlf, articles: [第六十八条]}]", "basis: []")
    assert found(tmp_path, CODE, {POWERS_PATH: no_basis}) == [(POWERS_PATH, 4, CODE)]
    no_law = POWERS.replace("basis: [{law: zlf, articles: [第六十八条]}]", "basis:\n    - articles: [第六十八条]")
    assert found(tmp_path, CODE, {POWERS_PATH: no_law}) == [(POWERS_PATH, 5, CODE)]


def test_nested_review_entry_without_result(tmp_path: Path) -> None:
    text = document(reviews="\n  - date: 2026-03-01\n    batch: 某科〔2026〕2号\n    decided: true")
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 18, CODE)]


def test_legality_review_without_result(tmp_path: Path) -> None:
    text = document(legality_review="{date: 2025-03-05, by: 某市科学技术局政策法规科}")
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 16, CODE)]


def test_category_without_name_inside_children(tmp_path: Path) -> None:
    text = "- code: fgwj\n  name: 法规文件\n  children:\n    - code: gfxwj\n      name: 规范性文件\n    - code: qtwj\n"
    assert found(tmp_path, CODE, {CATEGORIES: text}) == [(CATEGORIES, 6, CODE)]


def test_missing_site_sections(tmp_path: Path) -> None:
    config = "site:\n  name: 某市科学技术局\nagency:\n  name: 某市科学技术局\n"
    found_lines = found(tmp_path, CODE, {"site_config.yml": config})
    # site.url, then footer: agency's own fields belong to guide-incomplete.
    assert found_lines == [("site_config.yml", 1, CODE), ("site_config.yml", 2, CODE)]


def test_missing_catalogue_file(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {LAWS: None}) == [(LAWS, 1, CODE)]


def test_empty_front_matter_lists_every_required_field(tmp_path: Path) -> None:
    lines = found(tmp_path, CODE, {DOC: "---\n---\n正文\n"})
    assert lines == [(DOC, 1, CODE)] * 9


def test_delegation_names_its_instrument(tmp_path: Path) -> None:
    power = """\
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
  changes:
    - {date: 2024-03-01, kind: 委托, note: 省局委托}
    - {date: 2024-05-01, kind: 调整}
    - {date: 2024-06-01, kind: 下放, doc_no: 闽政〔2024〕3号}
"""
    assert found(tmp_path, "missing-field", {"catalog/powers/cf.yml": power}) \
        == [("catalog/powers/cf.yml", 8, "missing-field")]
