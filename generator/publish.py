"""Publishing a built site: the output directory is replaced in one step at the very end of a build.

A failure or a kill at any moment leaves the previous site untouched and complete: the new site is
assembled in a hidden directory beside it and exchanged with `renameat2(RENAME_EXCHANGE)` where the
filesystem supports it (`swap_in`); `recover` undoes what a killed build left behind, `locked` lets
one build at a time publish into a directory, and `check_out` refuses an output directory that is not
one this tool built (it carries MARKER).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.problems import UsageError

MARKER = ".gov-disclosure-site"  # marks a directory this tool built, so `--out` never replaces anything else


def _renameat2_exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


State = tuple[int, int, int]  # a published file's (inode, size, mtime), as cache.file_state gives it


def swap_in(new: Path, out: Path, trash: Path | None = None, links: Mapping[str, State] | None = None) -> None:
    """Make `new` the directory at `out`; the previous `out` stays complete until that instant.
    With `trash`, the previous site is deleted there in the background (see discard), its folders kept
    as the next build's skeleton with hard links to the files `links` of the new site in them."""
    links = links or {}
    if not out.exists():
        os.rename(new, out)
        if trash is not None:  # no previous site to make the next build's skeleton of: copy this one's folders
            in_background(_copy_folders, out, trash, links)
        return
    if _renameat2_exchange(new, out):
        discard(new, trash, out, links)  # `new` now holds the previous site
        return
    # Fallback (no RENAME_EXCHANGE): two renames. A kill between them leaves the previous site in
    # .<name>-old-*; the next build puts it back before doing anything (see recover).
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    os.rmdir(old)
    os.rename(out, old)
    os.rename(new, out)
    discard(old, trash, out, links)


FOLDERS = ".folders"  # in a skeleton: the list of its folders
FILES = ".files"  # in a skeleton: the list of the files linked in it


def discard(old: Path, trash: Path | None, site: Path | None = None, links: Mapping[str, State] | None = None) -> None:
    """Delete a previous site. Deleting tens of thousands of files and folders takes seconds that a
    publisher should not wait for: with `trash` (a folder of the cache, on the same filesystem) the
    tree is moved there and emptied by a detached process, which keeps its folders as a skeleton for
    the next build (see take_skeleton) and in them hard links to the files `links` of `site`, the
    site now published; whatever it leaves (a machine stopped meanwhile) the next build's emptying removes."""
    if trash is None:
        shutil.rmtree(old)
        return
    (trash / "old").mkdir(parents=True, exist_ok=True)
    os.rename(old, trash / "old" / old.name)
    in_background(_empty, trash, site, links or {})


def in_background(work: Callable[..., None], *args: object) -> None:
    """`work(*args)` in a detached process (double fork: no zombie is left to the caller, which may be
    a long-running serve). The process holds no file of its parent open: a caller reading this build's
    output to its end, or waiting for the output lock, never waits for it."""
    if not hasattr(os, "fork"):
        work(*args)
        return
    pid = os.fork()
    if pid == 0:
        try:
            if os.fork() == 0:
                os.setsid()
                devnull = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(devnull, fd)
                os.closerange(3, os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 1024)
                work(*args)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def _copy_folders(site: Path, trash: Path, links: Mapping[str, State]) -> None:
    """A skeleton with the folders of `site` (the first site published here) and links to its files
    `links`, made aside and moved into place in one rename, so that a build never takes a half-made one."""
    skeleton, making = trash / "skeleton", trash / f"making-{os.getpid()}"
    try:
        making.mkdir(parents=True)
        folders = _folders(site)
        for folder in folders:
            os.mkdir(making / folder)
        _list(making, folders, _link_files(making, site, links))
        if not skeleton.exists():
            os.rename(making, skeleton)
    except OSError:  # the site replaced meanwhile, a full disk: no skeleton, the next build makes its folders
        pass
    shutil.rmtree(making, ignore_errors=True)


def _link_files(tree: Path, site: Path, links: Mapping[str, State]) -> set[str]:
    """Hard links in `tree` to the files `links` of `site`; one that `tree` holds already (the same
    inode: an earlier site's file the new one took over) is kept. The files now linked in `tree`."""
    present = set()
    base, src = os.fspath(tree) + "/", os.fspath(site) + "/"
    for rel, state in links.items():
        path = base + rel
        with contextlib.suppress(FileNotFoundError):
            if os.lstat(path).st_ino == state[0]:
                present.add(rel)
                continue
            os.unlink(path)
        try:
            try:
                os.link(src + rel, path)
            except FileNotFoundError:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                os.link(src + rel, path)
        except OSError:  # gone from the site meanwhile, or no hard links here: the build links or makes it
            continue
        present.add(rel)
    return present


def _folders(tree: Path, emptying: bool = False, keep: Collection[str] = ()) -> list[str]:
    """The folders under `tree` (relative, parents first; a link to a folder is not followed). `emptying`:
    every file but those `keep` (relative), and every link to a folder, deleted on the way."""
    out = []
    for dirpath, dirnames, filenames in os.walk(tree):
        rel = os.path.relpath(dirpath, tree)
        for name in filenames if emptying else ():
            if (name if rel == "." else f"{rel}/{name}") not in keep:
                os.unlink(os.path.join(dirpath, name))
        for name in dirnames:
            if not os.path.islink(os.path.join(dirpath, name)):
                out.append(name if rel == "." else f"{rel}/{name}")
            elif emptying:
                os.unlink(os.path.join(dirpath, name))
    return out


