"""LibreOffice headless, for tests that need a workbook in a format only an office suite writes (.xls, .ods).

`make test` (and so CI) installs it (Makefile target `office`); elsewhere a test that needs it is
skipped with a pointer to that target, but under CI a missing LibreOffice fails instead of hiding.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def convert(src: Path, fmt: str, outdir: Path) -> Path:
    """`src` converted by LibreOffice to `fmt` (xls, ods …) in `outdir`; returns the new file."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing: `make office` installs it")
        pytest.skip("LibreOffice (soffice) is missing: run `make office`")
    profile = outdir / ".lo-profile"   # its own profile: two conversions at once never share one
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(outdir), str(src)], capture_output=True, timeout=180, check=True)
    out = outdir / f"{src.stem}.{fmt}"
    assert out.is_file(), f"LibreOffice wrote no {out.name}"
    return out
