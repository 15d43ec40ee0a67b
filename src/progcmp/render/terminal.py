"""The terminal: rich tables that wrap to the width, colour only on a colour terminal.

Data never goes through rich markup: every string becomes a ``Text`` after the sanitiser, so a
``[/]`` or an escape sequence in a proposal is shown as text, not obeyed.
"""

from __future__ import annotations

import io

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from ..text import clean
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


def _text(line: Line) -> Text:
    text = Text()
    for span in line:
        text.append(clean(span.text, multiline=True), style=STYLES.get(span.style or "", ""))
        if span.url:  # links are spelled out: terminals differ in what they make clickable
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


def _table(block: Table, width: int, widths: list[int] | None = None) -> RichTable:
    table = RichTable(
        box=box.ROUNDED,
        show_lines=block.prose,
        expand=block.prose and (width > 100 or bool(block.ratios)),
        padding=(0, 1),
    )
    for i, raw_header in enumerate(block.headers):
        header = clean(raw_header)
        if widths is not None:
            table.add_column(Text(header, "bold"), width=widths[i], overflow="fold")
        elif not block.prose:
            table.add_column(Text(header, "bold"), overflow="fold")
        elif i == 0:
            table.add_column(Text(header, "bold"), max_width=THEME_COLUMN_WIDTH, overflow="fold")
        else:
            ratio = block.ratios[i] if i < len(block.ratios) else 1
            table.add_column(Text(header, "bold"), ratio=ratio, overflow="fold")
    for row in block.rows:
        table.add_row(*(Text("\n").join(_text(line) for line in cell) for cell in row))
    return table


def _renderable(block: Block, width: int) -> RenderableType:
    if isinstance(block, Heading):
        return Text(clean(block.text), "bold underline" if block.level == 1 else "bold")
    if isinstance(block, Paragraph):
        return _text(block.line)
    if isinstance(block, Items):
        return Group(*(Text("• ").append_text(_text(item)) for item in block.items))
    if block.split:
        return Group(*(_table(part, width, widths) for part, widths in _split(block, width)))
    return _table(block, width)


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
    for i, block in enumerate(blocks):
        if i and isinstance(block, Heading):
            console.print()
        console.print(_renderable(block, options.width))
    # rich pads wrapped lines with spaces; trailing blanks only make diffs and copies noisy
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
