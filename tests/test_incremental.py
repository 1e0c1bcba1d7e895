"""An incremental build (the cache beside the output) gives the site a clean build gives, byte for byte,
after an edit of every kind — and reuses what the edit did not touch."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import BuildResult, build_site
from generator.cache import cache_dir, code_version
from generator.cli import main
from tests.conftest import DEMO_TODAY, ROOT, copy_demo


def snapshot(site: Path) -> dict[str, str]:
    """Every file with the hash of its bytes, and every folder (an empty one left over would show)."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(site.rglob("*"))}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo, built once with the cache; the edits below follow one another."""
    root = copy_demo(tmp_path_factory.mktemp("incremental"))
    first = build_site(root, root / "site", DEMO_TODAY)
    assert first.published and first.reused == 0
    return root


def rebuild_and_compare(project: Path, today: dt.date = DEMO_TODAY) -> BuildResult:
    """Build with the cache into site/ and without into clean/; both must agree in every byte."""
    cached = build_site(project, project / "site", today)
    clean = build_site(project, project / "clean", today, cache=False)
    assert cached.published and clean.published
    assert clean.reused == 0
    assert snapshot(project / "site") == snapshot(project / "clean")
    assert cached.warnings == clean.warnings
    assert [p.as_text() for p in cached.problems] == [p.as_text() for p in clean.problems]
    return cached


D = "catalog/documents/"


def doc_title(p: Path) -> None:
    edit(p / D / "gfxwj/2024-kjj-gfxwj-001.md", "title: ", "title: 修订后的")


def law_title(p: Path) -> None:  # a law documents and powers cite: their pages show its title
    law = "  title: 中华人民共和国科学技术进步法"
    edit(p / "catalog/legal_bases.yml", law, law + "（修订）")


def category_name(p: Path) -> None:
    edit(p / "catalog/categories.yml", "  name: 机构职能", "  name: 机构与职能")


def site_config(p: Path) -> None:
    edit(p / "site_config.yml", "科学技术局", "科学技术和工业信息化局")


def content_page(p: Path) -> None:
    edit(p / "content/about.md", "## 主要职责", "另见[公开指南](guide.md)。\n\n## 主要职责")


def body_link_to_an_anchor(p: Path) -> None:  # a page whose Markdown links: keyed by the file list too
    link = "见[另一条信息](../2020-kjj-gzxx-001/#no-such-anchor)。"
    edit(p / D / "gzxx/2019-kjj-gzxx-001.md", "\n---\n", f"\n---\n\n{link}\n")


def deleted_document(p: Path) -> None:
    (p / D / "gzxx/2020-kjj-gzxx-001.md").unlink()


def renamed_document(p: Path) -> None:
    old = p / D / "gzxx/2019-kjj-gzxx-001.md"
    text = old.read_text(encoding="utf-8").replace("id: 2019-kjj-gzxx-001", "id: 2019-kjj-gzxx-101", 1)
    old.unlink()
    (p / D / "gzxx/2019-kjj-gzxx-101.md").write_text(text, encoding="utf-8")


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


def added_attachment(p: Path) -> None:
    (p / "catalog/attachments").mkdir(exist_ok=True)
    (p / "catalog/attachments/通知.pdf").write_bytes(PDF)
    edit(p / D / "gfxwj/2024-kjj-gfxwj-002.md", "\ntitle: ", "\nattachments: [通知.pdf]\ntitle: ")


def replaced_attachment(p: Path) -> None:
    (p / "catalog/attachments/通知.pdf").write_bytes(PDF + b"%% revised\n")


EDITS: list[Callable[[Path], None]] = [
    doc_title, law_title, category_name, content_page, body_link_to_an_anchor, deleted_document,
    renamed_document, added_attachment, replaced_attachment, site_config,
]


@pytest.mark.parametrize("change", EDITS, ids=[e.__name__ for e in EDITS])
def test_a_rebuild_after_an_edit_is_the_clean_build(project: Path, change: Callable[[Path], None]) -> None:
    change(project)
    result = rebuild_and_compare(project)
    if change is not site_config:  # the site's name is on every page
        assert result.reused > 100, "an edit of one record re-rendered (nearly) the whole site"


