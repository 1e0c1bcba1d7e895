"""The demo site's search index built in Python (no MkDocs), and the real-phrasing query set over it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from generator.load import load_project
from generator.search import build_index
from generator.search.query import IndexReader
from generator.search.records import search_docs, search_synonyms
from generator.site.pages import build_pages

ROOT = Path(__file__).resolve().parents[2]
REAL_QUERIES = Path(__file__).with_name("real_queries.yml")


def demo_reader(project: Path = ROOT, today: dt.date = dt.date(2026, 11, 26)) -> IndexReader:
    cat, _ = load_project(project)
    docs = search_docs(cat, build_pages(cat, today))
    return IndexReader(build_index(docs, synonyms=search_synonyms(cat)).files)


def load_real_queries() -> list[dict[str, Any]]:
    data = yaml.safe_load(REAL_QUERIES.read_text(encoding="utf-8"))
    return list(data["queries"])


def top5_found(reader: IndexReader, query: str, wanted: list[str]) -> bool:
    return any(reader.record(h.doc)[0] in wanted for h in reader.search(query)[:5])
