"""Starting a command that a test stops as Ctrl+C would: with SIGINT."""

from __future__ import annotations

import signal


def sigint_default() -> None:
    """`preexec_fn` for such a command: SIGINT back to its default action. A test run started as a background
    job (`make test &`) inherits SIGINT ignored, and Python keeps an ignored SIGINT ignored: the command would
    never see the Ctrl+C the test sends, and the test would wait for it in vain (30–60 s, then fail)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
