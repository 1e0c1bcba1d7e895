"""Change values in a YAML text by editing only the characters that hold them.

The editor's file is the record: its comments, key order, blank lines, quoting and the
Markdown body around a front matter all belong to the editor. A load → dump round trip with
PyYAML would drop every comment and reflow every value, so instead we compose the node tree
(which knows where each value starts and ends), compare the old and new plain values and
turn each difference into a small text edit: replace one scalar, insert one key line, append
one list item. Whatever did not change keeps its bytes.

`update_text` re-parses its own output and refuses (EditError) unless the result reads back
as exactly the intended values, so a bug here can never silently lose or corrupt data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from generator.format import fields as F
from generator.format.yamltree import parse

_SAFE_PLAIN_CACHE: dict[tuple[str, bool], bool] = {}


class EditError(Exception):
    """The requested change cannot be made safely as a text edit (the message says why, in Chinese)."""


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] by `text` (start == end inserts)."""

    start: int
    end: int
    text: str


def plain(value: Any) -> Any:
    """Positioned YAML values (YMap/YList, BadDate, Refused) → plain dicts, lists and scalars."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


# ---------------------------------------------------------------------------------------------
# Rendering values as YAML text


def _plain_ok(s: str, flow: bool) -> bool:
    """Whether `s` reads back as the same string when written without quotes."""
    key = (s, flow)
    cached = _SAFE_PLAIN_CACHE.get(key)
    if cached is not None:
        return cached
    ok = False
    if s and s == s.strip() and "\n" not in s and not s.startswith(("'", '"', "&", "*", "!", "|", ">", "%", "@", "`")):
        probe = f"k: [{s}]" if flow else f"k: {s}"
        try:
            loaded = yaml.load(probe, Loader=yaml.SafeLoader)  # noqa: S506 - SafeLoader
            ok = loaded == ({"k": [s]} if flow else {"k": s})
        except yaml.YAMLError:
            ok = False
    _SAFE_PLAIN_CACHE[key] = ok
    return ok


def scalar(value: Any, flow: bool = False) -> str:
    """One scalar as YAML: plain where that reads back unchanged, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return "null"
    s = str(value)
    if _plain_ok(s, flow):
        return s
    if all(_printable(c) for c in s):
        return "'" + s.replace("'", "''") + "'"
    return _double_quoted(s)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _printable(c: str) -> bool:
    """A character YAML keeps as it is inside quotes: no line break (NEL, LS, PS too), no control code."""
    o = ord(c)
    return (c == "\t" or 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000) \
        and o != 0xFEFF and c not in "\u2028\u2029"


def _double_quoted(s: str) -> str:
    out = []
    for c in s:
        o = ord(c)
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif _printable(c):
            out.append(c)
        else:
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}")
    return '"' + "".join(out) + '"'


def flow(value: Any) -> str:
    """A value on one line: scalars, [a, b] and {k: v}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, True)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value, flow=True)


def _is_scalar_list(value: Any) -> bool:
    return isinstance(value, list) and not any(isinstance(v, (dict, list)) for v in value)


def block(value: Any, col: int, nl: str = "\n") -> str:
    """A mapping or list laid out in block style at column `col`; the first line is not indented.

    Lists of scalars and maps nested inside list items stay on one line ([a, b] / {k: v}),
    the way the catalogue is written by hand.
    """
    pad = nl + " " * col
    if isinstance(value, dict):
        lines = []
        for k, v in value.items():
            if isinstance(v, dict) and v:
                lines.append(f"{scalar(k)}:{pad}  {block(v, col + 2, nl)}")
            elif isinstance(v, list) and v and not _is_scalar_list(v):
                lines.append(f"{scalar(k)}:{pad}  {block(v, col + 2, nl)}")
            else:
                lines.append(f"{scalar(k)}: {flow(v)}")
        return pad.join(lines)
    if isinstance(value, list):
        items = []
        for v in value:
            if isinstance(v, dict) and v:
                items.append("- " + _item_map(v, col + 2, nl))
            else:
                items.append("- " + flow(v))
        return pad.join(items)
    return flow(value)


def _item_map(value: dict[str, Any], col: int, nl: str) -> str:
    pad = nl + " " * col
    return pad.join(f"{scalar(k)}: {flow(v)}" for k, v in value.items())


def ordered(value: dict[str, Any], fields: Sequence[F.Field]) -> dict[str, Any]:
    """`value` with its keys in the format's order (unknown keys last), nested maps too."""
    out: dict[str, Any] = {}
    by_name = {f.name: f for f in fields}
    names = [f.name for f in fields if f.name in value] + [k for k in value if k not in by_name]
    for name in names:
        v = value[name]
        sub = by_name[name].fields if name in by_name else ()
        if isinstance(v, dict):
            v = ordered(v, sub)
        elif isinstance(v, list):
            v = [ordered(x, sub) if isinstance(x, dict) else x for x in v]
        out[name] = v
    return out


