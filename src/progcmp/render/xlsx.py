"""Excel workbooks (``.xlsx``) for newsrooms: one sheet per table of the view.

Every view gets the sheet CSV would be (the rows of ``to_records()``, the header of
:func:`progcmp.render.csv.fields`); a view with several tables gets a sheet for each: a
comparison, a candidate's page and the gaps add the sources of their candidates; the report
is its coverage (proposals per theme and candidate, or the kind of gap), its gaps, its rows and
its sources. Sheet names are interface words, made valid for Excel (at most 31 characters,
none of ``[]:*?/\\``, unique).

Safe for spreadsheets without the CSV's quote: every text cell is written as a string
(``write_string``; the workbook is also told never to turn strings into formulas, numbers or
links), so a cell starting with ``=``, ``+``, ``-`` or ``@`` is text, never run. Text is
cleaned as for any output (:func:`progcmp.text.clean`). Only a URL column's cell holding one
http(s) URL becomes a link (:func:`progcmp.text.web_url`). The header row is bold, frozen and
filterable; column widths follow their content within bounds.

The bytes are the same for the same view: xlsxwriter dates the zip entries 1980-01-01 when
it works in memory, and the document's creation date is ``SOURCE_DATE_EPOCH`` if set (the
reproducible-builds convention), else a constant.

xlsxwriter is an optional dependency (``pip install 'progcmp[xlsx]'``), imported only here.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..model import Candidate
from ..model.errors import ProgcmpError
from ..text import clean, web_url
from ..views import View
from ..views.records import THEME_FIELDS, theme_label_record
from . import RenderOptions
from .csv import fields

if TYPE_CHECKING:
    from ..views.report import ElectionReport

EXTRA = "progcmp[xlsx]"
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)  # the creation date without SOURCE_DATE_EPOCH
MAX_SHEET_NAME = 31
MAX_URL = 2079  # Excel's limit: a longer URL stays text
MAX_ROWS = 1_048_576  # Excel's rows per sheet, the header's included
MAX_CELL = 32767  # characters in a cell (xlsxwriter cuts longer text)
MIN_WIDTH, MAX_WIDTH = 6, 60  # column widths, in characters
URL_COLUMNS = frozenset({"url", "source_url", "archived"})
SOURCE_FIELDS = (
    "candidate",
    "source",
    "title",
    "publisher",
    "kind",
    "date",
    "accessed",
    "url",
    "archived",
    "note",
)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")

Value = str | int


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table: a name (an interface word), a header and rows of cells."""

    name: str
    header: list[str]
    rows: list[list[Value]]


def render_bytes(view: View, options: RenderOptions) -> bytes:
    """The workbook of a view, as the bytes of an ``.xlsx`` file."""
    xlsxwriter = _require()
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,  # also what dates the zip entries to a constant
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties({"created": creation_date()})
    bold = workbook.add_format({"bold": True, "valign": "top"})
    plain = workbook.add_format({"valign": "top"})
    wrapped = workbook.add_format({"valign": "top", "text_wrap": True})
    link = workbook.add_format(
        {"valign": "top", "font_color": "blue", "underline": 1}
    )  # xlsxwriter's default link style, aligned as the rest
    tables = sheets(view, options)
    for name, sheet in zip(sheet_names(s.name for s in tables), tables, strict=True):
        if len(sheet.rows) >= MAX_ROWS:
            raise ProgcmpError(
                f"the sheet {name!r} would have {len(sheet.rows)} rows, over the "
                f"{MAX_ROWS - 1} a workbook sheet holds; use --format csv"
            )
        worksheet = workbook.add_worksheet(name)
        for col, title in enumerate(sheet.header):
            worksheet.write_string(0, col, _text(title), bold)
        is_url = [title in URL_COLUMNS for title in sheet.header]
        for r, row in enumerate(sheet.rows, start=1):
            for col, value in enumerate(row):
                if isinstance(value, int):
                    worksheet.write_number(r, col, value, plain)
                    continue
                text = _text(value)
                url = web_url(text) if is_url[col] and len(text) <= MAX_URL else None
                if url is not None:
                    worksheet.write_url(r, col, url, link, text)
                else:
                    long = "\n" in text or len(text) > MAX_WIDTH
                    worksheet.write_string(r, col, text, wrapped if long else plain)
        for col, width in enumerate(column_widths(sheet)):
            worksheet.set_column(col, col, width)
        worksheet.freeze_panes(1, 0)
        if sheet.header:
            worksheet.autofilter(0, 0, len(sheet.rows), len(sheet.header) - 1)
    workbook.close()
    return buffer.getvalue()


