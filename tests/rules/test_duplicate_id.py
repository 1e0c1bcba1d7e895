"""duplicate-id: an id, 索引号, 文号, 权力编码 or category code used twice; the first place is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import POWERS, found, problems_of
from tests.rules.records import CATEGORIES, DOC, LAWS, document, laws, second_document
from tests.rules.records import POWERS as POWERS_PATH

CODE = "duplicate-id"
OTHER = "catalog/documents/qtwj/b.md"


def messages(tmp_path: Path, files: dict[str, str | None]) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.message) for p in problems_of(tmp_path, files) if p.code == CODE]


def test_distinct_identifiers_are_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {OTHER: second_document()}) == []


def test_document_id_twice_names_the_first_file_and_line(tmp_path: Path) -> None:
    [(path, line, message)] = messages(tmp_path, {OTHER: second_document(id="2025-kjj-gfxwj-001")})
    # Files are read in path order: gfxwj/… comes before qtwj/…, so qtwj/b.md is the second.
    assert (path, line) == (OTHER, 2)
    assert "文件 id '2025-kjj-gfxwj-001' 重复" in message and f"{DOC}:2 已使用" in message


def test_index_no_and_doc_no_twice(tmp_path: Path) -> None:
    dup = second_document(index_no="11350100MB0000001X/2025-00001", doc_no="某科〔2025〕1号")
    found_here = messages(tmp_path, {OTHER: dup})
    assert [(p, line) for p, line, _m in found_here] == [(OTHER, 3), (OTHER, 5)]
    assert f"{DOC}:3" in found_here[0][2] and f"{DOC}:5" in found_here[1][2]


def test_power_code_twice_across_files(tmp_path: Path) -> None:
    qt = POWERS.replace("name: 对假冒专利行为的处罚", "name: 对专利代理违法行为的处罚")
    [(path, line, message)] = messages(tmp_path, {"catalog/powers/qt.yml": qt})
    assert (path, line) == ("catalog/powers/qt.yml", 1)
    assert "权力编码 'KJ-CF-001'" in message and "catalog/powers/cf.yml:1" in message


def test_power_code_twice_in_one_file(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {POWERS_PATH: POWERS + POWERS}) == [(POWERS_PATH, 7, CODE)]


def test_law_id_twice(tmp_path: Path) -> None:
    text = laws("- id: zlf\n  title: 中华人民共和国专利法（2020年修正）\n  level: 法律\n"
                "  issuer: 全国人民代表大会常务委员会\n  status: 现行有效\n  status_checked: 2026-11-01\n")
    [(path, line, message)] = messages(tmp_path, {LAWS: text})
    assert (path, line) == (LAWS, 27)
    assert f"{LAWS}:9" in message


def test_category_code_twice_even_among_children(tmp_path: Path) -> None:
    text = ("- code: fgwj\n  name: 法规文件\n  children:\n    - code: gfxwj\n      name: 规范性文件\n"
            "- code: gfxwj\n  name: 规划计划\n")
    assert found(tmp_path, CODE, {CATEGORIES: text}) == [(CATEGORIES, 6, CODE)]


def test_three_copies_each_name_the_first(tmp_path: Path) -> None:
    files = {
        f"catalog/documents/qtwj/{name}.md": second_document(
            id="2025-kjj-gfxwj-001", index_no=f"11350100MB0000001X/2025-0000{n}", doc_no=f"某科〔2025〕{n}号")
        for name, n in (("b", 3), ("c", 4))
    }
    found_here = messages(tmp_path, files)
    assert [(p, line) for p, line, _m in found_here] == [("catalog/documents/qtwj/b.md", 2),
                                                        ("catalog/documents/qtwj/c.md", 2)]
    assert all(f"{DOC}:2" in m for _p, _l, m in found_here)


def test_other_documents_may_share_nothing_either(tmp_path: Path) -> None:
    other = document(kind="其他", id="2025-kjj-gzdt-001", index_no="11350100MB0000001X/2025-00009",
                     doc_no="某科〔2025〕1号", owner=None, effective=None, expires=None, status=None,
                     legality_review=None)
    assert found(tmp_path, CODE, {OTHER: other}) == [(OTHER, 5, CODE)]


@pytest.mark.parametrize("code", ["kj_cf_001", "KJ CF 001", "kj-cf-001", "KJ‐CF‐001", "KJ—CF—001"])
def test_power_codes_that_give_one_url_are_reported_by_check(tmp_path: Path, code: str) -> None:
    second = POWERS.replace("KJ-CF-001", code).replace("对假冒专利行为的处罚", "对专利代理违法行为的处罚")
    [(path, line, message)] = messages(tmp_path, {POWERS_PATH: POWERS + second})
    assert (path, line) == (POWERS_PATH, 7)
    assert "powers/kj-cf-001/" in message and "KJ-CF-001" in message


@pytest.mark.parametrize("files,path", [
    ({"content/guide/index.md": "# 指南副本\n"}, "content/guide/index.md"),
    ({"content/powers.md": "# 我的权力清单\n"}, "content/powers.md"),
    ({"content/documents/2025-kjj-gfxwj-001.md": "# 冒名页面\n"}, "content/documents/2025-kjj-gfxwj-001.md"),
    ({"content/annual-reports/index.md": "# 年报\n"}, "content/annual-reports/index.md"),
    ({"content/search.md": "# 搜索\n"}, "content/search.md"),
    ({"content/data/documents.csv": "a,b\n"}, "content/data/documents.csv"),
    ({"content/feed.xml.md": "x\n", "content/sitemap.xml": "<urlset/>"}, "content/sitemap.xml"),
    # A generated file's name used as a folder: the page feed.xml/ would need feed.xml to be a folder.
    ({"content/feed.xml.md": "# 订阅\n"}, "content/feed.xml.md"),
    ({"content/404.html/index.md": "# 找不到\n"}, "content/404.html/index.md"),
    ({"content/sitemap.xml/a.txt": "x\n"}, "content/sitemap.xml/a.txt"),
])
def test_content_that_takes_a_url_already_used_is_reported(tmp_path: Path, files: dict[str, str],
                                                           path: str) -> None:
    files = {"content/guide.md": "# 政府信息公开指南\n", **files}
    assert (path, 1, CODE) in found(tmp_path, CODE, files)


def test_an_annual_report_prose_page_is_not_a_collision(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, {"content/annual-reports/2025.md": "# 2025年报告\n"}) == []
