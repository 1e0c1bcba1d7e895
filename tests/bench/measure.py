"""Measuring a command: wall-clock time and the peak memory of its whole process tree.

Peak memory is sampled from /proc every 20 ms over the process and all its descendants (a build
that forks workers is charged for all of them), two ways:

- `peak_pss`: the summed proportional set size (smaps_rollup's Pss: a page shared by n processes
  counts 1/n in each) — the memory the tree really occupies, and the figure the targets are stated in;
- `peak_rss`: the summed resident set size, which counts every page a forked worker still shares
  with its parent once more; compared with the kernel's high-water mark for the direct child
  (wait4's ru_maxrss), which a sample can miss for a short spike, the larger of the two.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Run:
    """One measured command."""

    argv: tuple[str, ...]
    seconds: float
    peak_rss: int  # bytes
    returncode: int
    stdout: str
    stderr: str
    peak_pss: int = 0  # bytes

    def ok(self) -> bool:
        return self.returncode == 0

    def describe_failure(self) -> str:
        tail = "\n".join((self.stdout + "\n" + self.stderr).strip().splitlines()[-20:])
        return f"命令失败（退出码 {self.returncode}）：{' '.join(self.argv)}\n{tail}"


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out.extend(int(x) for x in f.read().split())
    except (OSError, ValueError):
        pass
    return out


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_memory(pid: int, pss: bool = True) -> tuple[int, int]:
    """(summed RSS, summed PSS) of `pid` and all its descendants, in bytes (0 once it is gone).
    Reading PSS walks the process's page tables under its memory lock: sampled less often (see run)."""
    rss = total_pss = 0
    stack, seen = [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/statm") as f:
                rss += int(f.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            continue
        if pss:
            total_pss += _pss(p)
        stack.extend(_children(p))
    return rss, total_pss


def tree_rss(pid: int) -> int:
    """Summed resident memory of `pid` and all its descendants, in bytes (0 once it is gone)."""
    return tree_memory(pid)[0]


def run(argv: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None,
        timeout: float = 3600.0) -> Run:
    """Run `argv`, wait for it, and return its wall time, tree peak RSS and output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        peak = peak_pss = 0
        done = threading.Event()

        def sample() -> None:
            # RSS every 20 ms (cheap); PSS every 200 ms: reading it for a process of a gigabyte takes
            # its memory lock, which slows the measured build down when done every 20 ms.
            nonlocal peak, peak_pss
            n = 0
            while not done.is_set():
                rss, pss = tree_memory(proc.pid, pss=n % 10 == 0)
                peak, peak_pss = max(peak, rss), max(peak_pss, pss)
                n += 1
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = start + timeout
        status = None
        rusage = None
        try:
            while status is None:
                pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    status, rusage = st, ru
                    break
                if time.perf_counter() > deadline:
                    proc.kill()
                    _, status, rusage = os.wait4(proc.pid, 0)
                    break
                time.sleep(0.005)
        except BaseException:  # interrupted: take the measured command down with us
            proc.kill()
            os.wait4(proc.pid, 0)
            done.set()
            raise
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak = max(peak, (rusage.ru_maxrss if rusage else 0) * 1024)
        out.seek(0)
        err.seek(0)
        return Run(tuple(argv), seconds, peak, proc.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), peak_pss)


def tree_size(root: Path) -> tuple[int, int]:
    """(bytes, files) under `root`."""
    total = count = 0
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
            count += 1
    return total, count
