"""invalid-value: not one of the enumeration, or the wrong type, at the line of the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import POWERS, SITE_CONFIG, found, problems_of
from tests.rules.records import ADDED, CATEGORIES, CONFIG, DOC, LAWS, LINE, document, new_law
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


@pytest.mark.parametrize("field,char", [
    ("title", "\u202e"), ("title", "\u200b"), ("summary", "\u2066"), ("doc_no", "\u200d"),
    ("issuer", "\u200f"), ("genre", "\u2060"),
])
def test_invisible_formatting_characters_in_text_are_refused(tmp_path: Path, field: str, char: str) -> None:
    values = {"title": "某市科技计划项目管理办法", "summary": "规范科技计划项目的申报。", "doc_no": "某科〔2025〕1号",
              "issuer": "某市科学技术局", "genre": "通知"}
    text = values[field][:2] + char + values[field][2:]
    [(path, line, code)] = [f for f in found(tmp_path, CODE, {DOC: document(**{field: text})})]
    assert (path, code) == (DOC, CODE) and line == LINE.get(field, ADDED)
    [message] = [p.message for p in problems_of(tmp_path, {DOC: document(**{field: text})}) if p.code == CODE]
    assert f"U+{ord(char):04X}" in message


def test_invisible_characters_in_a_list_item(tmp_path: Path) -> None:
    power = POWERS + "  responsibilities: [立案, \"调\u202e查\"]\n"
    assert found(tmp_path, CODE, {POWERS_PATH: power}) == [(POWERS_PATH, 7, CODE)]


@pytest.mark.parametrize("key,value", [
    ("website", "javascript:alert(document.domain)"),
    ("website", "JaVaScRiPt:alert(1)"),
    ("website", "data:text/html,<script>alert(1)</script>"),
    ("website", "kjj.example.gov.cn 或 微信公众号"),
    ("email", "javascript:alert(1)//@example.gov.cn"),
    ("email", "mailto:kjj@example.gov.cn"),
    ("email", "kjj@example.gov.cn?subject=x"),
])
def test_agency_website_and_email_must_be_an_address(tmp_path: Path, key: str, value: str) -> None:
    old = {"website": "https://kjj.example.gov.cn/", "email": "kjj@example.gov.cn"}[key]
    config = SITE_CONFIG.replace(f"{key}: {old}", f"{key}: '{value}'")
    line = next(i for i, text in enumerate(config.split("\n"), start=1) if text.strip().startswith(f"{key}:"))
    assert found(tmp_path, CODE, {CONFIG: config}) == [(CONFIG, line, CODE)]


def test_articles_written_with_a_chinese_comma(tmp_path: Path) -> None:
    doc = document(basis="[{law: kjjbf, articles: [第十三条，第四十五条]}]")
    problems = [p for p in problems_of(tmp_path, {DOC: doc}) if p.code == "invalid-value"]
    assert [(p.path, p.line) for p in problems] == [(DOC, ADDED)]
    assert "[第十三条, 第四十五条]" in problems[0].message
    fine = document(basis="[{law: kjjbf, articles: [第十三条, 第四十五条]}]")
    assert [p for p in problems_of(tmp_path, {DOC: fine}) if p.code == "invalid-value"] == []


def test_a_rule_is_made_by_a_peoples_government(tmp_path: Path) -> None:
    def rule(**fields: str | None) -> dict[str, str | None]:
        return {DOC: document(kind="规章", doc_no="某市人民政府令第3号", expires=None, **fields)}

    assert [(p.path, p.line) for p in problems_of(tmp_path, rule(issuer="某市人民政府", owner="drafted"))
            if p.code == "invalid-value"] == []
    by_office = [p for p in problems_of(tmp_path, rule(issuer="某市人民政府办公室", owner="drafted"))
                 if p.code == "invalid-value"]
    assert [(p.path, p.line) for p in by_office] == [(DOC, LINE["issuer"])] and "本文件是规章" in by_office[0].message
    own = [p for p in problems_of(tmp_path, rule(issuer="某市人民政府", owner="self")) if p.code == "invalid-value"]
    assert [(p.path, p.line) for p in own] == [(DOC, LINE["owner"])] and "立法法第九十三条" in own[0].message
