"""NDJSON: one JSON object per line, the view's flat records (``view.to_records()``, the rows
of its CSV), as sqlite-utils' ``--nl`` writes them: a stream that ``jq -c``, ``grep`` or a
line-by-line reader takes without parsing a whole document.

Each line is compact JSON; a control or invisible character is written as a ``\\uXXXX`` escape,
as in the JSON format, so a line stays one line and no terminal obeys it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..views import View
from ..views.records import checked_text
from . import RenderOptions
from .json import escape_unsafe

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def render(view: View, options: RenderOptions) -> str:
    del options  # records carry no interface words
    return "".join(lines(view))


def lines(view: View) -> Iterator[str]:
    """The lines, each made as its record is (``iter_records()`` where the view has it): the
    command line writes each as it comes rather than the whole text at the end."""
    records = getattr(view, "iter_records", None)
    checked = checked_text(view)
    for record in records() if records is not None else view.to_records():
        line = _ENCODE(record) + "\n"
        yield line if checked else escape_unsafe(line)
