"""Load a project and run every rule: the one entry point `check`, `build` and `audit` share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.format.model import Catalog
from generator.load import load_project
from generator.problems import Level, Problem, fails
from generator.rules import run_rules


@dataclass(frozen=True)
class CheckResult:
    catalog: Catalog
    problems: list[Problem]

    def count(self, level: Level) -> int:
        return sum(1 for p in self.problems if p.level is level)

    def failed(self, strict: bool) -> bool:
        """Errors fail a run; warnings too under --strict; notices never."""
        return fails(self.problems, strict)


def check_project(root: Path, today: dt.date) -> CheckResult:
    """Every problem of the project at `root`, sorted by file and position, each reported once."""
    catalog, problems = load_project(root)
    problems.extend(run_rules(catalog, today))
    unique = sorted(set(problems), key=Problem.sort_key)
    return CheckResult(catalog, unique)
