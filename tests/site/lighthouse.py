"""Lighthouse accessibility, best-practices and SEO scores of the demo's main page types (`make lighthouse`).

    CHROME_PATH=/usr/bin/chromium .venv/bin/python -m tests.site.lighthouse

Builds the demo (--today 2026-11-26), serves it on 127.0.0.1 and runs the pinned npm `lighthouse`
(tests/node/) with Debian's Chromium on each page; prints one line per page and exits 1 below 100.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.load import load_project
from tests.site.checkers import NODE
from tests.site.screenshots import build_demo, serving
from tests.site.test_markup import every_page_type

PAGES = ("home", "document", "repealed", "power", "law", "normative", "search", "annual")
CATEGORIES = ("accessibility", "best-practices", "seo")


def scores(url: str) -> dict[str, int]:
    run = subprocess.run(
        ["node", str(NODE / "lighthouse" / "cli" / "index.js"), url, "--quiet", "--output=json",
         "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=--headless=new --no-sandbox"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")})
    report = json.loads(run.stdout)
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = build_demo(Path(tmp))
        targets = every_page_type(load_project(project)[0])
        low = 0
        with serving(project / "site") as base:
            for name in argv or PAGES:
                got = scores(base + targets[name])
                low += any(v < 100 for v in got.values())
                print(f"{name:10} " + "  ".join(f"{c} {v}" for c, v in got.items()), flush=True)
    return 1 if low else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
