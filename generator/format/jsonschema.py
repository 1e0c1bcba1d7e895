"""JSON Schemas of every catalogue file, generated from fields.py, for editor autocompletion.

VS Code's YAML extension (and any JSON-Schema-aware editor) reads them to show the Chinese
titles on hover, complete enumerations and underline wrong values as the editor types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.format import fields as F

BASE = "https://kjj.example.gov.cn/schema/"


def _field(f: F.Field) -> dict[str, Any]:
    out: dict[str, Any] = {"title": f.title}
    # The editor's hover shows `description`: every field gets one, in Chinese, saying if it is required.
    head = f.title + ("（必填）" if f.required else "")
    out["description"] = f"{head}：{f.description}" if f.description else head
    if f.kind in ("text", "regex"):
        out["type"] = "string"
    elif f.kind == "id":
        out.update(type="string", pattern=F.ID_PATTERN)
    elif f.kind == "enum":
        out.update(type="string", enum=list(f.choices))
    elif f.kind == "date":
        out.update(type="string", format="date", pattern=r"^\d{4}-\d{2}-\d{2}$")
    elif f.kind == "int":
        out.update(type="integer", minimum=0)
        if f.maximum is not None:
            out["maximum"] = f.maximum
    elif f.kind == "number":
        out.update(type="number", minimum=0)
    elif f.kind == "bool":
        out["type"] = "boolean"
    elif f.kind == "texts":
        out.update(type="array", items={"type": "string"})
    elif f.kind == "channels":
        out.update(type="array", items={"anyOf": [{"type": "string"}, _object(f.fields)]})
    elif f.kind == "ids":
        out.update(type="array", items={"type": "string", "pattern": F.ID_PATTERN})
    elif f.kind == "map":
        out.update(_object(f.fields))
    elif f.kind == "maps":
        out.update(type="array", items=_object(f.fields) if f.fields else {"$ref": "#"})
        if f.min_items:
            out["minItems"] = f.min_items
    return out


def _object(fields: tuple[F.Field, ...], extra_required: tuple[str, ...] = ()) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _field(f) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        obj["required"] = required
    return obj


def _document() -> dict[str, Any]:
    obj = _object(F.DOCUMENT.fields)
    obj["allOf"] = [
        {"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
         "then": {"required": list(extra)}}
        for kind, extra in F.DOCUMENT.required_by_kind.items()
    ]
    return obj


def schemas() -> dict[str, dict[str, Any]]:
    """File name → schema."""
    category = _object(F.CATEGORY.fields)
    category["properties"]["children"] = {"title": "子分类", "description": "子分类：每项同样写 code、name",
                                          "type": "array", "items": {"$ref": "#/definitions/category"}}
    specs: dict[str, tuple[F.RecordSpec, dict[str, Any]]] = {
        "site_config.schema.json": (F.SITE_CONFIG, _object(F.SITE_CONFIG.fields)),
        "categories.schema.json": (F.CATEGORY, {"type": "array", "items": {"$ref": "#/definitions/category"},
                                                "definitions": {"category": category}}),
        "legal_bases.schema.json": (F.LEGAL_BASIS, {"type": "array", "items": _object(F.LEGAL_BASIS.fields)}),
        "powers.schema.json": (F.POWER, {"type": "array", "items": _object(F.POWER.fields)}),
        "document.schema.json": (F.DOCUMENT, _document()),
        "cleanups.schema.json": (F.CLEANUP, {"type": "array", "items": _object(F.CLEANUP.fields)}),
        "annual.schema.json": (F.ANNUAL_REPORT, _object(F.ANNUAL_REPORT.fields)),
    }
    out = {}
    for name, (spec, body) in specs.items():
        # Draft 7: the version VS Code's YAML extension validates fully (it warns on 2020-12).
        out[name] = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": BASE + name,
                     "title": spec.title, **body}
    return out


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out_dir / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
