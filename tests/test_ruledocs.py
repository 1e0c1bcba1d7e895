"""docs/rules.md and the field tables of docs/format.md are generated, and kept up to date."""

from __future__ import annotations

import pytest

from generator.format import fields as F
from generator.rules import rules
from tests.tools.ruledocs import GENERATED, ROOT, render, rule_doc, stale


def test_generated_docs_are_up_to_date() -> None:
    assert stale() == [], "run `make docs` (python -m generator.ruledocs) and commit the result"


def test_every_rule_has_a_section_with_its_chinese_level_and_both_examples() -> None:
    text = (ROOT / "docs/rules.md").read_text(encoding="utf-8")
    for rule in rules():
        d = rule_doc(rule)
        section = text.split(f"\n### {d.code}\n", 1)[1].split("\n### ", 1)[0]
        assert {"error": "级别：**错误**", "warning": "级别：**警告**", "notice": "级别：**提示**"}[d.level] in section
        assert d.summary in section
        assert "通过：" in section and "不通过：" in section and "```yaml" in section


def test_every_field_of_every_file_is_in_format_md() -> None:
    text = (ROOT / "docs/format.md").read_text(encoding="utf-8")
    for spec in (F.SITE_CONFIG, F.CATEGORY, F.LEGAL_BASIS, F.POWER, F.DOCUMENT, F.PAGE):
        for f in spec.fields:
            assert f"| `{f.name}` |" in text or f"`.{f.name}` |" in text, (spec.name, f.name)
        for choice in (c for f in spec.fields for c in f.choices):
            assert f"`{choice}`" in text


def test_render_refuses_unknown_or_missing_blocks() -> None:
    blocks = GENERATED["docs/rules.md"]
    with pytest.raises(ValueError, match="未知的生成块"):
        render("<!-- generated: nope -->\n<!-- end generated -->", {**blocks}, "x.md")
    with pytest.raises(ValueError, match="缺少生成块"):
        render("no markers", blocks, "x.md")


def test_hand_written_prose_is_kept() -> None:
    text = "# 标题\n\n手写。\n\n<!-- generated: rules -->\nold\n<!-- end generated -->\n\n结尾。\n"
    out = render(text, GENERATED["docs/rules.md"], "x.md")
    assert out.startswith("# 标题\n\n手写。\n\n<!-- generated: rules -->\n| 代码 |")
    assert out.endswith("<!-- end generated -->\n\n结尾。\n")
