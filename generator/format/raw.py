"""Reading positioned YAML leniently: the source of a record and the typed getters every record uses.

A getter returns None (or a default) for a value of the wrong type instead of failing; the schema
rules report such values from the raw tree, at their position.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from generator.format.yamltree import YList, YMap
from generator.problems import Pos


@dataclass(frozen=True)
class Source:
    """Where a record came from: the file (relative to the project) and its raw mapping."""

    path: str
    raw: YMap
    # The fingerprint of the file's bytes: a record is made from its file alone, so a build may take
    # over what it knew of a record whose file is the same (cache.Fingerprinter).
    digest: bytes = b""

    def at(self, *keys: str | int) -> Pos:
        """Position of a nested key (or list index); the deepest one found."""
        node: Any = self.raw
        pos = self.raw.pos
        for key in keys:
            if isinstance(node, YMap) and isinstance(key, str) and key in node:
                pos, node = node.at(key), node[key]
            elif isinstance(node, YList) and isinstance(key, int) and 0 <= key < len(node):
                pos, node = node.at(key), node[key]
            else:
                break
        return pos


def text(raw: YMap, key: str) -> str | None:
    v = raw.get(key)
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return None


ISO_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def as_date(v: Any) -> dt.date | None:
    """A date value, or None. A quoted '2024-03-05' is still an ISO date: editors often quote them."""
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    if isinstance(v, str) and ISO_DATE_RE.fullmatch(v):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            return None
    return None


def date(raw: YMap, key: str) -> dt.date | None:
    return as_date(raw.get(key))


def texts(raw: YMap, key: str) -> list[str]:
    v = raw.get(key)
    if isinstance(v, str):
        return [v]
    return [x.strip() for x in v if isinstance(x, str) and x.strip()] if isinstance(v, list) else []


def integer(raw: YMap, key: str, default: int, maximum: int) -> int:
    """A non-negative int up to `maximum`, else the default (invalid-value reports the bad value)."""
    v = raw.get(key)
    return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= maximum else default


def submap(raw: YMap, key: str) -> YMap | None:
    v = raw.get(key)
    return v if isinstance(v, YMap) else None


def maps(raw: YMap, key: str) -> list[tuple[int, YMap]]:
    v = raw.get(key)
    return [(i, x) for i, x in enumerate(v) if isinstance(x, YMap)] if isinstance(v, list) else []
