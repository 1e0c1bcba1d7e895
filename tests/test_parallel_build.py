"""The site built on several cores is byte for byte the site built by one process, and by MkDocs itself."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import asset_files, build_site, nav_items
from generator.check import check_project
from generator.parallel import Forked
from generator.site.mkdocs.config import mkdocs_config, write_config
from generator.site.mkdocs.plugin import load
from generator.site.mkdocs.renderer import WRITTEN_ELSEWHERE, build
from generator.site.pages import build_pages
from tests.tools.synthetic import TODAY, generate


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic catalogue big enough to be split (300 documents), plus a content page whose
    broken links make MkDocs warn, so the order of warnings is compared too."""
    root = tmp_path_factory.mktemp("parallel") / "p"
    generate(root, 300, seed=3)
    (root / "content" / "rules.md").write_text(
        "# 公开制度\n\n见[不存在的页面](missing.md)和[指南的某节](guide.md#no-such-anchor)。\n\n"
        "## 一、总则\n\n正文。\n",
        encoding="utf-8")
    return root


def test_two_processes_build_the_same_bytes_as_one(project: Path, tmp_path: Path) -> None:
    # As a preview (serve) builds: check refuses the broken links, the site engine warns about them.
    one = build_site(project, tmp_path / "one", TODAY, jobs=1, preview=True)
    two = build_site(project, tmp_path / "two", TODAY, jobs=2, preview=True)
    assert one.published and two.published
    assert one.warnings and one.warnings == two.warnings  # same MkDocs warnings, same order
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_renderer_equals_mkdocs_build(project: Path, tmp_path: Path) -> None:
    """The bridge's renderer (one reused Markdown instance, pages split over processes) against
    MkDocs' own build of the same configuration and pages."""
    cat = check_project(project, TODAY).catalog
    pages = build_pages(cat, TODAY)
    static = asset_files()
    assets = [s.url for s in static if s.url.startswith("assets/") and s.url.endswith((".css", ".js"))]
    config_path = write_config(project, mkdocs_config(cat, project, nav_items(cat, pages), assets))

    ours = build(config_path, pages, static, tmp_path / "ours", jobs=2)

    empty = tmp_path / "empty-docs"
    empty.mkdir()
    reference = load(config_path, pages, static, tmp_path / "mkdocs", empty)
    heard: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            heard.append(record.getMessage())

    # Imported here, after generator.site.mkdocs: with ProperDocs installed in place of MkDocs, its
    # import shim (loaded by that package) is what makes `mkdocs` importable at all.
    from mkdocs.commands.build import build as mkdocs_build

    keep = Keep(logging.WARNING)
    logger = logging.getLogger(mkdocs_build.__module__.split(".")[0])  # "mkdocs", or "properdocs"
    logger.addHandler(keep)
    try:
        mkdocs_build(reference)
    finally:
        logger.removeHandler(keep)
    assert ours == heard
    # MkDocs' sitemap is not drawn by ours: exports.py writes the site's own (the bridge skips it).
    reference_tree = {k: v for k, v in _tree(tmp_path / "mkdocs").items()
                      if k not in {t for name in WRITTEN_ELSEWHERE for t in (name, name + ".gz")}}
    assert _tree(tmp_path / "ours") == reference_tree


def test_a_build_that_shares_the_rules_finds_what_check_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With enough documents a build runs the rules in two processes (build._begin) while it makes the
    pages: it reports every problem check reports, those of either process, and publishes nothing."""
    import generator.build as build_module

    root = tmp_path / "p"
    generate(root, 120, seed=5)
    docs = sorted((root / "catalog" / "documents").rglob("*.md"))
    linked = docs[3].read_text(encoding="utf-8") + "\n见[另一件](doc:no-such-document)。\n"
    docs[3].write_text(linked, encoding="utf-8")  # unknown-reference: a rule run in the build's own process
    text = docs[7].read_text(encoding="utf-8")
    docs[7].write_text(text.replace("\nsummary: ", "\nsummary: " + "很长的概述" * 120, 1), encoding="utf-8")
    assert "unknown_reference" in build_module.RULES_HERE and "summary_too_long" not in build_module.RULES_HERE

    forked: list[object] = []
    fork_call = build_module.fork_call

    def counted(fn: Callable[[], object]) -> Forked[object]:
        forked.append(fn)
        return fork_call(fn)

    monkeypatch.setattr(build_module, "fork_call", counted)
    monkeypatch.setattr(build_module, "MIN_DOCUMENTS_TO_SHARE", 10)
    monkeypatch.setattr(build_module, "default_jobs", lambda: 2)
    built = build_site(root, tmp_path / "site", TODAY)
    checked = check_project(root, TODAY)
    assert forked  # the rules were shared
    assert not built.published and not (tmp_path / "site").exists()
    assert built.problems == checked.problems
    codes = {p.code.value for p in built.problems}
    assert {"unknown-reference", "summary-too-long"} <= codes
