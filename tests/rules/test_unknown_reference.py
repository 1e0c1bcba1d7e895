"""unknown-reference: a law, document, category, power, attachment or link target that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import LEGAL_BASES, POWERS, found, problems_of
from tests.rules.records import ADDED, CLEANUPS, DOC, LAWS, cleanup, document, second_document
from tests.rules.records import POWERS as POWERS_PATH

CODE = "unknown-reference"
OTHER = "catalog/documents/qtwj/b.md"


def messages(tmp_path: Path, files: dict[str, str | None]) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.message) for p in problems_of(tmp_path, files) if p.code == CODE]


def test_existing_references_are_silent(tmp_path: Path) -> None:
    files = {
        DOC: document(basis="[{law: kjjbf, articles: [第十条]}]"),
        OTHER: second_document(interprets="2025-kjj-gfxwj-001", category="qtwj"),
        POWERS_PATH: POWERS + "  discretion: 2025-kjj-gfxwj-001\n",
    }
    assert found(tmp_path, CODE, files) == []


def test_power_basis_law_with_did_you_mean_at_the_law_key(tmp_path: Path) -> None:
    text = POWERS.replace("{law: zlf,", "{law: zlff,")
    [(path, line, col, message)] = messages(tmp_path, {POWERS_PATH: text})
    assert (path, line, col) == (POWERS_PATH, 4, 12)
    assert message == "实施依据 'zlff' 不存在，是否指 'zlf'？"


def test_unknown_law_without_a_close_id_says_where_to_add_it(tmp_path: Path) -> None:
    text = POWERS.replace("basis: [{law: zlf, articles: [第六十八条]}]",
                          "basis:\n    - law: zlf\n      articles: [第六十八条]\n    - law: xzcfxyz\n")
    [(_p, line, col, message)] = messages(tmp_path, {POWERS_PATH: text})
    assert (line, col) == (7, 7)
    assert "catalog/legal_bases.yml" in message


def test_document_category_basis_amended_by_interprets(tmp_path: Path) -> None:
    text = document(category="gfxwjj", basis="[{law: kjjbff}]", status="已修改",
                    amended_by="[2025-kjj-gfxwj-009]", interprets="2025-kjj-gfxwj-00")
    found_here = messages(tmp_path, {DOC: text})
    assert [(line, col) for _p, line, col, _m in found_here] == [(6, 1), (17, 10), (18, 14), (19, 1)]
    cat, basis, amended, interprets = (m for *_x, m in found_here)
    assert "是否指 'gfxwj'" in cat and "是否指 'kjjbf'" in basis
    assert "修改文件 '2025-kjj-gfxwj-009'" in amended and "是否指 '2025-kjj-gfxwj-001'" in interprets


def test_repealed_by_an_id_must_exist_but_a_doc_no_need_not(tmp_path: Path) -> None:
    repealed = document(status="废止", repealed="{date: 2026-01-01, by: 2025-kjj-gfxwj-099}")
    assert found(tmp_path, CODE, {DOC: repealed}) == [(DOC, 17, CODE)]
    outside = document(status="废止", repealed="{date: 2026-01-01, by: 某府〔2025〕9号}")
    assert found(tmp_path, CODE, {DOC: outside}) == []
    by_law = LEGAL_BASES.replace("repealed: {date: 2021-01-01, by: mfd}", "repealed: {date: 2021-01-01, by: mdf}")
    [(_p, line, col, message)] = messages(tmp_path, {LAWS: by_law})
    assert (line, col) == (26, 32)
    assert "是否指 'mfd'" in message


def test_discretion_document(tmp_path: Path) -> None:
    [(_p, line, _c, message)] = messages(tmp_path, {POWERS_PATH: POWERS + "  discretion: 2024-kjj-cljz-001\n"})
    assert line == 7
    assert "裁量基准文件 '2024-kjj-cljz-001' 不存在" in message


def test_attachments_must_exist_inside_the_attachment_folder(tmp_path: Path) -> None:
    att = tmp_path / "catalog/attachments/2025/附件1.pdf"
    att.parent.mkdir(parents=True)
    att.write_bytes(b"%PDF-1.4")
    text = document(attachments="\n  - 2025/附件1.pdf\n  - 2025/附件2.pdf\n  - ../../site_config.yml\n  - /etc/passwd")
    found_here = messages(tmp_path, {DOC: text})
    assert [line for _p, line, _c, _m in found_here] == [19, 20, 21]
    assert "是否指 '2025/附件1.pdf'" in found_here[0][3]
    assert all("不能离开" in m for *_x, m in found_here[1:])


def test_links_in_a_content_page_at_line_and_column(tmp_path: Path) -> None:
    # Columns count characters (not bytes) and point at the "(" that opens the target.
    page = (
        "---\ntitle: 公开指南\n---\n# 公开指南\n\n"
        "依据[《专利法》](law:zlf)和[《科技进步法》](law:kjjbff)。\n"
        "见[办法](doc:2025-kjj-gfxwj-001)、[旧办法](doc:2012-kjj-gfxwj-003)与[处罚](power:KJ-CF-002)。\n"
    )
    found_here = messages(tmp_path, {"content/guide.md": page})
    assert [(p, line, col) for p, line, col, _m in found_here] == [
        ("content/guide.md", 6, 29), ("content/guide.md", 7, 36), ("content/guide.md", 7, 65),
    ]
    assert "law:kjjbff" in found_here[0][3] and "是否指 'kjjbf'" in found_here[0][3]
    assert "权力事项" in found_here[2][3] and "是否指 'KJ-CF-001'" in found_here[2][3]


def test_links_in_a_document_body_count_from_the_md_file(tmp_path: Path) -> None:
    text = document() + "\n第二条 依据[《专利法》](law:zlf2)制定。\n"
    assert found(tmp_path, CODE, {DOC: text}) == [(DOC, 20, CODE)]


def test_a_page_without_front_matter(tmp_path: Path) -> None:
    page = "# 机构职能\n\n负责[专利执法](power:KJ-CF-01)。\n"
    assert found(tmp_path, CODE, {"content/jgzn.md": page}) == [("content/jgzn.md", 3, CODE)]


@pytest.mark.parametrize("written,says", [
    ("./2025/附件1.pdf", "请写成 '2025/附件1.pdf'"),
    ("2025//附件1.pdf", "请写成 '2025/附件1.pdf'"),
    ("2025/./附件1.pdf", "请写成 '2025/附件1.pdf'"),
    ("2025/../2025/附件1.pdf", "不能用 .."),
    ("2025\\附件1.pdf", "反斜杠"),
    ("C:/附件1.pdf", "盘符"),
    ("2025/.附件1.pdf", "以点开头"),
    ("CON.pdf", "Windows 的保留名"),
    ("lpt1", "Windows 的保留名"),
    ("2025/附件1.pdf.", "以空格或点结尾"),
    ("2025/附件#1.pdf", "'#'"),
    ("2025/附件?.pdf", "'?'"),
    ("2025/" + "长" * 101 + ".pdf", "超过 100 个"),
    ("/".join(["目录" * 40] * 3) + "/a.pdf", "超过 200 个"),
])
def test_attachment_paths_are_written_one_way_only(tmp_path: Path, written: str, says: str) -> None:
    att = tmp_path / "catalog/attachments/2025/附件1.pdf"
    att.parent.mkdir(parents=True)
    att.write_bytes(b"%PDF-1.4")
    [(path, line, _column, message)] = messages(tmp_path, {DOC: document(attachments=f"[{written}]")})
    assert (path, line) == (DOC, ADDED)
    assert says in message, message


def test_relative_links_to_missing_files_are_found_by_check_as_build_would(tmp_path: Path) -> None:
    from generator.build import build_site
    from tests.minimal import TODAY

    about = ("# 关于\n\n[指南](guide.md#x) [缺](missing.md) ![缺图](img/none.png) [网](https://e.gov.cn/a.md)\n"
             "[目录](../catalogue/) [绝对](/a/b.md) [附件](sub/a.pdf) [文件](documents/2025-kjj-gfxwj-001.md)\n\n"
             "[ref]: nothing.pdf\n")
    files = {"content/about.md": about, "content/guide.md": "# 指南\n"}
    got = [(p.path, p.line, p.column) for p in problems_of(tmp_path, files) if p.code == "unknown-reference"]
    assert got == [("content/about.md", 3, 21), ("content/about.md", 3, 39), ("content/about.md", 4, 39),
                   ("content/about.md", 6, 1)]
    # What the site engine would have warned about is exactly what check reports: nothing is left for build.
    fixed = about
    for missing in ("missing.md", "img/none.png", "sub/a.pdf", "nothing.pdf"):
        fixed = fixed.replace(missing, "guide.md")
    (tmp_path / "content/about.md").write_text(fixed, encoding="utf-8")
    result = build_site(tmp_path, tmp_path / "site", TODAY, strict=True)
    assert result.published and result.warnings == [], result.warnings


def everything(tmp_path: Path, files: dict[str, str | None]) -> list[tuple[str, int, str]]:
    return sorted((p.path, p.line, p.code) for p in problems_of(tmp_path, files) if p.level.value == "error")


def test_one_syntax_error_in_the_laws_gives_one_error_not_one_per_reference(tmp_path: Path) -> None:
    """A typo that makes legal_bases.yml unreadable is that file's problem alone: the powers and
    documents that cite its laws are not unknown-reference too, with confident wrong suggestions."""
    laws = LEGAL_BASES.replace("  title: ", "  title： ", 1)
    files = {LAWS: laws, DOC: document(basis="[{law: kjjbf, articles: [第十条]}]"),
             OTHER: second_document(category="qtwj") + "\n见[专利法](law:zlf)。\n"}
    [(path, line, code)] = everything(tmp_path, files)
    assert (path, code) == (LAWS, "yaml-syntax") and laws.split("\n")[line - 1].startswith("  title：")


def test_a_reference_into_an_unreadable_document_is_not_unknown(tmp_path: Path) -> None:
    broken = document(title='"某市科技计划项目管理办法')
    files = {DOC: broken, OTHER: second_document(interprets="2025-kjj-gfxwj-001", category="qtwj"),
             POWERS_PATH: POWERS + "  discretion: 2025-kjj-gfxwj-001\n"}
    assert everything(tmp_path, files) == [(DOC, 4, "yaml-syntax")]


def test_a_reference_to_a_name_no_file_holds_is_still_unknown_while_a_file_is_unreadable(tmp_path: Path) -> None:
    broken = document(title='"某市科技计划项目管理办法')
    files = {DOC: broken, OTHER: second_document(interprets="2025-kjj-gfxwj-009", category="qtwj")}
    assert everything(tmp_path, files) == [(DOC, 4, "yaml-syntax"), (OTHER, 17, CODE)]
    # …and its did-you-mean never offers the unreadable document's id.
    [(_path, _line, _col, message)] = messages(tmp_path, files)
    assert "2025-kjj-gfxwj-001" not in message
def test_review_batch_written_as_an_id_must_be_a_campaign(tmp_path: Path) -> None:
    files = {CLEANUPS: cleanup("deadline: 2026-06-30")}
    for batch, expected in (("ql-2026", []), ("某政办〔2026〕19号", []),
                            ("ql-2062", [(DOC, ADDED, "unknown-reference")])):
        doc = document(reviews=f"[{{date: 2026-06-01, batch: {batch}, result: 继续有效, decided: true}}]")
        assert found(tmp_path, "unknown-reference", {**files, DOC: doc}) == expected, batch
    doc = document(reviews="[{date: 2026-06-01, batch: ql-2062, result: 继续有效, decided: true}]")
    [p] = [p for p in problems_of(tmp_path, {**files, DOC: doc}) if p.code == "unknown-reference"]
    assert "'ql-2062'" in p.message and "是否指 'ql-2026'" in p.message


def test_a_laws_file_that_is_not_text_at_all_gives_one_error(tmp_path: Path) -> None:
    """legal_bases.yml saved as GBK cannot be scanned for ids: every law reference waits for it to be fixed."""
    from generator.check import check_project
    from tests.minimal import TODAY, make_project

    root = make_project(tmp_path, {DOC: document(basis="[{law: kjjbf, articles: [第十条]}]")})
    (root / LAWS).write_bytes(LEGAL_BASES.encode("gb18030"))
    errors = [(p.path, p.code) for p in check_project(root, TODAY).problems if p.level.value == "error"]
    assert errors == [(LAWS, "yaml-syntax")]
