"""Editor support: committed JSON Schemas match fields.py, VS Code maps them, and the demo validates."""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.format.jsonschema import schemas
from tests.minimal import TODAY, make_project

REPO = Path(__file__).resolve().parent.parent
SCHEMA_DIR = REPO / "docs/schema"


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with YAML 1.2's booleans, as the editor reads: `no` (filing.no) is a key, not False."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def load_yaml(path: Path) -> Any:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".md":
        text = text.split("\n---", 1)[0].removeprefix("---\n")
    return isoformat(yaml.load(text, Loader=Yaml12Loader))  # noqa: S506 (a SafeLoader)


def isoformat(value: Any) -> Any:
    """YAML dates load as date objects; the schema (and the editor, YAML 1.2) sees ISO strings."""
    if isinstance(value, dict):
        return {str(k): isoformat(v) for k, v in value.items()}
    if isinstance(value, list):
        return [isoformat(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def settings() -> dict[str, list[str]]:
    data = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    return {k.removeprefix("./"): v for k, v in data["yaml.schemas"].items()}


def files_for(root: Path, schema_name: str) -> list[Path]:
    globs = settings()[f"docs/schema/{schema_name}"]
    candidates = [root / "site_config.yml", *(p for p in (root / "catalog").rglob("*") if p.is_file())]
    return sorted(p for p in candidates
                  if any(fnmatch.fnmatch(p.relative_to(root).as_posix(), g.replace("**/", "*")) for g in globs))


@functools.cache
def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_committed_schemas_are_up_to_date_with_fields_py() -> None:
    expected = {name: json.dumps(body, ensure_ascii=False, indent=2) + "\n" for name, body in schemas().items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == expected, "docs/schema 已过期：请运行 python -m generator schema 并提交"


def test_schemas_are_draft_7_for_the_vscode_yaml_extension() -> None:
    for body in schemas().values():
        assert body["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_every_schema_is_mapped_and_every_mapping_exists() -> None:
    mapped = settings()
    assert set(mapped) == {f"docs/schema/{name}" for name in schemas()}
    for name in ("site_config.schema.json", "categories.schema.json", "legal_bases.schema.json", "powers.schema.json"):
        assert files_for(REPO, name), f"{name} 没有对应任何文件"
    assert "catalog/powers/*.yml" in mapped["docs/schema/powers.schema.json"]


def test_the_yaml_extension_is_recommended() -> None:
    data = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in data["recommendations"]


def test_every_field_has_chinese_hover_help() -> None:
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, prop in (node.get("properties") or {}).items():
                assert prop.get("description"), f"{where}.{key} 没有说明"
                walk(prop, f"{where}.{key}")
            if isinstance(node.get("items"), dict):
                walk(node["items"], where)
            for definition in (node.get("definitions") or {}).values():
                walk(definition, where)
    for name, body in schemas().items():
        walk(body, name)


DEMO_FILES = [
    ("site_config.schema.json", REPO / "site_config.yml"),
    ("categories.schema.json", REPO / "catalog/categories.yml"),
    ("legal_bases.schema.json", REPO / "catalog/legal_bases.yml"),
    ("cleanups.schema.json", REPO / "catalog/cleanups.yml"),
    *[("powers.schema.json", p) for p in sorted((REPO / "catalog/powers").glob("*.yml"))],
    *[("annual.schema.json", p) for p in sorted((REPO / "catalog/annual").glob("*.yml"))],
    *[("document.schema.json", p) for p in sorted((REPO / "catalog/documents").rglob("*.md"))],
]


@pytest.mark.parametrize(("schema", "path"), DEMO_FILES, ids=[p.relative_to(REPO).as_posix() for _, p in DEMO_FILES])
def test_demo_data_validates(schema: str, path: Path) -> None:
    data = load_yaml(path)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(schema).iter_errors(data)]
    assert errors == []


def test_schema_rejects_what_check_rejects(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    laws = load_yaml(root / "catalog/legal_bases.yml")
    laws[0]["status"] = "现行"
    laws[1]["promulgated"] = "2024-1-5"
    laws[2]["statuss"] = "现行有效"
    del laws[3]["issuer"]
    messages = [e.message for e in validator("legal_bases.schema.json").iter_errors(laws)]
    assert len(messages) == 4, messages


def test_scaffolded_powers_file_points_at_the_committed_schema(tmp_path: Path) -> None:
    from generator.editing.scaffold import new_power

    root = make_project(tmp_path)
    made = new_power(root, "行政检查", TODAY)
    first = (root / made.path).read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=", 1)[1]
    assert (REPO / Path(made.path).parent / target).resolve() == SCHEMA_DIR / "powers.schema.json"
