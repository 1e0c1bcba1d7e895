"""Line-level YAML edits: only the changed values move, everything else keeps its bytes."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.editing.yamledit import EditError, YamlText, flow, plain, scalar, verify
from generator.format import fields as F
from generator.format.yamltree import parse


def edit(text: str, change: Any, fields: tuple[F.Field, ...] = F.POWER.fields) -> str:
    text = textwrap.dedent(text)
    value, findings = parse(text)
    assert not findings
    old = plain(value[0])
    new = change(plain(value[0]))
    y = YamlText(text)
    y.update(y.record_at(value[0].pos.line, value[0].pos.column), old, new, fields)
    out = y.result()
    verify(out, [new, *plain(value[1:])], "test")
    return out


POWER = """\
    # 注释
    - code: KJ-CF-001   # 编码不变
      name: 对假冒专利行为的处罚
      type: 行政处罚
      basis:
        - law: zlf
          articles: [第六十八条]   # 2020 年修正后的条号
      subject: 某市科学技术局
      level:
        - 市
      status: 有效
    - code: KJ-CF-002
      name: 第二项
"""


def test_scalar_change_keeps_comments_and_other_lines() -> None:
    out = edit(POWER, lambda r: {**r, "status": "已取消"})
    assert out == textwrap.dedent(POWER).replace("status: 有效", "status: 已取消")


def test_nested_change_keeps_the_comment_beside_it() -> None:
    def change(r: dict[str, Any]) -> dict[str, Any]:
        r["basis"][0]["articles"] = ["第六十九条"]
        return r
    out = edit(POWER, change)
    assert "articles: [第六十九条]   # 2020 年修正后的条号" in out


def test_inserted_key_goes_where_the_format_puts_it() -> None:
    out = edit(POWER, lambda r: {**r, "department": "知识产权科", "subtype": "查封"})
    lines = out.splitlines()
    assert lines.index("  subtype: 查封") == lines.index("  type: 行政处罚") + 1
    assert lines.index("  department: 知识产权科") == lines.index("  subject: 某市科学技术局") + 1


def test_removed_key_takes_its_whole_block() -> None:
    out = edit(POWER, lambda r: {k: v for k, v in r.items() if k != "level"})
    assert "level" not in out and "- 市" not in out and "status: 有效" in out


def test_block_list_replaced_in_block_style() -> None:
    out = edit(POWER, lambda r: {**r, "level": ["市", "县"]})
    assert "  level:\n    - 市\n    - 县\n  status" in out


def test_appended_list_item_follows_the_last_one() -> None:
    def change(r: dict[str, Any]) -> dict[str, Any]:
        r["basis"].append({"law": "xzqzf", "articles": ["第九条"]})
        return r
    out = edit(POWER, change)
    assert "  # 2020 年修正后的条号\n    - law: xzqzf\n      articles: [第九条]\n  subject" in out


def test_empty_value_gets_filled() -> None:
    out = edit("- code: A\n  name:\n  status: 有效\n", lambda r: {**r, "name": "名称"})
    assert out == "- code: A\n  name: 名称\n  status: 有效\n"


def test_append_record_keeps_blank_line_habit() -> None:
    y = YamlText("- a: 1\n\n- a: 2\n")
    y.append_record({"a": 3})
    assert y.result() == "- a: 1\n\n- a: 2\n\n- a: 3\n"
    y = YamlText("- a: 1\n- a: 2\n")
    y.append_record({"a": 3})
    assert y.result() == "- a: 1\n- a: 2\n- a: 3\n"


def test_verify_refuses_a_wrong_result() -> None:
    with pytest.raises(EditError):
        verify("a: 1\n", {"a": 2}, "x")


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=""), max_size=30)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_string_reads_back_unchanged(s: str) -> None:
    for in_flow in (False, True):
        text = f"k: [{scalar(s, True)}]" if in_flow else f"k: {scalar(s)}"
        loaded = yaml.safe_load(text)
        assert loaded == {"k": [s] if in_flow else s}


def test_values_that_look_like_other_types_are_quoted() -> None:
    assert scalar("3501000000") == "'3501000000'"
    assert scalar("2024-01-01") == "'2024-01-01'"
    assert scalar("true") == "'true'"
    assert scalar(dt.date(2024, 1, 1)) == "2024-01-01"
    assert flow({"date": dt.date(2024, 1, 1), "by": "某科〔2024〕1号"}) == "{date: 2024-01-01, by: 某科〔2024〕1号}"
