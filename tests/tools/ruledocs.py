"""The generated parts of the user docs: the rule reference and the catalogue field tables.

docs/rules.md lists every rule from its module docstring (first line: the summary; then the
explanation; then the 通过/不通过 examples); docs/format.md gets one field table per catalogue
file from generator/fields.py. Only the text between `<!-- generated: NAME -->` and
`<!-- end generated -->` is rewritten; the prose around it is written by hand and kept.

    python -m tests.tools.ruledocs           # rewrite the generated parts
    python -m tests.tools.ruledocs --check   # exit 1 if a doc is out of date (CI, tests)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import ModuleType

from generator.format import fields as F
from generator.rules import rules

ROOT = Path(__file__).resolve().parents[2]
LEVEL_ZH = {"error": "错误", "warning": "警告", "notice": "提示"}
_EXAMPLES = re.compile(r"^(通过|不通过)：\n(```yaml\n.*?```)", re.S | re.M)
_BLOCK = re.compile(r"(<!-- generated: (?P<name>[a-z_]+) -->\n).*?(<!-- end generated -->)", re.S)


@dataclass(frozen=True)
class RuleDoc:
    code: str
    level: str
    summary: str
    explanation: str
    examples: list[tuple[str, str]]  # (通过|不通过, fenced yaml block)


def rule_doc(rule: ModuleType) -> RuleDoc:
    doc = (rule.__doc__ or "").strip()
    first = _EXAMPLES.search(doc)
    prose = doc[: first.start()].strip() if first else doc
    summary, _, explanation = prose.partition("\n\n")
    return RuleDoc(
        code=rule.CODE,
        level=rule.LEVEL.value,
        summary=" ".join(summary.split()),
        explanation=explanation.strip(),
        examples=[(m.group(1), m.group(2)) for m in _EXAMPLES.finditer(doc)],
    )


def rules_block() -> str:
    docs = [rule_doc(r) for r in rules()]
    out = ["| 代码 | 级别 | 检查什么 |", "|---|---|---|"]
    out += [f"| [`{d.code}`](#{d.code}) | {LEVEL_ZH[d.level]} | {_cell(d.summary)} |" for d in docs]
    for d in docs:
        out += ["", f"### {d.code}", "", f"级别：**{LEVEL_ZH[d.level]}**（{d.level}）", "", d.summary]
        if d.explanation:
            out += ["", d.explanation]
        for label, block in d.examples:
            out += ["", f"{label}：", "", block]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- field tables

_KIND_ZH = {
    "text": "文本", "date": "日期 YYYY-MM-DD", "int": "整数", "number": "数字", "bool": "true / false",
    "enum": "枚举", "id": "id", "texts": "文本列表", "ids": "id 列表", "map": "映射", "maps": "映射列表",
    "channels": "文本或映射列表",
    "regex": "正则表达式（RE2）",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rows(fields: tuple[F.Field, ...], prefix: str, required_by_kind: dict[str, tuple[str, ...]]) -> list[str]:
    rows = []
    for f in fields:
        name = f"{prefix}{f.name}"
        if f.required:
            required = "必填"
        else:
            kinds = [k for k, names in required_by_kind.items() if f.name in names and not prefix]
            required = f"{'、'.join(kinds)}必填" if kinds else ""
        notes = [f.description] if f.description else []
        if f.choices:
            notes.append("可选值：" + "、".join(f"`{c}`" for c in f.choices))
        if f.kind in ("id", "ids") and "小写字母" not in f.description:
            notes.append("小写字母、数字和连字符")
        if f.min_items:
            notes.append(f"至少 {f.min_items} 项")
        if f.maximum is not None:
            notes.append(f"不超过 {f.maximum}")
        rows.append(f"| `{name}` | {_KIND_ZH[f.kind]} | {required} | {f.title} | {_cell('；'.join(notes))} |")
        if f.fields and f.name != "children":
            rows += _rows(f.fields, f"{name}[]." if f.kind in ("maps", "channels") else f"{name}.", {})
    return rows


def field_table(spec: F.RecordSpec) -> str:
    head = ["| 字段 | 类型 | 必填 | 含义 | 说明 |", "|---|---|---|---|---|"]
    return "\n".join(head + _rows(spec.fields, "", spec.required_by_kind)) + "\n"


SPECS = (F.SITE_CONFIG, F.CATEGORY, F.LEGAL_BASIS, F.POWER, F.DOCUMENT, F.CLEANUP, F.PAGE, F.ANNUAL_REPORT)

# docs file → {block name → its generated text}
GENERATED: dict[str, dict[str, Callable[[], str]]] = {
    "docs/rules.md": {"rules": rules_block},
    "docs/format.md": {spec.name: partial(field_table, spec) for spec in SPECS},
}


def render(text: str, blocks: dict[str, Callable[[], str]], path: str) -> str:
    """`text` with every generated block replaced; a block without a generator is an error."""
    seen: set[str] = set()

    def fill(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in blocks:
            raise ValueError(f"{path}: 未知的生成块 '{name}'（可用：{'、'.join(blocks)}）")
        seen.add(name)
        return m.group(1) + blocks[name]() + m.group(3)

    out = _BLOCK.sub(fill, text)
    missing = set(blocks) - seen
    if missing:
        raise ValueError(f"{path}: 缺少生成块 {'、'.join(sorted(missing))}："
                         "请加上 <!-- generated: NAME --> … <!-- end generated -->")
    return out


def stale(root: Path = ROOT) -> list[str]:
    """The docs whose generated parts differ from what the code says now."""
    out = []
    for rel, blocks in GENERATED.items():
        current = (root / rel).read_text(encoding="utf-8")
        if render(current, blocks, rel) != current:
            out.append(rel)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m tests.tools.ruledocs",
        description="从规则文档字符串和 fields.py 生成 docs/rules.md 与 docs/format.md 中的表格")
    p.add_argument("--check", action="store_true", help="只检查是否最新：过期时退出码为 1")
    args = p.parse_args(argv)
    try:
        if args.check:
            old = stale()
            for rel in old:
                print(f"{rel} 已过期：请运行 python -m tests.tools.ruledocs（或 make docs）", file=sys.stderr)
            return 1 if old else 0
        for rel, blocks in GENERATED.items():
            path = ROOT / rel
            current = path.read_text(encoding="utf-8")
            new = render(current, blocks, rel)
            if new != current:
                path.write_text(new, encoding="utf-8")
                print(f"已更新 {rel}")
    except (OSError, ValueError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
