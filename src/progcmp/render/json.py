"""JSON: exactly ``view.to_dict()``, the documented shape, with stable key order.

The data is kept exact, so nothing is removed: a control or invisible character (which the
loader refuses, but a view may quote what the user typed) is written as a ``\\uXXXX`` escape,
which every JSON reader turns back into the same text, and no terminal obeys.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from json.encoder import encode_basestring  # the C version where available
from typing import Any

from ..text import UNSAFE
from ..views import View
from ..views.records import checked_text
from . import RenderOptions

INDENT = "  "
CHUNK_PIECES = 8192  # pieces joined at a time by chunks(): a few hundred kilobytes of text


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON escapes only 16-bit units: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def render(view: View, options: RenderOptions) -> str:
    del options  # JSON carries both languages and no layout
    return "".join(chunks(view))


def chunks(view: View) -> Iterator[str]:
    """The text of :func:`render` in pieces of a few hundred kilobytes, every piece made before
    the first is given: the command line writes them to a pipe one by one, never holding the
    whole text nor its bytes (160 MB for a report on 10,000 candidates)."""
    pieces = _pieces(view.to_dict())
    checked = checked_text(view)  # all of it checked by the loader already: nothing to escape
    for start in range(0, len(pieces), CHUNK_PIECES):
        text = "".join(pieces[start : start + CHUNK_PIECES])
        # Only inside strings can such a character be: escaping it keeps the document valid.
        yield text if checked else escape_unsafe(text)
    yield "\n"


def escape_unsafe(text: str) -> str:
    """JSON text with every control or invisible character as a ``\\uXXXX`` escape."""
    return UNSAFE.sub(_escape, text)


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)``, the same text.

    The standard library indents in pure Python (its C encoder only writes compact JSON), at
    about 15 MB/s: a report on 10,000 candidates took 4 s. This writes the same characters a few
    times faster; anything it does not expect is left to ``json.dumps`` itself.
    """
    return "".join(_pieces(value))


def _pieces(value: Any) -> list[str]:
    """The text of :func:`dumps`, in the pieces it is made of."""
    out: list[str] = []
    try:
        _write(value, "\n", out, {})
    except (_Unexpected, RecursionError):
        return [json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)]
    return out


class _Unexpected(Exception):
    """A value json.dumps would treat in its own way (or refuse): let it."""


def _write(value: Any, indent: str, out: list[str], keys: dict[str, dict[str, str]]) -> None:
    """Append ``value``'s text at this ``indent``; ``keys``: per indent, each key's ``"key": ``
    as already written (a report repeats the same few keys a million times)."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        if value != value or value in (math.inf, -math.inf):
            raise _Unexpected  # json.dumps refuses it, with its own message
        out.append(float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + INDENT
        known = keys.get(inner)
        if known is None:
            known = keys[inner] = {}
        lead = "{" + inner
        for key, item in value.items():
            head = known.get(key)
            if head is None:
                if not isinstance(key, str):
                    raise _Unexpected
                head = known[key] = encode_basestring(key) + ": "
            if isinstance(item, str):  # most values: written here, without a call
                out.append(lead + head + encode_basestring(item))
            elif item is None:
                out.append(lead + head + "null")
            else:
                out.append(lead + head)
                _write(item, inner, out, keys)
            lead = "," + inner
        out.append(indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = indent + INDENT
        if all(isinstance(item, str) for item in value):
            out.append("[" + inner + ("," + inner).join(map(encode_basestring, value)))
        else:
            lead = "[" + inner
            for item in value:
                out.append(lead)
                _write(item, inner, out, keys)
                lead = "," + inner
        out.append(indent + "]")
    else:
        raise _Unexpected
