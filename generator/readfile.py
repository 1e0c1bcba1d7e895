"""One catalogue file read safely: what is no file to read (a link out of the project, a pipe, a
file too big to be one) and what is no text (UTF-16, binary, not UTF-8, empty) become problems that
say what to do, never exceptions. Line ends are made LF so that every line number is an editor's.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.codes import Code
from generator.problems import Level, Pos, Problem, problem

MAX_FILE_BYTES = 5 * 1024 * 1024  # a catalogue file is a few KB; anything this big is a mistake


@dataclass(frozen=True)
class Text:
    """A decoded source file: its path relative to the project, text (LF line ends) and bytes' fingerprint."""

    path: str
    text: str
    digest: bytes


@dataclass(frozen=True)
class Bytes:
    """A source file as read: its path relative to the project, its bytes and their fingerprint."""

    path: str
    data: bytes
    digest: bytes


def err(path: str, pos: Pos | None, code: Code, message: str) -> Problem:
    """An error found reading a catalogue file."""
    return problem(path, pos, Level.ERROR, code, message)


def display_path(rel: str) -> str:
    """A path that can be printed: a file name saved in GBK on a UTF-8 system shows as GBK."""
    try:
        rel.encode("utf-8")
        return rel
    except UnicodeEncodeError:
        return os.fsencode(rel).decode("gb18030", errors="replace")


def inside(root: Path, file: Path | str, link: bool | None = None) -> bool:
    """Whether `file`, with every symbolic link resolved, is inside the project `root` (`link`: is it one)."""
    try:
        # realpath(dir/name) is realpath(dir)/name unless name itself is a link: resolving each folder
        # once (not every path component of 10,000 files), by string (not Path), keeps this off the profile.
        real = os.path.realpath(file) if (os.path.islink(file) if link is None else link) else \
            os.path.join(_real_dir(os.path.dirname(file)), os.path.basename(file))
        top = _real_dir(os.fspath(root))
    except (OSError, RuntimeError):  # a symlink loop
        return False
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


@lru_cache(maxsize=1024)
def _real_dir(folder: str) -> str:
    return os.path.realpath(folder)


# YAML counts these as line breaks too; turning them into \n keeps every line number (the
# parser's, the front matter split's and an editor's) the same.
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})


