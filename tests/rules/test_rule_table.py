"""The rule codes and levels are a public contract (SPEC §4): exactly these, in this order."""

from __future__ import annotations

from pathlib import Path

from generator.rules import rules

SPEC_TABLE = [
    ("yaml-syntax", "error"), ("missing-field", "error"), ("unknown-field", "warning"),
    ("invalid-value", "error"), ("invalid-date", "error"), ("invalid-doc-no", "error"),
    ("invalid-index-no", "error"), ("duplicate-id", "error"), ("unknown-reference", "error"),
    ("cites-repealed", "error"), ("cites-amended", "warning"), ("cites-not-yet-effective", "warning"),
    ("date-order", "error"), ("status-inconsistent", "error"), ("expired-but-valid", "error"),
    ("expiring-soon", "warning"), ("validity-too-long", "warning"), ("review-overdue", "warning"),
    ("review-pending", "notice"), ("legality-review-missing", "warning"), ("legality-review-failed", "error"),
    ("summary-too-long", "warning"), ("publication-late", "warning"), ("guide-incomplete", "error"),
    ("basis-status-stale", "warning"), ("power-type-suspect", "warning"),
    # notice before the campaign's deadline, warning after: the code's level is the more serious one
    ("cleanup-incomplete", "warning"),
    ("filing-missing", "warning"), ("filing-late", "warning"), ("unified-no-missing", "warning"),
    ("date-in-future", "warning"), ("unpublishable-file", "error"),
]


def test_codes_and_levels_match_the_spec() -> None:
    assert [(r.CODE, r.LEVEL.value) for r in rules()] == SPEC_TABLE


def test_one_module_and_one_test_file_per_rule() -> None:
    here = Path(__file__).parent
    for rule in rules():
        name = rule.CODE.replace("-", "_")
        assert rule.__name__.endswith(f".{name}")
        assert (here / f"test_{name}.py").is_file(), f"tests/rules/test_{name}.py is missing"
