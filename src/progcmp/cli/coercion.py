"""Option values converted without pydantic: a small workaround for typer's start-up cost.

typer 0.2x converts every option that is not a flag through a pydantic ``TypeAdapter`` it
builds at each run, so any command imports pydantic (about as long again as importing typer
itself) and builds adapters. typer offers no supported way around it per option: ``parser=``
is wrapped in a ``TypeAdapter`` too, and there is no ``click_type=``. So the command classes
here (given to typer as ``cls=``, which it supports) give each parameter of the few types
progcmp uses (str, bool, int and float with bounds, an enum, a path, and lists of those) a
converter of ours when the command reads its parameters, with the same values and the same
messages as typer's (``tests/test_coercion.py`` compares them); a parameter of any other
type, or a typer without this machinery, is left to typer.
"""

from __future__ import annotations

import math
import os
import re
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

from typer.core import TyperCommand, TyperGroup

_INT = re.compile(r"[+-]?[0-9]+(?:_[0-9]+)*(?:\.0*)?", re.ASCII)


def convert(params: Any) -> None:
    """Give each of ``params`` (typer's parameters) our converter, where we have one."""
    try:
        from typer._coercion import RuntimeParam
        from typer._param_types import coerce_cli_choice, coerce_cli_path
    except ImportError:  # another typer: its own conversion stays
        return
    for param in params:
        if getattr(param, "_runtime_param", "absent") is not None:
            continue  # not typer's lazy runtime parameter, or already made
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None:
            continue
        converter = _converter(descriptor, coerce_cli_choice, coerce_cli_path)
        if converter is not None:
            param._runtime_param = _runtime(RuntimeParam)(
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
                convert=converter,
            )


class Group(TyperGroup):
    """typer's group, whose parameters (``--help`` included) convert with ours."""

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        convert(params)
        return params


class Command(TyperCommand):
    """typer's command, whose parameters (``--help`` included) convert with ours."""

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        convert(params)
        return params


_RUNTIME: dict[type, type] = {}


def _runtime(base: type) -> type:
    """A subclass of typer's ``RuntimeParam`` that calls one of our converters."""
    if base not in _RUNTIME:
        from collections.abc import Callable
        from dataclasses import dataclass

        @dataclass(frozen=True)
        class Converted(base):  # type: ignore[misc]
            convert: Callable[[Any, Any, Any], Any]

            def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
                return self.convert(value, param, ctx)

        _RUNTIME[base] = Converted
    return _RUNTIME[base]


def _converter(descriptor: Any, choice: Any, path: Any) -> Any:
    """``convert(value, param, ctx)`` for a parameter's type, or None: typer's stays."""
    annotation, info = descriptor.annotation, descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return None
    if get_origin(annotation) is list:
        (item_type,) = get_args(annotation)
        one = _leaf(item_type, info, choice, path)
        if one is None:
            return None
        return lambda values, param, ctx: [one(v, param, ctx) for v in _items(values)]
    return _leaf(annotation, info, choice, path)


def _items(values: Any) -> Any:
    return values if isinstance(values, list | tuple) else [values]


def _leaf(annotation: Any, info: Any, choice: Any, path: Any) -> Any:
    from typer import BadParameter

    if annotation is str:
        return lambda value, param, ctx: _text(value)
    if annotation is bool:  # flags (--help included): click hands a bool, or None (unset)
        return _flag
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = tuple(annotation)

        def pick(value: Any, param: Any, ctx: Any) -> Any:
            try:
                return choice(value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx)
            except ValueError as exc:  # pydantic's wording of a validator's error
                raise BadParameter(_escape(f"Value error, {exc}"), ctx=ctx, param=param) from None

        return pick
    if annotation is Path and info.path_type in (None, Path):

        def to_path(value: Any, param: Any, ctx: Any) -> Any:
            checked = Path(value)  # typer would make it one through pydantic
            try:
                return path(checked, info, path_type=Path, param=param, ctx=ctx)
            except BadParameter as exc:  # quoting the name as typed ('./out', not 'out')
                exc.message = exc.message.replace(repr(str(checked)), repr(str(value)), 1)
                raise

        return to_path
    if annotation in (int, float) and not info.clamp:
        return _number(annotation, info.min, info.max)
    return None


def _number(kind: type, low: float | None, high: float | None) -> Any:
    from typer import BadParameter

    noun, article = ("integer", "an") if kind is int else ("number", "a")

    def number(value: Any, param: Any, ctx: Any) -> Any:
        parsed = _parse_number(kind, value)
        if parsed is None:
            message = f"Input should be a valid {noun}, unable to parse string as {article} {noun}"
            raise BadParameter(message, ctx=ctx, param=param)
        # In pydantic's order: the upper bound first (NaN fails it, as there).
        if high is not None and not parsed <= high:
            raise BadParameter(
                f"Input should be less than or equal to {high}", ctx=ctx, param=param
            )
        if low is not None and not parsed >= low:
            raise BadParameter(
                f"Input should be greater than or equal to {low}", ctx=ctx, param=param
            )
        return parsed

    return number


def _parse_number(kind: type, value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if kind is int and isinstance(value, float):
            return int(value) if value.is_integer() else None
        return kind(value)  # type: ignore[no-any-return]
    if not isinstance(value, str):
        return None
    text = value.strip()
    if kind is int:
        return int(text.split(".")[0]) if _INT.fullmatch(text) else None
    if not text.isascii():
        return None
    try:
        parsed = float(text)
    except ValueError:
        return None
    return parsed if not math.isnan(parsed) or text.lower().lstrip("+-") == "nan" else None


_BOOLS = {
    **dict.fromkeys(("", "0", "off", "f", "false", "n", "no"), False),
    **dict.fromkeys(("1", "on", "t", "true", "y", "yes"), True),
}


def _flag(value: Any, param: Any, ctx: Any) -> bool:
    from typer import BadParameter

    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _BOOLS:
        return _BOOLS[value.strip().lower()]
    raise BadParameter(
        "Input should be a valid boolean, unable to interpret input", ctx=ctx, param=param
    )


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return os.fsdecode(value)
    return str(value)


def _escape(text: str) -> str:
    from typer._click.utils import _escape_control_characters

    return str(_escape_control_characters(text))
