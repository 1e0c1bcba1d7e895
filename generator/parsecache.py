"""The parse cache: each catalogue file's positioned YAML tree, kept from the last check until the file changes.

Parsing into positioned trees is most of a check's time (about half of it at 10,000 documents), and
walking each record against its declaration (rules/_schema.py) is the next largest part that
depends on one file alone. Both depend on nothing but the file's bytes, its path in the project
(every finding names it; the folder says what kind of record it holds) and the generator's code
(`code_version`, the YAML library's version included), so both are kept under a fingerprint of all
three, and a check that meets the same key again takes them over instead of making them. Nothing is
taken on a file's name or time alone: stale results cannot come out of it. The rules that look
across files run every time.

A document file — nearly every file of a large catalogue — keeps more: the whole outcome of loading it
(`record`): the document made of it and the problems found on the way, its body as where it starts in
the bytes. A check that meets the same path and bytes again neither decodes, splits, parses nor builds
it: loading 10,000 documents took 0.42–0.45 s, now 0.35–0.38 s (fastest of seven loads, two runs each).

All entries live in one file, `<cache>/parse/trees.pickle`, each entry pickled on its own: loading
the whole file is one read, an entry is unpickled only when its file is met, and a check that
changed one file writes the others back as they are (bytes, not pickled again). The file keeps only
the entries the last check used, so deleted and renamed files drop out; it is rewritten only when
something changed. A missing, damaged or unwritable cache is no cache: the check parses and says nothing.

The file is read back with an unpickler that builds only what a parse is made of (trees, positions,
dates, findings): a project copied with its `.site-cache/` from elsewhere cannot run code through it,
as an ordinary pickle could.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.cache import code_version, load_pickle, save_pickle, unpickle
from generator.codes import Code
from generator.format import yamltree
from generator.format.model import BasisRef, Document, Filing, LegalityReview, Repeal, Review, Source
from generator.format.yamltree import BadDate, Refused, SyntaxFinding, YList, YMap
from generator.problems import Level, Pos, Problem

Parsed = tuple[Any, list[SyntaxFinding]]
# Every class a parse or a schema finding is built from; nothing else can be named in a cache entry.
_CLASSES = (YMap, YList, BadDate, Refused, SyntaxFinding, Pos, Code, dt.date)
# And what a document is made of (`record`): a document file's whole outcome is kept, not only its parse.
_RECORD_CLASSES = _CLASSES + (Document, Source, BasisRef, Repeal, Review, LegalityReview, Filing, Problem, Level)
# One file's entry: its parse, pickled; and its records' schema findings, pickled (None: not walked yet;
# b"": none, as for nearly every file, and then nothing to unpickle).
Entry = tuple[bytes, bytes | None]


class ParseCache:
    """The last check's parses and schema findings, offered by file.

    `hits` and `misses` count the parses taken over and made. `ParseCache(None)` keeps nothing and
    parses every time (`check --no-cache`)."""

    FILE = "trees.pickle"

    def __init__(self, cache: Path | None) -> None:
        self.path = cache / "parse" / self.FILE if cache is not None else None
        self.previous: dict[bytes, Entry] = {}
        self.current: dict[bytes, Entry] = {}
        self.keys: dict[str, bytes] = {}  # this check's key of each file parsed, by path
        self.walked: set[str] = set()  # the files whose schema findings were offered
        self.hits = self.misses = 0
        self.changed = False
        if self.path is not None:
            loaded = load_pickle(self.path)  # Python's containers and bytes only: entries are unpickled on use
            if isinstance(loaded, dict):
                self.previous = loaded
        # libyaml and pure-Python PyYAML word their syntax errors differently.
        self._version = code_version() + yamltree.LOADER.encode() if self.path is not None else b""

    def _key(self, path: str, digest: bytes, what: bytes) -> bytes:
        """The entry's key of the file at `path` with bytes `digest` (`what`: its parse at a line offset, or
        its `record`), noted as this check's key of that file."""
        key = hashlib.blake2b(b"\0".join((self._version, path.encode("utf-8", "surrogatepass"), digest, what)),
                              digest_size=16).digest()
        self.keys[path] = key
        return key

    def parse(self, path: str, digest: bytes, text: str, line_offset: int) -> Parsed:
        """`yamltree.parse(text, line_offset)` for the file at `path` whose bytes have the fingerprint `digest`."""
        if self.path is None:
            return yamltree.parse(text, line_offset)
        key = self._key(path, digest, b"%d" % line_offset)
        entry = self.previous.get(key)
        if isinstance(entry, tuple) and len(entry) == 2:
            parsed = unpickle(entry[0], *_CLASSES)
            if isinstance(parsed, tuple) and len(parsed) == 2 and isinstance(parsed[1], list):
                self.current[key] = entry
                self.hits += 1
                return parsed
        parsed = yamltree.parse(text, line_offset)
        # Pickled now, before any later stage could touch the tree: the entry is the parse itself.
        self.current[key] = (pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL), None)
        self.misses += 1
        self.changed = True
        return parsed

    def record(self, path: str, digest: bytes) -> Any:
        """What `keep_record` kept for the file at `path` whose bytes have the fingerprint `digest` (a
        document file: the document made of it, its body's start, its problems), or None."""
        if self.path is None:
            return None
        key = self._key(path, digest, b"record")
        entry = self.previous.get(key)
        if isinstance(entry, tuple) and len(entry) == 2:
            kept = unpickle(entry[0], *_RECORD_CLASSES)
            if isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[0], Document | None) \
                    and isinstance(kept[1], int | str) and isinstance(kept[2], list):
                self.current[key] = entry
                self.hits += 1
                return kept
        return None

    def keep_record(self, path: str, digest: bytes, value: tuple[object, object, list[Problem]]) -> None:
        """Keep what the file at `path` (just offered to `record`, which had nothing) gave, pickled now."""
        if self.path is None:
            return
        self.current[self.keys[path]] = (pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), None)
        self.misses += 1
        self.changed = True

    def schema_findings(self) -> dict[str, list[Any]]:
        """The schema findings of each file parsed by this check that a check of the same bytes kept."""
        out: dict[str, list[Any]] = {}
        for path, key in self.keys.items():
            kept = self.current[key][1]
            findings = None if kept is None else [] if kept == b"" else unpickle(kept, *_CLASSES)
            if isinstance(findings, list):
                out[path] = findings
        self.walked = set(out)
        return out

    def keep_schema_findings(self, by_file: Mapping[str, list[Any]]) -> None:
        """Keep the schema findings of each parsed file that `schema_findings` did not offer (none: no records)."""
        for path, key in self.keys.items():
            if path not in self.walked:
                found = by_file.get(path)
                kept = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL) if found else b""
                self.current[key] = (self.current[key][0], kept)
                self.changed = True

    def save(self) -> None:
        """Keep this check's entries for the next one (a folder that cannot be written: not kept)."""
        if self.path is None or not (self.changed or self.current.keys() != self.previous.keys()):
            return
        try:
            save_pickle(self.path, self.current, shared=False)  # bytes only: no memo to keep
        except OSError:
            pass  # a read-only project is checked all the same, only not faster next time

