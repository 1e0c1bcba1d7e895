"""Screenshots of the demo site for docs/screenshots/ (and for looking at the site while changing it).

    .venv/bin/python -m tests.site.screenshots [OUT_DIR]   # default docs/screenshots

Builds the demo project (copied to a temporary directory, --today 2026-11-26), serves it on
127.0.0.1 and photographs the home page, a document, a repealed document and a power page at
1280 and 375 pixels wide with Debian's Chromium.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from generator.build import build_site
from generator.load import load_project
from generator.site import urls
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 26)
WIDTHS = {"desktop": (1280, 860), "phone": (375, 812)}


def shots(project: Path) -> dict[str, str]:
    cat, _ = load_project(project)
    docs = sorted(cat.documents.values(), key=lambda d: d.id)
    repealed = next(d for d in docs if d.status == "废止" and d.repealed and d.repealed.by in cat.documents)
    normative = next(d for d in reversed(docs) if d.normative and d.status == "有效" and d.basis)
    power = next(p for p in sorted(cat.powers.values(), key=lambda p: p.code) if p.basis)
    return {"home": urls.HOME, "document": urls.document(normative.id), "repealed": urls.document(repealed.id),
            "power": urls.power(power.code)}


def take(site: Path, targets: dict[str, str], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for label, (w, h) in WIDTHS.items():
                page = browser.new_page(viewport={"width": w, "height": h})
                for name, url in targets.items():
                    page.goto(base + url)
                    path = out / f"{name}-{label}.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("site_config.yml", "catalog", "content"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
        result = build_site(project, project / "site", TODAY)
        if not result.published:
            print("\n".join(p.as_text() for p in result.problems), file=sys.stderr)
            return 1
        for path in take(project / "site", shots(project), out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
