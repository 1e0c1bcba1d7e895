"""No script an editor's file carries ever runs in a reader's browser, whatever the reader does.

A project of gadgets — markup that the sanitiser keeps but a theme or script might act on (a
`#__config` that would switch on Material's tooltips, an `abbr title` whose entity-decoded text is
HTML, `md-` classes, heading anchors named like the theme's ids) — plus active files (attachments
and content/ files named .html/.svg/.xml/.js, renamed pages, links out of the project). `check`
refuses it; the preview build (which publishes despite problems, as `serve` does) is opened in
Chromium, where every element of every page is hovered, focused and clicked while a hook records
every call of `xss()`, alert/confirm/prompt, and every Content-Security-Policy violation. None may
happen. The demo site, under the same policy, must raise no violation at all, and an inline
script injected into one of its pages must be blocked.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_site
from generator.check import check_project
from tests.minimal import DOCUMENT, TODAY, make_project
from tests.search.browser import serve

DOC = "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md"

CONFIG_GADGET = (
    '<div id="__config">{"base": ".", "features": ["content.tooltips", "navigation.instant"], '
    '"search": "x.js", "translations": {}}</div>'
)
BODY = f"""\
{CONFIG_GADGET}

<abbr title="&lt;img src=x onerror=xss(1)&gt;">年报</abbr> 与
<span class="md-ellipsis md-status" title="&lt;img src=x onerror=xss(2)&gt;">一段很长很长很长的文字</span>

## __config

## __drawer

<a href="#__search" id="__search" class="md-search__input">搜索</a>
<a href="#__drawer">菜单</a>
<div class="md-dialog md-dialog--active" role="dialog" title="&lt;svg onload=xss(3)&gt;">提示</div>
<label for="__drawer" class="md-header__button">标签</label>
<details open><summary title="&lt;img src=x onerror=xss(4)&gt;">展开</summary>内容</details>

脚注[^1]。

[^1]: <img src=x onerror=xss(5)> 脚注里的图片。

