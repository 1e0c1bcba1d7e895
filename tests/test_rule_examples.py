"""Every rule's docstring examples: the passing one is silent, the failing one fires its code."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from generator.rules import rules
from tests.minimal import TODAY, problems_of

BLOCK = re.compile(r"(通过|不通过)：\n```yaml\n# (?P<path>\S+)\n(?P<body>.*?)```", re.S)


def examples(rule: ModuleType) -> dict[str, tuple[str, str]]:
    out = {}
    for m in BLOCK.finditer(rule.__doc__ or ""):
        out[m.group(1)] = (m["path"], m["body"])
    return out


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.CODE)
def test_docstring_has_both_examples(rule: ModuleType) -> None:
    assert set(examples(rule)) == {"通过", "不通过"}, f"{rule.CODE}: docstring needs 通过 and 不通过 examples"


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.CODE)
def test_passing_example_is_clean(rule: ModuleType, tmp_path: Path) -> None:
    path, body = examples(rule)["通过"]
    problems = problems_of(tmp_path, {path: body}, TODAY)
    assert [p.as_text() for p in problems if p.level.value != "notice"] == []


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.CODE)
def test_failing_example_fires(rule: ModuleType, tmp_path: Path) -> None:
    path, body = examples(rule)["不通过"]
    problems = problems_of(tmp_path, {path: body}, TODAY)
    assert rule.CODE in {p.code for p in problems}, [p.as_text() for p in problems]
