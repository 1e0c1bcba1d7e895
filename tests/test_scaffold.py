"""`new document|power|law`: next free numbers, placeholders that check flags, records that pass once filled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.check import check_project
from generator.cli import main
from generator.editing.scaffold import next_document_id, next_index_no, next_power_code
from generator.load import load_project
from tests.minimal import DOCUMENT, LEGAL_BASES, SITE_CONFIG, TODAY, make_project

FILLED_DOCUMENT = {
    'title: ""': "title: 某市科技创新券管理办法",
    'doc_no: ""': "doc_no: 某科〔2026〕5号",
    'summary: ""': "summary: 规范科技创新券的申领、使用和兑付。",
    'written: ""': "written: 2026-11-02",
    'published: ""': "published: 2026-11-09",
    'effective: ""': "effective: 2026-12-09",
    'expires: ""': "expires: 2031-12-08",
    '- law: ""': "- law: kjjbf",
    'articles: [""]': "articles: [第十条]",
    'date: ""': "date: 2026-11-04",
    'by: ""': "by: 某市科学技术局政策法规科",
}


def fill(path: Path, values: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in values.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def run(root: Path, *args: str) -> int:
    return main([*args, "--project", str(root), "--today", TODAY.isoformat()])


def codes(root: Path) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.code) for p in check_project(root, TODAY).problems if p.level.value != "notice"]


def test_new_document_flags_placeholders_then_passes_when_filled(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path)
    assert run(root, "new", "document") == 0
    out = capsys.readouterr().out
    path = root / "catalog/documents/gfxwj/2026-kjj-gfxwj-001.md"
    assert "catalog/documents/gfxwj/2026-kjj-gfxwj-001.md" in out and "title" in out
    text = path.read_text(encoding="utf-8")
    assert "index_no: 11350100MB0000001X/2026-00001" in text
    assert "# 标题（必填）" in text  # every field says what goes there
    found = codes(root)
    flagged = {line for p, line, code in found if p.endswith("2026-kjj-gfxwj-001.md")}
    # title, doc_no, summary, written, published, effective, expires, basis law+article, review date+by
    assert len(flagged) >= 9, found
    assert {code for p, _, code in found if "2026-kjj" in p} == {"invalid-value", "invalid-date"}
    fill(path, FILLED_DOCUMENT)
    assert codes(root) == []


def test_new_document_other_kind_needs_no_normative_fields(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run(root, "new", "document", "--kind", "其他") == 0
    path = root / "catalog/documents/qtwj/2026-kjj-qtwj-001.md"
    assert "effective" not in path.read_text(encoding="utf-8")
    fill(path, {k: v for k, v in FILLED_DOCUMENT.items()
                if k.split(":")[0] in ('title', 'summary', 'written', 'published')})
    assert codes(root) == []


def test_numbers_follow_the_existing_ones(tmp_path: Path) -> None:
    cat, _ = load_project(make_project(tmp_path))
    assert next_document_id(cat, "gfxwj", 2025) == "2025-kjj-gfxwj-002"
    assert next_document_id(cat, "gfxwj", 2026) == "2026-kjj-gfxwj-001"
    assert next_index_no(cat, 2025) == "11350100MB0000001X/2025-00002"
    assert next_index_no(cat, 2026) == "11350100MB0000001X/2026-00001"
    assert next_power_code(cat, "行政处罚") == "KJ-CF-002"
    assert next_power_code(cat, "行政许可") == "KJ-XK-001"


def test_index_no_follows_a_local_pattern(tmp_path: Path) -> None:
    root = make_project(tmp_path, {
        "site_config.yml": SITE_CONFIG + "policy:\n  index_no_pattern: '^KJJ-\\d{4}-\\d{6}$'\n",
        "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md":
            DOCUMENT.replace("11350100MB0000001X/2025-00001", "KJJ-2025-000041"),
    })
    cat, _ = load_project(root)
    assert next_index_no(cat, 2025) == "KJJ-2025-000042"
    assert next_index_no(cat, 2026) == "KJJ-2026-000001"


def test_new_power_appends_and_keeps_every_existing_byte(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    before = (root / "catalog/powers/cf.yml").read_text(encoding="utf-8")
    assert run(root, "new", "power", "--type", "行政处罚") == 0
    after = (root / "catalog/powers/cf.yml").read_text(encoding="utf-8")
    assert after.startswith(before)
    assert "- code: KJ-CF-002" in after
    assert {c for p, _, c in codes(root)} == {"invalid-value"}
    fill(root / "catalog/powers/cf.yml", {'name: ""': "name: 对专利代理违法行为的处罚",
                                          '- law: ""': "- law: zlf", 'articles: [""]': "articles: [第六十八条]"})
    assert codes(root) == []


def test_new_power_of_a_new_type_gets_its_own_file_with_the_schema_modeline(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run(root, "new", "power", "--type", "行政检查") == 0
    text = (root / "catalog/powers/jc.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../docs/schema/powers.schema.json\n")
    assert "- code: KJ-JC-001" in text
    fill(root / "catalog/powers/jc.yml", {'name: ""': "name: 对科技计划项目实施情况的检查",
                                          '- law: ""': "- law: kjjbf", 'articles: [""]': "articles: [第十条]"})
    assert codes(root) == []


def test_new_power_needs_a_type(tmp_path: Path) -> None:
    assert run(make_project(tmp_path), "new", "power") == 2


def test_new_law_with_and_without_id(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run(root, "new", "law") == 0
    problems = check_project(root, TODAY).problems
    messages = [p.message for p in problems if p.code == "invalid-value"]
    assert any("'id'" in m and "不能为空" in m for m in messages), messages
    (root / "catalog/legal_bases.yml").write_text(LEGAL_BASES, encoding="utf-8")  # back to the base file
    assert run(root, "new", "law", "--id", "zlf") == 2  # taken
    assert run(root, "new", "law", "--id", "xzqzf") == 0
    fill(root / "catalog/legal_bases.yml", {'title: ""': "title: 中华人民共和国行政强制法",
                                            'level: ""': "level: 法律",
                                            'issuer: ""': "issuer: 全国人民代表大会常务委员会"})
    assert codes(root) == []


def test_new_never_overwrites_and_numbers_move_on(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run(root, "new", "document") == 0
    first = (root / "catalog/documents/gfxwj/2026-kjj-gfxwj-001.md").read_bytes()
    assert run(root, "new", "document") == 0
    assert (root / "catalog/documents/gfxwj/2026-kjj-gfxwj-001.md").read_bytes() == first
    second = (root / "catalog/documents/gfxwj/2026-kjj-gfxwj-002.md").read_text(encoding="utf-8")
    assert re.search(r"index_no: 11350100MB0000001X/2026-00001\b", first.decode())
    # The first scaffold's 索引号 is taken even though its other fields are still placeholders.
    assert "index_no: 11350100MB0000001X/2026-00002" in second


def test_unknown_category_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(make_project(tmp_path), "new", "document", "--category", "gfxwjj") == 2
    assert "是否指 'gfxwj'" in capsys.readouterr().err


def test_new_refuses_a_catalogue_that_does_not_parse(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"catalog/powers/cf.yml": "- code: [\n"})
    assert run(root, "new", "power", "--type", "行政处罚") == 1
    assert (root / "catalog/powers/cf.yml").read_text(encoding="utf-8") == "- code: [\n"
