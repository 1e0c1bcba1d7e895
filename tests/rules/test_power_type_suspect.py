"""power-type-suspect: the name says 检查/处罚/许可/奖励 … but the type disagrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import POWERS, found, problems_of
from tests.rules.records import POWERS as POWERS_PATH

CODE = "power-type-suspect"


def power(name: str, type_: str) -> str:
    return POWERS.replace("name: 对假冒专利行为的处罚", f"name: {name}").replace("type: 行政处罚", f"type: {type_}")


@pytest.mark.parametrize(("name", "type_"), [
    ("对假冒专利行为的处罚", "行政处罚"),
    ("科学技术奖励的评审", "行政奖励"),
    ("对拟销毁档案造具清册备案", "其他行政权力"),   # no telling word: nothing to compare
    ("对未经许可擅自从事人类遗传资源采集活动的处罚", "行政处罚"),  # 许可 and 处罚: the type is one of them
])
def test_name_and_type_agree(tmp_path: Path, name: str, type_: str) -> None:
    assert found(tmp_path, CODE, {POWERS_PATH: power(name, type_)}) == []


def test_inspection_typed_as_coercion_warns_at_type(tmp_path: Path) -> None:
    # A real row from a published list.
    text = power("对执行档案法等有关管理规定的检查", "行政强制")
    [p] = [p for p in problems_of(tmp_path, {POWERS_PATH: text}) if p.code == CODE]
    assert (p.path, p.line, p.column, p.level.value) == (POWERS_PATH, 3, 3, "warning")
    assert "“检查”" in p.message and "行政检查" in p.message and "行政强制" in p.message


@pytest.mark.parametrize(("name", "type_"), [
    ("对技术合同登记违规行为的罚款", "行政检查"),
    ("高新技术企业认定的许可", "行政确认"),
    ("科技进步奖的奖励", "其他行政权力"),
])
def test_other_disagreements(tmp_path: Path, name: str, type_: str) -> None:
    assert found(tmp_path, CODE, {POWERS_PATH: power(name, type_)}) == [(POWERS_PATH, 3, CODE)]


def test_bad_type_is_left_to_invalid_value(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {POWERS_PATH: power("对假冒专利行为的检查", "")}) == []
