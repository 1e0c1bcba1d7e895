"""generator/parsecache.py: `check` takes unchanged files' parses from the last run, and says exactly what a
check without the cache says — cold, warm, after every kind of edit, with a damaged or unwritable cache."""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cache import cache_dir, load_pickle, save_pickle
from generator.check import check_project
from generator.cli import main
from generator.codes import Code
from generator.load import load_project
from generator.parsecache import ParseCache
from tests.minimal import POWERS, TODAY, make_project
from tests.rules.records import DOC, document, second_document
from tests.rules.records import POWERS as POWERS_PATH

DOC2 = "catalog/documents/gfxwj/2025-kjj-gfxwj-002.md"
PAGE = "content/about.md"
# Problems of every origin: the schema walk (unknown-field), a rule across files (unknown-reference),
# a rule on one record (summary-too-long), YAML syntax, and a content page.
MIXED = {
    POWERS_PATH: POWERS.replace("law: zlf", "law: zlff"),
    DOC: document(summary="规" * 101, colour="红"),
    DOC2: second_document(doc_no="[某科〔2025〕2号"),
    PAGE: "---\ntitle: 关于本站\nsubtitle: 多余\n---\n正文\n",
}


def project_of(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", MIXED)


def cache_of(project: Path) -> Path:
    return cache_dir(project / "site")


def outputs(project: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> list[tuple[int, str, str]]:
    """`check` in text and in json: exit code, stdout, stderr."""
    out = []
    for fmt in ("text", "json"):
        code = main(["check", "--project", str(project), "--today", TODAY.isoformat(), "--format", fmt, *flags])
        printed = capsys.readouterr()
        out.append((code, printed.out, printed.err))
    return out


def same_as_without_cache(project: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str, str]]:
    expected = outputs(project, capsys, "--no-cache")
    assert outputs(project, capsys) == expected
    return expected


def rename(project: Path) -> None:
    (project / DOC).rename(project / "catalog/documents/gfxwj/2025-kjj-gfxwj-009.md")


def copy_elsewhere(project: Path) -> None:
    # The same bytes under another path: another key, its own positions and messages.
    (project / "catalog/documents/qtwj").mkdir()
    shutil.copy(project / DOC, project / "catalog/documents/qtwj/2025-kjj-gfxwj-001.md")


def unreadable(project: Path) -> None:
    (project / DOC).unlink()
    os.symlink(project / "catalog/documents/gfxwj/missing.md", project / DOC)


EDITS: dict[str, Callable[[Path], object]] = {
    "title emptied": lambda p: (p / DOC).write_text(document(summary="规" * 101, colour="红", title="''"),
                                                    encoding="utf-8"),
    "unknown field fixed": lambda p: (p / DOC).write_text(document(summary="规" * 101), encoding="utf-8"),
    "syntax error fixed": lambda p: (p / DOC2).write_text(second_document(), encoding="utf-8"),
    "made invalid YAML": lambda p: (p / POWERS_PATH).write_text("- code: [KJ-CF-001\n", encoding="utf-8"),
    "deleted": lambda p: (p / POWERS_PATH).unlink(),
    "renamed": rename,
    "copied elsewhere": copy_elsewhere,
    "made binary": lambda p: (p / DOC).write_bytes(b"---\x00\x01\x02"),
    "saved as GBK": lambda p: (p / DOC).write_bytes(document(title="某市科技计划").encode("gbk")),
    "made unreadable": unreadable,
    "page front matter": lambda p: (p / PAGE).write_text("---\ntitle: 关于本站\n---\n正文\n", encoding="utf-8"),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_output_is_the_same_cold_warm_and_after_an_edit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: str) -> None:
    project = project_of(tmp_path)
    before = same_as_without_cache(project, capsys)  # cold (text), then warm (json)
    assert before[0][0] == 1 and before[0][1].count("\n") >= 5
    assert same_as_without_cache(project, capsys) == before  # warm
    EDITS[edit](project)
    after = same_as_without_cache(project, capsys)
    assert after != before  # each edit changes what check says: a stale parse would show
    assert same_as_without_cache(project, capsys) == after  # warm again


def test_a_second_check_parses_no_unchanged_file(tmp_path: Path) -> None:
    project = project_of(tmp_path)
    cold = ParseCache(cache_of(project))
    load_project(project, cold)
    assert (cold.hits, cold.misses) == (0, 7)  # site_config, categories, laws, powers, two documents, a page
    check_project(project, TODAY, cache=cache_of(project))

    warm = ParseCache(cache_of(project))
    load_project(project, warm)
    assert (warm.hits, warm.misses) == (7, 0)
    # And the schema walk's findings are kept for every file (none for DOC2, whose syntax error leaves no record).
    kept = warm.schema_findings()
    assert set(kept) == set(warm.keys)
    assert [(code, path, pos.line) for code, path, pos, _ in kept[DOC]] == [(Code.UNKNOWN_FIELD, DOC, 17)]
    assert kept[DOC2] == []

    (project / DOC).write_text(document(title="某市科技计划项目管理办法（修订）"), encoding="utf-8")
    edited = ParseCache(cache_of(project))
    load_project(project, edited)
    assert (edited.hits, edited.misses) == (6, 1)
    assert DOC not in edited.schema_findings()


def test_the_cache_file_is_rewritten_only_when_something_changed(tmp_path: Path) -> None:
    project = project_of(tmp_path)
    file = cache_of(project) / "parse" / ParseCache.FILE
    check_project(project, TODAY, cache=cache_of(project))
    first = file.stat()
    check_project(project, TODAY, cache=cache_of(project))
    assert (file.stat().st_ino, file.stat().st_mtime_ns) == (first.st_ino, first.st_mtime_ns)
    assert len(load_pickle(file)) == 7

    (project / POWERS_PATH).unlink()  # its entry is dropped, not kept forever
    check_project(project, TODAY, cache=cache_of(project))
    assert file.stat().st_ino != first.st_ino
    assert len(load_pickle(file)) == 6


def test_another_generator_version_parses_everything_again(tmp_path: Path) -> None:
    project = project_of(tmp_path)
    check_project(project, TODAY, cache=cache_of(project))
    other = ParseCache(cache_of(project))
    other._version = b"another generator"  # what code_version() gives after any change to the generator
    load_project(project, other)
    assert (other.hits, other.misses) == (0, 7)


@pytest.mark.parametrize("damage", ["not a pickle", "wrong shape", "damaged entries", "truncated"])
def test_a_damaged_cache_is_no_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    project = project_of(tmp_path)
    expected = same_as_without_cache(project, capsys)
    file = cache_of(project) / "parse" / ParseCache.FILE
    entries = load_pickle(file)
    if damage == "not a pickle":
        file.write_bytes(b"not a pickle at all")
    elif damage == "wrong shape":
        save_pickle(file, ["a", "list"])
    elif damage == "damaged entries":
        save_pickle(file, {key: (b"\x80\x05garbage", b"\x80\x05garbage") for key in entries})
    else:
        file.write_bytes(file.read_bytes()[:1000])
    assert outputs(project, capsys) == expected
    again = ParseCache(cache_of(project))  # and it is whole again
    load_project(project, again)
    assert (again.hits, again.misses) == (7, 0)


class Planted:
    """A pickle that would make a folder when unpickled by an ordinary unpickler."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (str(self.path),)


def test_a_planted_cache_runs_no_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A project copied from elsewhere with its .site-cache/: the cache may be anything.
    project = project_of(tmp_path)
    expected = same_as_without_cache(project, capsys)
    file = cache_of(project) / "parse" / ParseCache.FILE
    keys = list(load_pickle(file))
    planted = {key: (pickle.dumps(Planted(tmp_path / "entry")), pickle.dumps(Planted(tmp_path / "findings")))
               for key in keys}
    save_pickle(file, planted)
    assert outputs(project, capsys) == expected
    save_pickle(file, Planted(tmp_path / "whole"))
    assert outputs(project, capsys) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]


def test_a_cache_that_cannot_be_written_is_silently_not_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = project_of(tmp_path)
    cache_of(project).write_text("a file where the cache folder would be", encoding="utf-8")
    expected = outputs(project, capsys, "--no-cache")
    assert outputs(project, capsys) == expected
    assert all(err == "" for _, _, err in expected)
    assert cache_of(project).read_text(encoding="utf-8") == "a file where the cache folder would be"


# A document file's bytes in every shape the loader meets: the body is kept in the cache as where it starts
# in the bytes unless line ends moved it (CRLF, a lone CR, U+2028), then as text; a file that makes no
# document keeps its problems.
SHAPES: dict[str, bytes] = {
    "plain": document().encode("utf-8"),
    "CRLF": document().replace("\n", "\r\n").encode("utf-8"),
    "BOM and CRLF in the front matter only": b"\xef\xbb\xbf" + document().replace("\n", "\r\n", 5).encode("utf-8"),
    "lone CR and U+2028 in the body": (document() + "第二段\r第三段\u2028第四段\n").encode("utf-8"),
    "no body": document().split("\n---\n")[0].encode("utf-8") + b"\n---\n",
    "empty front matter": "---\n---\n正文\n".encode(),
    "syntax error": document(doc_no="[某科〔2025〕1号").encode("utf-8"),
    "GBK": document(title="某市科技计划").encode("gbk"),
    "front matter never closed": "---\ntitle: 某市\n正文\n".encode(),
}


def _loaded(project: Path, parses: ParseCache | None) -> list[object]:
    cat, problems = load_project(project, parses)
    return [(d, d.body, d.body_line, d.src.raw.pos, d.src.raw.key_pos) for d in cat.all_documents] + problems


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_a_document_taken_from_the_cache_is_the_one_its_file_makes(tmp_path: Path, shape: str) -> None:
    project = make_project(tmp_path / "p")
    (project / DOC).write_bytes(SHAPES[shape])
    (project / "catalog/documents/gfxwj/2025-kjj-gfxwj-003.yml").write_text(
        "\n".join(second_document(id="2025-kjj-gfxwj-003").split("\n")[1:-2]) + "\n", encoding="utf-8")
    fresh = _loaded(project, None)
    cold = ParseCache(cache_of(project))
    assert _loaded(project, cold) == fresh
    cold.save()
    warm = ParseCache(cache_of(project))
    assert _loaded(project, warm) == fresh
    assert warm.misses == 0 and warm.hits == cold.misses
