"""Queries as people type them (real_queries.yml) on the demo site: the wanted page in the first 5."""

from __future__ import annotations

import pytest

from generator.search.query import IndexReader
from tests.search.real import demo_reader, load_real_queries, top5_found

QUERIES = load_real_queries()


@pytest.fixture(scope="module")
def reader() -> IndexReader:
    return demo_reader()


def test_the_set_covers_every_class_of_the_issue() -> None:
    classes = {q["class"] for q in QUERIES}
    assert {"short", "joined", "near", "question", "abbrev", "trad", "typo", "law"} <= classes
    assert len(QUERIES) >= 25


def test_wanted_pages_exist(reader: IndexReader) -> None:
    urls = {reader.record(d)[0] for d in range(reader.meta["docs"])}
    missing = [(q["query"], u) for q in QUERIES for u in q["wanted"] if u not in urls and u != "powers/"]
    assert missing == []


def test_the_wanted_page_is_in_the_first_five_for_nine_in_ten(reader: IndexReader) -> None:
    found = [q["query"] for q in QUERIES if top5_found(reader, q["query"], q["wanted"])]
    share = len(found) / len(QUERIES)
    assert share >= 0.9, [q["query"] for q in QUERIES if q["query"] not in found]


def test_fallback_results_come_after_phrase_results_and_are_labelled(reader: IndexReader) -> None:
    hits = reader.search("科技局预算")
    assert hits and {h.match for h in hits} == {"words"}
    assert reader.record(hits[0].doc)[0] == "documents/2026-kjj-bmys-001/"
    mixed = reader.search("专利资助办法")  # 2 documents have the phrase: the words follow them
    order = [h.match for h in mixed]
    assert order == sorted(order, key=("phrase", "words", "partial").index)


def test_a_repealed_law_found_by_its_short_name_comes_first_with_its_badge(reader: IndexReader) -> None:
    first = reader.search("合同法")[0]
    assert first.name_hit and not first.valid and reader.record(first.doc)[0] == "laws/htf/"


def test_question_words_are_dropped_and_synonyms_apply(reader: IndexReader) -> None:
    assert [g.word for g in reader.answer("孵化器怎么认定").groups] == ["孵化器", "认定"]
    groups = reader.answer("科技局预算").groups
    assert groups[0].word == "科技局" and "科学技术局" in groups[0].alts
    assert reader.search("專利資助") and [h.doc for h in reader.search("專利資助")] == [
        h.doc for h in reader.search("专利资助")]


def test_no_answer_suggests_the_nearest_title_phrase(reader: IndexReader) -> None:
    answer = reader.answer("专利姿助")
    assert answer.suggestions[0] == "专利资助"
    assert all(h.match == "partial" and h.missing == ("姿助",) for h in answer.hits)


def test_a_lone_character_left_inside_a_run_is_not_required(reader: IndexReader) -> None:
    # 看 is a stop word; 到 takes part in no corpus word of the query: neither is required
    assert [g.word for g in reader.answer("哪里可以看到科技局权责清单").groups] == ["科技局", "权责清单"]
    assert [g.word for g in reader.answer("想了解科技成果转化奖补").groups] == ["科技成果转化奖补"]
    # a character typed as a term of its own stays, and so do neighbouring lone characters (a typo)
    assert [g.word for g in reader.answer("权责清单 写").groups] == ["权责清单", "写"]
    assert "姿助" in [g.word for g in reader.answer("专利姿助").groups]
    # nothing but a lone character and stop words: the character is what is left to search
    assert [g.word for g in reader.answer("写了吗").groups] == ["写"] and reader.search("写了吗")
    first = reader.search("哪里可以看到科技局权责清单")[0]
    assert reader.record(first.doc)[0] == "documents/2024-kjj-qlqd-001/" and first.match == "words"


def test_few_whole_word_matches_are_followed_by_the_best_partial_ones(reader: IndexReader) -> None:
    hits = reader.search("怎样申请科技特派员")
    order = [h.match for h in hits]
    assert order[:2] == ["words", "words"] and set(order[2:]) == {"partial"}
    partial = hits[2:]
    assert all(len(h.missing) == 1 for h in partial)  # the best partial ones: one word of two
    # in force first (as everywhere), then a word in the title; then the longer (more specific) word
    keys = [(not (h.valid or h.name_hit), not h.title_hit) for h in partial]
    assert keys == sorted(keys)
    assert reader.record(partial[0].doc)[0] == "documents/2024-kjj-gfxwj-003/" and partial[0].missing == ("申请",)
    assert not reader.answer("怎样申请科技特派员").suggestions  # every word is somewhere: nothing to correct
    # five or more documents with every word: no partial ones
    assert {h.match for h in reader.search("科技局预算")} == {"words"}


def test_both_new_classes_are_answered(reader: IndexReader) -> None:
    for q in QUERIES:
        if q["class"] in ("particle", "fewwords"):
            assert top5_found(reader, q["query"], q["wanted"]), q["query"]
