"""The search index, data/ lists, feed, sitemap and downloads after an edit: rebuilt with the last
build's help, they equal byte for byte a clean build of the same project, and what the edit does not
touch is taken over from the last site (the same file, linked), not written again."""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.build import build_site
from generator.cache import cache_dir
from tests.conftest import DEMO_FILES, DEMO_TODAY

OTHER_DOC = "catalog/documents/gzxx/2019-kjj-gzxx-001.md"  # an 工作信息 item: no 规范性文件
NORMATIVE_DOC = "catalog/documents/gfxwj/2024-kjj-gfxwj-001.md"
LAW = "kjjbf"


@dataclass
class Step:
    differ: list[str]  # files unlike the clean build's
    linked: set[str]  # files that are the last site's (same inode)
    changed: set[str]  # files whose bytes changed from the last site's


def _files(site: Path) -> dict[str, tuple[int, str]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(site.rglob("*")) if p.is_file()}


def _rebuild(project: Path, work: Path, jobs: int) -> Step:
    before = _files(work / "site")
    result = build_site(project, work / "site", DEMO_TODAY, preview=True, jobs=jobs)
    clean = build_site(project, work / "clean", DEMO_TODAY, preview=True, jobs=1, cache=False)
    assert result.published and clean.published
    after, reference = _files(work / "site"), _files(work / "clean")
    differ = sorted(k for k in after.keys() | reference.keys()
                    if after.get(k, (0, ""))[1] != reference.get(k, (0, ""))[1])
    linked = {k for k, (ino, _) in after.items() if k in before and before[k][0] == ino}
    changed = {k for k, (_, digest) in after.items() if before.get(k, (0, ""))[1] != digest}
    shutil.rmtree(work / "clean")
    return Step(differ, linked, changed)


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert edited != text
    path.write_text(edited, encoding="utf-8")


@pytest.fixture(scope="module")
def steps(demo_project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Step]:
    """The demo project built once, then edited and rebuilt with the cache after each edit."""
    work = tmp_path_factory.mktemp("incremental")
    project = work / "project"
    # The demo's own files only: the session's demo site may have been built into that folder.
    shutil.copytree(demo_project, project, ignore=lambda d, names: [n for n in names if Path(d) == demo_project
                                                                      and n not in DEMO_FILES])
    assert build_site(project, work / "site", DEMO_TODAY, preview=True).published
    out: dict[str, Step] = {}
    out["nothing"] = _rebuild(project, work, jobs=2)
    _edit(project / OTHER_DOC, r"^title: (.*)$", r"title: \1（修订）")
    out["doc title"] = _rebuild(project, work, jobs=2)
    _edit(project / "catalog/legal_bases.yml", r"^  title: 中华人民共和国科学技术进步法$",
          "  title: 中华人民共和国科学技术进步法（2021年修订）")
    out["law title"] = _rebuild(project, work, jobs=1)
    (project / OTHER_DOC).unlink()
    out["delete"] = _rebuild(project, work, jobs=2)
    new = (project / NORMATIVE_DOC).read_text(encoding="utf-8")
    new = new.replace("2024-kjj-gfxwj-001", "2024-kjj-gfxwj-901")
    new = re.sub(r"^title: .*$", "title: 某市科技创新券管理办法", new, count=1, flags=re.M)
    new = re.sub(r"^index_no: (.*)-\d+$", r"index_no: \1-00901", new, count=1, flags=re.M)
    new = re.sub(r"^doc_no: .*$", "doc_no: 某科〔2024〕901号", new, count=1, flags=re.M)
    (project / NORMATIVE_DOC).with_name("2024-kjj-gfxwj-901.md").write_text(new, encoding="utf-8")
    out["add"] = _rebuild(project, work, jobs=2)
    # A damaged cache and a published file changed in place: made again, never an error.
    cache = cache_dir(work / "site")
    for state in (cache / "search").glob("*.pickle"):
        state.write_bytes(b"not a pickle")
    laws = work / "site" / "data" / "laws.json"
    laws.write_bytes(laws.read_bytes().replace("科学技术进步法".encode(), "科学技术退步法".encode()))
    _edit(project / NORMATIVE_DOC, r"^title: (.*)$", r"title: \1（第二次修订）")
    out["damaged"] = _rebuild(project, work, jobs=2)
    return out


@pytest.mark.parametrize("step", ["nothing", "doc title", "law title", "delete", "add", "damaged"])
def test_a_rebuild_equals_a_clean_build(steps: dict[str, Step], step: str) -> None:
    assert steps[step].differ == []


def test_an_unchanged_project_takes_every_output_over(steps: dict[str, Step]) -> None:
    s = steps["nothing"]
    outputs = [f for f in s.changed | s.linked if f.startswith(("search/", "data/", "annual-reports/"))]
    assert outputs and not s.changed & set(outputs)
    assert {f for f in outputs if not f.endswith(".html")} <= s.linked


def test_a_document_title_redoes_only_what_shows_it(steps: dict[str, Step]) -> None:
    s = steps["doc title"]
    assert {"data/documents.json", "data/documents.csv", "search/meta.json", "search/titles.json"} <= s.changed
    untouched = {"data/laws.json", "data/laws.csv", "data/powers.json", "data/categories.csv", "data/normative.json",
                 "data/in-force.xlsx", "data/in-force-2024.xlsx", "data/repealed.json", "guide/apply.docx",
                 "sitemap.xml", "sitemap.xml.gz", "annual-reports/2025/annual-report-2025.docx",
                 "annual-reports/2025/annual-report-2025.xlsx"}
    assert untouched <= s.linked
    chunks = {f for f in s.linked if f.startswith("search/c/")}
    assert len(chunks) > 5 and len({f for f in s.changed if f.startswith("search/c/")}) == 1
    # The title stays in its slot (docs/search.md): no other document's positions move, so only the gram
    # files holding the title's grams are written again; every other one is the last site's file.
    grams = {f for f in s.linked | s.changed if f.startswith("search/g/")}
    written = {f for f in s.changed if f.startswith("search/g/")}
    assert written and len(written) * 4 < len(grams) and grams - written <= s.linked, (len(written), len(grams))


def test_a_law_title_redoes_the_laws_and_what_cites_it(steps: dict[str, Step]) -> None:
    s = steps["law title"]
    assert {"data/laws.json", "data/powers.json", "data/documents.json"} <= s.changed
    assert {"data/categories.json", "data/in-force.xlsx", "feed.xml", "sitemap.xml", "guide/apply.docx"} <= s.linked


def test_deleting_and_adding_documents_update_the_lists(steps: dict[str, Step]) -> None:
    deleted, added = steps["delete"], steps["add"]
    assert {"data/documents.json", "sitemap.xml", "search/docs.bin"} <= deleted.changed
    assert {"data/in-force.xlsx", "data/laws.json"} <= deleted.linked
    assert {"data/documents.json", "data/normative.csv", "data/in-force.xlsx", "search/docs.bin"} <= added.changed
    assert "data/powers.csv" in added.linked
    # The 目录 of years before the new document was published did not change.
    assert "data/in-force-2020.xlsx" in added.linked


def test_a_damaged_cache_or_output_is_made_again(steps: dict[str, Step]) -> None:
    s = steps["damaged"]
    assert "data/laws.json" in s.changed and "data/laws.json" not in s.linked
    assert "data/powers.json" in s.linked

