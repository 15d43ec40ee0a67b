"""The terminal: rich tables that wrap to the width, colour only on a colour terminal.

Data never goes through rich markup: every string becomes a ``Text`` after the sanitiser, so a
``[/]`` or an escape sequence in a proposal is shown as text, not obeyed.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from ..analysis import View
from ..text import clean
from . import RenderOptions
from .document import Block, Heading, Items, Line, Paragraph, Table, build

STYLES = {"bold": "bold", "dim": "dim", "gap": "italic yellow", "ref": "cyan", "quote": "italic"}
THEME_COLUMN_WIDTH = 22


def _text(line: Line) -> Text:
    text = Text()
    for span in line:
        text.append(clean(span.text, multiline=True), style=STYLES.get(span.style or "", ""))
        if span.url:  # links are spelled out: terminals differ in what they make clickable
            text.append(f" <{clean(span.url)}>", style="dim")
    return text


def _table(block: Table, width: int) -> RichTable:
    table = RichTable(
        box=box.ROUNDED,
        show_lines=block.prose,
        expand=block.prose and (width > 100 or bool(block.ratios)),
        padding=(0, 1),
    )
    for i, header in enumerate(block.headers):
        if not block.prose:
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
    blocks = build(view, options.lang)
    for i, block in enumerate(blocks):
        if i and isinstance(block, Heading):
            console.print()
        console.print(_renderable(block, options.width))
    # rich pads wrapped lines with spaces; trailing blanks only make diffs and copies noisy
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
