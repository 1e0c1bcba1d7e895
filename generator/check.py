"""Load a project and run every rule: the one entry point `check`, `build` and `audit` share (a build runs
the rules in another process: `read_project`, then `rules.run_rules`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.cache import collector_paused
from generator.format.model import Catalog
from generator.load import load_project
from generator.parsecache import ParseCache
from generator.problems import Level, Problem, fails
from generator.rules import run_rules
from generator.rules._schema import walk_files


@dataclass(frozen=True)
class CheckResult:
    catalog: Catalog
    problems: list[Problem]

    def count(self, level: Level) -> int:
        return sum(1 for p in self.problems if p.level is level)

    def failed(self, strict: bool) -> bool:
        """Errors fail a run; warnings too under --strict; notices never."""
        return fails(self.problems, strict)


def check_project(root: Path, today: dt.date, cache: Path | None = None) -> CheckResult:
    """Every problem of the project at `root`, sorted by file and position, each reported once.

    `cache` is the cache folder (`cache.cache_dir` of the site): files unchanged since the last check
    are not parsed again (parsecache.py). The result is the same with it, without it, or with a damaged one.
    """
    catalog, problems = read_project(root, cache)
    with collector_paused():
        rules = list(run_rules(catalog, today))
    return CheckResult(catalog, problem_list(problems, rules))


def read_project(root: Path, cache: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """The catalogue of the project at `root` and the problems found file by file (reading each file and
    walking its records against their declaration): all of a check but the rules (`run_rules`), which a
    build runs in another process while it makes pages."""
    parses = ParseCache(cache)
    with collector_paused():
        catalog, problems = load_project(root, parses)
        parses.keep_schema_findings(walk_files(catalog, parses.schema_findings()))
        parses.save()
    return catalog, problems


def problem_list(*found: Iterable[Problem]) -> list[Problem]:
    """Problems sorted by file and position, each once."""
    return sorted({p for problems in found for p in problems}, key=Problem.sort_key)
