"""The browser fixtures of the site tests, reused for the in-browser XSS check."""

from __future__ import annotations

from tests.site.conftest import browser, page  # noqa: F401 - pytest finds fixtures by name

__all__ = ["browser", "page"]
