"""invalid-doc-no: a 文号 not in the GB/T 9704 form 机关代字〔YYYY〕N号, with the slip named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minimal import found, problems_of
from tests.rules.records import DOC, LINE, document

CODE = "invalid-doc-no"


@pytest.mark.parametrize("doc_no", ["某科〔2025〕1号", "闽科规〔2025〕12号", "国办发〔2017〕47号",
                                    "某府办字〔2012〕196号"])
def test_well_formed(tmp_path: Path, doc_no: str) -> None:
    assert found(tmp_path, CODE, {DOC: document(doc_no=doc_no)}) == []


@pytest.mark.parametrize(("doc_no", "why"), [
    ("某科[2025]1号", "六角括号"),
    ("某科(2025)1号", "六角括号"),
    ("某科（2025）1号", "六角括号"),
    ("某科【2025】1号", "六角括号"),
    ("某科﹝2025﹞1号", "六角括号"),
    ("某科〔2025〕第1号", "不加“第”"),
    ("某科〔2025〕001号", "不补 0"),
    ("某科〔２０２５〕１号", "半角"),
    ("某科 〔2025〕1号", "空格"),
    ("某科〔2025〕1", "以“号”结尾"),
    ("某科〔25〕1号", "机关代字〔YYYY〕N号"),
])
def test_malformed_at_the_doc_no_line(tmp_path: Path, doc_no: str, why: str) -> None:
    [p] = [p for p in problems_of(tmp_path, {DOC: document(doc_no=doc_no)}) if p.code == CODE]
    assert (p.path, p.line, p.column) == (DOC, 5, 1)
    assert f"'{doc_no}'" in p.message and why in p.message and "例如 某科〔2024〕3号" in p.message


def test_documents_without_doc_no_are_silent(tmp_path: Path) -> None:
    other = document(kind="其他", doc_no=None, owner=None, effective=None, expires=None, status=None,
                     legality_review=None)
    assert found(tmp_path, CODE, {DOC: other}) == []


def test_each_document_is_reported(tmp_path: Path) -> None:
    second = document(id="2025-kjj-gfxwj-002", index_no="11350100MB0000001X/2025-00002", doc_no="某科[2025]2号")
    files = {DOC: document(doc_no="某科〔2025〕01号"), "catalog/documents/gfxwj/b.md": second}
    assert found(tmp_path, CODE, files) == [("catalog/documents/gfxwj/2025-kjj-gfxwj-001.md", 5, CODE),
                                            ("catalog/documents/gfxwj/b.md", 5, CODE)]


def test_a_decree_number_is_valid_for_a_rule_only(tmp_path: Path) -> None:
    rule = document(kind="规章", doc_no="某市人民政府令第3号", issuer="某市人民政府", owner="drafted", expires=None)
    assert found(tmp_path, "invalid-doc-no", {DOC: rule}) == []
    normative = document(doc_no="某市人民政府令第3号")
    assert found(tmp_path, "invalid-doc-no", {DOC: normative}) == [(DOC, LINE["doc_no"], "invalid-doc-no")]
