"""NDJSON: one JSON object per line, the view's flat records (``view.to_records()``, the rows
of its CSV), as sqlite-utils' ``--nl`` writes them: a stream that ``jq -c``, ``grep`` or a
line-by-line reader takes without parsing a whole document.

Each line is compact JSON; a control or invisible character is written as a ``\\uXXXX`` escape,
as in the JSON format, so a line stays one line and no terminal obeys it.
"""

from __future__ import annotations

import json

from ..views import View
from . import RenderOptions
from .json import escape_unsafe

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def render(view: View, options: RenderOptions) -> str:
    del options  # records carry no interface words
    return escape_unsafe("".join(_ENCODE(record) + "\n" for record in view.to_records()))
