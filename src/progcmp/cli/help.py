"""How ``--help`` and usage lines name things: human metavars and whole command summaries.

typer writes an argument as ``NAME... <list[str]>`` in help and ``{names}...`` in usage lines,
and an option's value as its Python type (``<list[str]>``, ``<int range>``, ``<str>``). Here
they become what a person types: ``NAME...``, ``THEME``, ``FILE``, ``[fr|en]``. The classes
are typer's own; only how they name a value changes (:func:`install`, once, when the app is
built).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

_installed = False


def short_help(command: Callable[..., Any]) -> str:
    """The first paragraph of a command's docstring on one line: ``--help`` lists it whole
    (click would cut it at the terminal's width with '...')."""
    doc = inspect.getdoc(command) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _value_name(param: Any) -> str:
    """``THEME`` for ``--theme``, ``FILE`` for a file, ``[fr|en]`` for a choice."""
    desc = param.type_descriptor
    if desc.is_choice:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in desc.choices or ()) + "]"
    if desc.is_path and desc.path_type in ("file", "dir"):
        return str(desc.path_type).upper()
    return str(param.name or "value").upper().replace("_", "-")


def install() -> None:
    """Make typer's arguments and options name their values as a person would."""
    global _installed
    if _installed:
        return
    from typer.core import TyperArgument, TyperOption

    def argument_name(self: Any) -> str:
        if self.metavar:
            name = str(self.metavar)
        elif self.nargs == 1:
            name = _value_name(self)
        else:  # NAME... for names
            name = str(self.name or "value").upper().replace("_", "-").removesuffix("S")
        return name if self.nargs == 1 or name.endswith("...") else name + "..."

    def argument_usage(self: Any) -> str:
        name = argument_name(self)
        return name if self.required else f"[{name}]"

    def option_type(self: Any, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None
        return str(self.metavar) if self.metavar is not None else _value_name(self)

    TyperArgument._rich_display_name = argument_name  # type: ignore[method-assign]
    TyperArgument._usage_display_name = argument_usage  # type: ignore[method-assign]

    def no_type(self: Any, ctx: Any) -> str | None:
        return None

    def argument_hint(self: Any, ctx: Any = None) -> str:
        return argument_name(self)

    TyperArgument.display_type_rich = no_type  # type: ignore[method-assign]
    TyperArgument.get_error_hint = argument_hint  # type: ignore[method-assign]
    TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    _installed = True
