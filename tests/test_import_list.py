"""import-list: a province-style published 权责清单 / 规范性文件目录 becomes new catalogue records."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.check import check_project
from generator.cli import main
from generator.codes import Code
from generator.editing.importlist.basis import LawMatcher, chinese_number, parse_basis
from generator.editing.importlist.plan import plan_list_import
from generator.format.model import Catalog
from generator.load import load_project
from tests.minimal import LEGAL_BASES, TODAY, make_project
from tests.office import convert
from tests.test_xlsx import tree
from tests.tools.published_list import write_published_powers

REPO = Path(__file__).resolve().parent.parent


def power_facts(cat: Catalog) -> dict[str, tuple[Any, ...]]:
    """What the published list carries of each power: the import must give back exactly this."""
    return {p.code: (p.name, p.type, p.subtype, [(b.law, b.articles) for b in p.basis], p.subject, p.department,
                     p.level, p.responsibilities, p.accountability, p.status) for p in cat.all_powers}


def demo_without_powers(root: Path) -> Path:
    root.mkdir()
    shutil.copy(REPO / "site_config.yml", root / "site_config.yml")
    for folder in ("catalog", "content"):
        shutil.copytree(REPO / folder, root / folder)
    for f in (root / "catalog/powers").glob("*.yml"):
        f.unlink()
    return root


def run(root: Path, *args: str) -> int:
    return main([*args, "--project", str(root), "--today", TODAY.isoformat()])


def cells(problems: list[Any]) -> list[tuple[str, int, int, str]]:
    """(sheet, row, column, code) of each problem."""
    return [(p.path.split("!")[1], p.line, p.column, p.code) for p in problems]


def book(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (), title: str = "权责清单") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(row)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def test_the_demo_list_published_by_a_province_imports_as_the_same_57_powers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo, _ = load_project(REPO)
    published = write_published_powers(demo, tmp_path / "权责清单（2024年版）.xlsx")
    root = demo_without_powers(tmp_path / "copy")
    assert run(root, "import-list", "powers", str(published)) == 0
    out = capsys.readouterr().out
    assert "事项类型 '处罚' → '行政处罚'（共 45 处）" not in out   # the note's place comes first
    assert "（共 45 处）：事项类型 '处罚' → '行政处罚'" in out
    assert "《专利法》按简称对应执法依据 zlf" in out
    assert "《专利法实施细则》按简称对应执法依据 zlfxz" in out
    cat, _ = load_project(root)
    assert len(cat.all_powers) == 57
    assert power_facts(cat) == power_facts(demo)
    assert sorted({p.src.path for p in cat.all_powers}) == [f"catalog/powers/{t}.yml" for t in ("cf", "qr", "qt", "qz")]
    result = check_project(root, TODAY)
    assert [p.as_text() for p in result.problems if p.level.value != "notice"] == []
    # A second import of the same workbook writes nothing.
    before = tree(root)
    assert run(root, "import-list", "powers", str(published)) == 0
    assert "已在目录中 57 项（其中与目录一致 57 项）；没有需要写入的文件" in capsys.readouterr().out
    assert tree(root) == before


def test_an_xls_copy_imports_the_same(tmp_path: Path) -> None:
    demo, _ = load_project(REPO)
    xls = convert(write_published_powers(demo, tmp_path / "list.xlsx"), "xls", tmp_path)
    root = demo_without_powers(tmp_path / "copy")
    assert run(root, "import-list", "powers", str(xls)) == 0
    assert power_facts(load_project(root)[0]) == power_facts(demo)


HEADER = ["序号", "事项编码", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "内设机构", "责任事项",
          "追责情形", "追责依据", "办理地点"]


def test_group_rows_merges_short_names_subitems_and_an_unknown_law(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p", {"catalog/legal_bases.yml": LEGAL_BASES + (
        "- {id: zlfxz, title: 中华人民共和国专利法实施细则, level: 行政法规, issuer: 国务院, status: 现行有效,"
        " status_checked: 2026-11-01}\n")})
    duties = ("1.立案责任：对发现的违法行为予以审查，决定是否立案。\n"
              "2.调查取证责任：\n  调查人员不少于两人。\n3.决定责任")
    wb = book(tmp_path / "某市科技局权力清单.xlsx", [
        ["某市科学技术局权力清单"],
        HEADER,
        ["一、行政处罚（2项）"],
        [1, "", "对假冒专利的处罚", "", "", "《专利法》(2020年修正)第68条", "某市科学技术局", "知识产权科", duties,
         "", "《中华人民共和国行政处罚法》第七十六条", "0591-1"],
        [2, "", "对冒充注册商标的处罚", "", "", "1.《中华人民共和国商标法》第五十二条、第六十条第二款",
         None, None, None, "", None, None],
        [None, None, None, None, None, None, None, None, None, None, None, None],
        ["二", "其他行政权力"],
        [1, "", "专利纠纷", "", "其他权力", "", "", "知识产权科", "受理、调解", "", "", ""],
        ["1-1", "", "专利纠纷", "专利侵权纠纷的处理", "其他权力", "《专利法实施细则》第九十五条；专利法第六十五条",
         "", "知识产权科", "受理、调解", "", "", ""],
        ["注：本清单动态调整。"],
    ], merges=("A1:L1", "A3:L3", "G4:G5", "H4:H5", "I4:I5", "K4:K5"))
    assert run(root, "import-list", "powers", str(wb)) == 0
    out = capsys.readouterr().out
    assert "未识别的列 '办理地点'" in out
    assert "《中华人民共和国商标法》不在 catalog/legal_bases.yml 中：新增执法依据 sbf" in out
    cat, _ = load_project(root)
    powers = {p.code: p for p in cat.all_powers}
    assert set(powers) == {"KJ-CF-001", "KJ-CF-002", "KJ-CF-003", "KJ-QT-001"}   # KJ-CF-001 was there
    first, second, sub = powers["KJ-CF-002"], powers["KJ-CF-003"], powers["KJ-QT-001"]
    assert (first.type, [(b.law, b.articles) for b in first.basis]) == ("行政处罚", [("zlf", ("第六十八条",))])
    assert first.responsibilities == ["立案", "调查取证", "决定"]
    assert first.accountability == "《中华人民共和国行政处罚法》第七十六条"
    # merged down: the second row has the first one's 实施主体, 内设机构, 责任事项 and 追责依据
    assert (second.subject, second.department, second.responsibilities, second.accountability) == \
        ("某市科学技术局", "知识产权科", first.responsibilities, first.accountability)
    assert [(b.law, b.articles) for b in second.basis] == [("sbf", ("第五十二条", "第六十条第二款"))]
    assert (sub.name, sub.type, [b.law for b in sub.basis]) == ("专利侵权纠纷的处理", "其他行政权力", ["zlfxz", "zlf"])
    law = cat.laws["sbf"]
    assert (law.title, law.level, law.status, law.status_checked) == ("中华人民共和国商标法", "法律", "现行有效", None)
    problems = check_project(root, TODAY).problems
    assert [p.code for p in problems if p.level.value == "error"] == []
    assert [(p.path, p.code) for p in problems if p.code == Code.BASIS_STATUS_STALE] == \
        [("catalog/legal_bases.yml", Code.BASIS_STATUS_STALE)]
    before = tree(root)
    assert run(root, "import-list", "powers", str(wb)) == 0
    assert tree(root) == before


def test_bad_cells_are_named_and_nothing_is_written(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    wb = book(tmp_path / "list.xlsx", [
        ["事项编码", "职权名称", "职权类型", "设定依据", "状态"],
        ["KJ-CF-101", "对甲的处罚", "处分", "《专利法》第六十八条", "有效"],
        ["KJ-CF-102", "对乙的处罚", "处罚", "", "有效"],
        ["KJ-CF-103", "对丙的处罚", "处罚", "详见附件", "有效"],
        ["KJ-CF-104", "对丁的处罚", "处罚", "《专利法》第六十八条 详见附件", "暂停"],
        ["KJ-CF-106", "对戊的处罚", "处罚", "《专利法》第六十八条", "有效"],
        ["KJ-CF-106", "对己的处罚", "处罚", "《专利法》第六十八条", "有效"],
        ["KJ-CF-105", None, None, "《专利法》第六十八条", None],
    ])
    before = tree(root)
    plan = plan_list_import(root, wb, "powers")
    assert cells(plan.problems) == [
        ("权责清单", 2, 3, Code.INVALID_VALUE),
        ("权责清单", 3, 4, Code.MISSING_FIELD),
        ("权责清单", 4, 4, Code.INVALID_VALUE),
        ("权责清单", 5, 4, Code.INVALID_VALUE),
        ("权责清单", 5, 5, Code.INVALID_VALUE),
        ("权责清单", 7, 1, Code.DUPLICATE_ID),
        ("权责清单", 8, 2, Code.MISSING_FIELD),
    ]
    messages = {p.path: p.message for p in plan.problems}
    assert messages["list.xlsx!权责清单!D5"].startswith(
        "设定依据中 '详见附件' 看不懂（已读出：《中华人民共和国专利法》第六十八条）")
    assert "没有读出任何" in messages["list.xlsx!权责清单!D4"]
    assert plan.writes == {}
    assert run(root, "import-list", "powers", str(wb)) == 1
    assert tree(root) == before


def test_an_existing_code_is_compared_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p")
    wb = book(tmp_path / "list.xlsx", [
        ["权力编码", "权力名称", "权力类型", "法律依据", "实施主体"],
        ["KJ-CF-001", "对假冒专利行为的处罚", "行政处罚", "《中华人民共和国专利法》第六十八条、第六十九条",
         "某市科学技术局"],
    ])
    before = tree(root)
    assert run(root, "import-list", "powers", str(wb)) == 0
    out = capsys.readouterr().out
    assert ("已存在 KJ-CF-001（catalog/powers/cf.yml），未修改；表格与目录不同："
            "实施依据：zlf 第六十八条 → zlf 第六十八条、第六十九条") in out
    assert tree(root) == before


def test_a_map_file_names_other_columns_and_dry_run_shows_the_yaml(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p")
    wb = book(tmp_path / "list.xlsx", [
        ["职权名称（全称）", "类别", "权源", "办理时限"],
        ["对专利代理违法行为的处罚", "行政处罚", "《中华人民共和国专利法》第六十八条", "30日"],
    ], title="Sheet1")
    (tmp_path / "map.yml").write_text("权源: 设定依据\n", encoding="utf-8")
    before = tree(root)
    assert run(root, "import-list", "powers", str(wb), "--map", str(tmp_path / "map.yml"), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "--- 追加到 catalog/powers/cf.yml ---\n- code: KJ-CF-002\n  name: 对专利代理违法行为的处罚" in out
    assert "将写入 1 个文件（去掉 --dry-run 才会写入）" in out
    assert tree(root) == before
    (tmp_path / "bad.yml").write_text("权源: 依据全文\n", encoding="utf-8")
    assert run(root, "import-list", "powers", str(wb), "--map", str(tmp_path / "bad.yml")) == 2
    assert "'依据全文' 不是可导入的字段" in capsys.readouterr().err


def test_no_header_and_a_missing_sheet_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p")
    wb = book(tmp_path / "list.xlsx", [["甲", "乙"], [1, 2]])
    assert cells(plan_list_import(root, wb, "powers").problems) == [
        ("权责清单", 1, 1, Code.UNKNOWN_FIELD), ("权责清单", 1, 1, Code.MISSING_FIELD)]
    assert run(root, "import-list", "powers", str(wb), "--sheet", "行政处罚") == 2
    assert "没有名为“行政处罚”的工作表：可选 权责清单" in capsys.readouterr().err


def test_a_published_normative_inventory_becomes_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p")
    wb = book(tmp_path / "目录.xlsx", [
        ["某市科学技术局行政规范性文件目录"],
        ["序号", "文件名称", "文号", "印发日期", "施行日期", "有效期", "有效性", "统一编号", "制定机关", "内容概述"],
        [1, "某市科技计划项目管理办法", "某科〔2025〕1号", "2025-03-03", None, None, None, None, None, None],
        [2, "某市科技创新券管理办法", "某科〔2024〕7号", "2024年5月6日", "2024/6/6", "5年", "现行有效", "KJGS-2024-2",
         "某市科学技术局", "规范创新券的申领和兑付。"],
    ], merges=("A1:J1",), title="规范性文件")
    assert run(root, "import-list", "documents", str(wb)) == 0
    out = capsys.readouterr().out
    assert "有效性 '现行有效' → '有效'" in out and "有效期 '5年' 按施行日期推算为有效期至 2029-06-05" in out
    assert "新增 catalog/documents/gfxwj/2024-kjj-gfxwj-001.md  2024-kjj-gfxwj-001  某市科技创新券管理办法" in out
    cat, _ = load_project(root)
    doc = cat.documents["2024-kjj-gfxwj-001"]
    assert (doc.doc_no, str(doc.written), str(doc.published), str(doc.effective), str(doc.expires), doc.status,
            doc.unified_no, doc.owner, doc.index_no) == \
        ("某科〔2024〕7号", "2024-05-06", "2024-05-06", "2024-06-06", "2029-06-05", "有效", "KJGS-2024-2", "self",
         "11350100MB0000001X/2024-00001")
    assert len(cat.all_documents) == 2   # 某科〔2025〕1号 is the catalogue's own: compared, not written
    before = tree(root)
    assert run(root, "import-list", "documents", str(wb)) == 0
    assert tree(root) == before


@pytest.mark.parametrize(("text", "expected"), [
    ("《中华人民共和国专利法》第六十八条；《专利法实施细则》第一百零一条第一款、第三款",
     [("中华人民共和国专利法", ["第六十八条"]), ("专利法实施细则", ["第一百零一条第一款", "第一百零一条第三款"])]),
    ("1.《科学技术进步法》第100条第三款、一百一十条\n2.《行政强制法》第二十二条至第二十五条",
     [("科学技术进步法", ["第一百条第三款", "第一百一十条"]), ("行政强制法", ["第二十二条至第二十五条"])]),
    ("《专利法》（2020年修正）第六十九条第一款第（五）项、第（六）项：“假冒专利的，……”",
     [("专利法", ["第六十九条第一款第（五）项", "第六十九条第一款第（六）项"])]),
    ("【法律】《防震减灾法》第八十四条，第八十五条和第八十七条",
     [("防震减灾法", ["第八十四条", "第八十五条", "第八十七条"])]),
    ("实验动物管理条例第二十九条", [("实验动物管理条例", ["第二十九条"])]),
])
def test_basis_text_is_read_into_titles_and_articles(text: str, expected: list[tuple[str, list[str]]]) -> None:
    parsed = parse_basis(text)
    assert [(c.title, c.articles) for c in parsed.citations] == expected and parsed.leftover == []


def test_titles_match_by_short_name_and_revision_but_never_across_instruments() -> None:
    cat, _ = load_project(REPO)
    laws = LawMatcher(cat)
    assert [m.law if m else None for m in (laws.match("专利法"), laws.match("中华人民共和国专利法（2020修正）"))] == \
        ["zlf", "zlf"]
    assert laws.match("专利法实施细则").law == "zlfxz"  # type: ignore[union-attr]
    assert laws.match("专利法实施条例") is None
    assert laws.match("保守国家秘密法实施条例").law == "bmfsstl"  # type: ignore[union-attr]
    assert laws.match("科学技术保密规定（1995年）").law == "kjbmgd-1995"  # type: ignore[union-attr]
    assert laws.match("科学技术保密规定（2015年）").law == "kjbmgd"  # type: ignore[union-attr]
    assert laws.match("技术合同认定规则（试行）").law == "jshtrdgz-1990"  # type: ignore[union-attr]
    assert [chinese_number(n) for n in (10, 68, 101, 110, 843, 1005)] == \
        ["十", "六十八", "一百零一", "一百一十", "八百四十三", "一千零五"]


def test_every_header_name_is_documented() -> None:
    from generator.editing.importlist.columns import DOCUMENT_COLUMNS, POWER_COLUMNS

    section = (REPO / "docs/cli.md").read_text(encoding="utf-8").split("## import-list", 1)[1]
    lines = [line for line in section.splitlines() if line.startswith("| `")]
    for column in POWER_COLUMNS + DOCUMENT_COLUMNS:
        assert any(line.startswith(f"| `{column.key}`（{column.title}） |") and
                   all(name in line for name in column.synonyms) for line in lines), column.key
