"""Search test corpora made from the bureau's real report texts (fixtures/source-reports.txt).

- `fixture_docs()`: the 8 reports split into their paragraphs, one document each (~140), with
  varied status/year/category so ranking and filters have something to do.
- `synthetic_docs(n)`: n realistic documents of 1–2 KB, sentences of the same reports recombined
  deterministically (for the benchmark at 10,000 documents).
- `contains(doc, query)`: the ground truth — every whitespace-separated term of the query occurs
  in the document's title or text (case/width-folded like the index).

`python -m tests.search.corpus` rewrites the `truth` lists in queries.yml from the corpus.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

from generator.search import SearchDoc
from generator.search.index import indexed_text
from generator.search.tokens import fold, split_terms

HERE = Path(__file__).parent
SOURCE = HERE / "fixtures" / "source-reports.txt"
QUERIES = HERE / "queries.yml"

_PIECE_RE = re.compile(r"^对市科技局的建议篇(\d+)$")
_HEADING_RE = re.compile(r"^[一二三四五六七八九十]+、")
_TRAILER = {"更多范文", "热门推荐"}

# The mini site's synonym groups (the demo site's come from site_config.yml).
FIXTURE_SYNONYMS = (("科技局", "科学技术局"), ("年报", "年度报告"), ("特派员", "科技特派员"))
# Queries as people type them: no spaces, questions, traditional characters, typos (word fallback).
REAL_PHRASING = ("科技局农民工培训", "怎么开展科技特派员工作", "农民工星火培训", "科技特派員", "防震减灾宣传怎么做",
                 "2012年科技工作", "量子计算", "整改错施", "行风评议整改", "孵化器认定")

STATUSES = ("有效", "有效", "已修改", "废止", "有效", "失效", "有效")
CATEGORIES = ("规范性文件", "工作总结", "计划规划", "通知公告")


def report_pieces() -> list[tuple[int, list[str]]]:
    """(report number, its non-empty lines) for the 8 reports."""
    pieces: list[tuple[int, list[str]]] = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        m = _PIECE_RE.match(line)
        if m:
            pieces.append((int(m.group(1)), []))
        elif line and pieces and line not in _TRAILER:
            pieces[-1][1].append(line)
    return pieces


def _facets(i: int) -> tuple[str, str | None, int | None, str | None, bool]:
    """kind, status, year, category, valid — a fixed, varied pattern."""
    if i % 9 == 8:
        return "页面", None, None, None, True
    status = STATUSES[i % len(STATUSES)]
    return "文件", status, 2008 + (i * 7) % 18, CATEGORIES[i % len(CATEGORIES)], status not in ("废止", "失效")


def fixture_docs() -> list[SearchDoc]:
    docs: list[SearchDoc] = []
    for n, lines in report_pieces():
        heading = ""
        for k, line in enumerate(lines):
            if _HEADING_RE.match(line) and len(line) < 30:
                heading = line
                continue
            kind, status, year, category, valid = _facets(len(docs))
            title = f"对市科技局的建议（{n}）" + (f"：{heading}" if heading else "")
            docs.append(SearchDoc(f"reports/{n}-{k:03d}/", title, line, kind, status, year, category, valid))
    return docs


def sentences() -> list[str]:
    out: list[str] = []
    for _, lines in report_pieces():
        for line in lines:
            out.extend(s.strip() for s in re.split(r"(?<=[。；;！？])", line) if len(s.strip()) >= 8)
    return out


def synthetic_docs(n: int, seed: int = 20261126) -> list[SearchDoc]:
    """n documents of about 1–2 KB text each; the same (n, seed) always gives the same documents."""
    rng = random.Random(seed)
    pool = sentences()
    docs: list[SearchDoc] = []
    for i in range(n):
        kind, status, year, category, valid = _facets(i)
        year = year if kind == "页面" else 2000 + (i * 13) % 27
        body: list[str] = []
        size = rng.randint(1000, 2000)  # bytes of UTF-8, Chinese is 3 bytes a character
        while sum(len(s.encode()) for s in body) < size:
            body.append(rng.choice(pool))
        head = rng.choice(pool)[:24].rstrip("，,。；;：:")
        doc_no = f"某科〔{year or 2020}〕{i % 97 + 1}号"
        text = f"文号：{doc_no} 索引号：11350100000000019N/{year or 2020}-{i:05d}\n" + "".join(body)
        docs.append(
            SearchDoc(f"documents/{year or 2020}-kjj-{i:05d}/", f"关于{head}的通知", text, kind, status, year,
                      category, valid)
        )
    return docs


def contains(doc: SearchDoc, query: str) -> bool:
    hay = fold(indexed_text(doc))
    terms = split_terms(query)
    return bool(terms) and all(fold(t) in hay for t in terms)


def truth(docs: list[SearchDoc], query: str) -> list[str]:
    return sorted(d.url for d in docs if contains(d, query))


def load_queries() -> list[dict[str, object]]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return list(data["queries"])


def rewrite_truth() -> None:
    """Recompute every query's `truth` from the fixture corpus (run after changing the corpus)."""
    text = QUERIES.read_text(encoding="utf-8")
    head = text[: text.index("queries:")]
    docs = fixture_docs()
    queries = load_queries()
    for q in queries:
        q["truth"] = truth(docs, str(q["query"]))
    body = yaml.safe_dump({"queries": queries}, allow_unicode=True, sort_keys=False, width=120)
    QUERIES.write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    rewrite_truth()