[链接](javascript:xss(6)) [数据](data:text/html,<script>xss(7)</script>)
<a href="jAvAsCrIpT:xss(8)">大小写</a> <a href=" javascript:xss(9)">空格</a>
<img src="x" onerror="xss(10)"><svg><script>xss(11)</script></svg>
<div style="background:url(javascript:xss(12))">样式</div>
<iframe srcdoc="<script>parent.xss(13)</script>"></iframe>
<form action="javascript:xss(14)"><button>提交</button></form>
<math><mtext><table><mglyph><style><img src=x onerror=xss(15)>
<noscript><p title="</noscript><img src=x onerror=xss(16)>"></noscript>
<template><img src=x onerror=xss(17)></template>
<a href="#" onclick="xss(18)" onmouseover="xss(19)" onfocus="xss(20)" tabindex="0">处理器</a>
"""

HOSTILE_FILES: dict[str, bytes] = {
    "catalog/attachments/通知.html": b"<html><body><script>parent.xss(30)</script></body></html>",
    "catalog/attachments/logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="xss(31)"/>',
    "catalog/attachments/data.xml": b'<x:script xmlns:x="http://www.w3.org/1999/xhtml">xss(32)</x:script>',
    "catalog/attachments/page.pdf": b"<!doctype html><script>xss(33)</script>",
    "catalog/attachments/ok.pdf": b"%PDF-1.4\n%%EOF\n",
    "content/notice.html": b"<script>xss(34)</script>",
    "content/img/logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="xss(35)"/>',
    "content/app.js": b"xss(36)",
    "content/img/fake.png": b"<html><script>xss(37)</script></html>",
}
ATTACHMENTS = ["通知.html", "logo.svg", "data.xml", "page.pdf", "ok.pdf", "secret.pdf"]

HOOK = """
window.__ran = [];
window.xss = n => window.__ran.push('xss(' + n + ')');
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...a) => window.__ran.push(name + '(' + a.join(',') + ')');
}
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));
"""

# Every element: pointer and keyboard events as a reader's mouse and Tab would send them; links
# are clicked too (navigation away is aborted by the route below, the click handlers still run).
INTERACT = """
() => {
  const all = Array.from(document.querySelectorAll('body *'));
  for (const el of all) {
    if (el.matches('[data-gov-print]')) { continue; }  // the site's own 打印 button opens print() by design
    for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove', 'pointerdown',
                        'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'contextmenu', 'mouseout',
                        'mouseleave']) {
      el.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, view: window}));
    }
    if (typeof el.focus === 'function') { el.focus(); el.dispatchEvent(new FocusEvent('focusin', {bubbles: true})); }
    el.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
  }
  return all.length;
}
"""


def _hostile_project(root: Path, outside: Path) -> Path:
    flow = ", ".join(repr(a) for a in ATTACHMENTS)
    doc = DOCUMENT.replace("legality_review:", f"attachments: [{flow}]\nlegality_review:").rstrip("\n")
    doc = doc.rsplit("---\n", 1)[0] + "---\n" + BODY
    make_project(root, {DOC: doc, "content/guide.md": "# 政府信息公开指南\n\n" + BODY})
    for rel, data in HOSTILE_FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4 secret of the machine\n")
    (root / "catalog/attachments/secret.pdf").symlink_to(outside / "secret.pdf")
    (root / "content/img/passwd.png").symlink_to("/etc/passwd")
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("gadgets")
    outside = base / "outside"
    outside.mkdir()
    root = _hostile_project(base / "project", outside)
    result = build_site(root, root / "site", TODAY, preview=True)
    assert result.published
    return root, root / "site"


def test_check_refuses_every_active_file(hostile: tuple[Path, Path]) -> None:
    root, _site = hostile
    problems = check_project(root, TODAY).problems
    refused = {(p.path, p.line) for p in problems if p.code == "unpublishable-file"}
    attachments_line = 16
    assert {(DOC, attachments_line), ("content/notice.html", 1), ("content/img/logo.svg", 1),
            ("content/app.js", 1), ("content/img/fake.png", 1), ("content/img/passwd.png", 1)} <= refused
    assert len([p for p in problems if p.code == "unpublishable-file" and p.path == DOC]) == 5
    assert build_site(root, root / "refused-site", TODAY).published is False


def test_no_active_file_and_nothing_from_outside_reaches_the_site(hostile: tuple[Path, Path]) -> None:
    _root, site = hostile
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert "attachments/ok.pdf" in names
    leaked = sorted(n for n in names
                    if n.startswith(("attachments/", "img/", "notice", "app.js")) and n != "attachments/ok.pdf")
    assert leaked == []
    for f in site.rglob("*"):
        if f.is_file() and f.suffix not in (".html", ".js", ".css", ".json", ".xml", ".gz", ".svg", ".png", ".ico"):
            data = f.read_bytes()
            assert b"secret of the machine" not in data and b"root:x:0:0" not in data, f


def _pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("*.html"))


@pytest.fixture
def hooked(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.add_init_script(HOOK)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()


@pytest.mark.browser
def test_hovering_focusing_and_clicking_everything_runs_no_script(hostile: tuple[Path, Path], hooked: Any) -> None:
    _root, site = hostile
    with serve(site) as base:
        loading = [True]

        def keep_page(route: Any) -> None:
            # Once a page is loaded, a click on a link must not take the browser elsewhere: a 204
            # answer to a navigation leaves the page where it is (and its scripts, and the hook).
            if route.request.is_navigation_request() and not loading[0]:
                route.fulfill(status=204, body="")
            else:
                route.continue_()

        hooked.route("**/*", keep_page)
        touched = 0
        for rel in _pages(site):
            for step in ("pointer", "events"):
                loading[0] = True
                hooked.goto(base + rel)  # afresh: the other step may have opened the drawer over the page
                loading[0] = False
                if step == "pointer":
                    # A real pointer over the page body, resting on anything with a title long enough
                    # for a theme tooltip to open (Material waits before it shows one); then Tab on.
                    for handle in hooked.query_selector_all("article *")[:150]:
                        if handle.is_visible():
                            handle.hover(timeout=2000, force=True)
                            if handle.get_attribute("title") is not None:
                                hooked.wait_for_timeout(600)
                    for _ in range(30):
                        hooked.keyboard.press("Tab")
                else:
                    touched += hooked.evaluate(INTERACT)
                hooked.wait_for_timeout(50)
                assert hooked.evaluate("window.__ran") == [], (rel, step)
                assert hooked.evaluate("window.__violations") == [], (rel, step)
        assert touched > 1000
    assert hooked.dialogs == []


@pytest.mark.browser
def test_the_demo_raises_no_violation_and_an_injected_script_is_blocked(demo_site: Path, hooked: Any,
                                                                        tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    guide = site / "guide/index.html"
    guide.write_text(guide.read_text(encoding="utf-8").replace(
        '<span id="main-content"></span>', '<span id="main-content"></span><script>xss(99)</script>'
        '<img src="x" onerror="xss(98)">'), encoding="utf-8")
    with serve(site) as base:
        for rel in ("", "guide/", "documents/2017-kjj-gfxwj-001/", "normative/", "powers/", "laws/", "audit/",
                    "annual-reports/2025/", "search/?q=专利", "catalogue/", "404.html"):
            hooked.goto(base + rel)
            hooked.wait_for_timeout(200)
            ran, violations = hooked.evaluate("[window.__ran, window.__violations]")
            if rel == "guide/":
                assert ran == [] and len(violations) == 2, violations  # blocked, and reported as blocked
            else:
                assert (rel, ran, violations) == (rel, [], [])
