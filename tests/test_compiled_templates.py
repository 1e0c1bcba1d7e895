"""What a build keeps besides the site's cache folder: compiled templates (per user, in Jinja2's own
safe folder) and the theme's file list (in the cache folder, checked when read back)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from generator.build import build_site
from generator.cache import cache_dir
from generator.site.mkdocs.renderer import THEME_FILES
from generator.templating import _Compiled, environment, keep_compiled
from tests.conftest import DEMO_TODAY, copy_demo
from tests.test_incremental import snapshot

TEMPLATE = "{% if x %}\n  A\n{% endif %}\nB\n"


def render_with(cache: _Compiled | None, **settings: bool) -> str:
    env = Environment(loader=DictLoader({"t.j2": TEMPLATE}), bytecode_cache=cache, **settings)
    return env.get_template("t.j2").render(x=True)


def test_templates_compiled_with_other_settings_are_not_taken(tmp_path: Path) -> None:
    """The same template file compiled by environments of other settings is other code: each gets its own."""
    plain, trimmed = render_with(None), render_with(None, trim_blocks=True, lstrip_blocks=True)
    assert plain != trimmed
    cache = _Compiled(str(tmp_path))
    for _ in range(2):  # the second round reads what the first one wrote
        assert render_with(cache) == plain
        assert render_with(cache, trim_blocks=True, lstrip_blocks=True) == trimmed
    assert len(list(tmp_path.iterdir())) == 2


def test_a_build_without_cache_keeps_no_compiled_template() -> None:
    keep_compiled(False)
    try:
        assert environment().bytecode_cache is None
    finally:
        keep_compiled(True)
    assert isinstance(environment().bytecode_cache, _Compiled)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    root = copy_demo(tmp_path)
    assert build_site(root, root / "site", DEMO_TODAY).published
    return root


def kept_list(root: Path) -> Path:
    return cache_dir(root / "site") / THEME_FILES


def test_the_theme_files_kept_give_the_site_listing_them_gives(demo: Path) -> None:
    assert json.loads(kept_list(demo).read_text(encoding="utf-8"))["files"]
    assert build_site(demo, demo / "site", DEMO_TODAY).published
    assert build_site(demo, demo / "clean", DEMO_TODAY, cache=False).published
    assert snapshot(demo / "site") == snapshot(demo / "clean")


@pytest.mark.parametrize("planted", [
    "not json",
    json.dumps({"key": "0", "files": []}),
])
def test_a_damaged_theme_list_is_listed_again(demo: Path, planted: str) -> None:
    kept_list(demo).write_text(planted, encoding="utf-8")
    assert build_site(demo, demo / "site", DEMO_TODAY).published
    assert build_site(demo, demo / "clean", DEMO_TODAY, cache=False).published
    assert snapshot(demo / "site") == snapshot(demo / "clean")


def test_a_planted_theme_list_publishes_no_other_file(demo: Path, tmp_path: Path) -> None:
    """A list carrying the right key but naming a file outside the theme (a secret of the machine) is
    not taken: the build lists the theme again."""
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    kept = json.loads(kept_list(demo).read_text(encoding="utf-8"))
    for entry in (["secret.txt", str(tmp_path)], ["../../secret.txt", kept["files"][0][1]]):
        kept_list(demo).write_text(json.dumps({"key": kept["key"], "files": [*kept["files"], entry]}),
                                   encoding="utf-8")
        assert build_site(demo, demo / "site", DEMO_TODAY).published
        assert not [p for p in (demo / "site").rglob("secret.txt")]
