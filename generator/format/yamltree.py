"""YAML text → plain Python values that remember the line and column of every key and item.

Plain `yaml.safe_load` loses positions, raises on an impossible date such as 2029-02-30,
silently keeps the last of two duplicate keys and expands alias bombs. Here we compose the
node graph with the (C, when available) safe composer and construct values ourselves, so
each of those becomes a finding with a position instead of a crash or a silent loss.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml
import yaml.constructor

from generator.problems import Pos

try:  # libyaml: ~10× faster composing, same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
# Which parser reads: the two word their syntax errors differently.
LOADER = _Loader.__name__


class _FastLoader(_Loader):
    """The safe loader minus path resolvers (none is registered), which libyaml calls for every node.

    Same tags as the stock resolver, with fewer Python calls per node.
    """

    _implicit = _Loader.yaml_implicit_resolvers

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_STD}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
# Compared once per scalar of every file: constants, not f-strings rebuilt on each comparison.
_TAG_STR, _TAG_NULL, _TAG_BOOL, _TAG_INT, _TAG_FLOAT = (f"{_STD}{t}" for t in ("str", "null", "bool", "int", "float"))
_COLLECTION_TAGS = {f"{_STD}seq", f"{_STD}map"}
_MAX_DEPTH = 64
# Characters XML 1.0 and HTML cannot carry (tab, LF and CR aside), and noncharacters.
_ESCAPED_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_constructor = yaml.constructor.SafeConstructor()


class YMap(dict[str, Any]):
    """A mapping that remembers where it starts and where each of its keys stands."""

    pos: Pos
    key_pos: dict[str, Pos]

    def at(self, key: str) -> Pos:
        return self.key_pos.get(key, self.pos)


class YList(list[Any]):
    """A sequence that remembers where it starts and where each item stands."""

    pos: Pos
    item_pos: list[Pos]

    def at(self, index: int) -> Pos:
        return self.item_pos[index] if 0 <= index < len(self.item_pos) else self.pos


class BadDate(str):
    """A scalar shaped like a date that is no real date (2029-02-30): kept as text for the message."""


class Refused(str):
    """A value the loader would not construct (a `!!python/...` tag, an alias); kept as its text."""


@dataclass(frozen=True)
class SyntaxFinding:
    pos: Pos
    message: str


def _pos(mark: Any, line_offset: int) -> Pos:
    return Pos(mark.line + 1 + line_offset, mark.column + 1)


class _Builder:
    def __init__(self, line_offset: int) -> None:
        self.line_offset = line_offset
        self.findings: list[SyntaxFinding] = []
        self.seen: set[int] = set()
        self.aliased: set[int] = set()
        self.aliases = 0

    def here(self, node: yaml.Node) -> Pos:
        return _pos(node.start_mark, self.line_offset)

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if depth > _MAX_DEPTH:
            self.findings.append(
                SyntaxFinding(self.here(node), f"嵌套超过 {_MAX_DEPTH} 层，目录文件不需要这么深的结构：请检查缩进")
            )
            return None
        if id(node) in self.seen:
            # Only an alias can reach a node twice; refusing it bounds the work (billion laughs).
            # The finding points at the anchored node, so it is reported once per anchor: a
            # million `*a` cost a million cheap refusals, not a million findings.
            if id(node) not in self.aliased:
                self.aliased.add(id(node))
                self.findings.append(
                    SyntaxFinding(self.here(node), "不支持 YAML 锚点/别名（& 和 *）：请把内容直接写出来")
                )
            self.aliases += 1
            if self.aliases > _MAX_ALIASES:
                raise _TooManyAliases
            return Refused("*alias")
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.tag not in _COLLECTION_TAGS:
            self.findings.append(
                SyntaxFinding(self.here(node), f"不允许的 YAML 标签 '{node.tag}'：请去掉它，只写普通的列表或映射")
            )
            return Refused(str(node.tag))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            out = YList()
            off = self.line_offset + 1  # positions inlined: this loop runs for every item of every file
            m = node.start_mark
            out.pos, out.item_pos = Pos(m.line + off, m.column + 1), []
            for item in node.value:
                m = item.start_mark
                out.item_pos.append(Pos(m.line + off, m.column + 1))
                out.append(self.build(item, depth + 1))
            return out
        return None  # pragma: no cover - a YAML node is a scalar, a sequence or a mapping

    def _mapping(self, node: yaml.MappingNode, depth: int) -> YMap:
        out = YMap()
        off = self.line_offset + 1
        m = node.start_mark
        out.pos, out.key_pos = Pos(m.line + off, m.column + 1), {}
        for key_node, value_node in node.value:
            m = key_node.start_mark
            kpos = Pos(m.line + off, m.column + 1)
            if key_node.tag == f"{_STD}merge":
                self.findings.append(SyntaxFinding(kpos, "不支持 YAML 合并键 '<<'：请把各字段直接写出来"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.findings.append(SyntaxFinding(kpos, "键必须是简单的文字，不能是列表或映射"))
                continue
            key = str(key_node.value)
            if key in out.key_pos:
                first = out.key_pos[key]
                self.findings.append(
                    SyntaxFinding(kpos, f"键 '{key}' 重复出现（第 {first.line} 行已有）：请删除或合并其中一个")
                )
                continue
            out.key_pos[key] = kpos
            out[key] = self.build(value_node, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self.findings.append(
                SyntaxFinding(self.here(node), f"不允许的 YAML 标签 '{tag}'：请去掉它，只写普通的值")
            )
            return Refused(str(node.value))
        if tag == _TAG_STR:
            text = str(node.value)
            bad = _ESCAPED_CONTROL.search(text)
            if bad:
                # Only a double-quoted escape ("\x00", "\x1b") gets here: the reader refuses the raw
                # characters. Pages and the Atom feed (XML) cannot carry them, so they never go further.
                self.findings.append(SyntaxFinding(
                    self.here(node),
                    f"值里有不可见的控制字符 U+{ord(bad.group()):04X}（双引号里的转义写法）：请删除它"))
                return Refused(_ESCAPED_CONTROL.sub("\ufffd", text))
            return text
        if tag == _TAG_NULL:
            return None
        if tag == _TAG_BOOL:
            return bool(_constructor.construct_yaml_bool(node))
        if tag == _TAG_INT:
            return _constructor.construct_yaml_int(node)
        if tag == _TAG_FLOAT:
            return _constructor.construct_yaml_float(node)
        try:
            value = _constructor.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return BadDate(node.value)
        if isinstance(value, dt.datetime):
            return BadDate(node.value)  # a time of day has no place in a catalogue date
        return value


def parse(text: str, line_offset: int = 0) -> tuple[Any, list[SyntaxFinding]]:
    """Parse one YAML document; return its value (None if unusable) and the findings."""
    try:
        too_deep = _too_deep(text, line_offset)
        if too_deep is not None:
            return None, [too_deep]
        node = yaml.compose(text, Loader=_FastLoader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_finding(exc, text, line_offset)]
    except yaml.reader.ReaderError as exc:
        return None, [_reader_finding(exc, text, line_offset)]
    except yaml.YAMLError as exc:
        return None, [SyntaxFinding(Pos(1 + line_offset, 1), f"YAML 语法错误：{exc}")]
    except RecursionError:
        return None, [SyntaxFinding(Pos(1 + line_offset, 1), "嵌套过深，无法读取：请检查缩进和括号")]
    if node is None:
        return None, []
    builder = _Builder(line_offset)
    try:
        return builder.build(node), builder.findings
    except _TooManyAliases:
        return None, [*builder.findings, SyntaxFinding(
            Pos(1 + line_offset, 1), f"别名（*）超过 {_MAX_ALIASES} 处，像是“别名炸弹”：已停止读取这个文件")]


# A catalogue needs no alias at all; past this many the file is an attack, and building a
# value per alias (a million `*a` fit in 5 MB) would cost seconds for nothing.
_MAX_ALIASES = 1000


class _TooManyAliases(Exception):
    pass


# libyaml's composer recurses in C once per nesting level and overflows the C stack (a
# segfault, not an exception) somewhere past 20,000 levels. Nesting can be no deeper than
# the number of flow brackets plus two levels per column of the longest line, so only a
# file whose bound exceeds this is walked event by event (iteratively) before composing.
_SAFE_NESTING_BOUND = 10_000


def _too_deep(text: str, line_offset: int) -> SyntaxFinding | None:
    bound = text.count("[") + text.count("{") + 2 * max(map(len, text.split("\n"))) + 2
    if bound <= _SAFE_NESTING_BOUND:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_DEPTH:
                return SyntaxFinding(_pos(event.start_mark, line_offset),
                                     f"嵌套超过 {_MAX_DEPTH} 层，目录文件不需要这么深的结构：请检查缩进和括号")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> SyntaxFinding:
    problem_mark, context_mark = exc.problem_mark, exc.context_mark
    context = str(exc.context or "")
    mark = problem_mark or context_mark
    hint: tuple[str, int, int] | None = None
    unclosed = (
        problem_mark is not None and context_mark is not None and problem_mark.line != context_mark.line
        and ("quoted scalar" in context or "flow" in context)
    )
    if unclosed:
        # An unclosed quote or bracket is only noticed lines later: point at where it opens.
        mark = context_mark
        what = "引号" if "quoted" in context else "括号"
        message = f"这里开始的{what}没有闭合：请补上对应的结束{what}"
    else:
        message = _explain(exc, text)
        hint = _line_hint(text, mark.line) if mark is not None else None
        if hint:
            message = hint[0]
    pos = _pos(mark, line_offset) if mark is not None else Pos(1 + line_offset, 1)
    if hint:
        pos = Pos(hint[1] + 1 + line_offset, hint[2] + 1)  # the character at fault, not where libyaml stopped
    last = text.count("\n")
    if mark is not None and mark.line > last:
        # "End of stream" is one line past a file without a final newline: point at its end.
        pos = Pos(last + 1 + line_offset, len(text) - (text.rfind("\n") + 1) + 1)
    return SyntaxFinding(pos, f"YAML 语法错误：{message}")


# Characters that arrive with text pasted from Word/WPS or typed with a Chinese input method,
# and that YAML reads differently from what the editor sees.
_HINTS = (
    (re.compile(r"^[ \t]*(?P<at>[\u3000\u00a0])"),
     "行首有全角空格或不换行空格（常见于从 Word 粘贴）：缩进只能用半角空格"),
    (re.compile(r"^[ \t]*(?:- )?[A-Za-z_][A-Za-z0-9_]*[ \t]*(?P<at>：)"),
     "键后面用了全角冒号 '：'：请改为半角冒号加空格 ': '"),
    (re.compile(r"^[ \t]*(?:- )?[A-Za-z_][A-Za-z0-9_]*(?P<at>:)[^ \t\n]"), "冒号后面缺少空格：请写成 'key: 值'"),
    (re.compile("(?P<at>\ufeff)"), "这一行有不可见的 BOM 字符（U+FEFF，常见于把两个文件拼在一起）：请删除它"),
)


def _line_hint(text: str, line: int) -> tuple[str, int, int] | None:
    """What the editor probably typed on the error's line or the line before it (where libyaml only
    notices it): the hint and the 0-based line and column of the character at fault."""
    lines = text.split("\n")
    for i in (line, line - 1):
        if 0 <= i < len(lines):
            for pattern, hint in _HINTS:
                if (m := pattern.search(lines[i])) is not None:
                    return hint, i, m.start("at")
    return None


_CONTROL_NAMES = {
    0x0B: "垂直制表符，Word 的手动换行（Shift+Enter）粘贴后就是它",
    0x0C: "换页符，Word 的分页符粘贴后就是它",
    0x07: "响铃符", 0x08: "退格符", 0x1B: "转义符",
}


def _reader_finding(exc: yaml.reader.ReaderError, text: str, line_offset: int) -> SyntaxFinding:
    """A character YAML does not accept (a control character): point at its first occurrence."""
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    index = text.find(chr(code))
    if index < 0:
        return SyntaxFinding(Pos(1 + line_offset, 1), f"YAML 语法错误：文件里有不允许的字符 U+{code:04X}")
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    name = _CONTROL_NAMES.get(code, "不可见的控制字符")
    return SyntaxFinding(Pos(line + 1 + line_offset, column + 1),
                         f"文件里有不可见的字符 U+{code:04X}（{name}）：请删除它，或在编辑器里重新输入这一行")


# Needles match both libyaml's and pure PyYAML's wording.
_EXPLAIN = {
    "mapping values are not allowed": "这里不能出现 ':'（值里含有 ': ' 时请给整个值加引号，或检查上一行的缩进）",
    "could not find expected ':'": "缺少 ':'，或上一行的缩进不对",
    "did not find expected key": "缩进不一致：同一层的键要对齐，或上一行的值需要加引号",
    "did not find expected '-' indicator": "缩进不一致：列表的各项（'- '）要对齐",
    "found undefined alias": "引用了未定义的锚点",
    "expected <block end>, but found": "缩进不一致：同一层的键要对齐",
    "found duplicate anchor": "锚点重复",
    "but found another document": "文件里只能有一个 YAML 文档（去掉多余的 '---'）",
    "expected a single document in the stream": "文件里只能有一个 YAML 文档（去掉多余的 '---'）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "found unknown escape character": "双引号字符串里有无效的转义（例如 '\\'）：改用单引号",
    "found a tab character that violates indentation": "缩进里有 Tab 字符，YAML 只能用空格缩进",
}


def _explain(exc: yaml.MarkedYAMLError, text: str) -> str:
    raw = str(exc.problem or exc.context or exc)
    mark = exc.problem_mark
    if mark is not None and "cannot start any token" in raw:
        lines = text.split("\n")
        line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
        if line[mark.column:mark.column + 1] == "\t":
            return "缩进里有 Tab 字符，YAML 只能用空格缩进"
        char = line[mark.column:mark.column + 1]
        if char in ("@", "`", "%"):
            return f"值不能以 '{char}' 开头：请给整个值加引号"
    for needle, zh in _EXPLAIN.items():
        if needle in raw or needle in str(exc.context or ""):
            return zh
    return f"无法解析这里（解析器的说明：{raw}）：请对照上下几行检查缩进、冒号和引号"
