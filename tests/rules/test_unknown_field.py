"""unknown-field: a key the format does not know, named with the closest known key."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import POWERS, SITE_CONFIG, found, problems_of
from tests.rules.records import CONFIG, DOC, LAWS, document, new_law
from tests.rules.records import POWERS as POWERS_PATH

CODE = "unknown-field"


def messages(tmp_path: Path, files: dict[str, str | None]) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.message) for p in problems_of(tmp_path, files) if p.code == CODE]


def test_clean_project_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []


def test_typo_in_a_law_suggests_the_known_key(tmp_path: Path) -> None:
    text = new_law("status: 现行有效", "status_checkd: 2026-11-01")
    [(path, line, col, message)] = messages(tmp_path, {LAWS: text})
    assert (path, line, col) == (LAWS, 32, 3)
    assert "'status_checkd'" in message and "是否指 'status_checked'" in message


def test_typo_in_front_matter_at_the_line_of_the_md_file(tmp_path: Path) -> None:
    text = document(isssuer="某市科学技术局", issuer=None)  # the typo replaces the real key
    [(path, line, _c, message)] = messages(tmp_path, {DOC: text})
    assert (path, line) == (DOC, 16)
    assert "是否指 'issuer'" in message


def test_nested_keys_are_checked_too(tmp_path: Path) -> None:
    text = document(legality_review="\n  date: 2025-03-05\n  by: 某市科学技术局政策法规科\n  reslt: 通过")
    lines = [(line, "是否指 'result'" in m) for _p, line, _c, m in messages(tmp_path, {DOC: text})]
    assert lines == [(19, True)]
    power = POWERS.replace("[{law: zlf, articles: [第六十八条]}]", "[{law: zlf, article: [第六十八条]}]")
    assert found(tmp_path, CODE, {POWERS_PATH: power}) == [(POWERS_PATH, 4, CODE)]


def test_a_key_like_nothing_gets_no_false_suggestion(tmp_path: Path) -> None:
    [(_p, line, _c, message)] = messages(tmp_path, {POWERS_PATH: POWERS + "  备注: 无\n"})
    assert line == 7
    assert "是否指" not in message and "请检查拼写" in message


def test_site_config_sections(tmp_path: Path) -> None:
    config = SITE_CONFIG + "policy:\n  validity_year: 5\n"
    assert found(tmp_path, CODE, {CONFIG: config}) == [(CONFIG, 22, CODE)]


def test_page_front_matter(tmp_path: Path) -> None:
    page = "---\ntitle: 公开指南\nlayout: wide\n---\n# 公开指南\n"
    assert found(tmp_path, CODE, {"content/guide.md": page}) == [("content/guide.md", 3, CODE)]


def test_unknown_field_is_only_a_warning(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {POWERS_PATH: POWERS + "  备注: 无\n"}) if p.code == CODE]
    assert p.level.value == "warning"
