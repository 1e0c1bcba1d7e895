"""search.js in real Chromium: the same answers as the Python reference, and a usable search UI."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from generator.search import build_index
from generator.search.codec import fnv1a
from generator.search.query import Filters, IndexReader
from generator.search.tokens import split_terms, term_tokens
from tests.search.corpus import FIXTURE_SYNONYMS, REAL_PHRASING, fixture_docs, load_queries

pytestmark = pytest.mark.browser

QUERIES = [str(q["query"]) for q in load_queries()]
TRICKY = ["", "  ", "，。", "“产权”", "ＭＢＲ技术", "技术mb", "科技\u3000培训", "二〇一二", "\U00020000中", "产局",
          "农民工  农民工", "20", "项目 (任务", "a", "局 科技"]
FILTERS = [{"status": "废止"}, {"status": "有效"}, {"year": "2015"}, {"category": "工作总结"}, {"kind": "页面"},
           {"status": "有效", "category": "规范性文件"}]


@pytest.fixture(scope="module")
def reader() -> IndexReader:
    return IndexReader(build_index(fixture_docs(), synonyms=FIXTURE_SYNONYMS).files)


@pytest.fixture()
def page(browser: Any, mini_url: str) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN")
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.goto(mini_url)
    yield p
    context.close()
    assert errors == []


JS_SEARCH = """async ([q, f]) => {
  const r = await govSearch.search(q, f);
  return r.hits.map(h => [h.doc, h.starts, h.valid, h.titleHit, h.count, h.match, h.missing, h.nameHit]);
}"""
JS_ANSWER = """async q => { const r = await govSearch.search(q, {}); return [r.words, r.suggestions]; }"""


def python_hits(reader: IndexReader, q: str, f: dict[str, str]) -> list[list[object]]:
    filters = Filters(status=f.get("status"), year=int(f["year"]) if "year" in f else None,
                      category=f.get("category"), kind=f.get("kind"))
    return [[h.doc, list(h.starts), h.valid, h.title_hit, h.count, h.match, list(h.missing), h.name_hit]
            for h in reader.search(q, filters)]


def test_js_tokeniser_and_hash_agree_with_python(page: Any) -> None:
    for s in QUERIES + TRICKY:
        terms = page.evaluate("s => govSearch.splitTerms(s)", s)
        assert terms == split_terms(s), s
        for t in terms:
            js = page.evaluate("t => govSearch.termTokens(t)", t)
            assert js == [{"text": k.text, "offset": k.offset, "prefix": k.prefix} for k in term_tokens(t)], t
        assert page.evaluate("s => govSearch.fnv1a(s)", s) == fnv1a(s)


def test_js_results_and_ranking_equal_the_python_reference(page: Any, reader: IndexReader) -> None:
    for q in QUERIES + TRICKY:
        assert page.evaluate(JS_SEARCH, [q, {}]) == python_hits(reader, q, {}), q
    for q in ("农民工", "科技", "培训", "局"):
        for f in FILTERS:
            assert page.evaluate(JS_SEARCH, [q, f]) == python_hits(reader, q, f), (q, f)


def test_js_word_fallback_equals_the_python_reference(page: Any, reader: IndexReader) -> None:
    page.evaluate("() => govSearch.ready()")
    for q in REAL_PHRASING:
        answer = reader.answer(q)
        assert page.evaluate(JS_ANSWER, q) == [[g.word for g in answer.groups], answer.suggestions], q
        assert page.evaluate(JS_SEARCH, [q, {}]) == python_hits(reader, q, {}), q
        for f in FILTERS[:3]:
            assert page.evaluate(JS_SEARCH, [q, f]) == python_hits(reader, q, f), (q, f)
    matches = {h.match for q in REAL_PHRASING for h in reader.search(q)}
    assert matches == {"phrase", "words", "partial"}
    assert page.evaluate("t => govSearch.termTokens(t)", "專利") == [{"text": "专利", "offset": 0, "prefix": False}]


def test_fallback_results_are_labelled_and_zero_results_suggest(page: Any, reader: IndexReader) -> None:
    _overlay_search(page, "科技局农民工培训")
    divider = page.locator("#gov-search-overlay-list .gov-search__divider--words")
    assert divider.count() == 1 and "但不相连" in divider.inner_text()
    _overlay_search(page, "整改错施")
    page.wait_for_function("() => document.querySelector('#gov-search-overlay-list').textContent.includes('缺少')")
    answer = reader.answer("整改错施")
    assert answer.suggestions and all(h.match == "partial" for h in answer.hits)
    assert "缺少：错施" in page.locator("#gov-search-overlay-list .gov-search__item").first.inner_text()
    hint = page.locator("[data-gov-search=overlay] .gov-search__hint")
    assert hint.is_visible() and "您是不是要找" in hint.inner_text()
    assert hint.locator("a").first.inner_text() == answer.suggestions[0]
    hrefs = hint.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(h.endswith("/catalogue/") for h in hrefs) and any(h.endswith("/guide/apply/") for h in hrefs)
    _overlay_search(page, "農民工")  # traditional characters find the simplified text
    page.wait_for_function("() => !document.querySelector('#gov-search-overlay-list').textContent.includes('缺少')")
    assert page.locator("#gov-search-overlay-count").inner_text().startswith(f"找到 {len(reader.search('农民工'))} 条")
    assert not hint.is_visible()


def test_js_records_match_the_documents(page: Any, reader: IndexReader) -> None:
    docs = [0, 1, 57, reader.meta["docs"] - 1]
    recs = page.evaluate("d => govSearch.records(d)", docs)
    assert [[r["url"], r["title"], r["text"]] for r in recs] == [list(reader.record(d)) for d in docs]


def _overlay_search(page: Any, query: str) -> None:
    box = page.locator("[data-gov-search=overlay] input[name=q]")
    box.click()
    box.fill(query)
    page.wait_for_function(
        "() => document.querySelector('#gov-search-overlay-list').getAttribute('data-ready') !== null")


def test_header_box_shows_highlighted_results_with_a_live_count(page: Any, reader: IndexReader) -> None:
    _overlay_search(page, "产权")
    n = len(reader.search("产权"))
    count = page.locator("#gov-search-overlay-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.inner_text().startswith(f"找到 {n} 条结果")
    items = page.locator("#gov-search-overlay-list .gov-search__item")
    assert items.count() == n
    marks = page.locator("#gov-search-overlay-list mark").all_inner_texts()
    assert marks and set(marks) == {"产权"}
    assert page.locator("#__search").is_checked()
    href = items.first.locator("a").get_attribute("href")
    assert href and "/reports/" in href


def test_repealed_results_come_last_and_say_so(page: Any, reader: IndexReader) -> None:
    _overlay_search(page, "联席会议")
    items = page.locator("#gov-search-overlay-list .gov-search__item")
    classes = [c or "" for c in items.evaluate_all("els => els.map(e => e.className)")]
    invalid = ["gov-search__item--invalid" in c for c in classes]
    hits = reader.search("联席会议")
    assert invalid == [not h.valid for h in hits]
    assert True in invalid and invalid == sorted(invalid)
    first_bad = items.nth(invalid.index(True))
    assert first_bad.locator(".gov-search__badge--invalid").inner_text() in ("已废止", "已失效")
    assert "请以现行有效文件为准" in first_bad.inner_text()
    divider = page.locator("#gov-search-overlay-list .gov-search__divider")
    assert divider.count() == 1 and "已废止或已失效" in divider.inner_text()
    assert "条已废止或已失效" in page.locator("#gov-search-overlay-count").inner_text()
    _overlay_search(page, "农民工")  # more than fit: a link to the full list
    more = page.locator("[data-gov-search=overlay] .gov-search__all")
    assert more.inner_text() == f"查看全部 {len(reader.search('农民工'))} 条结果"
    assert "search/?q=" in (more.get_attribute("href") or "")


def test_filters_change_results_and_counts(page: Any, reader: IndexReader) -> None:
    _overlay_search(page, "农民工")
    status = page.locator("#gov-search-overlay-status")
    labels = status.locator("option").all_inner_texts()
    assert labels[0] == "全部" and any(t.startswith("已废止（") for t in labels)
    status.select_option("有效")
    expected = len(reader.search("农民工", Filters(status="有效")))
    page.wait_for_function(f"() => document.querySelector('#gov-search-overlay-count').textContent"
                           f".startsWith('找到 {expected} 条结果')")
    badges = page.locator("#gov-search-overlay-list .gov-search__badge").all_inner_texts()
    assert badges and set(badges) == {"有效"}
    year = page.locator("#gov-search-overlay-year")
    assert all(o.endswith("）") for o in year.locator("option").all_inner_texts()[1:])


def test_keyboard_slash_focuses_arrows_move_escape_closes(page: Any) -> None:
    page.locator("body").click()
    page.keyboard.press("/")
    box = page.locator("[data-gov-search=overlay] input[name=q]")
    assert box.evaluate("e => e === document.activeElement")
    box.fill("科技特派员")
    page.wait_for_function("() => document.querySelector('#gov-search-overlay-list a')")
    page.keyboard.press("ArrowDown")
    first = page.locator("#gov-search-overlay-list a").first
    assert first.evaluate("e => e === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert page.locator("#gov-search-overlay-list a").nth(1).evaluate("e => e === document.activeElement")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("e => e === document.activeElement")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


def test_enter_opens_the_results_page_which_keeps_query_and_filters(page: Any, mini_url: str,
                                                                    reader: IndexReader) -> None:
    box = page.locator("[data-gov-search=overlay] input[name=q]")
    box.click()
    box.fill("防震减灾")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_function("() => document.querySelector('#gov-search-page-list').getAttribute('data-ready')")
    n = len(reader.search("防震减灾"))
    assert page.locator("#gov-search-page-count").inner_text().startswith(f"找到 {n} 条结果")
    assert page.locator("#gov-search-page-q").input_value() == "防震减灾"
    # a deep link with a filter restores both
    page.goto(mini_url + "search/?q=%E5%86%9C%E6%B0%91%E5%B7%A5&status=%E5%BA%9F%E6%AD%A2")
    page.wait_for_function("() => document.querySelector('#gov-search-page-list').getAttribute('data-ready')")
    n = len(reader.search("农民工", Filters(status="废止")))
    assert page.locator("#gov-search-page-count").inner_text().startswith(f"找到 {n} 条结果")
    assert page.locator("#gov-search-page-status").input_value() == "废止"
    assert set(page.locator("#gov-search-page-list .gov-search__badge").all_inner_texts()) == {"已废止"}


def test_results_page_pages_through_long_lists(page: Any, mini_url: str, reader: IndexReader) -> None:
    page.goto(mini_url + "search/?q=%E5%B1%80")  # 局: every document
    page.wait_for_function("() => document.querySelector('#gov-search-page-list').getAttribute('data-ready')")
    total = len(reader.search("局"))
    items = page.locator("#gov-search-page-list .gov-search__item")
    assert items.count() == 20
    page.locator(".gov-search__more-button").click()
    page.wait_for_function("() => document.querySelectorAll('#gov-search-page-list .gov-search__item').length > 20")
    assert items.count() == min(40, total)
    assert page.locator("#gov-search-page-list a").nth(20).evaluate("e => e === document.activeElement")


def test_works_on_a_phone(browser: Any, mini_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True,
                                  locale="zh-CN")
    p = context.new_page()
    p.goto(mini_url)
    box = p.locator("[data-gov-search=overlay] input[name=q]")
    panel = p.locator("[data-gov-search=overlay] .md-search__inner")
    assert panel.evaluate("e => e.getBoundingClientRect().width") == 0  # closed: only the magnifier shows
    p.locator("label.md-header__button[for=__search]").tap()
    p.wait_for_function("() => document.activeElement && document.activeElement.name === 'q'")
    p.wait_for_function("() => document.querySelector('.md-search__inner').getBoundingClientRect().width >= 370")
    box.fill("星火")
    p.wait_for_function("() => document.querySelector('#gov-search-overlay-list a')")
    first = p.locator("#gov-search-overlay-list a").first
    assert first.is_visible()
    # the panel slides in (Material's transition): wait until the results fill the phone's width
    p.wait_for_function("""() => {
        const w = document.querySelector('#gov-search-overlay-list a').getBoundingClientRect().width;
        return w >= 300 && w <= 375; }""")
    context.close()


def test_a_query_fetches_only_a_few_small_files(page: Any) -> None:
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/search/" in r.url else None)
    _overlay_search(page, "科技特派员")
    fetched = {u.split("/search/")[1].split("?")[0] for u in sizes}
    assert "meta.json" in fetched and "docs.bin" in fetched
    assert len([f for f in fetched if f.startswith("g/")]) <= 4
    assert sum(sizes.values()) < 200_000


def _axe_violations(page: Any) -> list[tuple[str, list[object]]]:
    from axe_playwright_python.sync_playwright import Axe

    # the search components only (the mini site's Material footer is not this test's business)
    result = Axe().run(page, context={"include": [["[data-gov-search]"]]})
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]


def test_no_axe_violations_with_results_open_and_on_the_results_page(page: Any, mini_url: str) -> None:
    _overlay_search(page, "联席会议")  # valid and repealed results, with the divider
    assert page.locator("#gov-search-overlay-list .gov-search__divider").count() == 1
    assert _axe_violations(page) == []
    page.locator("#gov-search-overlay-status").select_option("有效")
    page.wait_for_timeout(300)
    assert _axe_violations(page) == []
    page.keyboard.press("Escape")
    page.wait_for_timeout(600)  # Material's closing transition
    assert _axe_violations(page) == []  # closed: results out of the tab order
    page.goto(mini_url + "search/?q=%E8%81%94%E5%B8%AD%E4%BC%9A%E8%AE%AE")
    page.wait_for_function("() => document.querySelector('#gov-search-page-list').getAttribute('data-ready')")
    assert _axe_violations(page) == []
