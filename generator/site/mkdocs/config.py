"""mkdocs.yml, generated: the configuration of the MkDocs + Material build from site_config.yml and the
sections that exist, and how a site URL maps to MkDocs' source and output paths.

Also `StaticFile` and `NavItem`, the engine-neutral values the rest of the generator hands over.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.format.model import Catalog

CONFIG_FILE = "mkdocs.yml"
DOCS_DIR = "content"
OVERRIDES = Path(__file__).parent / "overrides"

HEADER = """\
# 由 site_config.yml 生成，请勿手工编辑：运行 `make site`（python -m generator build）会重新生成本文件。
# Generated from site_config.yml by `python -m generator build`; edits here are overwritten.
"""


@dataclass(frozen=True)
class StaticFile:
    """A file copied into the site as is: `url` (site-relative) ← `source` on disk."""

    url: str
    source: Path


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str


def src_uri(url: str) -> str:
    """The docs-relative Markdown path MkDocs derives `url` from ("" → index.md, "a/b/" → a/b.md)."""
    return "index.md" if url == "" else url.rstrip("/") + ".md"


def url_of(uri: str) -> str:
    """Inverse of src_uri."""
    return "" if uri == "index.md" else uri.removesuffix(".md") + "/"


def dest_uri(url: str) -> str:
    return url + "index.html"


def _rel_or_abs(path: Path, root: Path) -> str:
    """Paths inside the project are written relative, so mkdocs.yml does not depend on the checkout."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def mkdocs_config(cat: Catalog, root: Path, nav: Sequence[NavItem], assets: Sequence[str]) -> dict[str, Any]:
    """The mkdocs.yml for this project, from site_config.yml and the sections that exist."""
    site, footer = cat.config.site, cat.config.footer
    return {
        "site_name": site.name or "政府信息公开",
        "site_url": site.url,
        "site_description": site.description,
        "docs_dir": DOCS_DIR,
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": _rel_or_abs(OVERRIDES, root),
            "language": "zh",
            "font": False,  # system CJK fonts: no request to Google Fonts (unreachable from many networks)
            "palette": {"scheme": "default", "primary": "custom", "accent": "custom"},
            "icon": {"logo": "material/bank"},
            "features": ["navigation.tabs", "navigation.top"],
        },
        "plugins": [],  # no built-in search: the site's own Chinese search index is written after the build
        "markdown_extensions": [
            "tables", "admonition", "def_list", "footnotes", "sane_lists",
            {"toc": {"baselevel": 2}},  # the page template owns <h1>; body headings start at <h2>
        ],
        "extra_css": [a for a in assets if a.endswith(".css")],
        "extra_javascript": [a for a in assets if a.endswith(".js")],
        "nav": [{item.title: src_uri(item.url)} for item in nav],
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"unrecognized_links": "ignore"}},
        "extra": {
            "generator": False,
            "gov": {
                "agency": cat.config.agency.name,
                "sponsor": footer.sponsor,
                "site_code": footer.site_code,
                "icp": footer.icp,
                "police_filing": footer.police_filing,
                # The 公安机关备案号 links to its record on beian.mps.gov.cn by the digits of the number.
                "police_code": "".join(ch for ch in footer.police_filing if ch.isdigit()),
                "party_gov_badge": footer.party_gov_badge,
            },
        },
    }


def write_config(root: Path, config: dict[str, Any]) -> Path:
    """Write mkdocs.yml at the project root (gitignored) only when it changed: no spurious reloads."""
    path = root / CONFIG_FILE
    text = HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        fd, tmp = tempfile.mkstemp(prefix=f".{CONFIG_FILE}-", dir=root)  # unique: builds may run at once
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    return path
