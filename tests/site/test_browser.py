"""The demo site in a real browser: what a citizen sees, on a desktop, on a phone, by keyboard only."""

from __future__ import annotations

from typing import Any

import pytest

from generator.site import urls

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def repealed_document(cat: Any) -> Any:
    """A 废止 document of the demo whose repealing instrument is a document on the site."""
    return next(d for d in sorted(cat.documents.values(), key=lambda d: d.id)
                if d.status == "废止" and d.repealed and d.repealed.by in cat.documents)


def main_pages(cat: Any) -> dict[str, str]:
    """One URL of each main page type."""
    power = sorted(cat.powers.values(), key=lambda p: p.code)[0]
    law = next(x for x in sorted(cat.laws.values(), key=lambda x: x.id) if x.status == "现行有效")
    valid = next(d for d in sorted(cat.documents.values(), key=lambda d: d.id) if d.status == "有效")
    return {
        "home": urls.HOME, "guide": urls.GUIDE, "catalogue": urls.category(valid.category),
        "document": urls.document(valid.id), "repealed": urls.document(repealed_document(cat).id),
        "normative": urls.NORMATIVE, "powers": urls.POWERS, "power": urls.power(power.code),
        "laws": urls.LAWS, "law": urls.law(law.id), "annual-report": urls.annual_report(2025),
        "in-force-2025": urls.in_force(2025), "repealed-list": urls.REPEALED,
    }


def test_repealed_document_shows_banner_and_links_the_repealing_document(page: Any, demo_url: str,
                                                                         demo_catalog: Any) -> None:
    doc = repealed_document(demo_catalog)
    by = demo_catalog.documents[doc.repealed.by]
    page.goto(demo_url + urls.document(doc.id))
    banner = page.locator("#status-notice")
    assert banner.is_visible()
    assert "本文件已废止" in banner.inner_text()
    assert f"{doc.repealed.date.year}年{doc.repealed.date.month}月{doc.repealed.date.day}日" in banner.inner_text()
    assert page.locator(".gov-status .gov-badge").inner_text() == "废止"
    banner.get_by_role("link").first.click()
    page.wait_for_url(demo_url + urls.document(by.id))
    assert page.locator("article h1").inner_text() == by.title


def test_power_page_links_to_its_law_page(page: Any, demo_url: str, demo_catalog: Any) -> None:
    power = next(p for p in sorted(demo_catalog.powers.values(), key=lambda p: p.code)
                 if p.basis and p.basis[0].law in demo_catalog.laws)
    law = demo_catalog.laws[power.basis[0].law]
    page.goto(demo_url + urls.power(power.code))
    assert page.locator("article h1").inner_text() == power.name
    page.locator("#basis").get_by_role("link", name=law.title).first.click()
    page.wait_for_url(demo_url + urls.law(law.id))
    assert page.locator("article h1").inner_text() == law.title
    assert page.locator("#powers").get_by_role("link", name=power.name).count() >= 1


def _statuses_in_table(page: Any) -> list[str]:
    return page.locator("#results tbody td[data-label='效力状态']").all_inner_texts()


def test_normative_filter_works_without_javascript(browser: Any, demo_url: str, demo_catalog: Any) -> None:
    normative = [d for d in demo_catalog.documents.values() if d.normative]
    repealed = [d for d in normative if d.status == "废止"]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_url + urls.NORMATIVE)
        assert page.locator("form.gov-filter-form").is_hidden()  # the JS form needs JS
        page.locator(".gov-chips").first.get_by_role("link", name="废止").click()
        page.wait_for_url(demo_url + urls.normative("废止"))
        assert _statuses_in_table(page) == ["废止"] * len(repealed)
        year = max(d.published.year for d in repealed)
        page.locator(".gov-chips").nth(1).get_by_role("link", name=str(year)).click()
        page.wait_for_url(demo_url + urls.normative("废止", year))
        expected = [d for d in repealed if d.published.year == year]
        assert _statuses_in_table(page) == ["废止"] * len(expected)
    finally:
        context.close()


def test_normative_filter_form_with_javascript(page: Any, demo_url: str, demo_catalog: Any) -> None:
    valid = [d for d in demo_catalog.documents.values() if d.normative and d.status == "有效"]
    year = max(d.published.year for d in valid)
    page.goto(demo_url + urls.NORMATIVE)
    form = page.locator("form.gov-filter-form")
    assert form.is_visible()
    form.get_by_label("效力状态").select_option(label="有效")
    form.get_by_label("发布年份").select_option(value=str(year))
    form.get_by_role("button", name="筛选").click()
    page.wait_for_url(demo_url + urls.normative("有效", year))
    expected = [d for d in valid if d.published.year == year]
    assert _statuses_in_table(page) == ["有效"] * len(expected)


def test_no_serious_accessibility_violations(page: Any, demo_url: str, demo_catalog: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found: dict[str, list[str]] = {}
    for name, url in main_pages(demo_catalog).items():
        page.goto(demo_url + url)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]})
        bad = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        if bad:
            found[name] = bad
    assert found == {}


def test_phone_no_horizontal_scroll_and_nav_reachable(phone: Any, demo_url: str, demo_catalog: Any) -> None:
    for name, url in main_pages(demo_catalog).items():
        phone.goto(demo_url + url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{name}: {width}px wide"
    phone.goto(demo_url)
    phone.locator("label.md-header__button[for='__drawer']").click()
    drawer = phone.locator("nav.md-nav--primary")
    link = drawer.get_by_role("link", name="规范性文件库")
    link.wait_for(state="visible")
    link.click()
    phone.wait_for_url(demo_url + urls.NORMATIVE)


def test_phone_annual_tables_scroll_in_their_frame_with_a_hint(phone: Any, demo_url: str) -> None:
    phone.goto(demo_url + urls.annual_report(2025))
    frame = phone.locator(".gov-table-scroll").nth(1)  # 表三
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth")  # wider than the phone: it scrolls sideways
    assert phone.locator(".gov-scroll-hint").first.is_visible()
    assert phone.locator(".gov-annual-table--table3 thead th").first.is_visible()  # headers kept, not stacked
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_keyboard_reaches_main_links_with_visible_focus(page: Any, demo_url: str) -> None:
    page.goto(demo_url)
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            return {text: (e.innerText || e.getAttribute('aria-label') || '').trim(),
                    href: e.getAttribute('href') || '',
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    shadow: s.boxShadow !== 'none'};
        }""")
        if info["href"]:
            assert info["outline"] or info["shadow"], f"no visible focus on {info}"
            reached.append(info["text"])
    assert reached[0].startswith("跳转至"), reached[:3]  # a skip link comes first, on every page
    for name in ("公开指南", "公开目录", "规范性文件库", "权力清单", "执法依据"):
        assert name in reached, (name, reached)
