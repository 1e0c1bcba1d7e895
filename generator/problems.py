"""Problems: the one shape every validation finding takes, from loader to CLI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import NamedTuple

from generator.codes import Code, Level

__all__ = ["Code", "Level", "Pos", "Problem", "UsageError", "fails", "problem"]


class Pos(NamedTuple):
    """A 1-based line/column in a source file (a tuple: the loader makes one per key)."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """One finding: where it is, how serious, which rule, and what to do (in Chinese)."""

    path: str
    line: int
    column: int
    level: Level
    code: Code
    message: str

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["level"] = self.level.value
        return d

    def as_text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level.zh} {self.code} {self.message}"


def problem(path: str, pos: Pos | None, level: Level, code: Code, message: str) -> Problem:
    """Build a problem at `pos` (line 1, column 1 when the position is unknown)."""
    p = pos or Pos(1, 1)
    return Problem(path, p.line, p.column, level, code, message)


def fails(problems: Iterable[Problem], strict: bool, other_warnings: bool = False) -> bool:
    """Whether a run with these problems fails: errors always; warnings (and `other_warnings`, e.g. the
    site engine's own) only under --strict; notices never."""
    levels = {p.level for p in problems}
    return Level.ERROR in levels or (strict and (Level.WARNING in levels or other_warnings))


class UsageError(Exception):
    """Unusable input or usage: the CLI maps it to exit code 2 with this Chinese message."""
