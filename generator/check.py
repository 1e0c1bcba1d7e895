"""Load a project and run every rule: the one entry point `check`, `build` and `audit` share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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


def check_project(root: Path, today: dt.date, cache: Path | None = None,
                  loaded: Callable[[Catalog], object] | None = None) -> CheckResult:
    """Every problem of the project at `root`, sorted by file and position, each reported once.

    `cache` is the cache folder (`cache.cache_dir` of the site): files unchanged since the last check
    are not parsed again (parsecache.py). The result is the same with it, without it, or with a damaged one.
    `loaded` is called with the catalogue as soon as it is read, before the rules run (which read it
    and change nothing in it): a build begins work there that needs the catalogue but not the problems.
    """
    parses = ParseCache(cache)
    with collector_paused():
        catalog, problems = load_project(root, parses)
        if loaded is not None:
            loaded(catalog)
        parses.keep_schema_findings(walk_files(catalog, parses.schema_findings()))
        parses.save()
        problems.extend(run_rules(catalog, today))
        unique = sorted(set(problems), key=Problem.sort_key)
    return CheckResult(catalog, unique)

