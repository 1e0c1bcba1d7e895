"""Safe rendering: script typed into any field or body never reaches the built site as live markup.

One project (tests/hostile/payloads.py) carries payloads in every free-text field of every file and
in Markdown bodies: <script>, on*= handlers, javascript:/data: URLs, <iframe>/<object>/<form>/<base>/
<meta refresh>, attribute and </script> breakouts, pre-escaped text. It is built once; every page,
the feed, the sitemap and the JSON/CSV exports are parsed and checked. The site's own markup (the
demo site) is the baseline for which tags the templates themselves use.
"""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build_site
from generator.cache import cache_dir
from tests.hostile.payloads import FORMULA, Found, live_markup, make_payload_project, scan
from tests.minimal import TODAY


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_payload_project(tmp_path_factory.mktemp("xss") / "project")
    result = build_site(root, root / "site", TODAY)
    assert result.published, [p.as_text() for p in result.problems]
    return root / "site"


@pytest.fixture(scope="module")
def baseline(demo_site: Path) -> Found:
    found = Found()
    for page in demo_site.rglob("*.html"):
        f = scan(page.read_text(encoding="utf-8"))
        found.tags |= f.tags
        found.handlers += f.handlers
    return found


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_carries_live_editor_markup(payload_site: Path, baseline: Found) -> None:
    assert len(pages(payload_site)) > 15
    bad = {str(p.relative_to(payload_site)): found for p in pages(payload_site)
           if (found := live_markup(p.read_text(encoding="utf-8"), baseline))}
    assert bad == {}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    t = _Text()
    t.feed(html)
    return "".join(t.parts)


def test_fields_are_shown_as_text_not_dropped(payload_site: Path) -> None:
    page = (payload_site / "documents/2025-kjj-gfxwj-001/index.html").read_text(encoding="utf-8")
    text = visible_text(page)
    # Escaped, not removed: the public sees exactly what the editor typed.
    assert "XSS50<script>xss(50)</script><img src=x onerror=xss(50)>" in text
    assert "&lt;script&gt;xss(50)&lt;/script&gt;" in text  # typed entities stay entities
    assert "{{7*7}}" in text  # no template evaluation of catalogue text
    for n in (51, 54, 55, 57):
        assert f"XSS{n}<script>xss({n})</script>" in text, n


def test_allowed_markdown_and_html_survive_in_bodies(payload_site: Path) -> None:
    page = (payload_site / "documents/2025-kjj-gfxwj-001/index.html").read_text(encoding="utf-8")
    assert "<strong>加粗</strong>" in page and "<em>斜体</em>" in page and "<code>代码</code>" in page
    assert '<a href="https://www.gov.cn/">正常链接</a>' in page
    assert "<b>单元格</b>" in page and "<details open" in page
    assert "../../documents/2025-kjj-gfxwj-001/" in page or 'href="./"' in page  # doc: link resolved


def test_feed_and_sitemap_are_well_formed_and_inert(payload_site: Path, baseline: Found) -> None:
    feed = ET.parse(payload_site / "feed.xml").getroot()
    ET.parse(payload_site / "sitemap.xml")
    entries = [e for e in feed.iter() if e.tag.endswith("entry")]
    assert entries
    for el in feed.iter():
        if el.get("type") in ("html", "xhtml"):  # a feed reader renders these as HTML
            assert live_markup(el.text or "", baseline) == []
        for name in ("href", "src"):
            value = (el.get(name) or "").lower()
            assert not value.startswith(("javascript:", "data:")), value


def test_json_exports_and_search_index_parse(payload_site: Path) -> None:
    files = sorted(payload_site.glob("data/*.json")) + sorted(payload_site.glob("search/**/*.json"))
    assert files
    for f in files:
        json.loads(f.read_text(encoding="utf-8"))


def test_csv_cells_never_start_a_formula(payload_site: Path) -> None:
    seen = []
    for f in sorted(payload_site.glob("data/*.csv")):
        with f.open(encoding="utf-8-sig", newline="") as fh:
            for row in list(csv.reader(fh))[1:]:
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (f.name, cell)
                    seen.append(cell)
    assert "'" + FORMULA in seen  # neutralised with a leading apostrophe, otherwise unchanged


def test_nothing_is_written_outside_the_output_folder(tmp_path: Path) -> None:
    """Ids and slugs come from editors: a power code full of ../ still lands inside site/."""
    from tests.minimal import POWERS, make_project

    root = make_project(tmp_path / "a" / "b" / "project", {
        "catalog/powers/cf.yml": POWERS + POWERS.replace("KJ-CF-001", "../../../../evil").replace(
            "对假冒专利行为的处罚", "对专利代理违法行为的处罚"),
    })
    # The output folder and its cache folder beside it (where a background process copies the site's
    # folders as this test looks: not walked into) are the build's own; anything else is outside.
    own = {root / "site", cache_dir(root / "site")}

    def outside() -> set[Path]:
        found: set[Path] = set()
        for dirpath, dirnames, filenames in os.walk(tmp_path):
            here = Path(dirpath)
            dirnames[:] = [d for d in dirnames if here / d not in own]
            found.update(here / name for name in [*dirnames, *filenames])
        return found

    before = outside()
    result = build_site(root, root / "site", TODAY)
    assert result.published, [p.as_text() for p in result.problems]
    after = outside()
    created = sorted(str(p.relative_to(tmp_path)) for p in after - before)
    assert [c for c in created if "evil" in c] == []
    assert (root / "site/powers/evil/index.html").is_file()  # the slug keeps letters and digits only


def test_invalid_ids_stop_the_build(tmp_path: Path) -> None:
    from tests.minimal import DOCUMENT, make_project

    root = make_project(tmp_path / "project", {
        "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": DOCUMENT.replace("id: 2025-kjj-gfxwj-001", "id: ../../x"),
    })
    result = build_site(root, root / "site", TODAY)
    assert not result.published and not (root / "site").exists()
    assert any(p.code == "invalid-value" for p in result.problems)
    assert not (tmp_path / "x").exists()


@pytest.mark.browser
def test_no_payload_runs_in_a_browser(payload_site: Path, page: object) -> None:
    """DOM-level proof: visit every page (and run a search for the payloads); xss() is never called."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(payload_site))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs: list[str] = []
    try:
        page.add_init_script("window.__xss = []; window.xss = n => window.__xss.push(n);")  # type: ignore[attr-defined]
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
        for f in pages(payload_site):
            url = base + str(f.relative_to(payload_site)).removesuffix("index.html")
            page.goto(url)  # type: ignore[attr-defined]
            assert page.evaluate("window.__xss") == [], url  # type: ignore[attr-defined]
        page.goto(base + "search/?q=XSS50")  # type: ignore[attr-defined]
        page.wait_for_timeout(1500)  # type: ignore[attr-defined]
        assert page.evaluate("window.__xss") == []  # type: ignore[attr-defined]
        assert "XSS50" in page.inner_text("body")  # the result is listed, as text  # type: ignore[attr-defined]
    finally:
        server.shutdown()
    assert dialogs == []
