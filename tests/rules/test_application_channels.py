"""申请渠道 (agency.application_channels): sentences as before, or typed channels; an online one needs its url."""

from __future__ import annotations

from pathlib import Path

from generator.load import load_project
from tests.minimal import SITE_CONFIG, make_project, problems_of

CONFIG = "site_config.yml"
OLD = "  application_channels: [网上申请, 信函申请, 当面申请]\n"


def channels(text: str) -> dict[str, str | None]:
    assert OLD in SITE_CONFIG
    return {CONFIG: SITE_CONFIG.replace(OLD, "  application_channels:\n" + text)}


def found(tmp_path: Path, text: str) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.code) for p in problems_of(tmp_path, channels(text)) if p.path == CONFIG]


def line_of(text: str, needle: str) -> int:
    config = channels(text)[CONFIG]
    assert config is not None
    return next(i for i, line in enumerate(config.split("\n"), 1) if needle in line)


TYPED = """\
    - {type: 在线平台, url: "https://zwfw.example.gov.cn/apply"}
    - {type: 信函, address: 某市某区行政服务中心路1号, note: 信封注明“政府信息公开申请”}
    - 当面申请：工作时间到本局办公室现场填写
"""


def test_sentences_and_typed_channels_are_both_valid(tmp_path: Path) -> None:
    assert found(tmp_path, TYPED) == []
    cat, _ = load_project(make_project(tmp_path / "p", channels(TYPED)))
    online, letter, desk = cat.config.agency.channels
    assert (online.type, online.url) == ("在线平台", "https://zwfw.example.gov.cn/apply")
    assert letter.text.startswith("信函：信封注明") and desk.type == "" and desk.text.startswith("当面申请")


def test_an_online_channel_without_its_address_is_reported_at_its_line(tmp_path: Path) -> None:
    text = "    - {type: 在线平台}\n    - 信函申请\n"
    assert found(tmp_path, text) == [(CONFIG, line_of(text, "在线平台"), "missing-field")]


def test_a_url_that_is_no_address_and_an_unknown_type_are_invalid(tmp_path: Path) -> None:
    text = "    - {type: 在线平台, url: \"javascript:alert(1)\"}\n    - {type: 网上}\n"
    assert sorted(found(tmp_path, text)) == sorted([(CONFIG, line_of(text, "javascript"), "invalid-value"),
                                                   (CONFIG, line_of(text, "网上"), "invalid-value")])
