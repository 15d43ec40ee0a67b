"""CSV for spreadsheets: one row per record of the view, a header of field names.

The protocol every view follows (and a new view must implement to have CSV):

- ``to_records() -> list[dict[str, str]]``: flat rows, every value a string (``""`` for
  nothing; several values in one cell one per line), in a stable order.
- ``RECORD_FIELDS`` (optional class attribute): the column names, in order. It gives the
  header even when there is no row; without it, the header is the keys of the rows in order of
  first appearance. A key of a row missing from it is added after it, never dropped.

Cells are made safe for any output (no control or escape character, see
:func:`progcmp.text.clean`) and for spreadsheets: a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would be run as a formula by Excel or LibreOffice, so it is
prefixed with ``'`` (OWASP's advice; also after leading spaces, which an import may trim).
Quoting is the standard library's (RFC 4180, minimal); lines end with ``\n``; the text is
UTF-8, with a byte-order mark if ``options.csv_bom``.
"""

from __future__ import annotations

import csv
import io

from ..text import clean
from ..views import View
from . import RenderOptions

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(value: str) -> str:
    """Clean a cell and prefix ``'`` if a spreadsheet would read it as a formula."""
    text = clean(value, multiline=True)
    return "'" + text if text.lstrip(" \n").startswith(FORMULA_TRIGGERS) else text


def fields(view: View, records: list[dict[str, str]]) -> list[str]:
    """The header: ``RECORD_FIELDS`` if the view declares it, then any other key of the rows."""
    names: dict[str, None] = dict.fromkeys(getattr(view, "RECORD_FIELDS", ()))
    for record in records:
        names.update(dict.fromkeys(record))
    return list(names)


def render(view: View, options: RenderOptions) -> str:
    records = view.to_records()
    header = fields(view, records)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for record in records:
        writer.writerow([neutralise(record.get(name, "")) for name in header])
    text = buffer.getvalue() or "\n"  # a view with no field at all: one empty line
    return (BOM if options.csv_bom else "") + text