def _require() -> Any:
    try:
        import xlsxwriter
    except ImportError:
        raise ProgcmpError(
            "writing xlsx needs the package xlsxwriter: install it with "
            f"pip install '{EXTRA}' (or pip install xlsxwriter)"
        ) from None
    return xlsxwriter


def creation_date() -> datetime:
    """``SOURCE_DATE_EPOCH`` if it is a number of seconds, else :data:`FIXED_DATE`."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (OverflowError, OSError, ValueError):
            pass
    return FIXED_DATE


def _text(value: str) -> str:
    return clean(value, multiline=True)[:MAX_CELL]


def sheets(view: View, options: RenderOptions) -> list[Sheet]:
    """The tables of a view, in order (see the module's documentation)."""
    from ..views.compare import Comparison
    from ..views.gaps import GapReport
    from ..views.report import ElectionReport
    from ..views.show import CandidateView

    words = options.locale
    if isinstance(view, ElectionReport):
        return [
            coverage_sheet(view, words.word("coverage")),
            records_sheet(view.gaps, words.word("gaps")),
            records_sheet(view, words.word("proposals")),
            sources_sheet(view.candidates, words.word("sources")),
        ]
    main = records_sheet(view, words.word(_SHEET_WORDS.get(type(view).__name__, "data")))
    if isinstance(view, Comparison | GapReport):
        return [main, sources_sheet(view.candidates, words.word("sources"))]
    if isinstance(view, CandidateView):
        return [main, sources_sheet((view.candidate,), words.word("sources"))]
    return [main]


# The word naming a view's main sheet (``data`` for a view not named here).
_SHEET_WORDS = {
    "Comparison": "comparison",
    "GapReport": "gaps",
    "CandidateView": "proposals",
    "CandidateList": "overview",
    "ThemeList": "themes",
    "ToneReport": "tone_label",
    "ProgrammeDiff": "diff",
    "AgendaReport": "agenda",
    "ThemeSuggestions": "suggestions",
    "SimilarReport": "similar",
}


def records_sheet(view: View, name: str) -> Sheet:
    """The rows CSV has: ``to_records()`` under the header of :func:`~.csv.fields`."""
    records = view.to_records()
    header = fields(view, records)
    rows: list[list[Value]] = [[record.get(key, "") for key in header] for record in records]
    return Sheet(name, header, rows)


def sources_sheet(candidates: Iterable[Candidate], name: str) -> Sheet:
    """Every source of the candidates, one row each, in data order."""
    rows: list[list[Value]] = [
        [
            c.id,
            s.id,
            s.title,
            s.publisher or "",
            str(s.kind),
            s.date or "",
            s.accessed or "",
            s.url,
            s.archived or "",
            s.note or "",
        ]
        for c in candidates
        for s in c.sources
    ]
    return Sheet(name, list(SOURCE_FIELDS), rows)


def coverage_sheet(view: ElectionReport, name: str) -> Sheet:
    """Per theme, each candidate's number of proposals, or the kind of gap where it has none."""
    header = [*THEME_FIELDS, *(c.id for c in view.candidates)]
    rows: list[list[Value]] = []
    for theme, cells in view.coverage():
        row: list[Value] = [theme.id, *theme_label_record(theme).values()]
        row += [str(c.gap.kind) if c.gap else len(c.proposals) for c in cells]
        rows.append(row)
    return Sheet(name, header, rows)


def sheet_names(names: Iterable[str]) -> list[str]:
    """Names Excel accepts, in order: none of ``[]:*?/\\`` nor a control character, no
    apostrophe at either end, not empty, at most 31 characters, and unique whatever the case
    (``Sources (2)`` for a second ``Sources``)."""
    taken: set[str] = set()
    result = []
    for raw in names:
        base = _BAD_SHEET_CHARS.sub(" ", raw).strip(" '") or "Sheet"
        base = base[:MAX_SHEET_NAME].strip(" '")
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            name = base[: MAX_SHEET_NAME - len(suffix)].rstrip(" '") + suffix
        taken.add(name.casefold())
        result.append(name)
    return result


def column_widths(sheet: Sheet) -> list[int]:
    """A width per column: its longest line (header included), within bounds."""
    widths = []
    for col, title in enumerate(sheet.header):
        longest = max(
            (_longest_line(row[col]) for row in sheet.rows if col < len(row)),
            default=0,
        )
        widths.append(min(MAX_WIDTH, max(MIN_WIDTH, longest, len(title)) + 2))
    return widths


def _longest_line(value: Value) -> int:
    if isinstance(value, int):
        return len(str(value))
    return max((len(line) for line in value.split("\n")), default=0)