def _list(skeleton: Path, folders: list[str], files: Collection[str]) -> None:
    """The skeleton's folders and linked files, in it (take_skeleton takes the lists out): the build that
    fills it then removes the folders it did not use without walking ten thousand of them, and knows
    which of its files are there already."""
    (skeleton / FOLDERS).write_text("\n".join(folders), encoding="utf-8", errors="surrogateescape")
    (skeleton / FILES).write_text("\n".join(sorted(files)), encoding="utf-8", errors="surrogateescape")


def _empty(trash: Path, site: Path | None = None, links: Mapping[str, State] | None = None) -> None:
    """Each tree in `trash`/old: made the skeleton for the next build when there is none yet — its files
    deleted but those of `links` (`site`'s files, linked in where the tree does not hold them already),
    its folders kept, and moved in one rename —; otherwise deleted. A skeleton left half-made by a
    process that was killed is deleted too."""
    for making in trash.glob("making-*"):
        if not _alive(making.name.removeprefix("making-")):
            shutil.rmtree(making, ignore_errors=True)
    for tree in sorted((trash / "old").iterdir()):
        skeleton = trash / "skeleton"
        if skeleton.exists():
            shutil.rmtree(tree, ignore_errors=True)
            continue
        try:
            linked = _link_files(tree, site, links) if site is not None and links else set()
            _list(tree, _folders(tree, emptying=True, keep=linked), linked)
            os.rename(tree, skeleton)
        except OSError:
            shutil.rmtree(tree, ignore_errors=True)


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:  # someone else's process
        pass
    return True


@dataclass(frozen=True)
class Skeleton:
    """A new build directory made of an earlier site's folders, with the list of them (None: unknown)
    and the files linked in it (hard links to the published site's: taken over in place)."""

    path: Path
    folders: list[str] | None
    files: list[str]


def take_skeleton(trash: Path, dest_parent: Path, prefix: str) -> Skeleton | None:
    """The folders of an earlier site, and links to the published site's pages, as a new build directory
    beside the output: most of the folders a build needs already exist (making ten thousand folders
    costs seconds on a busy disk), and most pages too. None when there is no skeleton ready."""
    skeleton = trash / "skeleton"
    if not skeleton.is_dir():
        return None
    target = Path(tempfile.mkdtemp(prefix=prefix, dir=dest_parent))
    os.rmdir(target)
    try:
        os.rename(skeleton, target)
    except OSError:
        return None
    os.chmod(target, 0o700)
    lists: list[list[str] | None] = []
    for name in (FOLDERS, FILES):
        try:
            listed = (target / name).read_text(encoding="utf-8", errors="surrogateescape")
            (target / name).unlink()
        except OSError:
            lists.append(None)
        else:
            lists.append([f for f in listed.split("\n") if f])
    folders, files = lists
    if files is None:  # unknown files: none may stay (a build must never write through a link)
        _folders(target, emptying=True)
    return Skeleton(target, folders, files or [])


def prune_empty(root: Path, folders: list[str] | None = None, filled: Collection[str] = ()) -> None:
    """Remove the folders under `root` that hold nothing (a skeleton's folders this build did not use).
    With the skeleton's `folders` (relative), only those are tried, deepest first, but for the ones
    known `filled` (absolute paths): no walk over every folder of the site."""
    if folders is None:
        for dirpath, _dirnames, filenames in os.walk(root, topdown=False):
            if dirpath != str(root) and not filenames:
                try:
                    os.rmdir(dirpath)
                except OSError:  # a folder in it holds a file
                    pass
        return
    base = os.fspath(root) + "/"
    for rel in sorted(folders, key=lambda f: -f.count("/")):
        if base + rel not in filled:
            try:
                os.rmdir(base + rel)
            except OSError:  # it holds something (or is gone)
                pass


def recover(out: Path) -> None:
    """Undo what a killed build left beside `out`: stale temporary dirs; a previous site mid-swap."""
    olds = sorted(out.parent.glob(f".{out.name}-old-*"))
    if not out.exists() and olds:
        os.rename(olds[-1], out)
        olds = olds[:-1]
    for d in olds + sorted(out.parent.glob(f".{out.name}-build-*")):
        shutil.rmtree(d, ignore_errors=True)


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """One build at a time per output directory (a second waits), so cleanup never races a build."""
    lock = out.parent / f".{out.name}.lock"
    with open(lock, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def check_out(project: Path, out: Path) -> None:
    """Refuse an output directory that is the project, inside content/, or not a site this tool built."""
    project, resolved = project.resolve(), out.resolve()
    if resolved == project or resolved in project.parents:
        raise UsageError(f"输出目录 {out} 是项目目录或其上级，拒绝覆盖：请用 --out 指定单独的目录（默认 site/）")
    if project / "content" == resolved or (project / "content") in resolved.parents:
        raise UsageError(f"输出目录 {out} 在 content/ 里面：请用 --out 指定 content/ 以外的目录")
    if resolved.exists():
        if not resolved.is_dir():
            raise UsageError(f"输出路径 {out} 已存在且不是目录：请换一个 --out")
        if any(resolved.iterdir()) and not (resolved / MARKER).is_file():
            raise UsageError(f"输出目录 {out} 已存在且不是本工具生成的站点（缺少 {MARKER}），拒绝覆盖："
                             "请换一个 --out 或先移走它")

