"""status-inconsistent: a status that contradicts `repealed`, `expires`, the reviews or `amended_by`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.minimal import LEGAL_BASES, found, problems_of
from tests.rules.records import DOC, LAWS, document, second_document

CODE = "status-inconsistent"
OTHER = "catalog/documents/qtwj/b.md"
REPEAL = "{date: 2026-01-01, by: 某科〔2025〕9号}"


def message(tmp_path: Path, files: dict[str, str | None], today: dt.date | None = None) -> tuple[int, str]:
    kw = {"today": today} if today else {}
    [p] = [p for p in problems_of(tmp_path, files, **kw) if p.code == CODE]
    return p.line, p.message


def test_consistent_statuses_are_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE) == []
    assert found(tmp_path, CODE, {DOC: document(status="废止", repealed=REPEAL)}) == []
    assert found(tmp_path, CODE, {DOC: document(status="已修改", amended_by="[2025-kjj-gfxwj-002]"),
                                  OTHER: second_document()}) == []


def test_repealed_status_without_repealed(tmp_path: Path) -> None:
    line, msg = message(tmp_path, {DOC: document(status="废止")})
    assert line == 15 and "repealed" in msg


def test_lapsed_while_expires_is_ahead(tmp_path: Path) -> None:
    # expires 2030-04-09 is still ahead on 2026-11-26: 失效 needs a repealed saying why.
    line, msg = message(tmp_path, {DOC: document(status="失效")})
    assert line == 15 and "2030-04-09" in msg
    assert found(tmp_path, CODE, {DOC: document(status="失效", repealed=REPEAL)}) == []


def test_lapsed_is_fine_once_expires_has_passed(tmp_path: Path) -> None:
    text = document(status="失效", expires="2026-11-25")
    assert found(tmp_path, CODE, {DOC: text}, today=dt.date(2026, 11, 26)) == []
    # On the last day of validity it has not lapsed yet.
    assert found(tmp_path, CODE, {DOC: text}, today=dt.date(2026, 11, 25)) == [(DOC, 15, CODE)]


def test_repealed_on_a_valid_or_amended_document(tmp_path: Path) -> None:
    line, msg = message(tmp_path, {DOC: document(repealed=REPEAL)})
    assert line == 17 and "有效性为 有效，却写有 repealed" in msg
    files = {DOC: document(status="已修改", amended_by="[2025-kjj-gfxwj-002]", repealed=REPEAL),
             OTHER: second_document()}
    assert found(tmp_path, CODE, files) == [(DOC, 18, CODE)]


def test_last_decided_review_repealed_but_status_valid(tmp_path: Path) -> None:
    reviews = ("\n  - {date: 2025-11-20, batch: 某科〔2025〕20号, result: 继续有效, decided: true}"
               "\n  - {date: 2026-06-01, batch: 某科〔2026〕5号, result: 宣布失效, decided: true}")
    line, msg = message(tmp_path, {DOC: document(reviews=reviews)})
    assert line == 15 and "2026-06-01" in msg and "宣布失效" in msg


def test_review_that_is_only_a_proposal_or_superseded_is_not_a_decision(tmp_path: Path) -> None:
    proposal = "[{date: 2026-06-01, result: 废止, decided: false}]"
    assert found(tmp_path, CODE, {DOC: document(reviews=proposal)}) == []
    kept_later = ("\n  - {date: 2024-11-20, result: 废止, decided: true}"
                  "\n  - {date: 2026-06-01, result: 继续有效, decided: true}")
    assert found(tmp_path, CODE, {DOC: document(reviews=kept_later)}) == []


def test_amended_without_amended_by(tmp_path: Path) -> None:
    line, msg = message(tmp_path, {DOC: document(status="已修改")})
    assert line == 15 and "amended_by" in msg


def test_other_documents_have_no_status_to_contradict(tmp_path: Path) -> None:
    other = document(kind="其他", status="废止", owner=None, effective=None, expires=None, doc_no=None,
                     legality_review=None)
    assert found(tmp_path, CODE, {DOC: other}) == []


def test_laws(tmp_path: Path) -> None:
    no_repeal = LEGAL_BASES.replace("  repealed: {date: 2021-01-01, by: mfd}\n", "")
    assert found(tmp_path, CODE, {LAWS: no_repeal}) == [(LAWS, 25, CODE)]
    repeal_but_current = LEGAL_BASES.replace("status: 已废止", "status: 现行有效\n  status_checked: 2026-11-01")
    assert found(tmp_path, CODE, {LAWS: repeal_but_current}) == [(LAWS, 27, CODE)]
