"""Build a small overlay of tests/minimal.py's project into a site, for page and build tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator.build import BuildResult, build_site
from tests.minimal import TODAY, make_project


def build(root: Path, files: dict[str, str | None] | None = None, strict: bool = False,
          out: Path | None = None) -> tuple[BuildResult, Path]:
    make_project(root, files)
    site = out or root / "site"
    return build_site(root, site, TODAY, strict=strict), site


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def doc(id_: str, **fields: str) -> str:
    """A valid 规范性文件 record with `fields` overriding (values are YAML text)."""
    base = {
        "id": id_,
        "index_no": "11350100MB0000001X/2025-00002",
        "title": "某市测试管理办法",
        "doc_no": "某科〔2025〕2号",
        "category": "gfxwj",
        "issuer": "某市科学技术局",
        "summary": "测试文件。",
        "written": "2025-03-03",
        "published": "2025-03-10",
        "kind": "规范性文件",
        "owner": "self",
        "effective": "2025-04-10",
        "expires": "2030-04-09",
        "status": "有效",
        "legality_review": "{date: 2025-03-05, by: 某市科学技术局政策法规科, result: 通过}",
    }
    base.update(fields)
    body = base.pop("body", "正文。")
    front = "\n".join(f"{k}: {v}" for k, v in base.items() if v is not None)
    return textwrap.dedent(f"---\n{front}\n---\n{body}\n")
