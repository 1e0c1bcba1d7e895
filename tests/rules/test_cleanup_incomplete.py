"""cleanup-incomplete: a document in a campaign's scope without its review; notice before the deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.minimal import found, problems_of
from tests.rules.records import ADDED, CLEANUPS, DOC, document
from tests.rules.records import cleanup as cleanup_with

CODE = "cleanup-incomplete"


def levels(tmp_path: Path, files: dict[str, str | None], today: dt.date) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.level.value) for p in problems_of(tmp_path, files, today) if p.code == CODE]


def test_before_the_deadline_a_notice_after_it_a_warning(tmp_path: Path) -> None:
    files = {CLEANUPS: cleanup_with("deadline: 2026-06-30")}
    assert levels(tmp_path, files, dt.date(2026, 6, 30)) == [(DOC, 2, "notice")]
    assert levels(tmp_path, files, dt.date(2026, 7, 1)) == [(DOC, 2, "warning")]


def test_no_deadline_stays_a_notice_and_nothing_before_the_notice(tmp_path: Path) -> None:
    assert levels(tmp_path, {CLEANUPS: cleanup_with()}, dt.date(2030, 1, 1)) == [(DOC, 2, "notice")]
    assert levels(tmp_path, {CLEANUPS: cleanup_with()}, dt.date(2026, 5, 11)) == []


def test_a_review_of_the_campaign_satisfies_it_at_the_reviews_line(tmp_path: Path) -> None:
    files = {CLEANUPS: cleanup_with("deadline: 2026-06-30")}
    other = document(reviews="[{date: 2026-06-01, batch: 某政办〔2026〕19号, result: 继续有效, decided: true}]")
    assert found(tmp_path, CODE, {**files, DOC: other}) == [(DOC, ADDED, CODE)]
    mine = document(reviews="[{date: 2026-06-01, batch: ql-2026, result: 继续有效, decided: true}]")
    assert found(tmp_path, CODE, {**files, DOC: mine}) == []


def test_scope_kinds_owners_and_published_before(tmp_path: Path) -> None:
    for scope in ("scope: {owners: [drafted]}", "scope: {kinds: [规章]}", "scope: {published_before: 2025-03-10}"):
        assert found(tmp_path, CODE, {CLEANUPS: cleanup_with(scope, "deadline: 2026-06-30")}) == [], scope
    assert found(tmp_path, CODE, {CLEANUPS: cleanup_with("scope: {published_before: 2025-03-11}")}) \
        == [(DOC, 2, CODE)]


def test_a_document_not_in_force_on_the_notice_date_is_out_of_scope(tmp_path: Path) -> None:
    repealed = document(status="废止", repealed="{date: 2026-01-01, by: 某科〔2025〕9号}")
    assert found(tmp_path, CODE, {CLEANUPS: cleanup_with("deadline: 2026-06-30"), DOC: repealed}) == []
    expired = document(expires="2026-05-11", status="失效")
    assert found(tmp_path, CODE, {CLEANUPS: cleanup_with(), DOC: expired}, dt.date(2026, 5, 20)) == []


def test_message_names_the_campaign_and_the_fix(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, {CLEANUPS: cleanup_with("deadline: 2026-06-30")}) if p.code == CODE]
    assert "本文件" in p.message and "ql-2026" in p.message and "batch: ql-2026" in p.message
    assert "2026-06-30 已过" in p.message
