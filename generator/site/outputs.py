"""The site's generated files (data lists, feed, downloads), each group made from its inputs or taken
over from the last build when those inputs are the same (cache.py's Reuse).

A group is named once and keyed by a fingerprint of everything its files show; its files are made
together, so an edit to one document redoes the groups that document is part of and no other.
Without a Reuse (or with a disabled one, `--no-cache`) every group is made and no key is computed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from generator.cache import Entry, Fingerprinter, Reuse


def write_file(out_dir: Path, url: str, data: bytes) -> None:
    path = out_dir / url
    path.parent.mkdir(parents=True, exist_ok=True)
    # A file already there may be a link to the published site's (taken over by another stage):
    # writing through it would change the live site before the new one replaces it.
    path.unlink(missing_ok=True)
    path.write_bytes(data)


class Outputs:
    """Files written into the new site at `dest`, made or taken over group by group."""

    def __init__(self, dest: Path, reuse: Reuse | None) -> None:
        self.dest = dest
        self.reuse = reuse if reuse is not None and reuse.enabled else None
        self.written: list[str] = []

    @property
    def fingerprint(self) -> Fingerprinter:
        assert self.reuse is not None
        return self.reuse.fingerprint

    def group(self, name: str, key: Callable[[], Sequence[object]], make: Callable[[], dict[str, bytes]],
              extra: Callable[[], object] | None = None) -> bytes:
        """The files of `name`: made by `make` (URL → bytes), unless the last build made them from
        the same `key()` values. `extra` says what to remember with them for the next build.
        Returns the group's key (empty without reuse)."""
        if self.reuse is None:
            self.write(make())
            return b""
        k = self.fingerprint(name, *key())
        if self._take(name, k):
            return k
        files = make()
        self.write(files)
        self.reuse.made(name, k, self.dest, files, extra() if extra is not None else None)
        return k

    def take_all(self, name: str, key: Sequence[object]) -> tuple[bytes, bool]:
        """(key, taken): every group the last build recorded under `name` (see `made_all`), taken
        over when `name`'s key is the same, so that their own keys need not even be computed."""
        if self.reuse is None:
            return b"", False
        k = self.fingerprint(name, *key)
        e = self.reuse.entry(name, k)
        if e is None or not isinstance(e.extra, list):
            return k, False
        groups: list[tuple[str, bytes]] = e.extra
        if any(self.reuse.entry(group, group_key) is None for group, group_key in groups):
            return k, False
        for group, group_key in groups:
            self._take(group, group_key)
        self.reuse.take(name, k, self.dest)
        return k, True

    def made_all(self, name: str, key: bytes, groups: list[tuple[str, bytes]]) -> None:
        """`name`, keyed `key`, stands for `groups` (name, key) from now on."""
        if self.reuse is not None:
            self.reuse.made(name, key, self.dest, [], groups)

    def _take(self, name: str, key: bytes) -> bool:
        assert self.reuse is not None
        old = self.reuse.entry(name, key)
        if old is None:
            return False
        for url in old.files:  # a file the site engine wrote there too (sitemap.xml): ours replaces it
            (self.dest / url).unlink(missing_ok=True)
        if self.reuse.take(name, key, self.dest) is None:
            return False
        self.written += old.files
        return True

    def write(self, files: dict[str, bytes]) -> None:
        for url, data in files.items():
            write_file(self.dest, url, data)
            self.written.append(url)

    def previous(self, name: str) -> tuple[Entry, dict[str, bytes]] | None:
        """What the last build made under `name` (whatever its key) and the bytes of its files, when
        they are still as published: the parts of them that did not change can be kept."""
        if self.reuse is None:
            return None
        e = self.reuse.previous.get(name)
        if e is None or self.reuse.entry(name, e.key) is None:
            return None
        try:
            return e, {url: (self.reuse.out / url).read_bytes() for url in e.files}
        except OSError:
            return None
