"""The search records of the demo: one public word per status, whatever kind of record says it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.load import load_project
from generator.search.records import search_docs
from generator.site.pages import build_pages

ROOT = Path(__file__).resolve().parents[2]


def test_the_status_filter_offers_each_state_once() -> None:
    cat, _ = load_project(ROOT)
    docs = search_docs(cat, build_pages(cat, dt.date(2026, 11, 26)))
    statuses = {d.status for d in docs if d.status}
    assert "现行有效" not in statuses and "废止" not in statuses and "失效" not in statuses
    assert {"有效", "已废止"} <= statuses  # laws in force and documents in force share 有效; repealed ones 已废止
    law = next(d for d in docs if d.url == "laws/htf/")
    assert (law.status, law.valid) == ("已废止", False)
    assert {d.status for d in docs if d.kind == "依据" and d.valid} <= {"有效", "已修改", "尚未施行"}
