"""generator/load.py: a project on disk → a Catalog with positions; bad input is a problem, not a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check_project
from generator.load import load_project
from generator.problems import Pos, UsageError
from tests.minimal import TODAY, make_project
from tests.rules.records import DOC, document, second_document


def test_minimal_project_loads_every_record_kind(tmp_path: Path) -> None:
    cat, problems = load_project(make_project(tmp_path))
    assert problems == []
    assert cat.config.agency.application_channels == ("网上申请", "信函申请", "当面申请")
    assert list(cat.laws) == ["kjjbf", "zlf", "mfd", "htf"]
    assert list(cat.powers) == ["KJ-CF-001"]
    assert list(cat.documents) == ["2025-kjj-gfxwj-001"]
    assert cat.categories["fgwj"].children == ["gfxwj", "qtwj"]
    assert cat.categories["gfxwj"].parent == "fgwj"


def test_every_record_remembers_its_file_and_lines(tmp_path: Path) -> None:
    cat, _ = load_project(make_project(tmp_path))
    power = cat.powers["KJ-CF-001"]
    assert (power.src.path, power.src.at("status"), power.src.at("basis", 0, "law")) == (
        "catalog/powers/cf.yml", Pos(6, 3), Pos(4, 12))
    law = cat.laws["htf"]
    assert law.src.at("repealed", "by") == Pos(26, 32)
    assert law.repealed is not None and law.repealed.by == "mfd" and law.repealed.by_is_id


def test_document_front_matter_and_body_lines_count_from_the_md_file(tmp_path: Path) -> None:
    cat, _ = load_project(make_project(tmp_path, {DOC: document() + "第二条 …\n"}))
    doc = cat.documents["2025-kjj-gfxwj-001"]
    assert doc.src.path == DOC
    assert (doc.src.raw.pos, doc.src.at("id"), doc.src.at("expires")) == (Pos(2, 1), Pos(2, 1), Pos(14, 1))
    assert doc.body_line == 18
    assert doc.body_line + doc.body.split("\n").index("第二条 …") == 19  # its line in the .md file
    assert doc.normative and doc.status == "有效" and doc.legality_review is not None


def test_files_are_read_in_a_stable_order_and_hidden_ones_skipped(tmp_path: Path) -> None:
    files: dict[str, str | None] = {
        "catalog/documents/z/b.md": second_document(id="2025-kjj-b", index_no="11350100MB0000001X/2025-00011",
                                                    doc_no="某科〔2025〕11号"),
        "catalog/documents/a/c.md": second_document(id="2025-kjj-c", index_no="11350100MB0000001X/2025-00012",
                                                    doc_no="某科〔2025〕12号"),
        "catalog/documents/.drafts/d.md": "not even front matter",
        "catalog/documents/notes.txt": "ignored",
    }
    cat, problems = load_project(make_project(tmp_path, files))
    assert problems == []
    assert [d.src.path for d in cat.all_documents] == [
        "catalog/documents/a/c.md", DOC, "catalog/documents/z/b.md"]


def test_duplicates_keep_the_first_in_the_index_and_all_in_the_list(tmp_path: Path) -> None:
    dup = second_document(id="2025-kjj-gfxwj-001")
    cat, _ = load_project(make_project(tmp_path, {"catalog/documents/qtwj/b.md": dup}))
    assert cat.documents["2025-kjj-gfxwj-001"].src.path == DOC
    assert len(cat.all_documents) == 2


def test_a_record_without_id_is_not_indexed_under_an_empty_key(tmp_path: Path) -> None:
    cat, _ = load_project(make_project(tmp_path, {DOC: document(id=None)}))
    assert "" not in cat.documents and len(cat.all_documents) == 1


def test_content_pages(tmp_path: Path) -> None:
    files: dict[str, str | None] = {"content/guide.md": "---\ntitle: 公开指南\n---\n# 指南\n",
                                    "content/reports/2025.md": "# 2025 年报\n"}
    cat, problems = load_project(make_project(tmp_path, files))
    assert problems == []
    assert [(p.url_path, p.title, p.body_line) for p in cat.pages] == [
        ("guide.md", "公开指南", 4), ("reports/2025.md", None, 1)]


def test_attachment_files_are_listed_relative_to_their_folder(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "catalog/attachments/2025").mkdir(parents=True)
    (project / "catalog/attachments/2025/附件1.pdf").write_bytes(b"%PDF")
    cat, _ = load_project(project)
    assert set(cat.attachments) == {"2025/附件1.pdf"}
    assert cat.attachments["2025/附件1.pdf"].head == b"%PDF"


def test_no_site_config_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="site_config.yml"):
        load_project(tmp_path)


def test_a_wrong_type_becomes_none_in_the_model_and_a_problem_in_check(tmp_path: Path) -> None:
    cat, problems = load_project(make_project(tmp_path, {DOC: document(expires="[2030]", written="2029-02-30")}))
    doc = cat.documents["2025-kjj-gfxwj-001"]
    assert (doc.expires, doc.written) == (None, None)
    assert problems == []  # the loader parsed it; the schema rules judge it


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_checking_never_raises_on_any_bytes(tmp_path: Path, data: bytes) -> None:
    project = make_project(tmp_path)
    for rel in (DOC, "catalog/powers/cf.yml", "content/guide.md"):
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_bytes(data)
    check_project(project, TODAY)  # the rules too must take whatever the loader let through


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("-:[]{}'\"#\n id:名称2024-02-30 ")), max_size=120))
def test_checking_never_raises_on_yaml_like_text(tmp_path: Path, text: str) -> None:
    project = make_project(tmp_path)
    (project / DOC).write_text("---\n" + text + "\n---\n", encoding="utf-8")
    (project / "catalog/legal_bases.yml").write_text(text, encoding="utf-8")
    check_project(project, TODAY)