def _read_bytes(file: str, size: int) -> bytes:
    """The bytes of `file`, at most MAX_FILE_BYTES + 1: sized from stat (a 5 MB read buffer per file costs
    0.3 s of CPU at 10,000 files), no buffered file object (it costs as much again as the reading). The
    file may grow between stat and read, or a read come short: reading goes on to its end."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_BINARY", 0))  # O_BINARY: no newline translation on Windows
    try:
        parts: list[bytes] = []
        got, want = 0, min(size, MAX_FILE_BYTES) + 1
        while got <= MAX_FILE_BYTES and (chunk := os.read(fd, want - got)):
            parts.append(chunk)
            got += len(chunk)
            if got == want:
                want = MAX_FILE_BYTES + 1
        return b"".join(parts)
    finally:
        os.close(fd)


def read_bytes(root: Path, file: Path | str, problems: list[Problem]) -> Bytes | None:
    """The bytes of a catalogue file, unless it is no file to read: a link out of the project, a pipe
    or device, a file too big to be one, a name that is not UTF-8. Those are reported in `problems`."""
    top, name = os.fspath(root) + os.sep, os.fspath(file)  # by string: pathlib's relative_to costs more
    rel = name[len(top):].replace(os.sep, "/") if name.startswith(top) else Path(file).relative_to(root).as_posix()
    shown = display_path(rel)
    if shown != rel:
        problems.append(err(shown, None, Code.YAML_SYNTAX, f"文件名不是 UTF-8 编码（看起来是 GBK：{shown}）："
                            "请在本机重新命名这个文件，或解压时选择 UTF-8 文件名"))
        return None
    try:  # one system call for most files: what a file that is no link is, lstat says as stat would
        info: os.stat_result | None = os.lstat(name)
    except OSError:  # reported below, when it is read
        info = None
    link = info is None or stat.S_ISLNK(info.st_mode)
    if not inside(root, file, link):
        # A link to /etc/passwd or to another project: never read, never published.
        problems.append(err(rel, None, Code.YAML_SYNTAX,
                            "这是指向项目目录之外的符号链接，不会被读取：请把文件本身复制到项目里"))
        return None
    try:
        info = os.stat(name) if link or info is None else info
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            problems.append(err(rel, None, Code.YAML_SYNTAX,
                                "这不是普通文件（管道或设备文件），不会被读取：请从目录中移走它"))
            return None
        if info.st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1024 // 1024
            problems.append(err(rel, None, Code.YAML_SYNTAX,
                                f"文件过大（超过 {limit} MB），不像目录文件：请检查是否放错了文件"))
            return None
        data = _read_bytes(name, info.st_size)
    except OSError as exc:
        problems.append(err(rel, None, Code.YAML_SYNTAX, f"无法读取文件：{exc.strerror}"))
        return None
    return Bytes(rel, data, hashlib.blake2b(data, digest_size=16).digest())


def decode(raw: Bytes, problems: list[Problem]) -> Text | None:
    """The text of a file read by `read_bytes`, line ends made LF; None (reported) if it is not UTF-8
    text or is empty."""
    rel, data = raw.path, raw.data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(err(rel, None, Code.YAML_SYNTAX,
                            "文件是 UTF-16 编码（记事本的“Unicode”）：请用编辑器“另存为 UTF-8”后再运行"))
        return None
    if b"\x00" in data:
        problems.append(err(rel, None, Code.YAML_SYNTAX, "这是二进制文件，不是文本：请从目录中移走它"))
        return None
    try:
        text = data.decode("utf-8-sig")  # a BOM from Notepad/WPS is harmless: drop it
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码，"
        except UnicodeDecodeError:
            pass
        problems.append(err(rel, Pos(line, 1), Code.YAML_SYNTAX,
                            f"文件不是 UTF-8 编码（{hint}第 {line} 行）：请用编辑器“另存为 UTF-8”后再运行"))
        return None
    if not text or text.isspace():  # not text.strip(): that copies every file to find out
        # Usually a save that failed or content that was cut away: never publish it silently.
        problems.append(err(rel, None, Code.YAML_SYNTAX,
                            "文件是空的（可能保存失败或内容被误删）：请恢复内容；确实不需要就删除这个文件"))
        return None
    text = text.replace("\r\n", "\n")
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:  # translate() is slow on CJK text
        text = text.translate(_LINE_BREAKS)
    return Text(rel, text, raw.digest)


def read_text(root: Path, file: Path | str, problems: list[Problem]) -> Text | None:
    """`decode(read_bytes(…))`: a catalogue file's text, or None with its problems reported."""
    raw = read_bytes(root, file, problems)
    return None if raw is None else decode(raw, problems)


def front_matter_end(lines: Sequence[str]) -> int | None:
    """Where the front matter of a Markdown file's lines closes: the index of its `---` (or `...`) line.

    0 when the first line is not `---` (no front matter), None when no line closes it. A line's
    end (`\n`, `\r\n`) may be kept on it: `split("\n")` and `splitlines(keepends=True)` both work.
    """
    if not lines or lines[0].strip() != "---":
        return 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return i
    return None


def split_front_matter(src: Text, problems: list[Problem], required: bool) -> tuple[str | None, int, str, int]:
    """Return (front matter text or None, its first line, body, body's first line)."""
    lines = src.text.split("\n")
    end = front_matter_end(lines)
    if end == 0:
        if required:
            problems.append(err(src.path, Pos(1, 1), Code.YAML_SYNTAX,
                                 "文件开头缺少 front matter：第一行应是 '---'，然后是各字段，再以 '---' 结束"))
        return None, 1, src.text, 1
    if end is not None:
        return "\n".join(lines[1:end]), 2, "\n".join(lines[end + 1:]), end + 2
    problems.append(err(src.path, Pos(1, 1), Code.YAML_SYNTAX,
                         "front matter 没有结束：请在字段之后加一行 '---'，再写正文"))
    return None, 1, "", 1


def forget_folders() -> None:
    """Folders may have been moved or linked since the last load in this process: resolve them again."""
    _real_dir.cache_clear()
