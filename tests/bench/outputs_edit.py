"""After one edit: the search index, exports and downloads made with the last build's help, against the
same work from scratch, in the same run (docs/performance.md, 修改一件文件之后).

    .venv/bin/python -m tests.bench.outputs_edit [--docs 10000] [--dir DIR] [--doc catalog/…/x.md] [--runs 3]

Generates the synthetic project in DIR (kept for the next run), builds it once with the cache, edits
one document's title, then times each part in a fresh process per run, writing into a scratch folder
and publishing nothing, so every run sees the same edit; the document is restored at the end.
Prints the best wall time of each part (and, with the cache, the part of it spent writing files).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.tools.synthetic import TODAY, generate

PARTS = ("search_docs", "index", "exports", "downloads")
NOTICES = "catalog/documents/kjxm"  # 科技项目 notices: no 规章 or 规范性文件


def measure(work: Path, cache: bool) -> dict[str, float]:
    """One run in this process: each part's wall time, as build.py runs them, into a scratch site."""
    from generator.cache import Reuse, cache_dir
    from generator.check import check_project
    from generator.search import write_search_index
    from generator.search.records import search_docs, search_synonyms
    from generator.site.downloads import write_downloads
    from generator.site.exports import write_exports
    from generator.site.pages import build_pages

    cat = check_project(work / "project", TODAY).catalog
    pages = build_pages(cat, TODAY)
    site = work / "site"
    reuse = Reuse(site, cache_dir(site) if cache else None)
    dest = Path(tempfile.mkdtemp(dir=work))
    out: dict[str, float] = {}
    try:
        t = time.perf_counter()
        docs = search_docs(cat, pages, reuse)
        out["search_docs"] = time.perf_counter() - t
        t = time.perf_counter()
        built = write_search_index(docs, dest, search_synonyms(cat), reuse)
        out["index"] = time.perf_counter() - t
        t = time.perf_counter()
        write_exports(cat, pages, TODAY, dest, reuse)
        out["exports"] = time.perf_counter() - t
        t = time.perf_counter()
        write_downloads(cat, TODAY, dest, reuse)
        out["downloads"] = time.perf_counter() - t
        out["index files written"] = len(built.files)
    finally:
        shutil.rmtree(dest)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--dir", type=Path, default=Path("bench-out/outputs-edit"))
    ap.add_argument("--doc", help=f"the document whose title is edited (default: the middle one of {NOTICES})")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--measure", choices=("cache", "clean"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    work = args.dir.resolve()
    if args.measure:
        print(json.dumps(measure(work, args.measure == "cache")))
        return 0
    from generator.build import build_site

    if not (work / "project").is_dir():
        generate(work / "project", args.docs, seed=1)
    assert build_site(work / "project", work / "site", TODAY, preview=True).published
    notices = sorted((work / "project" / NOTICES).glob("*.md"))
    doc = work / "project" / args.doc if args.doc else notices[len(notices) // 2]
    original = doc.read_text(encoding="utf-8")
    doc.write_text(re.sub(r"^title: (.*)$", r"title: \1（修订）", original, count=1, flags=re.M), encoding="utf-8")
    try:
        for mode in ("clean", "cache"):
            runs = []
            for _ in range(args.runs):
                cmd = [sys.executable, "-m", "tests.bench.outputs_edit", "--dir", str(work), "--measure", mode]
                runs.append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
            best = {p: min(r[p] for r in runs) for p in PARTS}
            print(f"{mode:>5}: " + "  ".join(f"{p} {best[p]:.2f} s" for p in PARTS)
                  + f"  total {sum(best.values()):.2f} s  (index files written: {runs[0]['index files written']:.0f})")
    finally:
        doc.write_text(original, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
