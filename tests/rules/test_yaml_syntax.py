"""yaml-syntax: unreadable files become problems at the parser's position, never a crash."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import POWERS, problems_of
from tests.rules.records import DOC, LAWS, document
from tests.rules.records import POWERS as POWERS_PATH

CODE = "yaml-syntax"


def syntax(tmp_path: Path, files: dict[str, str | None]) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.message) for p in problems_of(tmp_path, files) if p.code == CODE]


def test_clean_project_is_silent(tmp_path: Path) -> None:
    assert syntax(tmp_path, {}) == []


def test_syntax_error_in_a_yaml_file_at_the_parsers_line(tmp_path: Path) -> None:
    text = POWERS + "- code: KJ-CF-002\n  name: 对专利代理违法行为的处罚\n  type 行政处罚\n  status: 有效\n"
    [(path, line, _col, message)] = syntax(tmp_path, {POWERS_PATH: text})
    assert (path, line) == (POWERS_PATH, 10)
    assert message.startswith("YAML 语法错误")


def test_unclosed_quote_points_at_where_it_opens(tmp_path: Path) -> None:
    text = document(title='"某市科技计划项目管理办法')
    [(path, line, col, message)] = syntax(tmp_path, {DOC: text})
    assert (path, line, col) == (DOC, 4, 8)  # front matter line 4 of the .md file, column of the quote
    assert "引号没有闭合" in message


def test_unclosed_flow_list_points_at_its_bracket(tmp_path: Path) -> None:
    text = POWERS.replace("[{law: zlf, articles: [第六十八条]}]", "[{law: zlf, articles: [第六十八条]}")
    [(_p, line, col, message)] = syntax(tmp_path, {POWERS_PATH: text})
    assert (line, col) == (4, 10)
    assert "括号没有闭合" in message


def test_error_in_front_matter_counts_lines_of_the_markdown_file(tmp_path: Path) -> None:
    text = document(summary="规范项目: 申报: 立项")  # a bare ': ' inside a value
    [(path, line, _c, message)] = syntax(tmp_path, {DOC: text})
    assert (path, line) == (DOC, 8)
    assert "加引号" in message


def test_tab_indentation_is_named(tmp_path: Path) -> None:
    text = POWERS.replace("  subject:", "\tsubject:")
    [(_p, line, col, message)] = syntax(tmp_path, {POWERS_PATH: text})
    assert (line, col) == (5, 1)
    assert "Tab" in message


def test_duplicate_key_reports_the_second_and_names_the_first(tmp_path: Path) -> None:
    text = POWERS + "  status: 已取消\n"
    [(_p, line, col, message)] = syntax(tmp_path, {POWERS_PATH: text})
    assert (line, col) == (7, 3)
    assert "'status' 重复" in message and "第 6 行" in message


def test_alias_and_merge_key_are_refused(tmp_path: Path) -> None:
    text = (
        "- &zlf\n  id: zlf\n  title: 中华人民共和国专利法\n  level: 法律\n  issuer: 全国人大常委会\n"
        "  status: 现行有效\n  status_checked: 2026-11-01\n- <<: *zlf\n  id: zlf2\n"
    )
    found = syntax(tmp_path, {LAWS: text})
    assert [(line, "合并键" in m or "别名" in m) for _p, line, _c, m in found] == [(8, True)]


def test_python_tags_are_refused_not_executed(tmp_path: Path) -> None:
    text = POWERS.replace("name: 对假冒专利行为的处罚", "name: !!python/object/apply:os.system [echo pwned]")
    [(_p, line, _c, message)] = syntax(tmp_path, {POWERS_PATH: text})
    assert line == 2
    assert "标签" in message


def test_impossible_date_is_not_a_syntax_error(tmp_path: Path) -> None:
    assert syntax(tmp_path, {DOC: document(written="2029-02-30")}) == []


def test_gbk_file_is_named_as_such(tmp_path: Path) -> None:
    problems_of(tmp_path)
    (tmp_path / POWERS_PATH).write_bytes(POWERS.encode("gb18030"))
    [(_p, line, _c, message)] = syntax(tmp_path, {POWERS_PATH: None})
    assert line == 2  # the first non-ASCII byte
    assert "GBK" in message and "UTF-8" in message


def test_binary_file_is_reported(tmp_path: Path) -> None:
    problems_of(tmp_path)
    (tmp_path / "catalog/powers/logo.yml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    [(path, line, _c, message)] = syntax(tmp_path, {})
    assert (path, line) == ("catalog/powers/logo.yml", 1)
    assert "二进制" in message


def test_bom_and_crlf_are_harmless_and_lines_stay_true(tmp_path: Path) -> None:
    problems_of(tmp_path)
    text = document(written="2025-02-30").replace("\n", "\r\n")
    (tmp_path / DOC).write_bytes(b"\xef\xbb\xbf" + text.encode())
    found = [(p.code, p.line) for p in problems_of(tmp_path, {DOC: None})]
    assert found == [("invalid-date", 9)]


def test_front_matter_without_opening_or_closing_line(tmp_path: Path) -> None:
    no_open = document().removeprefix("---\n")
    no_close = "---\n" + document().removeprefix("---\n").replace("\n---\n", "\n")
    assert [(line, "第一行应是 '---'" in m) for _p, line, _c, m in syntax(tmp_path, {DOC: no_open})] == [(1, True)]
    assert [(line, "没有结束" in m) for _p, line, _c, m in syntax(tmp_path, {DOC: no_close})] == [(1, True)]


def test_two_documents_in_one_file(tmp_path: Path) -> None:
    [(_p, line, _c, message)] = syntax(tmp_path, {POWERS_PATH: POWERS + "---\n" + POWERS})
    assert line == 7
    assert "只能有一个 YAML 文档" in message


def test_absurd_nesting_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    # Deep enough to overflow libyaml's recursive composer (a segfault) without the guard.
    found = syntax(tmp_path, {POWERS_PATH: "[" * 60_000})
    assert [(line, "嵌套" in m) for _p, line, _c, m in found] == [(1, True)]
    found = syntax(tmp_path, {POWERS_PATH: "".join(" " * i + "a:\n" for i in range(200))})
    assert [("嵌套" in m) for *_x, m in found] == [True]


def test_every_syntax_problem_in_one_run(tmp_path: Path) -> None:
    files = {
        POWERS_PATH: POWERS + "  status: 已取消\n",
        "catalog/powers/qt.yml": "- code: [KJ-QT-001\n",
        DOC: document(title='"未闭合'),
    }
    assert sorted((p, line) for p, line, _c, _m in syntax(tmp_path, files)) == [
        (DOC, 4), ("catalog/powers/cf.yml", 7), ("catalog/powers/qt.yml", 1),
    ]


def test_a_pasted_character_is_reported_at_the_character_itself(tmp_path: Path) -> None:
    """libyaml notices a full-width colon or a missing space only on the next line; the problem points
    at the line and column the editor typed it, in Chinese alone."""
    cases = {
        "  name：对假冒专利行为的处罚\n": (2, 7, "全角冒号"),
        "  name:对假冒专利行为的处罚\n": (2, 7, "缺少空格"),
        "\u3000 name: 对假冒专利行为的处罚\n": (2, 1, "全角空格"),
    }
    for i, (line, (row, column, says)) in enumerate(cases.items()):
        text = POWERS.replace("  name: 对假冒专利行为的处罚\n", line)
        [(path, got_row, got_column, message)] = syntax(tmp_path / str(i), {POWERS_PATH: text})
        assert (path, got_row, got_column) == (POWERS_PATH, row, column), line
        assert says in message and "expected" not in message and "found" not in message, message
