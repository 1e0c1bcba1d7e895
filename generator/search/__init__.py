"""Chinese full-text search for the public site: a static, sharded n-gram index and its browser client.

The site build calls `write_search_index(docs, out_dir)` after MkDocs has written the site, lists
assets/search/search.css and assets/search/search.js in extra_css/extra_javascript, uses the theme
overrides (partials/header.html puts the search box in the header) and writes the results page
`search_page_markdown()` as docs/search.md (→ search/). docs/search.md in the repository explains it all.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from generator.cache import Reuse
from generator.search.doc import KINDS, SearchDoc
from generator.search.index import CHUNK_BYTES, CHUNK_DIR, SHARD_BYTES, BuiltIndex, SearchIndexError, build_index
from generator.search.layout import GRAM_DIR
from generator.search.update import write_with_reuse

__all__ = [
    "KINDS",
    "BuiltIndex",
    "SearchDoc",
    "SearchIndexError",
    "build_index",
    "search_page_markdown",
    "write_search_index",
]

# Everything the index owns under search/ (the results page search/index.html is MkDocs' file).
_OWNED_DIRS = (GRAM_DIR, CHUNK_DIR)
_OWNED_FILES = ("meta.json", "docs.bin", "lex.json", "titles.json")


def write_search_index(docs: Iterable[SearchDoc], out_dir: Path, synonyms: Iterable[Sequence[str]] = (),
                       reuse: Reuse | None = None) -> BuiltIndex:
    """Build the index of `docs` and write it to out_dir/search/, replacing a previous index only.

    With `reuse` (update.py) the last build's index is taken over or updated, and the files the result
    has in common with it are linked, not written; the files are written as they are made, and `files`
    of the result holds only the manifest."""
    root = out_dir / "search"
    for d in _OWNED_DIRS:
        shutil.rmtree(root / d, ignore_errors=True)
    for f in _OWNED_FILES:
        (root / f).unlink(missing_ok=True)
    if reuse is not None and reuse.enabled:
        return write_with_reuse(list(docs), out_dir, [tuple(g) for g in synonyms], reuse, SHARD_BYTES, CHUNK_BYTES)
    built = build_index(docs, synonyms=synonyms)
    for rel, data in built.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return built


def search_page_markdown() -> str:
    """The Markdown source of the results page; write it as search.md in the MkDocs docs dir."""
    return resources.files("generator.site").joinpath("templates/search/page.md").read_text(encoding="utf-8")
