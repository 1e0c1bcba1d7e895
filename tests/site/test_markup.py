"""Valid, accessible markup on the whole demo site: the Nu HTML Checker on every page, axe-core on
every page type at desktop and phone width, and the phone layout at 360–414 px and the largest 字号."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.site import urls
from tests.site.checkers import axe_violations, vnu_errors
from tests.site.test_browser import main_pages


def every_page_type(cat: Any) -> dict[str, str]:
    """One URL of every page type the site has."""
    power = sorted(cat.powers.values(), key=lambda p: p.code)[0]
    year = max(int(p.stem) for p in (Path(__file__).parents[2] / "content" / "annual-reports").glob("*.md"))
    return {**main_pages(cat),
            "catalogue-index": urls.CATALOGUE, "normative-filter": urls.normative("废止"),
            "power-type": urls.power_type(power.type),
            "audit": urls.AUDIT, "annual-index": urls.ANNUAL_REPORTS, "annual": f"{urls.ANNUAL_REPORTS}{year}/",
            "search": urls.SEARCH + "?q=科技", "about": "about/", "accessibility": "accessibility/",
            "site-map": "site-map/", "apply": "guide/apply/"}


def test_nu_html_checker_finds_no_error_on_any_page(demo_site: Path) -> None:
    errors = vnu_errors(demo_site)
    assert [f"{e['url'].rsplit(str(demo_site), 1)[-1]}:{e.get('lastLine')}: {e['message']}" for e in errors][:20] == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_violation_on_any_page_type(browser: Any, demo_url: str, demo_catalog: Any, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        found = {}
        for name, url in every_page_type(demo_catalog).items():
            page.goto(demo_url + url)
            page.wait_for_load_state("load")
            if bad := axe_violations(page):
                found[name] = bad
        assert found == {}
    finally:
        context.close()


@pytest.mark.browser
def test_high_contrast_mode_has_no_violation(browser: Any, demo_url: str, demo_catalog: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(demo_url)
        page.get_by_role("button", name="高对比度").click()
        found = {}
        for name in ("home", "document", "repealed", "normative", "power"):
            page.goto(demo_url + main_pages(demo_catalog)[name])
            assert page.evaluate("document.documentElement.dataset.govContrast") == "high"
            if bad := axe_violations(page):
                found[name] = bad
        assert found == {}
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 414])
def test_phone_pages_fit_at_every_font_size(browser: Any, demo_url: str, demo_catalog: Any, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN", is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        wide: dict[str, int] = {}
        for step in ("", "large", "xlarge"):
            page.goto(demo_url)
            page.evaluate("s => localStorage.setItem('gov-size', s)", step)
            for name, url in every_page_type(demo_catalog).items():
                page.goto(demo_url + url)
                if (w := page.evaluate("document.documentElement.scrollWidth")) > width:
                    wide[f"{name}@{step or 'standard'}"] = w
                # A card table's caption spans the card, never a one-character column.
                for box in page.locator("table.gov-table--stack caption").all():
                    assert box.bounding_box()["width"] > width / 2, (name, box.inner_text())
        assert wide == {}
    finally:
        context.close()


@pytest.mark.browser
def test_font_size_switch_is_keyboard_operable_and_remembered(page: Any, demo_url: str, demo_catalog: Any) -> None:
    page.goto(demo_url)
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.get_by_role("button", name="字号：特大").focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="字号：特大").get_attribute("aria-pressed") == "true"
    bigger = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert bigger >= base * 1.3
    page.goto(demo_url + main_pages(demo_catalog)["document"])  # another page: the choice is kept
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == bigger
    assert page.get_by_role("button", name="字号：特大").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="字号：标准").click()
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == base


@pytest.mark.browser
def test_without_javascript_the_defaults_render_and_controls_stay_hidden(browser: Any, demo_url: str,
                                                                        demo_catalog: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_url + main_pages(demo_catalog)["document"])
        assert page.get_by_role("button", name="高对比度").count() == 0  # hidden: they would do nothing
        assert page.get_by_role("button", name="打印本页").count() == 0
        assert page.get_by_role("img", name="本页网址的二维码，用手机扫描可打开本页").is_visible()
        assert page.locator(".gov-access").get_by_role("link", name="无障碍说明").is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_document_toolbar_copies_the_link_and_prints_with_a_header(page: Any, demo_url: str,
                                                                   demo_catalog: Any) -> None:
    doc = demo_catalog.documents[main_pages(demo_catalog)["document"].split("/")[1]]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(demo_url + urls.document(doc.id))
    page.get_by_role("button", name="复制链接").click()
    expected = urls.absolute(demo_catalog.config.site.url, urls.document(doc.id))
    page.get_by_role("status").filter(has_text="链接已复制").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    head = page.locator(".gov-print-head")
    assert head.is_hidden()
    page.emulate_media(media="print")
    assert head.is_visible()
    text = head.inner_text()
    assert doc.index_no in text and expected in text
    assert page.locator(".md-header").is_hidden() and page.locator(".gov-access").is_hidden()
