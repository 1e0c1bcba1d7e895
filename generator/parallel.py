"""Work in a forked child process, result back through a file: how the site build uses a second core.

A forked child starts with everything the parent has already computed (the catalogue, the pages,
MkDocs' file list and navigation), so nothing has to be pickled on the way in; only the child's
small result (log records, anchor ids) is pickled on the way back. It goes into an unnamed temporary
file, not a pipe: a child whose result outgrows a pipe's buffer (64 KB) would wait, holding all its
memory, until the parent reads — the search index's child, hundreds of MB at 50,000 documents, for
the whole of rendering. The child writes its files into
the same output directory as the parent — each process owns disjoint paths — and ends with
os._exit, so it never runs the parent's cleanup or flushes the parent's buffers a second time.

Where fork is unavailable (not Linux/macOS), the work runs inline when its result is awaited:
the same output, on one core.

When a child is forked, the parent's objects are frozen out of the cycle collector (gc.freeze): a
collection writes into every object it visits, and each write copies a shared page into the writer
— a child's collection, or the parent's, would otherwise copy most of the catalogue (at 50,000
documents, hundreds of megabytes). They stay frozen until the build ends (`thaw`).
"""

from __future__ import annotations

import ctypes
import functools
import gc
import os
import pickle
import signal
import struct
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# More processes than this only add memory (each child copies what it touches of the parent's heap).
MAX_JOBS = 4


def available_cpus() -> int:
    """CPUs this process may run on (a container's quota is reflected in its affinity mask)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_jobs() -> int:
    return max(1, min(MAX_JOBS, available_cpus()))


_running = 0  # children not yet reaped: the parent's objects stay frozen while there are any


def _started() -> None:
    global _running
    if _running == 0:
        gc.freeze()
    _running += 1


def _reaped() -> None:
    global _running
    _running -= 1


def children_running() -> bool:
    """Whether a forked child is not yet reaped (the parent's objects are then frozen)."""
    return _running > 0


def thaw() -> None:
    """The objects frozen while children ran back in the collector's care: for the end of a build in a
    long-running process (serve), where they may become garbage. Not on every child's end: the next
    collection of the oldest generation would then walk the whole catalogue again (0.27 s at 10,000
    documents, once per child), while frozen objects still go when nothing refers to them."""
    if _running == 0:
        gc.unfreeze()


@functools.cache
def _libc() -> Any:
    try:
        # The program's own symbols, libc's among them: find_library("c") would run ldconfig every build.
        return ctypes.CDLL(None)
    except OSError:
        return None


def give_back_memory() -> None:
    """Return the C heap's free pages to the system (glibc's malloc_trim; elsewhere nothing). Texts
    longer than 512 bytes live on the C heap, and glibc keeps what they leave when freed: after the
    search records of 50,000 documents (the texts read for them dropped again), a hundred MB that a
    process holds on to — and a forked child's memory is counted whole."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


class ChildFailed(RuntimeError):
    """The forked child raised (its traceback text is the message) or died."""


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_all(fd: int) -> bytes:
    chunks = []
    offset = 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


class Forked(Generic[T]):
    """A function running in a child process (or, without fork, waiting to run inline)."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn: Callable[[], T] | None = fn
        self._pid = 0
        self._fd = -1
        if not hasattr(os, "fork"):
            return
        sys.stdout.flush()
        sys.stderr.flush()
        result = tempfile.TemporaryFile(prefix="gov-site-")  # gone when closed, and if both processes die
        read_fd = write_fd = os.dup(result.fileno())
        result.close()
        _started()
        try:
            pid = os.fork()
        except BaseException:
            _reaped()
            os.close(read_fd)
            raise
        if pid == 0:  # the child: run, report, and leave without touching the parent's state
            code = 0
            try:
                payload = pickle.dumps((True, fn()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:  # noqa: BLE001 - every failure is reported to the parent
                code = 1
                payload = pickle.dumps((False, traceback.format_exc()), protocol=pickle.HIGHEST_PROTOCOL)
            try:
                _write_all(write_fd, struct.pack("<Q", len(payload)) + payload)
            finally:
                os._exit(code)
        self._pid, self._fd, self._fn = pid, read_fd, None

    _status: int | None = None  # the child's exit status, once reaped

    def running(self) -> bool:
        """Whether the child is still at work (never blocks; without fork: never)."""
        if self._fn is not None or self._fd < 0 or self._status is not None:
            return False
        pid, status = os.waitpid(self._pid, os.WNOHANG)
        if pid == 0:
            return True
        self._status = status
        _reaped()
        return False

    def cancel(self) -> None:
        """Stop a child whose result is no longer wanted (the parent failed first) and reap it."""
        if self._fn is not None or self._fd < 0:
            self._fn = None
            return
        os.close(self._fd)
        self._fd = -1
        if self._status is not None:  # reaped already
            return
        try:
            os.kill(self._pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)
        _reaped()

    def terminate(self) -> None:
        """Ask a running child to stop (SIGTERM); whoever waits for it then gets ChildFailed."""
        if self._fn is None and self._fd >= 0:
            try:
                os.kill(self._pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def wait(self) -> T:
        """The function's result; raises ChildFailed if it raised or the child died."""
        if self._fn is not None:  # no fork: run it now
            fn, self._fn = self._fn, None
            return fn()
        try:
            if self._status is None:
                _pid, self._status = os.waitpid(self._pid, 0)
                _reaped()
            status = self._status
            data = _read_all(self._fd)
        finally:
            os.close(self._fd)
            self._fd = -1
        if len(data) < 8 or len(data) != 8 + struct.unpack("<Q", data[:8])[0]:
            raise ChildFailed(f"子进程异常退出（状态 {status}），没有返回结果")
        ok, value = pickle.loads(data[8:])
        if not ok:
            raise ChildFailed(f"子进程出错：\n{value}")
        return value  # type: ignore[no-any-return]


def fork_call(fn: Callable[[], T]) -> Forked[T]:
    """Start `fn` in a child process now; `.wait()` returns its result."""
    return Forked(fn)