def wait_for_skeleton(out: Path) -> Path:
    skeleton = cache_dir(out) / "trash/skeleton"
    for _ in range(200):  # a detached process makes it
        if skeleton.is_dir():
            break
        time.sleep(0.05)
    assert skeleton.is_dir()
    return skeleton


def assert_links_to_the_pages_of(skeleton: Path, out: Path) -> None:
    """The skeleton's files: its two lists, and a hard link to every page of the site at `out` (the
    same inode), listed — nothing else."""
    pages = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("index.html")}
    files = {p.relative_to(skeleton).as_posix(): p.stat().st_ino for p in skeleton.rglob("*") if p.is_file()}
    assert files.pop(".folders") and files.pop(".files")
    assert files == pages
    assert sorted((skeleton / ".files").read_text(encoding="utf-8").split("\n")) == sorted(pages)


def test_a_rebuild_reuses_the_folders_of_an_earlier_site(project: Path) -> None:
    """The site before last is kept as its folders with hard links to the published site's pages (the
    rest deleted in the background), and the next build is made in them: same bytes, no folder and no
    page left over from a page that is gone."""
    build_site(project, project / "site", DEMO_TODAY)
    skeleton = wait_for_skeleton(project / "site")
    assert_links_to_the_pages_of(skeleton, project / "site")
    assert (skeleton / "documents/2024-kjj-gfxwj-003/index.html").is_file()
    (project / D / "gfxwj/2024-kjj-gfxwj-003.md").unlink()
    rebuild_and_compare(project)
    assert not (project / "site/documents/2024-kjj-gfxwj-003").exists()


def test_a_page_made_again_is_never_written_through_its_link(project: Path, tmp_path: Path) -> None:
    """The skeleton's pages are the published files themselves (hard links): a page made again must
    replace its link, never write into it — the published site stays as it was until the swap, and
    the page as it was published stays so (a link kept aside still reads the old bytes)."""
    build_site(project, project / "site", DEMO_TODAY)
    wait_for_skeleton(project / "site")
    page = project / "site/documents/2024-kjj-gfxwj-001/index.html"
    before = page.read_bytes()
    aside = tmp_path / "published.html"
    aside.hardlink_to(page)
    edit(project / D / "gfxwj/2024-kjj-gfxwj-001.md", "title: ", "title: 再次修订的")
    rebuild_and_compare(project)
    assert aside.read_bytes() == before
    assert "再次修订的" in page.read_text(encoding="utf-8") and page.stat().st_ino != aside.stat().st_ino


def test_a_first_build_leaves_its_folders_for_the_second(project: Path) -> None:
    """No previous site to empty: the folders of the first one are copied aside in the background,
    so that the second build does not make its ten thousand folders either."""
    out = project / "first"
    build_site(project, out, DEMO_TODAY)
    skeleton = wait_for_skeleton(out)
    folders = {p.relative_to(out) for p in out.rglob("*") if p.is_dir()}
    listed = (skeleton / ".folders").read_text(encoding="utf-8").split("\n")
    assert {Path(f) for f in listed} == folders
    assert {p.relative_to(skeleton) for p in skeleton.rglob("*") if p.is_dir()} == folders
    assert_links_to_the_pages_of(skeleton, out)
    assert not list((cache_dir(out) / "trash").glob("making-*"))
    folder = skeleton.stat().st_ino
    result = build_site(project, out, DEMO_TODAY)
    assert result.published and out.stat().st_ino == folder  # the second build was made in it


def test_nothing_changed_nothing_rendered(project: Path) -> None:
    before = snapshot(project / "site")
    result = build_site(project, project / "site", DEMO_TODAY)
    assert result.published and snapshot(project / "site") == before
    pages = {p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("index.html")}
    assert result.reused >= len(pages) - 20  # all but the nav pages, which are always rendered


