"""A minimal real MkDocs + Material site carrying only the search box, results page and a given index."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from generator.search import BuiltIndex, SearchDoc, search_page_markdown, write_search_index

GENERATOR = Path(__file__).resolve().parents[2] / "generator"


def build_mini_site(root: Path, docs: Iterable[SearchDoc],
                    synonyms: Iterable[Sequence[str]] = ()) -> tuple[Path, BuiltIndex]:
    """MkDocs-build a two-page site under root/ with the search overrides and assets; index `docs`."""
    src = root / "docs"
    (src / "assets").mkdir(parents=True)
    shutil.copytree(GENERATOR / "site" / "assets" / "search", src / "assets" / "search")
    (src / "index.md").write_text("# 首页\n\n某市科学技术局政府信息公开。\n", encoding="utf-8")
    (src / "search.md").write_text(search_page_markdown(), encoding="utf-8")
    overrides = root / "overrides" / "partials"
    overrides.mkdir(parents=True)
    for name in ("header.html", "gov-search.html"):
        shutil.copy(GENERATOR / "site" / "mkdocs" / "overrides" / "partials" / name, overrides / name)
    config = {
        "site_name": "某市科学技术局政府信息公开",
        "site_url": "http://127.0.0.1/",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "language": "zh", "custom_dir": "overrides", "font": False},
        "plugins": [],
        "extra_css": ["assets/search/search.css"],
        "extra_javascript": ["assets/search/search.js"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")], check=True,
                   cwd=root, env=env, capture_output=True)
    built = write_search_index(docs, root / "site", synonyms)
    return root / "site", built
