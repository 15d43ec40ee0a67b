"""PDF: text runs with their position and size (pypdf), laid out again in reading order.

pypdf was chosen by measurement (docs/import.md): on a 66-page two-column booklet it read
every page in about 1.3 s where pdfplumber took about 43 s, and neither gives the columns in
order by itself, so the layout is rebuilt here from positions:

- runs on one baseline make a line; a page whose lines start at two places either side of the
  middle is read as two columns, the left one first;
- lines at the top or bottom of the page that repeat (digits aside) on many pages are running
  headers and footers, and lone page numbers ("12", "Page 3 / 40") are dropped;
- a line in a larger or bold font is a heading (the larger, the higher its level); a gap wider
  than the usual line spacing, or a list marker, starts a new block;
- a word hyphenated at a line's end is joined, and ligatures are spelled out (structure).
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from . import Block, BlockKind, Document, Kind, fail, require
from .structure import MARKER, hyphenated_words, join_lines, repair

MAX_PAGES = 500  # a programme is rarely over 200 pages; --max-pages raises it
EDGE = 0.09  # the share of the page height, top and bottom, where running lines live
REPEATED = 0.5  # a line found on this share of the pages (and on 3 at least) is running
HEADING_RATIO = 1.12  # a line this much larger than the body text is a heading
_PAGE_NUMBER = re.compile(r"^(?:page|p\.)?\s*\d{1,4}(?:\s*(?:/|sur|of|de)\s*\d{1,4})?$", re.I)
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Run:
    text: str
    x: float
    y: float  # baseline, from the bottom of the page
    size: float
    bold: bool


@dataclass(slots=True)
class _Line:
    text: str
    x: float
    y: float
    size: float
    bold: bool
    page: int
    column: int


def read_pdf(
    raw: bytes,
    shown: str,
    *,
    max_pages: int = MAX_PAGES,
    progress: Callable[[int, int], None] | None = None,
) -> Document:
    """Read a PDF's text layer as blocks.

    Raises:
        DataError: encrypted, damaged or truncated, over ``max_pages``, or with no text
            layer (a scan).
    """
    pypdf = require("pypdf", "pypdf", "a PDF")
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(raw), strict=False)  # type: ignore[attr-defined]
        if reader.is_encrypted:
            # An empty user password opens many "protected" PDFs (printing or copying
            # forbidden): those can still be read.
            try:
                opened = reader.decrypt("")
            except Exception:
                opened = 0
            if not opened:
                raise fail(
                    shown,
                    "this PDF is encrypted (it needs a password): save an unprotected copy first",
                )
        count = len(reader.pages)
    except PdfReadError as exc:
        raise fail(shown, f"not a readable PDF (damaged or truncated): {exc}") from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise fail(
            shown, f"not a readable PDF (damaged or truncated): {type(exc).__name__}"
        ) from None
    if count == 0:
        raise fail(shown, "this PDF has no pages")
    if count > max_pages:
        raise fail(
            shown,
            f"this PDF has {count} pages, over the limit of {max_pages}; give "
            "--max-pages to read it all",
        )
    pages: list[list[_Line]] = []
    heights: list[float] = []
    for number in range(1, count + 1):
        try:
            page = reader.pages[number - 1]
            box = page.mediabox
            width, height = float(box.width), float(box.height)
            runs = _runs(page)
        except PdfReadError as exc:
            raise fail(shown, f"page {number} cannot be read (damaged PDF): {exc}") from None
        except (
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
            RecursionError,
            ZeroDivisionError,
        ) as exc:
            raise fail(
                shown, f"page {number} cannot be read (damaged PDF): {type(exc).__name__}"
            ) from None
        pages.append(_lines(runs, number, width))
        heights.append(height)
        if progress is not None:
            progress(number, count)
    if not any(pages):
        raise fail(shown, "no text in this PDF: it needs OCR first (a scan, or pictures of text)")
    _drop_running(pages, heights)
    lines = [line for page in pages for line in page]
    if not lines:
        raise fail(shown, "no text in this PDF besides running headers and page numbers")
    title = None
    meta = reader.metadata
    if meta is not None and isinstance(meta.title, str) and meta.title.strip():
        title = repair(meta.title)
    return Document(shown, Kind.PDF, title, tuple(_blocks(lines)), count)


def _runs(page: object) -> list[_Run]:
    runs: list[_Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(tm[0] * cm[0]) + abs(tm[3] * cm[3])) / 2 or 1.0
        name = ""
        if isinstance(font, dict):
            name = str(font.get("/BaseFont", ""))
        bold = "bold" in name.lower() or "black" in name.lower() or "heavy" in name.lower()
        for part in text.split("\n"):
            if part.strip():
                runs.append(_Run(part, x, y, round(size * scale, 1), bold))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return runs


def _lines(runs: list[_Run], page: int, width: float) -> list[_Line]:
    """Runs grouped into lines (one baseline, one column), in reading order."""
    if not runs:
        return []
    middle = width / 2
    rows: dict[int, list[_Run]] = {}
    for run in runs:
        rows.setdefault(round(run.y / 2), []).append(run)
    # Two columns when many rows have a run starting past the middle as well as one before it.
    split_rows = sum(
        1
        for row in rows.values()
        if any(r.x < middle - 10 for r in row) and any(r.x >= middle - 10 for r in row)
    )
    right_rows = sum(1 for row in rows.values() if all(r.x >= middle - 10 for r in row))
    two = (split_rows + right_rows) >= max(3, 0.25 * len(rows))
    lines: list[_Line] = []
    for row in rows.values():
        parts: dict[int, list[_Run]] = {}
        for run in sorted(row, key=lambda r: r.x):
            column = 1 if two and run.x >= middle - 10 else 0
            parts.setdefault(column, []).append(run)
        for column, group in parts.items():
            text = " ".join(r.text.strip() for r in group)
            size = max(r.size for r in group)
            lines.append(
                _Line(text, group[0].x, group[0].y, size, all(r.bold for r in group), page, column)
            )
    lines.sort(key=lambda line: (line.column, -line.y, line.x))
    return lines


def _drop_running(pages: list[list[_Line]], heights: list[float]) -> None:
    """Remove running headers and footers, and page numbers, in place."""

    def edge(line: _Line, height: float) -> bool:
        return line.y > height * (1 - EDGE) or line.y < height * EDGE

    seen: Counter[str] = Counter()
    for page, height in zip(pages, heights, strict=True):
        seen.update(
            {_DIGITS.sub("#", line.text.strip().lower()) for line in page if edge(line, height)}
        )
    running = {text for text, n in seen.items() if n >= 3 and n >= REPEATED * len(pages)}
    for page, height in zip(pages, heights, strict=True):
        page[:] = [
            line
            for line in page
            if not (
                edge(line, height)
                and (
                    _DIGITS.sub("#", line.text.strip().lower()) in running
                    or _PAGE_NUMBER.match(line.text.strip())
                )
            )
        ]


def _blocks(lines: list[_Line]) -> list[Block]:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0]
    heading_sizes = sorted(
        {line.size for line in lines if line.size >= body * HEADING_RATIO}, reverse=True
    )
    bold_level = len(heading_sizes) + 1  # bold body-size lines: the lowest heading level
    steps = [
        round(a.y - b.y, 1)
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.column == b.column and a.size == body == b.size and a.y > b.y
    ]
    step = statistics.median(steps) if steps else body * 1.3
    keep = hyphenated_words(" ".join(line.text for line in lines))
    blocks: list[Block] = []
    current: list[_Line] = []
    kind = BlockKind.PARAGRAPH
    level = 0

    def flush() -> None:
        if current:
            text = repair(join_lines([line.text for line in current], keep))
            blocks.append(Block(kind, text, level, page=current[0].page))
            current.clear()

    previous: _Line | None = None
    for line in lines:
        text = line.text.strip()
        if line.size >= body * HEADING_RATIO:
            this_kind, this_level = BlockKind.HEADING, heading_sizes.index(line.size) + 1
        elif line.bold and len(text) < 90 and not MARKER.match(text):
            this_kind, this_level = BlockKind.HEADING, bold_level
        elif MARKER.match(text):
            this_kind, this_level = BlockKind.ITEM, 0
        else:
            this_kind, this_level = BlockKind.PARAGRAPH, 0
        new_place = previous is None or previous.page != line.page or previous.column != line.column
        gap = previous is not None and not new_place and previous.y - line.y > step * 1.25
        continues = (
            previous is not None
            and current
            and not gap
            and (
                (
                    this_kind is BlockKind.HEADING
                    and kind is BlockKind.HEADING
                    and this_level == level
                )
                or (
                    this_kind is BlockKind.PARAGRAPH
                    and kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)
                )
            )
        )
        # A block carried over to the next column or page goes on if it has not ended a
        # sentence; else a new one starts.
        if continues and new_place and current[-1].text.rstrip().endswith((".", "!", "?", ":")):
            continues = False
        if not continues:
            flush()
            kind, level = this_kind, this_level
        current.append(line)
        previous = line
    flush()
    return blocks