def test_a_new_day_gives_the_clean_build_of_that_day(project: Path) -> None:
    # Some demo documents come into force after the demo's date: their pages say 尚未施行 until then.
    later = dt.date(2027, 6, 1)
    rebuild_and_compare(project, later)


def test_a_damaged_cache_is_a_clean_build(project: Path) -> None:
    manifest = cache_dir(project / "site") / "outputs.pickle"
    manifest.write_bytes(b"\x80\x05garbage")
    result = rebuild_and_compare(project)
    assert result.reused == 0
    assert build_site(project, project / "site", DEMO_TODAY).reused > 100  # and it is whole again


def test_a_published_file_changed_in_place_is_rendered_again(project: Path) -> None:
    build_site(project, project / "site", DEMO_TODAY)
    page = project / "site/documents/2017-kjj-gfxwj-001/index.html"
    original = page.read_bytes()
    with open(page, "r+b") as fh:  # in place: same inode, other bytes
        fh.write(b"<!-- tampered -->")
    build_site(project, project / "site", DEMO_TODAY)
    assert page.read_bytes() == original


def test_no_cache_flag_builds_everything(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--project", str(project), "--today", DEMO_TODAY.isoformat(), "--no-cache"]) == 0
    assert "沿用上次" not in capsys.readouterr().out
    assert main(["build", "--project", str(project), "--today", DEMO_TODAY.isoformat()]) == 0
    assert "项沿用上次生成的结果" in capsys.readouterr().out


def test_the_generator_itself_is_in_every_key(tmp_path: Path) -> None:
    """A changed template (or any file of the generator) is a new code_version: nothing is reused."""
    copy = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_version.__wrapped__(copy)
    template = copy / "site/templates/document.html.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert code_version.__wrapped__(copy) != before


class _Planted:
    """A pickle that, loaded by a trusting reader, would create a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def test_a_planted_cache_runs_no_code(project: Path, tmp_path: Path) -> None:
    """A project copied from elsewhere may carry a cache folder: a build reads nothing but data from it."""
    import pickle

    marker = tmp_path / "ran"
    manifest = cache_dir(project / "site") / "outputs.pickle"
    manifest.write_bytes(pickle.dumps((code_version(), {"page:index.md": _Planted(marker)})))
    result = build_site(project, project / "site", DEMO_TODAY)
    assert result.published and result.reused == 0
    assert not marker.exists()


KEYS_OF_PAGES = """
import datetime as dt, hashlib, sys
from pathlib import Path
from generator.check import check_project
from generator.site.pages import build_pages
today = dt.date.fromisoformat(sys.argv[2])
pages = build_pages(check_project(Path(sys.argv[1]), today).catalog, today)
for p in pages:
    print(p.url, (p.inputs or hashlib.sha256((p.markdown + p.html).encode()).digest()).hex())
"""


def test_every_page_has_the_same_key_in_every_process(project: Path) -> None:
    """A key that depends on the order of a set (str hashes differ from process to process) would
    re-render its page at every build: the same input gives the same keys whatever PYTHONHASHSEED."""
    import subprocess
    import sys

    keys = [subprocess.run([sys.executable, "-c", KEYS_OF_PAGES, str(project), DEMO_TODAY.isoformat()],
                           capture_output=True, text=True, check=True, cwd=ROOT,
                           env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}).stdout
            for seed in ("1", "2", "3")]
    assert keys[0].count("\n") > 100
    assert keys[0] == keys[1] == keys[2]


def test_a_rebuild_on_one_cpu_is_the_clean_build(project: Path) -> None:
    """With one process the search index is written into the new site itself, after it has emptied
    its own folders of the skeleton: the files taken over into them still find their folder."""
    out = project / "one"
    build_site(project, out, DEMO_TODAY, jobs=1)
    wait_for_skeleton(out)
    cached = build_site(project, out, DEMO_TODAY, jobs=1)  # nothing changed: the index is taken whole
    clean = build_site(project, project / "one-clean", DEMO_TODAY, jobs=1, cache=False)
    assert clean.published
    assert cached.published and cached.reused > 100
    assert snapshot(out) == snapshot(project / "one-clean")
