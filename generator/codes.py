"""The rule codes: every kind of problem the product reports, each named once, meaning one thing.

The codes and their levels are SPEC §4's table, a public contract (the JSON output, editors'
scripts and docs/rules.md use them). Each code has exactly one rule module in generator/rules/
(`yaml-syntax` → rules/yaml_syntax.py) whose docstring says when it fires; the loader, the
spreadsheet import and the audit name problems with these members, never with a string literal.

`yaml-syntax` is "this file cannot be read as a catalogue file": besides the parser's own errors it
covers what stops a file from being read at all (wrong encoding, binary, empty, too large, not a
regular file, a link out of the project) — each with its own message and fix.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """How serious a problem is; `notice` never fails a run, not even under --strict."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def zh(self) -> str:
        return {"error": "错误", "warning": "警告", "notice": "提示"}[self.value]


class Code(StrEnum):
    """A rule code; compares and serialises as its text ("yaml-syntax")."""

    YAML_SYNTAX = "yaml-syntax"
    MISSING_FIELD = "missing-field"
    UNKNOWN_FIELD = "unknown-field"
    INVALID_VALUE = "invalid-value"
    INVALID_DATE = "invalid-date"
    INVALID_DOC_NO = "invalid-doc-no"
    INVALID_INDEX_NO = "invalid-index-no"
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_REFERENCE = "unknown-reference"
    CITES_REPEALED = "cites-repealed"
    CITES_AMENDED = "cites-amended"
    CITES_NOT_YET_EFFECTIVE = "cites-not-yet-effective"
    DATE_ORDER = "date-order"
    STATUS_INCONSISTENT = "status-inconsistent"
    EXPIRED_BUT_VALID = "expired-but-valid"
    EXPIRING_SOON = "expiring-soon"
    VALIDITY_TOO_LONG = "validity-too-long"
    REVIEW_OVERDUE = "review-overdue"
    REVIEW_PENDING = "review-pending"
    LEGALITY_REVIEW_MISSING = "legality-review-missing"
    LEGALITY_REVIEW_FAILED = "legality-review-failed"
    SUMMARY_TOO_LONG = "summary-too-long"
    PUBLICATION_LATE = "publication-late"
    GUIDE_INCOMPLETE = "guide-incomplete"
    BASIS_STATUS_STALE = "basis-status-stale"
    POWER_TYPE_SUSPECT = "power-type-suspect"
    CLEANUP_INCOMPLETE = "cleanup-incomplete"
    FILING_MISSING = "filing-missing"
    FILING_LATE = "filing-late"
    UNIFIED_NO_MISSING = "unified-no-missing"
    DATE_IN_FUTURE = "date-in-future"
    UNPUBLISHABLE_FILE = "unpublishable-file"

    @property
    def level(self) -> Level:
        """How serious a problem of this code is (SPEC §4's level column; for a code whose findings
        carry their own level, the most serious one)."""
        return _LEVELS[self]

    @property
    def module(self) -> str:
        """The name of the rule module under generator/rules/ that documents and checks it."""
        return self.value.replace("-", "_")


_WARNINGS = {
    Code.UNKNOWN_FIELD, Code.CITES_AMENDED, Code.CITES_NOT_YET_EFFECTIVE, Code.EXPIRING_SOON,
    Code.VALIDITY_TOO_LONG, Code.REVIEW_OVERDUE, Code.LEGALITY_REVIEW_MISSING, Code.SUMMARY_TOO_LONG,
    Code.PUBLICATION_LATE, Code.BASIS_STATUS_STALE, Code.POWER_TYPE_SUSPECT, Code.FILING_MISSING,
    Code.FILING_LATE, Code.UNIFIED_NO_MISSING, Code.DATE_IN_FUTURE,
    # A notice before the campaign's deadline, a warning after: the rule gives each finding its level,
    # and this (the more serious one) is the code's level.
    Code.CLEANUP_INCOMPLETE,
}
_NOTICES = {Code.REVIEW_PENDING}
_LEVELS: dict[Code, Level] = {
    c: Level.NOTICE if c in _NOTICES else Level.WARNING if c in _WARNINGS else Level.ERROR for c in Code
}
