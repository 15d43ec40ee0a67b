"""Lines for the user on stderr: diagnostics, never data (data goes to stdout or --output)."""

from __future__ import annotations

import contextlib
import sys


def say(line: str) -> None:
    """One line on stderr (if there is a stderr: it may have been closed)."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