# ---------------------------------------------------------------------------------------------
# Editing


def _subfields(fields: Sequence[F.Field], key: str) -> tuple[F.Field, ...]:
    f = next((x for x in fields if x.name == key), None)
    return f.fields if f is not None else ()


class YamlText:
    """One YAML text with its node tree; collects edits and applies them all at once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.nl = "\r\n" if "\r\n" in text else "\n"
        try:
            # The pure-Python composer: its marks count characters, libyaml's may count bytes.
            self.root: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            raise EditError(f"YAML 无法读取：{exc}") from None
        self.edits: list[Edit] = []
        self._key_of: dict[int, yaml.Node] = {}
        stack = [self.root] if self.root is not None else []
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    self._key_of[id(v)] = k
                    stack.append(v)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)

    # -- locating ------------------------------------------------------------------------------

    def root_map(self) -> yaml.MappingNode:
        """The top-level mapping (a document's front matter)."""
        if not isinstance(self.root, yaml.MappingNode):
            raise EditError("文件的内容不是一组“键: 值”")
        return self.root

    def record_at(self, line: int, column: int) -> yaml.MappingNode:
        """The mapping node starting at 1-based (line, column) — where yamltree saw the record."""
        root = self.root
        candidates: list[yaml.Node] = []
        if isinstance(root, yaml.MappingNode):
            candidates = [root]
        elif isinstance(root, yaml.SequenceNode):
            candidates = list(root.value)
        for node in candidates:
            if isinstance(node, yaml.MappingNode) and (node.start_mark.line + 1, node.start_mark.column + 1) \
                    == (line, column):
                return node
        raise EditError(f"在第 {line} 行找不到这条记录（文件在读取后被改动了？）")

    # -- positions -----------------------------------------------------------------------------

    def _content_end(self, node: yaml.Node) -> int:
        """Index just after the last character that belongs to `node` (not trailing comments)."""
        if isinstance(node, yaml.ScalarNode):
            if node.style in ("|", ">"):
                end = node.end_mark.index
                while end > node.start_mark.index and self.text[end - 1] in "\r\n \t":
                    end -= 1
                return end
            return node.end_mark.index
        if getattr(node, "flow_style", False):
            return node.end_mark.index
        if isinstance(node, yaml.MappingNode) and node.value:
            return self._content_end(node.value[-1][1])
        if isinstance(node, yaml.SequenceNode) and node.value:
            return self._content_end(node.value[-1])
        return node.end_mark.index

    def _line_after(self, index: int) -> tuple[int, str]:
        """Index of the start of the line after `index`, and a newline to add first if at EOF."""
        nl_at = self.text.find("\n", index)
        if nl_at == -1:
            return len(self.text), self.nl
        return nl_at + 1, ""

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _only_space_before(self, index: int) -> bool:
        return self.text[self._line_start(index):index].strip() == ""

    # -- edits ---------------------------------------------------------------------------------

    def _replace(self, node: yaml.Node, new: Any) -> None:
        start, end = node.start_mark.index, self._content_end(node)
        is_block = (isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style) \
            or (isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"))
        if is_block and isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) \
                and isinstance(new, (dict, list)) and new:
            text = block(new, node.start_mark.column, self.nl)
        elif is_block and self._only_space_before(start) and id(node) in self._key_of:
            # A block value on its own lines becomes a one-line value after the key's colon.
            colon = self.text.find(":", self._key_of[id(node)].end_mark.index)
            start, text = colon + 1, " " + flow(new)
        else:
            text = flow(new)
            if start == end and start > 0 and self.text[start - 1] == ":":
                text = " " + text  # `key:` with an empty value
        self.edits.append(Edit(start, end, text))

    def _insert_key(self, node: yaml.MappingNode, key: str, value: Any, order: Sequence[str]) -> None:
        present = {k.value: (k, v) for k, v in node.value}
        col = node.value[0][0].start_mark.column
        rank = {name: i for i, name in enumerate(order)}
        mine = rank.get(key, len(order))
        before = [k for k in present if rank.get(k, len(order)) <= mine]
        if before:
            anchor = max(before, key=lambda k: (rank.get(k, len(order)), present[k][0].start_mark.index))
            at, lead = self._line_after(self._content_end(present[anchor][1]))
        else:
            first_key = node.value[0][0]
            if self._only_space_before(first_key.start_mark.index):
                at, lead = self._line_start(first_key.start_mark.index), ""
            else:  # the first key sits after '- ': the new key goes right below it
                at, lead = self._line_after(self._content_end(node.value[0][1]))
        entry = block({key: value}, col, self.nl)
        self.edits.append(Edit(at, at, lead + " " * col + entry + self.nl))

    def _remove_key(self, node: yaml.MappingNode, key: str) -> None:
        for k, v in node.value:
            if k.value != key:
                continue
            if not self._only_space_before(k.start_mark.index):
                raise EditError(f"无法自动删除字段 '{key}'（它和 '- ' 写在同一行）：请在文件中手工删除")
            start = self._line_start(k.start_mark.index)
            end, lead = self._line_after(self._content_end(v))
            self.edits.append(Edit(start, end, ""))
            return

    def _append_items(self, node: yaml.SequenceNode, items: list[Any]) -> None:
        if node.flow_style or not node.value:
            raise AssertionError("only block sequences are appended to")
        col = node.start_mark.column
        at, lead = self._line_after(self._content_end(node.value[-1]))
        last = node.value[-1]
        if isinstance(last, yaml.MappingNode) and last.flow_style:
            # The list is written one {…} per line: keep it so.
            text = "".join(" " * col + "- " + flow(item) + self.nl for item in items)
        else:
            text = "".join(" " * col + block([item], col, self.nl) + self.nl for item in items)
        self.edits.append(Edit(at, at, lead + text))

    def update(self, node: yaml.Node, old: Any, new: Any, fields: Sequence[F.Field] = ()) -> None:
        """Queue the edits that turn `node` (holding `old`) into `new`, touching as little as possible."""
        if type(old) is type(new) and old == new:
            return
        if isinstance(node, yaml.MappingNode) and isinstance(old, dict) and isinstance(new, dict) \
                and not node.flow_style and node.value:
            gone = [key for key in old if key not in new]
            if len(gone) == len(node.value):
                self._replace(node, new)
                return
            values = {k.value: v for k, v in node.value}
            order = [f.name for f in fields]
            for key, value in new.items():
                if key in old and key in values:
                    self.update(values[key], old[key], value, _subfields(fields, key))
            rank = {name: i for i, name in enumerate(order)}
            for key, value in sorted(((k, v) for k, v in new.items() if k not in old),
                                     key=lambda kv: rank.get(kv[0], len(order))):
                sub = _subfields(fields, key)
                self._insert_key(node, key, ordered(value, sub) if isinstance(value, dict) else value, order)
            for key in gone:
                self._remove_key(node, key)
            return
        if isinstance(node, yaml.SequenceNode) and isinstance(old, list) and isinstance(new, list) \
                and not node.flow_style and old and len(new) >= len(old) \
                and all(isinstance(x, dict) for x in new[len(old):]):
            for item_node, o, n in zip(node.value, old, new, strict=False):
                self.update(item_node, o, n, fields)
            if len(new) > len(old):
                self._append_items(node, [ordered(x, fields) for x in new[len(old):]])
            return
        if isinstance(node, yaml.SequenceNode) and isinstance(old, list) and isinstance(new, list) \
                and len(old) == len(new) and all(isinstance(x, dict) for x in old + new):
            for item_node, o, n in zip(node.value, old, new, strict=True):
                self.update(item_node, o, n, fields)
            return
        self._replace(node, new)

    def append_record(self, record: dict[str, Any]) -> None:
        """Add one record at the end of a file that holds a list of records."""
        self.append_text("- " + block(record, 2) + "\n")

    def append_text(self, entry: str) -> None:
        """Add text (whole lines, written with \\n) at the end, after the file's last record."""
        text = self.text
        lead = "" if not text or text.endswith("\n") else self.nl
        items = self.root.value if isinstance(self.root, yaml.SequenceNode) else []
        # Keep the file's own habit: a blank line between records, or none.
        if len(items) > 1:
            between = text[self._content_end(items[-2]):self._line_start(items[-1].start_mark.index)]
            blank = between.count("\n") > 1
        else:
            blank = bool(items) or bool(self.edits)   # a new file: the catalogue's habit, a blank line
        if blank and not (text + lead).endswith(self.nl * 2):
            lead += self.nl
        if self.nl != "\n":
            entry = entry.replace("\n", self.nl)
        self.edits.append(Edit(len(text), len(text), lead + entry))

    def result(self) -> str:
        out = self.text
        last = len(out) + 1
        # Same-place insertions are applied last-queued first, so they end up in queue order.
        queued = sorted(enumerate(self.edits), key=lambda ie: (ie[1].start, ie[1].end, ie[0]), reverse=True)
        for _, e in queued:
            if e.end > last:
                raise EditError("内部错误：两处修改重叠")
            out = out[:e.start] + e.text + out[e.end:]
            last = e.start
        return out


def verify(text: str, expected: Any, what: str) -> None:
    """Re-read an edited text and refuse unless it holds exactly `expected`."""
    value, findings = parse(text)
    if findings:
        raise EditError(f"内部错误：修改后的 {what} 无法读取（{findings[0].message}），未写入任何文件")
    if plain(value) != expected:
        raise EditError(f"内部错误：修改后的 {what} 与预期内容不一致，未写入任何文件")

