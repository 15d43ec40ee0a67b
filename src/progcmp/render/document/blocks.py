"""The blocks of a neutral document: headings, paragraphs, lists and tables of styled spans.

The terminal, Markdown and HTML renderers only lay these out; what a command shows is decided
once, by the builders of this package.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text; ``style`` is a hint (bold, dim, gap, ref, quote, bullet), ``url`` makes a
    link (renderers link only http(s) URLs, see :func:`progcmp.text.web_url`).

    The other fields only serve HTML: ``data`` says the text comes from the data (in the data's
    language, not the interface's); ``anchor`` names the line (list item, cell line) the span
    is in, so that the page can point to it; ``target`` links the span to such an anchor."""

    text: str
    style: str | None = None
    url: str | None = None
    data: bool = False
    anchor: str | None = None
    target: str | None = None


Line = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1
    anchor: str | None = None  # an id for HTML (see :func:`anchor`)


@dataclass(frozen=True, slots=True)
class Paragraph:
    line: Line
    # HTML: the paragraph heads a fold (<details>) holding the blocks up to the next heading
    # or folding paragraph.
    fold: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """Cells hold several lines (bullets); the first column names the row."""

    headers: tuple[str, ...]
    rows: tuple[tuple[tuple[Line, ...], ...], ...]
    prose: bool = False  # cells hold long text: share the width, keep the first column narrow
    # A heat map: per row, one number per cell after the first (HTML shades cells by it).
    levels: tuple[tuple[int, ...], ...] = ()
    ratios: tuple[int, ...] = ()  # with prose: each column's share of the width (default equal)
    # Short cells, possibly many columns (a matrix): when too wide for the terminal, it is
    # shown as several tables of fewer columns, each repeating the first one.
    split: bool = False
    caption: str | None = None  # HTML: else the heading above names the table
    columns: tuple[str | None, ...] = ()  # HTML: an anchor per column (candidates' ids)
    # With levels, what each level means (level, words), for a colour key; levels run 0..4.
    key: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Items:
    """A list. A list of sources (:meth:`References.listing`) says which of its numbers the
    text cites: Markdown can make those footnotes."""

    items: tuple[Line, ...]
    cited: frozenset[int] = frozenset()


Block = Heading | Paragraph | Table | Items


def anchor(*parts: str) -> str:
    """An HTML id made of data ids: lowercase ASCII letters, digits and hyphens only, so that it
    is safe anywhere and stays the same from one run to the next (``proposal-macron-2017-p1``)."""
    words = []
    for part in parts:
        folded = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode().lower()
        words.append(re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x")
    return "-".join(words)


def plain(line: Line) -> str:
    """The text of a line without its styles (for headings and labels)."""
    return "".join(span.text for span in line if span.style != "bullet").strip()


def sections(blocks: list[Block]) -> list[Block]:
    """Turn every prose table into sections, for long text: a heading per row (named by the
    first line of its first cell, whose other lines follow as paragraphs), then per column a
    bold label and a list of the cell's lines. Other tables (short values) stay tables."""
    out: list[Block] = []
    level = 1
    for block in blocks:
        if isinstance(block, Heading):
            level = block.level
        if not isinstance(block, Table) or not block.prose:
            out.append(block)
            continue
        for row in block.rows:
            # the first line names the row; more lines in the first cell (details) follow it
            first, *details = [line for line in row[0] if plain(line)] or [(Span(""),)]
            row_anchor = next((s.anchor for s in first if s.anchor), None)
            out.append(Heading(plain(first), min(level + 1, 6), anchor=row_anchor))
            out += [Paragraph(line) for line in details]
            columns = block.columns[1:] or (None,) * (len(block.headers) - 1)
            for header, column, cell in zip(block.headers[1:], columns, row[1:], strict=True):
                lines = tuple(
                    tuple(s for s in line if s.style != "bullet") for line in cell if plain(line)
                )
                where = f"{row_anchor}-{column}" if row_anchor and column else None
                if lines:
                    out += [Paragraph((Span(header, "bold", anchor=where),)), Items(lines)]
    return out


def cell(text: str, style: str | None = None) -> tuple[Line, ...]:
    """A table cell of one line of one span."""
    return ((Span(text, style),),)
