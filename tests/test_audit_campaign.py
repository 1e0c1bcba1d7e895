"""`audit --batch ID|latest`: one 清理 campaign's scope, counts and sentence, and the demo's figures."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.audit.campaign import find_campaign, run_campaign_audit
from generator.check import check_project
from generator.problems import UsageError
from tests.minimal import TODAY, make_project
from tests.rules.records import CLEANUPS, DOC, cleanup, document, second_document

ROOT = Path(__file__).resolve().parent.parent
DOC2 = "catalog/documents/gfxwj/2025-kjj-gfxwj-002.md"
SOURCE_REPORT = ("由我局草拟或负责实施的规范性文件1件，建议废止0件、建议宣布失效0件、建议修改0件、建议不修改1件；"
                 "本单位制发的规范性文件12件，已废止2件、已宣布失效0件、已修改0件、不修改10件")


def test_the_demo_latest_campaign_states_the_source_report() -> None:
    cat = check_project(ROOT, TODAY).catalog
    campaign = find_campaign(cat, "latest")
    assert campaign.id == "ql-2026"
    audit = run_campaign_audit(cat, campaign, TODAY)
    assert audit.documents_sentence == SOURCE_REPORT
    assert [r.id for r in audit.list("ended").rows] == ["2022-kjj-gfxwj-001", "2022-kjj-gfxwj-002"]
    assert audit.list("missing").rows == ()


def test_counts_only_this_campaign_and_only_its_scope(tmp_path: Path) -> None:
    two = cleanup("deadline: 2026-06-30", cid="ql-2024", notice="2024-05-20") + cleanup("deadline: 2026-06-30")
    make_project(tmp_path, {
        CLEANUPS: two,
        # reviewed in this campaign: counted by this review, not by a later one of another batch
        DOC: document(reviews="\n  - {date: 2026-06-01, batch: ql-2026, result: 修改, decided: true}"
                              "\n  - {date: 2026-09-01, batch: 某科〔2026〕9号, result: 继续有效, decided: true}"),
        # repealed before the notice: out of scope, whatever its reviews say
        DOC2: second_document(status="废止", repealed="{date: 2026-01-01, by: 某科〔2025〕9号}",
                              reviews="[{date: 2025-12-01, batch: ql-2026, result: 废止, decided: true}]"),
    })
    cat = check_project(tmp_path, TODAY).catalog
    audit = run_campaign_audit(cat, find_campaign(cat, "ql-2026"), TODAY)
    assert audit.reviews["self"].reviewed == 1 and audit.reviews["self"].decided["修改"] == 1
    assert [r.id for r in audit.list("scope").rows] == ["2025-kjj-gfxwj-001"]
    # the 2024 campaign came before the document was published
    assert run_campaign_audit(cat, find_campaign(cat, "ql-2024"), TODAY).list("scope").rows == ()


def test_a_review_dated_after_the_audit_date_is_not_yet_made(tmp_path: Path) -> None:
    reviewed = document(reviews="[{date: 2026-06-01, batch: ql-2026, result: 继续有效, decided: true}]")
    make_project(tmp_path, {CLEANUPS: cleanup("deadline: 2026-06-30"), DOC: reviewed})
    cat = check_project(tmp_path, TODAY).catalog
    audit = run_campaign_audit(cat, find_campaign(cat, "ql-2026"), dt.date(2026, 5, 31))
    assert [r.id for r in audit.list("missing").rows] == ["2025-kjj-gfxwj-001"]


def test_unknown_campaign_is_a_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    make_project(tmp_path, {CLEANUPS: cleanup()})
    cat = check_project(tmp_path, TODAY).catalog
    with pytest.raises(UsageError, match="是否指 'ql-2026'"):
        find_campaign(cat, "ql-2062")


def test_cli_batch_latest_on_the_demo() -> None:
    run = subprocess.run([sys.executable, "-m", "generator", "audit", "--batch", "latest", "--as-of", "2026-11-26",
                          "--format", "json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["campaign"] == "ql-2026" and data["sentences"]["documents"] == SOURCE_REPORT
