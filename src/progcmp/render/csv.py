"""CSV for spreadsheets: one row per record of the view, a header of field names.

The protocol every view follows (and a new view must implement to have CSV):

- ``to_records() -> list[dict[str, str]]``: flat rows, every value a string (``""`` for
  nothing; several values in one cell one per line), in a stable order.
- ``RECORD_FIELDS`` (optional class attribute): the column names, in order. It gives the
  header even when there is no row; without it, the header is the keys of the rows in order of
  first appearance. A key of a row missing from it is added after it, never dropped.

Cells are made safe for any output (no control or escape character, see
:func:`progcmp.text.clean`) and for spreadsheets: a cell that starts with ``=``, ``+``, ``-``,
``@`` (or their full-width forms), a tab or a carriage return would be run as a formula by
Excel or LibreOffice, so it is prefixed with ``'`` (OWASP's advice; also after leading spaces
of any kind, no-break and ideographic ones included, which an import may trim). The same
holds after every ``,``, ``;`` or tab inside a cell: a reader that splits on another separator
than the file's (Excel in a French locale splits on ``;``) would otherwise start a cell there.
Every cell is quoted (RFC 4180), so that a reader honouring quotes never splits one; lines end
with ``\n``; the text is UTF-8, with a byte-order mark if ``options.csv_bom``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from ..text import clean
from ..views import View
from . import RenderOptions

FORMULA_TRIGGERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"  # \uff..: full-width = + - @
SEPARATORS = ",;\t"  # what a spreadsheet may split a line on, whatever the file's
BOM = "\ufeff"
# The start of the cell, or a separator, then any white space (\s: no-break and ideographic
# spaces too), then a trigger: a quote goes before the white space.
_FORMULA = re.compile(f"(^|[{SEPARATORS}])(?=\\s*[{re.escape(FORMULA_TRIGGERS)}])")


def neutralise(value: str) -> str:
    """Clean a cell and put ``'`` before anything a spreadsheet would read as a formula: at the
    start, and after each separator a reader may split the cell on."""
    return _FORMULA.sub(r"\1'", clean(value, multiline=True))


def fields(view: View, records: list[dict[str, str]]) -> list[str]:
    """The header: ``RECORD_FIELDS`` if the view declares it, then any other key of the rows."""
    names: dict[str, None] = dict.fromkeys(getattr(view, "RECORD_FIELDS", ()))
    for record in records:
        names.update(dict.fromkeys(record))
    return list(names)


def render(view: View, options: RenderOptions) -> str:
    records = view.to_records()
    return table(fields(view, records), records, bom=options.csv_bom)


def table(header: Sequence[str], records: Iterable[dict[str, str]], *, bom: bool = False) -> str:
    """The CSV text of rows under a header, by the rules above (every CSV progcmp writes)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for record in records:
        writer.writerow([neutralise(record.get(name, "")) for name in header])
    text = buffer.getvalue() or "\n"  # a view with no field at all: one empty line
    return (BOM if bom else "") + text
