"""expiring-soon: status 有效 and `expires` within policy.expiry_warning_days (180) of today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.minimal import SITE_CONFIG, found, problems_of
from tests.rules.records import CONFIG, DOC

CODE = "expiring-soon"
D = dt.date
# The base document expires on 2030-04-09; 180 days before that is 2029-10-11.


def test_181_days_ahead_is_silent(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, today=D(2029, 10, 10)) == []


def test_180_days_ahead_warns_at_expires(tmp_path: Path) -> None:
    [p] = [p for p in problems_of(tmp_path, today=D(2029, 10, 11)) if p.code == CODE]
    assert (p.path, p.line, p.level.value) == (DOC, 14, "warning")
    assert "还剩 180 天" in p.message


def test_last_day_still_warns_then_expired_takes_over(tmp_path: Path) -> None:
    assert found(tmp_path, CODE, today=D(2030, 4, 9)) == [(DOC, 14, CODE)]
    codes = {p.code for p in problems_of(tmp_path, today=D(2030, 4, 10))}
    assert CODE not in codes and "expired-but-valid" in codes


def test_warning_window_comes_from_policy(tmp_path: Path) -> None:
    config = {CONFIG: SITE_CONFIG + "policy:\n  expiry_warning_days: 30\n"}
    assert found(tmp_path, CODE, config, today=D(2030, 3, 9)) == []
    assert found(tmp_path, CODE, config, today=D(2030, 3, 10)) == [(DOC, 14, CODE)]
