"""generator/yamltree.py: YAML values that remember positions, and never raise on any text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.format.yamltree import BadDate, Refused, YList, YMap, parse
from generator.problems import Pos


def value(text: str, line_offset: int = 0) -> object:
    v, findings = parse(text, line_offset)
    assert findings == []
    return v


def test_mapping_keys_and_list_items_keep_1_based_positions() -> None:
    v = value("a: 1\nlist:\n  - x\n  - {k: v}\n")
    assert isinstance(v, YMap)
    assert (v.pos, v.at("a"), v.at("list")) == (Pos(1, 1), Pos(1, 1), Pos(2, 1))
    items = v["list"]
    assert isinstance(items, YList)
    assert items.item_pos == [Pos(3, 5), Pos(4, 5)]
    assert items[1].at("k") == Pos(4, 6)


def test_at_falls_back_to_the_container() -> None:
    v = value("a:\n  b: 1\n")
    assert isinstance(v, YMap)
    assert v.at("missing") == v.pos
    lst = value("- 1\n")
    assert isinstance(lst, YList)
    assert lst.at(5) == lst.pos and lst.at(-1) == lst.pos


def test_line_offset_shifts_every_position() -> None:
    v = value("id: x\ntitle: y\n", line_offset=1)  # front matter starting on line 2 of a .md file
    assert isinstance(v, YMap)
    assert (v.at("id"), v.at("title")) == (Pos(2, 1), Pos(3, 1))
    _v, [finding] = parse("id: x\ntitle: 'y\n", 1)
    assert finding.pos.line == 3


def test_columns_count_characters_not_bytes() -> None:
    v = value("名称: {中文: 值, k: v}\n")
    assert isinstance(v, YMap)
    assert v["名称"].at("k") == Pos(1, 13)


def test_scalars() -> None:
    v = value("s: text\ni: 3\nf: 1.5\nb: true\nn: null\nd: 2024-02-29\nq: '2024-03-05'\n")
    assert v == {"s": "text", "i": 3, "f": 1.5, "b": True, "n": None, "d": dt.date(2024, 2, 29), "q": "2024-03-05"}


def test_impossible_date_and_time_of_day_become_bad_dates_not_errors() -> None:
    v = value("a: 2029-02-30\nb: 2024-03-05 10:00:00\n")
    assert isinstance(v, YMap)
    assert isinstance(v["a"], BadDate) and v["a"] == "2029-02-30"
    assert isinstance(v["b"], BadDate)


def test_duplicate_key_keeps_the_first_and_reports_the_second() -> None:
    v, [finding] = parse("a: 1\nb: 2\na: 3\n")
    assert v == {"a": 1, "b": 2}
    assert finding.pos == Pos(3, 1) and "第 1 行" in finding.message


def test_tags_are_refused_never_constructed() -> None:
    v, findings = parse("a: !!python/object/apply:os.system ['true']\nb: !!binary aGk=\nc: !custom x\n")
    assert isinstance(v, YMap)
    assert all(isinstance(v[k], Refused) for k in "abc")
    assert [f.pos.line for f in findings] == [1, 2, 3]


def test_aliases_are_refused() -> None:
    v, findings = parse("a: &x {k: v}\nb: *x\n")
    assert isinstance(v, YMap)
    assert isinstance(v["b"], Refused)
    assert len(findings) == 1 and "别名" in findings[0].message


def test_empty_text_is_no_value_and_no_finding() -> None:
    assert parse("") == (None, [])
    assert parse("# only a comment\n") == (None, [])


def test_syntax_error_is_a_finding_with_the_parsers_position() -> None:
    v, [finding] = parse("a: 1\nb: [1, 2\nc: 3\n")
    assert v is None
    assert finding.pos == Pos(2, 4)  # the bracket that is never closed
    assert finding.message.startswith("YAML 语法错误")


def test_nesting_is_bounded() -> None:
    v, findings = parse("a: " + "[" * 100 + "]" * 100 + "\n")
    assert findings and "嵌套" in findings[0].message


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}#&*!|>'\" \n\t?,%@`0129年月\\")), max_size=80))
def test_any_yaml_like_text_never_raises(text: str) -> None:
    v, findings = parse(text, 3)
    assert all(f.pos.line >= 4 and f.pos.column >= 1 for f in findings)
    if findings and v is None:
        assert all(f.message for f in findings)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_never_raises(text: str) -> None:
    parse(text)
