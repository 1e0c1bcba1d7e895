"""What an import found: problems at `清单.xlsx!权责清单!E7`, and each normalisation it made, once.

A normalisation ("处罚 → 行政处罚", "《专利法》 → zlf") is reported once with the first cell it was
made at and how many cells it applies to, so 45 rows of 处罚 are one line, not 45.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.codes import Code
from generator.editing.importlist.rows import column_letter
from generator.problems import Level, Problem


@dataclass
class Note:
    """One kind of normalisation: where it was first made, what it was, how many cells."""

    where: str
    what: str
    count: int = 1

    def as_text(self) -> str:
        more = f"（共 {self.count} 处）" if self.count > 1 else ""
        return f"{self.where}{more}：{self.what}"


@dataclass
class Collector:
    """Problems and notes of one import, each placed at `file!sheet!cell`."""

    label: str
    problems: list[Problem] = field(default_factory=list)
    notes: dict[str, Note] = field(default_factory=dict)

    def where(self, sheet: str, row: int, column: int) -> str:
        return f"{self.label}!{sheet}!{column_letter(column)}{row}"

    def problem(self, sheet: str, row: int, column: int, code: Code, message: str,
                level: Level | None = None) -> None:
        self.problems.append(Problem(self.where(sheet, row, column), row, column, level or code.level, code, message))

    def note(self, sheet: str, row: int, column: int, what: str) -> None:
        found = self.notes.get(what)
        if found is None:
            self.notes[what] = Note(self.where(sheet, row, column), what)
        else:
            found.count += 1

    @property
    def failed(self) -> bool:
        return any(p.level is Level.ERROR for p in self.problems)
