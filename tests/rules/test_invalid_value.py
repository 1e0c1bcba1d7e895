"""invalid-value: not one of the enumeration, or the wrong type, at the line of the key."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import POWERS, SITE_CONFIG, found, problems_of
from tests.rules.records import CATEGORIES, CONFIG, DOC, LAWS, document, new_law
from tests.rules.records import POWERS as POWERS_PATH

CODE = "invalid-value"


def messages(tmp_path: Path, files: dict[str, str | None]) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.message) for p in problems_of(tmp_path, files) if p.code == CODE]


def test_clean_project_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


def test_enumeration_with_did_you_mean(tmp_path: Path) -> None:
    [(path, line, col, message)] = messages(tmp_path, {DOC: document(status="有郊")})
    assert (path, line, col) == (DOC, 15, 1)
    assert "'有郊'" in message and "是否指 '有效'" in message and "可选值：有效、已修改、废止、失效" in message


def test_enumeration_far_from_every_choice_lists_them(tmp_path: Path) -> None:
    text = POWERS.replace("type: 行政处罚", "type: 罚款")
    [(_p, line, _c, message)] = messages(tmp_path, {POWERS_PATH: text})
    assert line == 3
    assert "是否指" not in message and "行政许可、行政处罚" in message


def test_law_level_and_status(tmp_path: Path) -> None:
    text = new_law("status: 有效", "status_checked: 2026-11-01", level="法规")
    assert found(tmp_path, CODE, {LAWS: text}) == [(LAWS, 29, CODE), (LAWS, 31, CODE)]


def test_number_where_text_is_expected_suggests_quotes(tmp_path: Path) -> None:
    config = SITE_CONFIG.replace('site_code: "3501000000"', "site_code: 3501000000")
    [(_p, line, _c, message)] = messages(tmp_path, {CONFIG: config})
    assert line == 18
    assert "数字" in message and "引号" in message


def test_list_where_text_is_expected_and_text_where_list_is(tmp_path: Path) -> None:
    text = document(title="[某市科技计划项目管理办法]", attachments="附件1.pdf")
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 4, CODE), (DOC, 17, CODE)]


def test_id_shape(tmp_path: Path) -> None:
    [(_p, line, _c, message)] = messages(tmp_path, {DOC: document(id="2025_KJJ_001")})
    assert line == 2
    assert "小写字母、数字和连字符" in message


def test_boolean_decided(tmp_path: Path) -> None:
    text = document(reviews="[{date: 2026-03-01, result: 继续有效, decided: 是}]")
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 17, CODE)]


def test_owner_enumeration(tmp_path: Path) -> None:
    [(_p, line, _c, message)] = messages(tmp_path, {DOC: document(owner="本单位")})
    assert line == 12
    assert "self、drafted" in message


def test_site_url_and_credit_code_shapes(tmp_path: Path) -> None:
    config = (SITE_CONFIG.replace("url: https://kjj.example.gov.cn/", "url: http://kjj.example.gov.cn")
              .replace("credit_code: 11350100MB0000001X", "credit_code: 1135010OMB000001"))
    found_here = messages(tmp_path, {CONFIG: config})
    assert [(line, col) for _p, line, col, _m in found_here] == [(3, 3), (7, 3)]
    assert "https://" in found_here[0][3] and "18 位统一社会信用代码" in found_here[1][3]


def test_nine_character_organisation_code_is_accepted(tmp_path: Path) -> None:
    config = SITE_CONFIG.replace("credit_code: 11350100MB0000001X", "credit_code: 01527918X")
    text = document(index_no="01527918X/2025-00001")
    assert found(tmp_path, CODE, {CONFIG: config, DOC: text}) == []


def test_policy_numbers(tmp_path: Path) -> None:
    config = SITE_CONFIG + "policy:\n  validity_years: 五\n  expiry_warning_days: -1\n"
    assert found(tmp_path, CODE, {CONFIG: config}) == [(CONFIG, 22, CODE), (CONFIG, 23, CODE)]


def test_file_of_the_wrong_shape(tmp_path: Path) -> None:
    [(path, line, _c, message)] = messages(tmp_path, {POWERS_PATH: "code: KJ-CF-001\nname: 处罚\n"})
    assert (path, line) == (POWERS_PATH, 1)
    assert "列表" in message
    assert found(tmp_path, CODE, {CATEGORIES: "- jgzn\n- code: fgwj\n  name: 法规文件\n"}) == [(CATEGORIES, 1, CODE)]


def test_front_matter_that_is_a_list(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {DOC: "---\n- id: x\n---\n"}) == [(DOC, 2, CODE)]
