"""Bodies that would stall Python-Markdown (its inline parser is quadratic in brackets × length).

Measured before the guard: one paragraph of 3,000 '[' took 7 s to convert, 8,000 took 50 s; the
search index's link regex took 13 s for 20,000. A body of hundreds of thousands now builds in
seconds, shown as plain text, while ordinary bodies pass through untouched.
"""

from __future__ import annotations

import time
from pathlib import Path

import markdown
import pytest

from generator.build import build_site
from generator.load import load_project
from generator.search.records import plain_text
from generator.site.sanitize import defuse_markdown
from tests.conftest import ROOT
from tests.minimal import DOCUMENT, TODAY, make_project

EXTENSIONS = ["tables", "admonition", "def_list", "footnotes", "sane_lists", "toc"]


@pytest.mark.parametrize("body", [
    "[" * 100_000, "[](" * 30_000, "![" * 50_000, "\\[" * 100_000, "<a " * 30_000, "[x](y " * 30_000,
    "- " + "[" * 50_000, "| a |\n|---|\n| " + "[" * 50_000 + " |",
], ids=["brackets", "empty-links", "images", "escaped", "tags", "unclosed-links", "list-item", "table-cell"])
def test_costly_text_converts_in_bounded_time(body: str) -> None:
    started = time.perf_counter()
    html = markdown.markdown(defuse_markdown(body), extensions=EXTENSIONS)
    plain_text(body)
    assert time.perf_counter() - started < 10
    assert len(html) >= len(body) * 0.5  # shown, not dropped


def test_ordinary_bodies_are_untouched() -> None:
    cat, _ = load_project(ROOT)
    bodies = [d.body for d in cat.all_documents] + [p.body for p in cat.pages]
    assert bodies
    for body in bodies:
        assert defuse_markdown(body) == body
    normal = "".join(f"- [第{i}条](https://www.gov.cn/{i}) 说明 **重点** `代码`\n" for i in range(2000))
    assert defuse_markdown(normal) == normal  # a long list of links is cheap per item
    para = ("依据《条例》第二十条，[链接](doc:a) 公开。" * 300)
    assert defuse_markdown(para) == para


def test_site_with_a_bracket_bomb_builds_quickly(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {
        "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": DOCUMENT + "前文\n\n" + "[" * 300_000 + "\n\n后文\n",
    })
    started = time.perf_counter()
    result = build_site(root, root / "site", TODAY)
    assert result.published, [p.as_text() for p in result.problems]
    assert time.perf_counter() - started < 120  # hours before the guard
    page = (root / "site/documents/2025-kjj-gfxwj-001/index.html").read_text(encoding="utf-8")
    assert "[" * 1000 in page and "后文" in page
