"""Search benchmark: the Chinese full-text index at 10,000 documents, measured in Debian's Chromium.

    .venv/bin/python tests/bench/search_bench.py [--docs 10000] [--json FILE] [--keep DIR] [--pagefind PYTHON]
                                                 [--set phrase|fallback|both] [--repeat N]

1. 10,000 synthetic documents of 1–2 KB (sentences of the bureau's real reports, fixed seed:
   tests/search/corpus.py synthetic_docs).
2. The index is built in a child process: wall/CPU time and peak memory (ru_maxrss) of the build.
3. A minimal MkDocs + Material site with the search box serves the index on 127.0.0.1. For every
   query of tests/search/queries.yml, in a fresh browser context (empty cache):
   - first results: typing the query into the header box → the first result rendered (this
     includes the box's 80 ms typing debounce), and the engine alone (search + records of the
     top 10, warm page);
   - bytes transferred for the search (index files: body + headers of every response, from
     Playwright's network events) — search.js and search.css load with every page and are
     reported apart;
   - recall and precision against the ground truth "documents whose text contains the phrase",
     over all hits.
   With --set fallback (or both), the queries people type that fall back to words (FALLBACK: a
   question, run-together words, a typo, long questions) are measured the same way, without
   recall/precision. With --repeat N every query is measured N times, each in a fresh context;
   the per-query figures are the medians.
4. With --pagefind PYTHON (a Python with `pagefind[extended]==1.5.2` installed), the same documents
   as HTML pages are indexed by Pagefind and searched in the same browser, for comparison.

Not run by `make test`. Figures depend on the machine and its load; the load average is printed.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.search.index import doc_order  # noqa: E402
from tests.search.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from tests.search.corpus import REAL_PHRASING, contains, load_queries, synthetic_docs  # noqa: E402
from tests.search.site import build_mini_site  # noqa: E402

# Queries that fall back to words on the synthetic corpus: the test set plus long questions.
FALLBACK = (*REAL_PHRASING, "怎样申请科技特派员", "哪里可以看到科技局农民工技能培训的情况",
            "如何开展防震减灾科普宣传工作")


def _child_build(n: int, out: str) -> None:
    """Runs in a child process: generate, then build and write the index; print the figures as JSON."""
    from generator.search import write_search_index

    docs = synthetic_docs(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    w0, c0 = time.perf_counter(), time.process_time()
    built = write_search_index(docs, Path(out))
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text_bytes = sum(len(d.text.encode()) + len(d.title.encode()) for d in docs)
    print(json.dumps({"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": peak / 1024, "rss_before_build_mb": before / 1024,
                      "files": len(built.files), "index_bytes": built.total_bytes, "text_bytes": text_bytes,
                      "gram_bytes": sum(len(b) for p, b in built.files.items() if p.startswith("g/")),
                      "chunk_bytes": sum(len(b) for p, b in built.files.items() if p.startswith("c/")),
                      "facet_bytes": len(built.files["docs.bin"]), "meta_bytes": len(built.files["meta.json"])}))


UI_SEARCH = """async (q) => {
  const box = document.querySelector('[data-gov-search=overlay] input[name=q]');
  const list = document.querySelector('#gov-search-overlay-list');
  const count = document.querySelector('#gov-search-overlay-count');
  box.focus();
  const t0 = performance.now();
  box.value = q;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise((resolve) => {
    const done = () => list.querySelector('.gov-search__item') || count.textContent.startsWith('没有找到');
    const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(); } });
    obs.observe(document.querySelector('[data-gov-search=overlay]'),
                {childList: true, subtree: true, characterData: true});
    if (done()) { obs.disconnect(); resolve(); }
  });
  return {ms: performance.now() - t0};
}"""

ENGINE = """async (q) => {
  const t0 = performance.now();
  const r = await govSearch.search(q, {});
  await govSearch.records(r.hits.slice(0, 10).map(h => h.doc));
  return {ms: performance.now() - t0, docs: r.hits.map(h => h.doc)};
}"""

PAGEFIND = """async (q) => {
  const t0 = performance.now();
  const pf = window.__pf || (window.__pf = await import('/pagefind/pagefind.js'));
  const r = await pf.search(q);
  const top = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  return {ms: performance.now() - t0, count: r.results.length, shown: top.length};
}"""

PAGEFIND_ALL = """async (q) => {
  const r = await window.__pf.search(q);
  const all = await Promise.all(r.results.map(x => x.data()));
  return all.map(d => d.url);
}"""


class Traffic:
    """Every response whose path contains `marker`: (path, body bytes, header bytes), from Playwright's
    network events (these include a page's workers, which resource timing does not)."""

    def __init__(self, page: Any, marker: str) -> None:
        self.marker = marker
        self.files: list[tuple[str, int, int]] = []
        self.on = False
        page.on("requestfinished", self._done)

    def _done(self, req: Any) -> None:
        if self.on and self.marker in req.url:
            sizes = req.sizes()
            self.files.append((req.url.split("?")[0].split("/", 3)[3], sizes["responseBodySize"],
                               sizes["responseHeadersSize"]))

    def bytes(self) -> int:
        return sum(b + h for _, b, h in self.files)


def _pr(found: set[str], truth: set[str]) -> tuple[float, float]:
    recall = len(found & truth) / len(truth) if truth else 1.0
    precision = len(found & truth) / len(found) if found else 1.0
    return recall, precision


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def bench_ours(n: int, work: Path, queries: list[str], truth: dict[str, set[str]], repeat: int = 1) -> dict[str, Any]:
    site, _ = build_mini_site(work / "ours", [])
    child = subprocess.run([sys.executable, __file__, "--_build", str(n), str(site)], check=True,
                           capture_output=True, text=True)
    build = json.loads(child.stdout)
    urls = [d.url for d in doc_order(synthetic_docs(n))]
    static = {name: (site / "assets" / "search" / name).stat().st_size for name in ("search.js", "search.css")}
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        warm = browser.new_page()
        warm.goto(base)
        for q in queries:
            ui_ms, engine_ms = [], []
            for _ in range(repeat):
                ctx = browser.new_context()  # empty cache: the first search of a visitor
                page = ctx.new_page()
                traffic = Traffic(page, "/search/")
                page.goto(base)
                page.wait_for_load_state("load")
                traffic.on = True
                ui_ms.append(page.evaluate(UI_SEARCH, q)["ms"])
                page.wait_for_timeout(200)  # let the last network events arrive
                ctx.close()
                eng = warm.evaluate(ENGINE, q)
                engine_ms.append(eng["ms"])
            found = {urls[d] for d in eng["docs"]}
            recall, precision = _pr(found, truth[q]) if q in truth else (None, None)
            files = traffic.files
            body = sum(f[1] for f in files)
            zipped = sum(len(gzip.compress((site / f[0]).read_bytes(), 6)) for f in files)
            rows.append({"query": q, "ui_ms": statistics.median(ui_ms), "engine_ms": statistics.median(engine_ms),
                         "ui_ms_all": ui_ms, "files": len(files), "file_list": files,
                         "transfer_bytes": traffic.bytes(), "body_bytes": body, "gzip_bytes": zipped,
                         "hits": len(found), "truth": len(truth[q]) if q in truth else None,
                         "recall": recall, "precision": precision})
        browser.close()
    return {"build": build, "static_bytes": static, "queries": rows}


def bench_pagefind(n: int, work: Path, python: str, queries: list[str], truth: dict[str, set[str]]) -> dict[str, Any]:
    site = work / "pagefind-site"
    docs = synthetic_docs(n)
    for d in docs:
        page = site / d.url / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<!doctype html><html lang="zh-cn"><head><meta charset="utf-8"><title>{html.escape(d.title)}'
                        f'</title></head><body><main><h1>{html.escape(d.title)}</h1><p>{html.escape(d.text)}</p>'
                        "</main></body></html>", encoding="utf-8")
    (site / "index.html").write_text('<!doctype html><html lang="zh-cn"><head><meta charset="utf-8"></head>'
                                     "<body><p>pagefind</p></body></html>", encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    w0 = time.perf_counter()
    subprocess.run([python, "-m", "pagefind", "--site", str(site)], check=True, capture_output=True)
    wall = time.perf_counter() - w0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    index_bytes = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for q in queries:
            ctx = browser.new_context()
            tab = ctx.new_page()
            traffic = Traffic(tab, "/pagefind/")
            tab.goto(base)
            tab.wait_for_load_state("load")
            traffic.on = True
            r = tab.evaluate(PAGEFIND, q)
            tab.wait_for_timeout(200)
            traffic.on = False  # fetching every result below is for recall only
            urls = tab.evaluate(PAGEFIND_ALL, q)
            ctx.close()
            found = {u.strip("/") + "/" for u in urls}
            recall, precision = _pr(found, truth[q])
            rows.append({"query": q, "ui_ms": r["ms"], "files": len(traffic.files),
                         "transfer_bytes": traffic.bytes(), "hits": len(found),
                         "truth": len(truth[q]), "recall": recall, "precision": precision})
        browser.close()
    return {"build": {"wall_s": wall, "peak_rss_mb": max(peak, before) / 1024, "index_bytes": index_bytes},
            "queries": rows}


def summary(rows: list[dict[str, Any]], key: str) -> str:
    vals = [r[key] for r in rows]
    return f"median {statistics.median(vals):,.0f}, p90 {_pct(vals, 0.9):,.0f}, max {max(vals):,.0f}"


def quality(rows: list[dict[str, Any]]) -> str:
    rec = [r["recall"] for r in rows if r["recall"] is not None]
    pre = [r["precision"] for r in rows if r["precision"] is not None]
    if not rec:
        return "- 查全率、查准率：只对短语查询（queries.yml）计算"
    return (f"- 查全率 平均 {statistics.mean(rec):.3f}，最低 {min(rec):.3f}；"
            f"查准率 平均 {statistics.mean(pre):.3f}，最低 {min(pre):.3f}")


def report(n: int, ours: dict[str, Any], pf: dict[str, Any] | None) -> str:
    b = ours["build"]
    rows = ours["queries"]
    out = [
        f"## 站内检索基准：{n:,} 篇文档",
        f"- 机器：{platform.machine()}，{os.cpu_count()} 核，Python {platform.python_version()}；"
        f"开始时负载 {os.getloadavg()[0]:.2f}（多人共用时计时仅供参考）",
        f"- 正文合计 {b['text_bytes'] / 1e6:.1f} MB（UTF-8）",
        "",
        "### 索引构建",
        f"- 用时 {b['wall_s']:.2f} s（CPU {b['cpu_s']:.2f} s），进程峰值内存 {b['peak_rss_mb']:.0f} MB"
        f"（构建前 {b['rss_before_build_mb']:.0f} MB）",
        f"- 索引 {b['index_bytes'] / 1e6:.1f} MB / {b['files']} 个文件：词元分片 {b['gram_bytes'] / 1e6:.1f} MB，"
        f"摘要文本块 {b['chunk_bytes'] / 1e6:.1f} MB，文档分面 {b['facet_bytes'] / 1e3:.0f} KB，"
        f"清单 {b['meta_bytes'] / 1e3:.1f} KB",
        f"- 每页都加载的 search.js {ours['static_bytes']['search.js'] / 1e3:.1f} KB、"
        f"search.css {ours['static_bytes']['search.css'] / 1e3:.1f} KB（未压缩）",
        "",
        f"### 查询（{len(rows)} 个，每个在空缓存的新浏览器上下文中）",
        f"- 首批结果（在搜索框输入 → 第一条结果显示，含 80 ms 输入防抖）ms：{summary(rows, 'ui_ms')}",
        f"- 仅检索引擎（检索 + 取前 10 条，页面已加载索引清单）ms：{summary(rows, 'engine_ms')}",
        f"- 一次搜索传输的索引字节（含 HTTP 头）：{summary(rows, 'transfer_bytes')}",
        f"- 若服务器 gzip 压缩：{summary(rows, 'gzip_bytes')}",
        f"- 取回文件数：{summary(rows, 'files')}",
        quality(rows),
        "",
        "| 查询 | 命中 | 标准答案 | 查全 | 查准 | 首批结果 ms | 引擎 ms | 传输 KB | 文件 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        q = ("—", "—", "—") if r["truth"] is None else (r["truth"], f"{r['recall']:.2f}", f"{r['precision']:.2f}")
        out.append(f"| {r['query']} | {r['hits']} | {q[0]} | {q[1]} | {q[2]} | "
                   f"{r['ui_ms']:.0f} | {r['engine_ms']:.0f} | {r['transfer_bytes'] / 1e3:.1f} | {r['files']} |")
    if pf:
        pb, prow = pf["build"], pf["queries"]
        out += [
            "",
            "### 对照：Pagefind 1.5.2 extended（同一批文档写成 HTML，同一浏览器）",
            f"- 建索引 {pb['wall_s']:.1f} s，峰值内存 {pb['peak_rss_mb']:.0f} MB，"
            f"索引 {pb['index_bytes'] / 1e6:.1f} MB",
            f"- 首批结果 ms：{summary(prow, 'ui_ms')}",
            f"- 一次搜索（显示前 10 条）传输字节，含 pagefind.js、wasm 与各分片：{summary(prow, 'transfer_bytes')}",
            f"- 取回文件数：{summary(prow, 'files')}",
            quality(prow),
            "",
            "| 查询 | 命中 | 标准答案 | 查全 | 查准 | 首批结果 ms | 传输 KB |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in prow:
            out.append(f"| {r['query']} | {r['hits']} | {r['truth']} | {r['recall']:.2f} | {r['precision']:.2f} | "
                       f"{r['ui_ms']:.0f} | {r['transfer_bytes'] / 1e3:.1f} |")
    return "\n".join(out)


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--_build":
        _child_build(int(sys.argv[2]), sys.argv[3])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep", type=Path, help="build here and keep the sites (default: a temporary directory)")
    ap.add_argument("--pagefind", metavar="PYTHON", help="a Python with pagefind[extended]==1.5.2, for comparison")
    ap.add_argument("--set", choices=("phrase", "fallback", "both"), default="phrase",
                    help="phrase: queries.yml (with recall/precision); fallback: queries that fall back to words")
    ap.add_argument("--repeat", type=int, default=1, help="measure every query this many times; report medians")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print("没有 /usr/bin/chromium：先运行 make browser", file=sys.stderr)
        return 2
    phrases = [str(q["query"]) for q in load_queries()] if args.set in ("phrase", "both") else []
    queries = phrases + [q for q in FALLBACK if q not in phrases] if args.set != "phrase" else phrases
    docs = synthetic_docs(args.docs)
    truth = {q: {d.url for d in docs if contains(d, q)} for q in phrases}
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        ours = bench_ours(args.docs, work, queries, truth, args.repeat)
        pf = bench_pagefind(args.docs, work, args.pagefind, phrases, truth) if args.pagefind else None
    print(report(args.docs, ours, pf))
    if args.json:
        args.json.write_text(json.dumps({"docs": args.docs, "ours": ours, "pagefind": pf}, ensure_ascii=False,
                                        indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
