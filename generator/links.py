"""The `[文字](doc:ID)`, `(law:ID)` and `(power:CODE)` links editors write in Markdown bodies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

LINK = re.compile(r"\]\((?P<kind>doc|law|power):(?P<target>[^)\s#]*)(?P<anchor>#[^)\s]*)?\)")


@dataclass(frozen=True)
class Link:
    kind: str
    target: str
    line: int  # 1-based line within the text
    column: int  # 1-based column of the `(`


def find_links(text: str) -> Iterator[Link]:
    for i, line in enumerate(text.split("\n")):
        if "](" not in line:
            continue
        for m in LINK.finditer(line):
            yield Link(m["kind"], m["target"], i + 1, m.start() + 2)
