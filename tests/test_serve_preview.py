"""serve's quick path: an edited document's page, re-rendered alone, is the page the full rebuild makes."""

from __future__ import annotations

import os
from pathlib import Path

from generator.build import BuildResult
from generator.cache import Fingerprinter
from generator.check import check_project
from generator.codes import Code
from generator.format.relations import relations
from generator.problems import Level, Pos, problem
from generator.serve import _Preview
from generator.site.pages.documents import document_page, render_day
from generator.site.preview import with_problems
from tests.tools.synthetic import TODAY, generate


def _touch_title(path: Path, suffix: str) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[i] += suffix
    path.write_text("\n".join(lines), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # a new stamp, however coarse the clock


def test_quick_page_equals_the_full_rebuild(tmp_path: Path) -> None:
    root = tmp_path / "p"
    generate(root, 60, seed=5)
    out = tmp_path / "site"
    reports: list[BuildResult | Exception] = []
    preview = _Preview(root, out, TODAY, reports.append)
    preview.full_build(jobs=1)
    assert isinstance(reports[-1], BuildResult) and reports[-1].published

    doc = sorted((root / "catalog" / "documents").rglob("*.md"))[7]
    page = out / "documents" / doc.stem / "index.html"
    _touch_title(doc, "（修订）")
    assert preview.quick()
    quick = page.read_bytes()
    assert "（修订）".encode() in quick

    preview.full_build(jobs=1)
    assert page.read_bytes() == quick


def test_anything_but_a_document_edit_takes_the_full_rebuild(tmp_path: Path) -> None:
    root = tmp_path / "p"
    generate(root, 30, seed=6)
    preview = _Preview(root, tmp_path / "site", TODAY, lambda r: None)
    preview.full_build(jobs=1)
    assert not preview.quick()  # nothing changed
    guide = root / "content" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    assert not preview.quick()  # a content page: lists and nav may change
    preview.full_build(jobs=1)
    doc = sorted((root / "catalog" / "documents").rglob("*.md"))[3]
    doc.write_text(doc.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    os.utime(doc, ns=(doc.stat().st_atime_ns, doc.stat().st_mtime_ns + 1_000_000_000))
    assert not preview.quick()  # a YAML error: the full rebuild reports it


def test_the_preview_shows_check_problems_on_the_page_at_fault_and_the_home_page_until_fixed(tmp_path: Path) -> None:
    root = tmp_path / "p"
    generate(root, 30, seed=3)
    out = tmp_path / "site"
    reports: list[BuildResult | Exception] = []
    preview = _Preview(root, out, TODAY, reports.append)
    doc = sorted((root / "catalog" / "documents").rglob("*.md"))[4]
    rel = doc.relative_to(root).as_posix()
    good = doc.read_text(encoding="utf-8")
    doc.write_text(good.replace("\npublished: ", "\npublished: 2025-02-30\nx_published: ", 1), encoding="utf-8")
    preview.full_build(jobs=1)
    [line] = [i + 1 for i, t in enumerate(doc.read_text(encoding="utf-8").split("\n")) if t.startswith("published:")]
    page = (out / "documents" / doc.stem / "index.html").read_text(encoding="utf-8")
    home = (out / "index.html").read_text(encoding="utf-8")
    other = sorted((out / "documents").iterdir())[0] / "index.html"
    for html in (page, home):
        assert "预览提示" in html and f"{rel}:{line}:" in html and "invalid-date" in html and "2025-02-30" in html
    assert "预览提示" not in other.read_text(encoding="utf-8") or other.parent.name == doc.stem

    doc.write_text(good, encoding="utf-8")
    preview.full_build(jobs=1)
    assert "预览提示" not in (out / "documents" / doc.stem / "index.html").read_text(encoding="utf-8")
    assert "预览提示" not in (out / "index.html").read_text(encoding="utf-8")


def test_a_page_given_a_problem_banner_is_keyed_by_its_new_content(tmp_path: Path) -> None:
    # A document page's own fingerprint may come ready from the process that fingerprinted its inputs; the
    # preview's banner makes another page of it, which must not keep that fingerprint (it would be taken over
    # from the last build as if unchanged, banner and all missing).
    root = tmp_path / "p"
    generate(root, 20, seed=7)
    cat = check_project(root, TODAY).catalog
    doc = cat.all_documents[3]
    page = document_page(cat, relations(cat), doc, render_day(cat, TODAY), inputs=b"i" * 16, key=b"k" * 16)
    assert page.fingerprint(Fingerprinter()) == b"k" * 16
    found = problem(doc.src.path, Pos(2, 1), Level.ERROR, Code.INVALID_VALUE, "示例问题")
    [shown] = [p for p in with_problems(cat, [page], [found]) if p.url == page.url]
    assert "示例问题" in shown.html and shown.key is None
    assert shown.fingerprint(Fingerprinter()) != b"k" * 16
