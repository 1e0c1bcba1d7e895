"""Validation rules: one module per SPEC §4 code, run in a fixed order over a loaded Catalog.

Each rule module declares `CODE`, `LEVEL` and `check(cat, today)`, which yields
`(path, pos, message)` findings at `LEVEL` — or `(path, pos, message, level)` when a finding is
less serious than the code's level (cleanup-incomplete before its deadline); its docstring holds a
passing and a failing example (the rule reference in docs/rules.md is generated from them). Rules never read the clock:
`today` is passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from importlib import import_module
from types import ModuleType

from generator.codes import Code
from generator.format.model import Catalog
from generator.problems import Level, Problem, problem

# One module per code, in the order of SPEC §4's table (also the order of the rule reference).
RULE_MODULES = tuple(code.module for code in Code)


def rules(names: Sequence[str] = RULE_MODULES) -> list[ModuleType]:
    return [import_module(f"{__name__}.{name}") for name in names]


def run_rules(cat: Catalog, today: dt.date, names: Sequence[str] = RULE_MODULES) -> Iterator[Problem]:
    """The problems the rules `names` (all by default) find."""
    for rule in rules(names):
        level: Level = rule.LEVEL
        for path, pos, message, *own in rule.check(cat, today):
            yield problem(path, pos, own[0] if own else level, rule.CODE, message)
