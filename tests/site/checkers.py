"""The markup and accessibility checkers of tests/node/ (installed by `make checkers`): paths and runners."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

NODE = Path(__file__).resolve().parents[1] / "node" / "node_modules"
VNU_JAR = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def need(path: Path) -> Path:
    if not path.is_file() or (path == VNU_JAR and shutil.which("java") is None):
        pytest.skip(f"需要 {path.name}：运行 make checkers（npm 包见 tests/node/package.json，Java 来自 apt）")
    return path


def vnu_errors(site: Path) -> list[dict[str, Any]]:
    """Every error the Nu HTML Checker reports on the HTML files under `site`."""
    run = subprocess.run(["java", "-Xss8m", "-jar", str(need(VNU_JAR)), "--errors-only", "--format", "json",
                          "--skip-non-html", str(site)], capture_output=True, text=True, timeout=900)
    messages: list[dict[str, Any]] = json.loads(run.stderr or '{"messages": []}')["messages"]
    return messages


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations of any impact on the page as loaded, one line each."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(need(AXE_JS).read_text(encoding="utf-8"))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", WCAG)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]
