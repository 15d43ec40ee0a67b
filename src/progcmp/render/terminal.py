"""The terminal: rich tables that wrap to the width, colour only on a colour terminal.

Data never goes through rich markup: every string becomes a ``Text`` after the sanitiser, so a
``[/]`` or an escape sequence in a proposal is shown as text, not obeyed.
"""

from __future__ import annotations

import io
import re

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

from ..text import clean, web_url
from ..views import View
from . import RenderOptions
from .document import Block, Heading, Items, Line, Paragraph, Table, build

STYLES = {
    "bold": "bold",
    "dim": "dim",
    "gap": "italic yellow",
    "ref": "cyan",
    "quote": "italic",
    # the salience matrix's scale, from no proposal to 30 % of a programme or more
    "heat0": "dim",
    "heat1": "",
    "heat2": "cyan",
    "heat3": "bold black on cyan",
    "heat4": "bold white on blue",
}
THEME_COLUMN_WIDTH = 22
# Below this, prose wraps a word or two a line and long words break: a table of long text whose
# columns would be narrower is shown as several tables (column groups) instead.
MIN_COLUMN_WIDTH = 16

# rich wraps at any whitespace, no-break spaces included, and would start a line with the ':'
# of French typography. No-break spaces stand in as noncharacters (one cell wide to rich, and
# never in cleaned text: clean() removes them) while rich lays out, and are put back in the
# text it returns.
_GLUE = str.maketrans({"\u202f": "\ufdd0", "\u00a0": "\ufdd1"})
_UNGLUE = str.maketrans({"\ufdd0": "\u202f", "\ufdd1": "\u00a0", "\ufdd2": " "})
# The data's own text keeps its plain spaces, but a line never starts with the ':' of
# "démocratie réelle : décidons" either: the space before a high mark (and after '«') is held
# the same way while rich lays out, then put back as the space it was.
_HELD_SPACE = re.compile(r"(?<=\S) (?=[:;!?»])|(?<=«) ")


def _safe(text: str, *, multiline: bool = False) -> str:
    """Data or words made safe to print (:func:`clean`), no-break spaces kept unbreakable."""
    return _HELD_SPACE.sub("\ufdd2", clean(text, multiline=multiline).translate(_GLUE))


def _text(line: Line, *, spell_urls: bool = True, links: bool = False) -> Text:
    """A line as rich text. In a table cell, a link's address follows it in ``<>``; elsewhere
    :func:`_with_urls` puts it on a line of its own."""
    text = Text()
    for span in line:
        style = Style.parse(STYLES.get(span.style or "", "") or "none")
        if span.url and links and web_url(span.url):
            style += Style(link=clean(span.url))
        text.append(_safe(span.text, multiline=True), style=style)
        if span.url and spell_urls:  # spelled out: terminals differ in what they make clickable
            text.append(f" <{clean(span.url)}>", style="dim")
    return text


def _natural_widths(block: Table, whole_headers: bool) -> list[int]:
    """Per column: its widest line, or its header (whole, or its longest word: headers wrap
    at spaces)."""
    widths = [
        cell_len(h) if whole_headers else max((cell_len(w) for w in h.split()), default=0)
        for h in block.headers
    ]
    for row in block.rows:
        for i, cell in enumerate(row):
            for line in cell:
                widths[i] = max(widths[i], _text(line).cell_len)
    widths[0] = min(widths[0], THEME_COLUMN_WIDTH)
    return widths


MAX_UNBROKEN = 20  # a word longer than this may be cut to let the other columns breathe


