"""Search on the demo site as `python -m generator build` makes it, driven through the header box."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def catalog(demo_project: Path) -> Any:
    from generator.load import load_project

    cat, _ = load_project(demo_project)
    return cat


@pytest.fixture()
def page(browser: Any, demo_url: str) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.goto(demo_url)
    yield p
    context.close()
    assert errors == []


def results(page: Any, query: str) -> list[dict[str, Any]]:
    box = page.locator("[data-gov-search=overlay] input[name=q]")
    box.click()
    box.fill(query)
    page.wait_for_function(
        "() => document.querySelector('#gov-search-overlay-list').getAttribute('data-ready') !== null")
    return _items(page, "#gov-search-overlay-list")


def _items(page: Any, list_selector: str) -> list[dict[str, Any]]:
    """Each result, with `section`: 0 for exact-phrase results, then one more per labelled fallback section."""
    return page.locator(f"{list_selector} .gov-search__item").evaluate_all("""els => els.map(e => ({
        href: e.querySelector('a').getAttribute('href'),
        invalid: e.classList.contains('gov-search__item--invalid'),
        badge: (e.querySelector('.gov-search__badge') || {}).textContent || '',
        section: Array.from(e.parentNode.children).slice(0, Array.from(e.parentNode.children).indexOf(e))
            .filter(x => x.classList.contains('gov-search__divider--words')).length,
        text: e.innerText}))""")


def all_results(page: Any, demo_url: str, query: str) -> list[dict[str, Any]]:
    """Every result on the results page (clicking 显示更多结果 until all are shown)."""
    page.goto(demo_url + "search/?q=" + quote(query))
    page.wait_for_function("() => document.querySelector('#gov-search-page-list').getAttribute('data-ready')")
    while page.locator(".gov-search__more-button").count():
        n = page.locator("#gov-search-page-list .gov-search__item").count()
        page.locator(".gov-search__more-button").click()
        page.wait_for_function(
            f"() => document.querySelectorAll('#gov-search-page-list .gov-search__item').length > {n}")
    return _items(page, "#gov-search-page-list")


def test_a_chinese_phrase_finds_its_document_first(page: Any, catalog: Any, demo_url: str) -> None:
    doc = next(d for d in catalog.documents.values() if "科技特派员管理办法" in d.title)
    found = results(page, "科技特派员管理办法")
    assert found and found[0]["href"].endswith(f"/documents/{doc.id}/")
    page.locator("#gov-search-overlay-list a").first.click()
    page.wait_for_url(f"**/documents/{doc.id}/")
    assert doc.title in page.locator("h1").first.inner_text()


def test_a_repealed_document_ranks_after_valid_ones_and_says_so(page: Any, catalog: Any, demo_url: str) -> None:
    repealed = [d for d in catalog.documents.values() if d.status == "废止"]
    assert repealed, "the demo catalogue has repealed documents"
    for doc in repealed:
        name = re.search(r"《(.+?)》", doc.title)
        query = name.group(1) if name else doc.title
        found = all_results(page, demo_url, query)
        hrefs = [r["href"] for r in found]
        mine = next(r for r in found if r["href"].endswith(f"/documents/{doc.id}/"))
        assert mine["invalid"] and mine["badge"] == "已废止" and mine["text"].startswith("【已废止】")
        assert "请以现行有效文件为准" in mine["text"]
        assert mine["section"] == 0, f"{query}: the phrase itself is found, before any fallback"
        # valid results first: among the phrase results, and again among each kind of fallback result
        flags = [(r["section"], r["invalid"]) for r in found]
        assert flags == sorted(flags), f"{query}: valid results first, got {hrefs}"
        # a divider before the first repealed or expired result of each section says why the order is so
        dividers = page.locator("#gov-search-page-list .gov-search__divider:not(.gov-search__divider--words)")
        assert dividers.count() == len({section for section, invalid in flags if invalid})


def test_the_results_page_exists_and_searches(page: Any, demo_url: str) -> None:
    page.goto(demo_url + "search/?q=%E9%98%B2%E9%9C%87%E5%87%8F%E7%81%BE")  # 防震减灾
    page.wait_for_function("() => document.querySelector('#gov-search-page-list').getAttribute('data-ready')")
    assert page.locator("#gov-search-page-count").inner_text().startswith("找到 ")
    assert page.locator("#gov-search-page-list mark").first.inner_text() == "防震减灾"


def test_real_phrasing_queries_give_the_browser_and_python_the_same_answer(page: Any, demo_project: Path,
                                                                          demo_url: str) -> None:
    from tests.search.real import demo_reader, load_real_queries

    reader = demo_reader(demo_project)
    for q in load_real_queries():
        js = page.evaluate("""async q => { const r = await govSearch.search(q, {});
            return [r.hits.map(h => [h.doc, h.starts, h.match, h.missing, h.nameHit]), r.words, r.suggestions]; }""",
                           q["query"])
        answer = reader.answer(q["query"])
        assert js == [[[h.doc, list(h.starts), h.match, list(h.missing), h.name_hit] for h in answer.hits],
                      [g.word for g in answer.groups], answer.suggestions], q["query"]
    found = results(page, "科技局预算")
    assert found[0]["href"].endswith("/documents/2026-kjj-bmys-001/")
    assert "但不相连" in page.locator("#gov-search-overlay-list .gov-search__divider--words").inner_text()
    # two documents have both words: the best partial ones follow, under their own label, saying what they lack
    hits = reader.search("怎样申请科技特派员")
    whole = sum(h.match != "partial" for h in hits)
    results(page, "怎样申请科技特派员")
    page.wait_for_function("() => document.querySelector('#gov-search-overlay-list').textContent.includes('部分词语')")
    found = _items(page, "#gov-search-overlay-list")
    dividers = page.locator("#gov-search-overlay-list .gov-search__divider--words").all_inner_texts()
    assert dividers == ["以下结果包含查询中的全部词语（申请、科技特派员），但不相连",
                        "以下结果只包含查询中的部分词语（申请、科技特派员）"]
    assert found[whole]["href"].endswith("/documents/2024-kjj-gfxwj-003/") and "缺少：申请" in found[whole]["text"]
    assert page.locator("#gov-search-overlay-count").inner_text().startswith(
        f"找到 {whole} 条结果，另有 {len(hits) - whole} 条只包含查询中的部分词语")


def test_the_category_filter_follows_the_kind_filter(page: Any, catalog: Any, demo_url: str) -> None:
    """分类 is a document's topic, a power's type or a law's level: offered only for one 类型 at a time."""
    from generator.format.fields import POWER_TYPES

    page.goto(demo_url + "search/?q=" + quote("专利"))
    page.wait_for_function("() => document.querySelector('#gov-search-page-list').getAttribute('data-ready')")
    category = page.locator("#gov-search-page-category")
    assert category.locator("xpath=..").is_hidden()
    page.locator("#gov-search-page-kind").select_option("权力")
    page.wait_for_function("() => !document.querySelector('#gov-search-page-category').parentNode.hidden")
    assert category.locator("xpath=../label").inner_text() == "权力类型"
    shown = [o.split("（")[0] for o in category.locator("option").all_inner_texts()[1:]]
    assert shown and set(shown) <= set(POWER_TYPES)
    page.locator("#gov-search-page-kind").select_option("文件")
    page.wait_for_function("() => document.querySelector('#gov-search-page-category').previousSibling"
                           ".textContent === '主题分类'")
    topics = {c.name for c in catalog.categories.values()}
    shown = [o.split("（")[0] for o in category.locator("option").all_inner_texts()[1:]]
    assert shown and set(shown) <= topics
