"""The browser fixtures of the site tests, reused for the in-browser XSS check.

`browser` itself comes from tests/conftest.py (one Chromium per session for every test directory).
"""

from __future__ import annotations

from tests.site.conftest import page  # noqa: F401 - pytest finds fixtures by name

__all__ = ["page"]
