"""The search records of the demo: one public word per status, whatever kind of record says it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.cache import Reuse, code_version, load_pickle, save_pickle
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


def test_plain_texts_are_remembered_for_this_generator_only(tmp_path: Path) -> None:
    cat, _ = load_project(ROOT)
    pages = build_pages(cat, dt.date(2026, 11, 26))
    clean = search_docs(cat, pages)
    reuse = Reuse(tmp_path / "site", tmp_path / "cache")
    assert search_docs(cat, pages, reuse) == clean  # remembers every text
    memory = tmp_path / "cache" / "search" / "texts.pickle"
    version, texts = load_pickle(memory)
    assert version == code_version() and len(texts) > 50
    assert search_docs(cat, pages, reuse) == clean  # from memory
    save_pickle(memory, (version, dict.fromkeys(texts, "记错的正文")))
    assert all("记错的正文" in d.text for d in search_docs(cat, pages, reuse) if d.kind == "文件")  # it is used
    save_pickle(memory, (b"another generator", dict.fromkeys(texts, "记错的正文")))
    assert search_docs(cat, pages, reuse) == clean
