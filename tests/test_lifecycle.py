"""A document's status on a date, derived from its dates (generator/lifecycle.py), at the day boundaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.format.lifecycle import ending, status_at
from generator.format.model import Catalog
from generator.load import load_project
from tests.audit_fixture import make_fixture

D = dt.date


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    catalog, _ = load_project(make_fixture(tmp_path_factory.mktemp("lifecycle")))
    return catalog


@pytest.mark.parametrize(("doc", "day", "status"), [
    ("a", D(2023, 12, 30), None),  # not yet published
    ("a", D(2023, 12, 31), "有效"),  # the day of publication counts
    ("a", D(2024, 1, 1), "废止"),  # the repeal date is the first day out of force
    ("c", D(2024, 12, 31), "有效"),  # `expires` is the last day in force
    ("c", D(2025, 1, 1), "失效"),
    ("f", D(2025, 2, 1), "失效"),  # past `expires` although the record still says 有效
    ("d", D(2024, 6, 30), "有效"),  # its amendment (e) is published on 2024-07-01
    ("d", D(2024, 7, 1), "已修改"),
    ("k", D(2025, 6, 29), "有效"),
    ("k", D(2025, 6, 30), "失效"),  # 宣布失效 before its expiry
])
def test_status_at(cat: Catalog, doc: str, day: dt.date, status: str | None) -> None:
    assert status_at(cat, cat.documents[doc], day) == status


def test_ending_takes_the_earlier_of_repeal_and_expiry(cat: Catalog) -> None:
    k = ending(cat.documents["k"])
    assert k is not None and (k.date, k.status, k.by_expiry) == (D(2025, 6, 30), "失效", False)
    c = ending(cat.documents["c"])
    assert c is not None and (c.date, c.status, c.by_expiry) == (D(2025, 1, 1), "失效", True)
    assert ending(cat.documents["i"]) is None  # a 规章 with no expiry and no repeal


def test_status_without_a_date_is_taken_from_the_record(tmp_path: Path) -> None:
    from tests.audit_fixture import doc_text

    root = make_fixture(tmp_path, {"catalog/documents/gfxwj/z.md": doc_text("z", 7, "2020-01-02", status="废止")})
    catalog, _ = load_project(root)
    z = catalog.documents["z"]
    assert ending(z) is not None and ending(z).date is None  # type: ignore[union-attr]
    assert status_at(catalog, z, D(2020, 1, 2)) == "废止"
