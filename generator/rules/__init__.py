"""Validation rules: one module per SPEC §4 code, run in a fixed order over a loaded Catalog.

Each rule module declares `CODE`, `LEVEL` and `check(cat, today)`, which yields
`(path, pos, message)` findings; its docstring holds a passing and a failing example
(the rule reference in docs/rules.md is generated from them). Rules never read the clock:
`today` is passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from importlib import import_module
from types import ModuleType

from generator.format.model import Catalog
from generator.problems import Level, Problem, problem

# The order of SPEC §4's table, which is also the order of the rule reference.
RULE_MODULES = (
    "yaml_syntax", "missing_field", "unknown_field", "invalid_value", "invalid_date",
    "invalid_doc_no", "invalid_index_no", "duplicate_id", "unknown_reference",
    "cites_repealed", "cites_amended", "cites_not_yet_effective", "date_order",
    "status_inconsistent", "expired_but_valid", "expiring_soon", "validity_too_long",
    "review_overdue", "review_pending", "legality_review_missing", "legality_review_failed",
    "summary_too_long", "publication_late", "guide_incomplete", "basis_status_stale",
    "power_type_suspect", "unpublishable_file",
)


def rules() -> list[ModuleType]:
    return [import_module(f"{__name__}.{name}") for name in RULE_MODULES]


def run_rules(cat: Catalog, today: dt.date) -> Iterator[Problem]:
    for rule in rules():
        level: Level = rule.LEVEL
        for path, pos, message in rule.check(cat, today):
            yield problem(path, pos, level, rule.CODE, message)