def _fitted_widths(block: Table, width: int) -> list[int] | None:
    """Widths for a table of short cells (a list of candidates) that is wider than ``width``:
    every column keeps its longest word whole (in text, up to :data:`MAX_UNBROKEN`) and the
    room left goes to the columns in proportion to what each still lacks. None when the table
    fits as it is. When not even the words fit, the widest column gives way first, text before
    single words (an id to type) at equal width."""
    natural = [cell_len(h) for h in block.headers]
    words = [max((cell_len(w) for w in h.split()), default=0) for h in block.headers]
    prose = [False] * len(natural)  # text, as opposed to a column of single words (ids)
    for row in block.rows:
        for i, cell in enumerate(row):
            for line in cell:
                plain = _text(line).plain
                natural[i] = max(natural[i], cell_len(plain))
                words[i] = max([words[i], *(cell_len(w) for w in plain.split())])
                prose[i] = prose[i] or " " in plain.strip()
    words = [min(w, MAX_UNBROKEN) if prose[i] else w for i, w in enumerate(words)]
    room = width - 1 - 3 * len(natural)  # each column takes 3 more: padding and border
    if sum(natural) <= room or room < len(words):
        return None
    while sum(words) > room:  # the widest column gives up a cell; text before single words
        widest = max(range(len(words)), key=lambda i: (words[i], prose[i]))
        words[widest] -= 1
    lacking = [n - w for n, w in zip(natural, words, strict=True)]
    spare = room - sum(words)
    extra = [spare * lack // max(1, sum(lacking)) for lack in lacking]
    # what rounding left over goes to the columns that lack the most
    for i in sorted(range(len(extra)), key=lambda i: -lacking[i])[: spare - sum(extra)]:
        extra[i] += 1
    return [w + e for w, e in zip(words, extra, strict=True)]


def _split(block: Table, width: int) -> list[tuple[Table, list[int]]]:
    """Cut a ``split`` table into tables that fit ``width``, each repeating the first column,
    with as even a number of columns as fits; return each with its column widths."""
    whole = _natural_widths(block, whole_headers=True)
    if 1 + sum(w + 3 for w in whole) <= width:  # each column takes 3 more: padding, border
        return [(block, whole)]
    widths = _natural_widths(block, whole_headers=False)
    budget = width - 1 - (widths[0] + 3)
    rest = list(range(1, len(widths)))
    for parts in range(1, len(rest) + 1):
        size, extra = divmod(len(rest), parts)
        chunks, start = [], 0
        for n in range(parts):
            end = start + size + (n < extra)
            chunks.append(rest[start:end])
            start = end
        if all(sum(widths[i] + 3 for i in chunk) <= budget for chunk in chunks):
            break
    else:
        chunks = [[i] for i in rest] or [[]]
    return [
        (
            Table(
                (block.headers[0], *(block.headers[i] for i in chunk)),
                tuple((row[0], *(row[i] for i in chunk)) for row in block.rows),
            ),
            [widths[0], *(widths[i] for i in chunk)],
        )
        for chunk in chunks
    ]


def _column_groups(block: Table, width: int) -> tuple[list[list[int]], int]:
    """How a table of long text fits ``width``: its columns after the first in as few, as even
    groups as keep every column at :data:`MIN_COLUMN_WIDTH` or more (each group is shown with
    the first column again), and the first column's width."""
    first = min(_natural_widths(block, whole_headers=False)[0], THEME_COLUMN_WIDTH)
    rest = list(range(1, len(block.headers)))

    def fitting(first: int) -> int:  # each column takes 3 more: padding and border
        return max(1, (width - 1 - (first + 3)) // (MIN_COLUMN_WIDTH + 3))

    per = fitting(first)
    if per < len(rest) and fitting(MIN_COLUMN_WIDTH) > per:  # a narrower first column: more fit
        first = min(first, MIN_COLUMN_WIDTH)
        per = fitting(first)
    parts = max(1, -(-len(rest) // per))
    size, extra = divmod(len(rest), parts)
    groups, start = [], 0
    for n in range(parts):
        end = start + size + (n < extra)
        groups.append(rest[start:end])
        start = end
    return groups, first


def _table(
    block: Table, width: int, widths: list[int] | None = None, first: int | None = None
) -> RichTable:
    table = RichTable(
        box=box.ROUNDED,
        show_lines=block.prose,
        expand=block.prose and (width > 100 or bool(block.ratios) or first is not None),
        padding=(0, 1),
    )
    if widths is None and not block.prose and not block.split:
        widths = _fitted_widths(block, width)
    for i, raw_header in enumerate(block.headers):
        header = _safe(raw_header)
        if widths is not None:
            table.add_column(Text(header, "bold"), width=widths[i], overflow="fold")
        elif not block.prose:
            table.add_column(Text(header, "bold"), overflow="fold")
        elif i == 0 and first is not None:
            table.add_column(Text(header, "bold"), width=first, overflow="fold")
        elif i == 0:
            table.add_column(Text(header, "bold"), max_width=THEME_COLUMN_WIDTH, overflow="fold")
        else:
            ratio = block.ratios[i] if i < len(block.ratios) else 1
            table.add_column(Text(header, "bold"), ratio=ratio, overflow="fold")
    for row in block.rows:
        table.add_row(*(Text("\n").join(_text(line) for line in cell) for cell in row))
    return table


def _renderable(block: Block, width: int, notes: list[str], links: bool) -> RenderableType:
    if isinstance(block, Heading):
        return Text(_safe(block.text), "bold underline" if block.level == 1 else "bold")
    if isinstance(block, Paragraph):
        return Group(*_with_urls(block.line, Text(), links))
    if isinstance(block, Items):
        return Group(*(r for item in block.items for r in _with_urls(item, Text("• "), links)))
    if block.split and block.prose:
        groups, first = _column_groups(block, width)
        if len(groups) > 1:
            notes.append(
                f"{len(block.headers) - 1} contenders do not fit side by side in {width} columns: "
                f"shown as {len(groups)} tables of up to {max(len(g) for g in groups)}, each "
                f"repeating the first column (--width or COLUMNS for more room)"
            )
        return Group(*(_table(_columns(block, group), width, first=first) for group in groups))
    if block.split:
        return Group(*(_table(part, width, widths) for part, widths in _split(block, width)))
    return _table(block, width)


def _columns(block: Table, group: list[int]) -> Table:
    """The first column of a table and the columns of ``group``."""
    if len(group) == len(block.headers) - 1:
        return block
    return Table(
        (block.headers[0], *(block.headers[i] for i in group)),
        tuple((row[0], *(row[i] for i in group)) for row in block.rows),
        prose=block.prose,
    )


def _with_urls(line: Line, lead: Text, links: bool) -> list[Text]:
    """A line outside tables, then each web address it links to whole on its own line (never
    wrapped, so that it can be copied or clicked), as a terminal hyperlink when ``links``."""
    text = lead.append_text(_text(line, spell_urls=False, links=links))
    out = [text]
    for span in line:
        if span.url:
            url = clean(span.url)
            style = Style(dim=True, link=url if links and web_url(url) else None)
            out.append(Text("  " + url, style=style, no_wrap=True, overflow="ignore"))
    return out


def render(view: View, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=False,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    blocks = build(view, options.locale)
    notes: list[str] = []
    for i, block in enumerate(blocks):
        if i and isinstance(block, Heading):
            console.print()
        # crop=False: a web address longer than the width stays whole on its line
        console.print(_renderable(block, options.width, notes, options.color), crop=False)
    if notes and options.notify is not None:
        options.notify(notes[0])  # one line, however many tables were cut
    # rich pads wrapped lines with spaces; trailing blanks only make diffs and copies noisy
    text = buffer.getvalue().translate(_UNGLUE)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
