"""The 清理/status audit on a hand-counted fixture (tests/audit_fixture.py), and on the demo."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.audit.audit import Audit, run_audit, we
from generator.audit.render import render, render_csv, render_json, render_markdown
from generator.audit.workbook import render_xlsx, sheet_name
from generator.check import check_project
from generator.cli import main
from generator.load import load_project
from tests.audit_fixture import make_fixture
from tests.golden import assert_golden
from tests.minimal import TODAY

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_fixture(tmp_path_factory.mktemp("audit"))


def audit_of(project: Path, day: dt.date = TODAY) -> Audit:
    cat, _ = load_project(project)
    return run_audit(cat, day)


def ids(audit: Audit, key: str) -> list[str]:
    return [r.id for r in audit.list(key).rows]


def test_status_counts_by_owner_and_kind(project: Path) -> None:
    a = audit_of(project)
    assert a.by_owner["self"] == {"有效": 5, "已修改": 1, "废止": 1, "失效": 3, "total": 10}
    assert a.by_owner["drafted"] == {"有效": 1, "已修改": 0, "废止": 0, "失效": 0, "total": 1}
    assert a.by_owner["total"] == {"有效": 6, "已修改": 1, "废止": 1, "失效": 3, "total": 11}
    assert a.by_kind["规章"]["有效"] == 1 and a.by_kind["规范性文件"]["total"] == 10


def test_status_is_derived_from_dates_not_only_the_field(project: Path) -> None:
    rows = {r.id: r for r in audit_of(project).list("documents").rows}
    assert (rows["f"].status, rows["f"].recorded_status) == ("失效", "有效")  # ran past expires
    assert rows["c"].status == "失效" and rows["d"].status == "已修改" and rows["a"].status == "废止"


def test_review_tally_splits_proposals_from_decisions(project: Path) -> None:
    a = audit_of(project)
    own, drafted = a.reviews["self"], a.reviews["drafted"]
    assert own.reviewed == 5 and own.unreviewed == 4
    assert own.decided == {"继续有效": 2, "修改": 1, "废止": 0, "宣布失效": 1}
    assert own.proposed == {"继续有效": 0, "修改": 0, "废止": 1, "宣布失效": 0}
    assert drafted.reviewed == 1 and drafted.proposed["继续有效"] == 1 and drafted.decided_total == 0


def test_sentences_in_the_report_form(project: Path) -> None:
    a = audit_of(project)
    assert a.documents_sentence == (
        "由我局草拟或负责实施的规范性文件1件，建议废止0件、建议宣布失效0件、建议修改0件、建议不修改1件；"
        "本单位制发的规范性文件5件，已废止0件、已宣布失效1件、已修改1件、不修改2件，"
        "另有清理建议尚待决定的1件（建议废止1件、建议宣布失效0件、建议修改0件、建议不修改0件）"
    )
    assert a.powers_sentence == "行政处罚2项，行政确认1项，共3项"  # the 已取消 行政检查 is not counted
    assert a.powers_by_status == {"有效": 3, "已取消": 1, "已调整": 0}


def test_lists_counted_by_hand(project: Path) -> None:
    a = audit_of(project)
    assert ids(a, "expired-but-valid") == ["f"]
    assert ids(a, "expiring-soon") == ["j"]
    assert ids(a, "review-overdue") == ["e", "f", "i"]
    assert ids(a, "review-pending") == ["g", "j"]
    assert ids(a, "cites-repealed") == ["KJ-CF-002"]
    assert ids(a, "cites-amended") == ["b"]
    assert a.list("cites-repealed").rows[0].basis == "《中华人民共和国合同法》（htf，已废止）"
    assert len(a.list("powers").rows) == 4


@pytest.mark.parametrize("day", [TODAY, dt.date(2026, 6, 1), dt.date(2027, 3, 1)])
def test_lists_are_what_check_reports(project: Path, day: dt.date) -> None:
    """The audit runs the rule modules themselves: same records, same lines, same messages.

    (On dates before a record or a review existed the audit leaves those out; check does not.)
    """
    result = check_project(project, day)
    a = run_audit(result.catalog, day)
    for lst in a.lists:
        if lst.code is None:
            continue
        from_check = sorted((p.path, p.line, p.message) for p in result.problems if p.code == lst.code)
        from_audit = sorted((r.path, r.line, r.note) for r in lst.rows)
        assert from_audit == from_check, lst.code


def test_as_of_a_past_date(project: Path) -> None:
    a = audit_of(project, dt.date(2024, 6, 30))
    # Not yet published: E (07-01), G, H; B's, J's and K's reviews are still in the future.
    assert a.by_owner["self"] == {"有效": 7, "已修改": 0, "废止": 1, "失效": 0, "total": 8}
    assert a.by_owner["drafted"]["total"] == 0
    assert a.reviews["self"].reviewed == 2 and a.reviews["self"].decided["修改"] == 1
    assert ids(a, "review-pending") == []  # J's proposal is dated 2024-12-01
    assert "e" not in ids(a, "documents") and "d" in ids(a, "documents")
    assert {r.id: r.status for r in a.list("documents").rows}["d"] == "有效"  # its amendment E is not out yet


def test_we() -> None:
    assert we("某市科学技术局") == "我局"
    assert we("某市发展和改革委") == "我委"
    assert we("某市人民政府办公室") == "我室"
    assert we("某某协会") == "本单位"


# --- outputs -------------------------------------------------------------------------------------


def test_golden_json_and_markdown(project: Path) -> None:
    a = audit_of(project)
    text = render_json(a).replace(str(project), "<project>")
    assert_golden("audit.json", text)
    assert_golden("audit.md", render_markdown(a))


def test_every_format_is_deterministic(project: Path) -> None:
    for fmt in ("table", "md", "csv", "xlsx", "json"):
        assert render(audit_of(project), fmt) == render(audit_of(project), fmt), fmt


def test_xlsx_holds_the_same_rows_as_an_auditor_reads_them(project: Path) -> None:
    from generator.audit.workbook import cell_value, columns_of

    a = audit_of(project)
    wb = load_workbook(io.BytesIO(render_xlsx(a)))
    assert wb.sheetnames == ["概况", *(sheet_name(x) for x in a.lists)]
    summary = {r[0]: r[1] for r in wb["概况"].iter_rows(min_row=2, values_only=True)}
    assert summary["清理情况（法治政府建设报告用语）"] == a.documents_sentence
    assert summary["规章和规范性文件/本单位制发/失效"] == 3
    for lst in a.lists:
        ws = wb[sheet_name(lst)]
        rows = list(ws.iter_rows(values_only=True))
        cols = columns_of(lst)
        assert "location" not in cols and "位置" not in rows[0]
        assert [tuple("" if v is None else v for v in r) for r in rows[1:]] == \
            [tuple(_as_read(cell_value(r, c)) for c in cols) for r in lst.rows]
        assert ws.freeze_panes == "A2" and ws["A1"].font.b and ws.print_title_rows == "$1:$1"
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        for i, h in enumerate(rows[0]):
            letter = ws.cell(row=1, column=i + 1).column_letter
            assert ws.column_dimensions[letter].width >= min(len(h) * 2, 24)  # a CJK header fits (or wraps)
    documents = wb[sheet_name(a.list("documents"))]
    header = [c.value for c in documents[1]]
    for wanted in ("统一编号", "施行日期", "废止日期", "废止依据", "合法性审核", "发布日期"):
        assert wanted in header
    published = header.index("发布日期") + 1
    assert all(isinstance(documents.cell(r, published).value, dt.datetime) for r in range(2, documents.max_row + 1))
    assert documents.cell(2, published).number_format == "yyyy-mm-dd"
    text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    assert "decided" not in text and ".md:" not in text  # no editor's instruction, no file:line


def _as_read(value: object) -> object:
    """A value as openpyxl reads it back: dates come back as datetimes."""
    return dt.datetime.combine(value, dt.time()) if isinstance(value, dt.date) else value


def test_csv_has_every_row_of_every_list(project: Path) -> None:
    a = audit_of(project)
    rows = list(csv.reader(io.StringIO(render_csv(a))))
    assert rows[0][:3] == ["清单", "截至", "类型"]
    assert len(rows) - 1 == sum(len(x.rows) for x in a.lists)
    assert ["已过有效期仍标为有效", "2026-11-26", "规范性文件", "f"] == rows[1 + len(a.list("documents").rows)][:4]


def test_cli_json_and_xlsx(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--project", str(project), "--as-of", "2026-11-26", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sentences"]["powers"] == "行政处罚2项，行政确认1项，共3项"
    target = tmp_path / "audit.xlsx"
    assert main(["audit", "--project", str(project), "--as-of", "2026-11-26", "--format", "xlsx",
                 "--out", str(target)]) == 0
    assert target.read_bytes() == render_xlsx(audit_of(project))
    with pytest.raises(SystemExit) as exc:
        main(["audit", "--project", str(project), "--as-of", "2026-13-01"])
    assert exc.value.code == 2


# --- the demo: the source bureau's own figures ---------------------------------------------------


@pytest.mark.skipif(not (ROOT / "catalog" / "documents").is_dir(), reason="demo catalogue not present")
def test_demo_states_the_source_bureaus_figures() -> None:
    cat, _ = load_project(ROOT)
    a = run_audit(cat, TODAY)
    assert a.powers_sentence == "行政处罚45项，行政强制1项，行政确认2项，其他行政权力9项，共57项"
    # Without --batch: every document by its latest review ever (the two repealed in 2021 and 2024
    # too); the source report's 清理 figures are its latest campaign's (tests/test_audit_campaign.py).
    assert a.documents_sentence == (
        "由我局草拟或负责实施的规范性文件1件，建议废止0件、建议宣布失效0件、建议修改0件、建议不修改1件；"
        "本单位制发的规范性文件14件，已废止4件、已宣布失效0件、已修改0件、不修改10件"
    )


def test_the_documents_left_out_of_the_sentence_are_named_with_why(project: Path) -> None:
    a = audit_of(project)
    own = a.reviews["self"]
    assert own.unreviewed == len(own.left_out) == 4
    listed = [r for r in a.list("documents").rows if r.owner == "本单位制发" and r.kind == "规范性文件"]
    assert own.reviewed + own.unreviewed == len(listed)  # the prose and the list count the same documents
    md = render_markdown(a)
    assert "未计入“法治政府建设报告用语”" in md and all(title in md for title in own.left_out)
    assert "尚无清理结果" in render(a, "table")
    assert json.loads(render_json(a))["reviews"]["self"]["left_out"] == list(own.left_out)
