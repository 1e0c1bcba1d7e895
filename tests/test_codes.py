"""The registry of rule codes: each code has its rule module, the level it declares, and its docs."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.codes import Code, Level
from generator.rules import rules

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_has_one_rule_module_with_the_registry_level() -> None:
    modules = rules()
    assert [m.CODE for m in modules] == list(Code)
    for module, code in zip(modules, Code, strict=True):
        assert module.__name__.rsplit(".", 1)[1] == code.module
        assert module.LEVEL is code.level


def test_the_rule_reference_documents_every_code_and_no_other() -> None:
    text = (ROOT / "docs/rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#+ `?([a-z]+(?:-[a-z]+)+)`?", text, re.M))
    assert documented == {c.value for c in Code}


def test_codes_serialise_as_their_text() -> None:
    assert json.dumps({"code": Code.YAML_SYNTAX}) == '{"code": "yaml-syntax"}'
    assert f"{Code.CITES_REPEALED}" == "cites-repealed" and Code.REVIEW_PENDING.level is Level.NOTICE
