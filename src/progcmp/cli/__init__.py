"""The command line: a thin typer layer over the library, with one error boundary (``main``).

- ``boundary``: ``main``, where errors become messages and exit codes;
- ``commands``: the typer ``app``, its ``--version``, and every command in ``--help`` order;
- ``options``: the choices and ``Annotated`` options that commands share;
- ``common``: loading the data and emitting a view, driven by the options every table command
  shares (``@shared_options()`` hands a command one ``SharedOptions``);
- ``tables``, ``texts``, ``data``: the commands, by group.

Only ``main`` comes with the package; the rest is imported on first use (PEP 562), so that
``progcmp --version`` answers without loading typer and the commands.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .boundary import main

_EXPORTS = {
    "app": ("commands", "app"),
    "SIMILAR_THRESHOLD": ("texts", "SIMILAR_THRESHOLD"),
    "_complete_candidates": ("options", "complete_candidates"),
}

if TYPE_CHECKING:
    from .commands import app
    from .options import complete_candidates as _complete_candidates
    from .texts import SIMILAR_THRESHOLD


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _EXPORTS[name]
    value = getattr(import_module(f".{module}", __name__), attribute)
    globals()[name] = value
    return value


__all__ = ["SIMILAR_THRESHOLD", "_complete_candidates", "app", "main"]
