"""The fingerprints that decide whether an output is taken over from the last build (cache.Fingerprinter):
equal values give equal fingerprints whichever objects hold them, and values that differ never share one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.cache import Fingerprinter


@dataclass(frozen=True)
class Shown:
    """A value record (no source file): fingerprinted by its fields."""

    title: str
    when: dt.date | None = None


def _fresh(text: str) -> str:
    return "".join(list(text))  # an equal string that is another object


def test_equal_values_held_by_other_objects_have_one_fingerprint() -> None:
    f = Fingerprinter()
    day, title = dt.date(2024, 5, 1), "关于印发《某市科技计划项目管理办法》的通知" * 3
    shared = {"a": [day, day, title, title], "b": Shown(title, day), "c": (day, Shown(title))}
    copies = {"a": [dt.date(2024, 5, 1), dt.date.fromisoformat("2024-05-01"), _fresh(title), _fresh(title)],
              "b": Shown(_fresh(title), dt.date(2024, 5, 1)), "c": (dt.date(2024, 5, 1), Shown(_fresh(title)))}
    assert shared["a"][2] is shared["a"][3] and copies["a"][2] is not copies["a"][3]
    assert f(shared) == f(copies)
    assert f(shared) == Fingerprinter()(copies)  # and in another build (a new fingerprinter)


def test_values_that_differ_have_other_fingerprints() -> None:
    f = Fingerprinter()
    day = dt.date(2024, 5, 1)
    values = [
        [day], [day, day], [dt.date(2024, 5, 2)], [dt.datetime(2024, 5, 1)], [day.toordinal()], [str(day)],
        [Shown("a", day)], [Shown("a")], [Shown("b", day)], [("a", day)], [dt.date], [dt.datetime], [None], [],
    ]
    prints = [f(v) for v in values]
    assert len(set(prints)) == len(values)
