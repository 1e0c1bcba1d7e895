"""The bench's incremental part: `check` warm, and a rebuild after editing one document against a clean
build of the same input — timed in the same run, and compared byte for byte.

After the bench's first (clean) build of a synthetic project:

1. `check` again (warm: its parse cache holds every file);
2. one document's title is edited (the middle one of the sorted document files);
3. `check` again (warm, one file changed);
4. `build` into the same output (the cache beside it: only what the edit touched is made again);
5. `build --no-cache` into another directory: the clean build of the edited project;
6. the two sites are compared file by file (every byte).

Steps 2 and 4–6 are one round; a run makes `rounds` of them, each editing another document. This
machine's speed drifts by a quarter within minutes, and a rebuild and the clean build it is compared
with are measured next to each other, so the ratio is taken round by round and the figures reported are
the medians of the rounds (each round is kept and reported too).
"""

from __future__ import annotations

import hashlib
import re
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.bench.measure import run

PY = sys.executable


@dataclass(frozen=True)
class Round:
    """One edit: the rebuild after it and the clean build of the same input, measured one after the other."""

    edited: str
    edit_build_s: float
    clean_build_s: float
    identical: bool

    @property
    def ratio(self) -> float:
        return self.edit_build_s / self.clean_build_s if self.clean_build_s else 0.0


@dataclass
class IncrementalFigures:
    check_warm_s: float = 0.0
    check_edited_s: float = 0.0
    edit_build_s: float = 0.0
    edit_build_pss: int = 0
    edit_build_rss: int = 0
    reused: int = 0
    clean_build_s: float = 0.0
    clean_build_pss: int = 0
    clean_build_rss: int = 0
    identical: bool = False
    differing: list[str] = field(default_factory=list)
    edited: str = ""
    error: str | None = None
    rounds: list[Round] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """The median of the rounds' ratios (each a rebuild against the clean build measured next to it)."""
        if self.rounds:
            return statistics.median(r.ratio for r in self.rounds)
        return self.edit_build_s / self.clean_build_s if self.clean_build_s else 0.0


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def edit_one_document(project: Path, n: int = 0) -> str:
    """Add 修订 to the title of a document: the middle one of the sorted files, or the `n`th after it."""
    files = sorted((project / "catalog/documents").rglob("*.md"))
    target = files[(len(files) // 2 + n * 7919) % len(files)]
    text = target.read_text(encoding="utf-8")
    edited, count = re.subn(r"^title: (.*)$", r"title: \1（修订）", text, count=1, flags=re.M)
    assert count == 1, target
    target.write_text(edited, encoding="utf-8")
    return target.relative_to(project).as_posix()


def measure(project: Path, out: Path, today: str, rounds: int = 1) -> IncrementalFigures:
    f = IncrementalFigures()
    common = ["--project", str(project), "--today", today]
    r = run([PY, "-m", "generator", "check", *common])
    f.check_warm_s = r.seconds
    clean = out.parent / (out.name + "-clean")
    for n in range(rounds):
        edited = edit_one_document(project, n)
        if n == 0:
            f.edited = edited
            r = run([PY, "-m", "generator", "check", *common])
            f.check_edited_s = r.seconds
        r = run([PY, "-m", "generator", "build", *common, "--out", str(out)])
        if not r.ok():
            f.error = r.describe_failure()
            return f
        edit_s = r.seconds
        f.edit_build_pss, f.edit_build_rss = max(f.edit_build_pss, r.peak_pss), max(f.edit_build_rss, r.peak_rss)
        found = re.search(r"(\d+) 项沿用上次生成的结果", r.stdout)
        f.reused = int(found.group(1)) if found else 0
        r = run([PY, "-m", "generator", "build", *common, "--out", str(clean), "--no-cache"])
        if not r.ok():
            f.error = r.describe_failure()
            return f
        f.clean_build_pss, f.clean_build_rss = max(f.clean_build_pss, r.peak_pss), max(f.clean_build_rss, r.peak_rss)
        a, b = digests(out), digests(clean)
        differing = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))[:10]
        f.differing = f.differing or differing
        f.rounds.append(Round(edited, edit_s, r.seconds, not differing))
    f.edit_build_s = statistics.median(x.edit_build_s for x in f.rounds)
    f.clean_build_s = statistics.median(x.clean_build_s for x in f.rounds)
    f.identical = all(x.identical for x in f.rounds)
    return f
