"""The index files: deterministic, laid out where the client looks, complete, and bounded in size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.search import SearchDoc, SearchIndexError, build_index, write_search_index
from generator.search.index import CHUNK_BYTES, SHARD_BYTES, SPAN_QUANTUM, indexed_text, span
from generator.search.layout import prefix_shards, shard_of
from generator.search.query import IndexReader, parse_postings, parse_shard
from generator.search.tokens import doc_tokens
from tests.search.corpus import fixture_docs, synthetic_docs


def test_same_documents_in_any_order_give_byte_identical_files() -> None:
    docs = fixture_docs()
    a = build_index(docs).files
    b = build_index(list(reversed(docs))).files
    assert a == b
    meta = json.loads(a["meta.json"])
    assert meta["docs"] == len(docs) and len(meta["id"]) == 16


def test_documents_are_numbered_valid_first_then_newest() -> None:
    built = build_index(fixture_docs())
    keys = [(not d.valid, -(d.year or 0), d.url) for d in built.docs]
    assert keys == sorted(keys)


def test_every_token_position_is_in_the_shard_the_layout_names() -> None:
    built = build_index(synthetic_docs(200), shard_bytes=512)
    meta = json.loads(built.files["meta.json"])
    assert len(meta["split"]) > 5, "the commonest characters' grams must be split over several files"
    shards = {path: parse_shard(data) for path, data in built.files.items() if path.startswith("g/")}
    expected: dict[str, list[int]] = {}
    base = 0
    slot, quantum = meta["title_slot"], SPAN_QUANTUM
    for doc in built.docs:
        text = indexed_text(doc)
        # the text begins at the title's end rounded up to a slot; the next document, after one gap
        # position at least, at a multiple of the quantum (docs/search.md)
        assert text.endswith(doc.text) and (len(text) - len(doc.text)) % slot == 0
        assert len(doc.title) < len(text) - len(doc.text) <= len(doc.title) + slot
        assert base % quantum == 0
        for tok, pos in doc_tokens(text):
            expected.setdefault(tok, []).append(base + pos)
        base += (len(text) // quantum + 1) * quantum
    found = {gram: parse_postings(payload) for shard in shards.values() for gram, payload in shard.items()}
    assert found == expected
    for tok in expected:
        path = shard_of(tok, meta["buckets"], meta["split"])
        assert tok in shards[path]
        assert path in prefix_shards(tok[0], meta["buckets"], meta["split"])


def test_shards_and_chunks_stay_small() -> None:
    built = build_index(synthetic_docs(400))
    meta = json.loads(built.files["meta.json"])
    gram_files = {p: len(b) for p, b in built.files.items() if p.startswith("g/")}
    # a shard outgrows the target only by one huge gram or by hash collisions of small groups
    assert sorted(gram_files.values())[len(gram_files) // 2] <= 2 * SHARD_BYTES
    for p, b in built.files.items():
        if p.startswith("c/"):
            assert len(b) <= CHUNK_BYTES + 8 * 1024 or len(json.loads(b)) == 1
    assert meta["chunks"][0] == 0 and meta["chunks"] == sorted(meta["chunks"])


def test_facets_round_trip() -> None:
    docs = fixture_docs()
    built = build_index(docs)
    reader = IndexReader(built.files)
    for n, d in enumerate(built.docs):
        f = reader.facets[n]
        assert (f.kind, f.status, f.category, f.year, f.valid, f.title_len, f.length) == (
            d.kind, d.status, d.category, d.year, d.valid, len(d.title), span(len(d.title), len(d.text)) - 1)
        assert reader.record(n) == (d.url, d.title, d.text)


def test_write_replaces_an_old_index_but_keeps_the_results_page(tmp_path: Path) -> None:
    page = tmp_path / "search" / "index.html"
    page.parent.mkdir()
    page.write_text("<html>results page</html>", encoding="utf-8")
    write_search_index(synthetic_docs(300), tmp_path)
    assert any((tmp_path / "search" / "g").iterdir())
    built = write_search_index(fixture_docs()[:5], tmp_path)
    on_disk = {p.relative_to(tmp_path / "search").as_posix() for p in (tmp_path / "search").rglob("*") if p.is_file()}
    assert on_disk == set(built.files) | {"index.html"}
    assert page.read_text(encoding="utf-8") == "<html>results page</html>"


def test_empty_site_gives_a_valid_empty_index(tmp_path: Path) -> None:
    write_search_index([], tmp_path)
    reader = IndexReader.from_dir(tmp_path / "search")
    assert reader.meta["docs"] == 0 and reader.search("科技") == []


def test_duplicate_url_is_refused_with_a_chinese_message() -> None:
    d = SearchDoc("documents/a/", "甲", "正文", "文件", "有效", 2020, None, True)
    with pytest.raises(SearchIndexError, match="同一地址 documents/a/"):
        build_index([d, SearchDoc("documents/a/", "乙", "正文", "页面", None, None, None, True)])


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(SearchIndexError, match="类型"):
        build_index([SearchDoc("x/", "甲", "正文", "新闻", None, None, None, True)])


def test_output_does_not_depend_on_the_interpreters_hash_seed() -> None:
    import hashlib
    import os
    import subprocess
    import sys

    script = ("import hashlib; from generator.search import build_index; from tests.search.corpus import fixture_docs;"
              "f = build_index(fixture_docs()).files;"
              "print(hashlib.sha256(b''.join(p.encode() + f[p] for p in sorted(f))).hexdigest())")
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run([sys.executable, "-c", script], cwd=root, check=True, capture_output=True, text=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
        for seed in ("1", "2")
    }
    files = build_index(fixture_docs()).files
    assert digests == {hashlib.sha256(b"".join(p.encode() + files[p] for p in sorted(files))).hexdigest()}


def test_long_titles_and_empty_texts_keep_every_document_in_its_own_span() -> None:
    # A title past one slot, an empty text and a text of exactly a span's length: each term is found in its
    # own document only, at its place in that document's indexed text, never across a slot's padding.
    long_title = "关于" + "科技计划项目管理" * 20 + "的通知"  # 166 characters: two title slots
    docs = [
        SearchDoc("a/", long_title, "专利资助办法正文。", "文件", "有效", 2024, "规范性文件", True),
        SearchDoc("b/", "空正文的文件", "", "文件", "有效", 2024, "规范性文件", True),
        SearchDoc("c/", "整跨度", "防" * (span(3, 0) * 2 - 3), "文件", "有效", 2024, "规范性文件", True),
        SearchDoc("d/", "末尾的文件", "专利资助的通知", "文件", "有效", 2023, "规范性文件", True),
    ]
    built = build_index(docs)
    reader = IndexReader(built.files)
    order = [d.url for d in built.docs]
    for term in ("专利资助", "的通知", "空正文", "防防", "科技计划项目管理"):
        found = reader.term_matches(term)
        expected = {order.index(d.url): [i for i in range(len(indexed_text(d))) if indexed_text(d).startswith(term, i)]
                    for d in docs if term in indexed_text(d)}
        assert found == expected, term
    assert indexed_text(docs[0]).index("专利") == 256  # the text after two slots
