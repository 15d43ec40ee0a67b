"""HTML: one self-contained page (no script, no external asset) for any view.

The page is laid out from the same document as the terminal and Markdown (see
:mod:`progcmp.render.document`), through a Jinja2 template shipped in ``templates/`` with
autoescaping on: data is never written into the page unescaped. A strict Content-Security-Policy
forbids scripts, frames, images and any network access; only http(s) URLs become links. Tables
with ``levels`` (the election report's coverage matrix) are shaded as a heat map. The CSS is
inline, readable on a phone (long-text tables stack) and printable (links spelled out).
"""

from __future__ import annotations

from functools import lru_cache
from math import ceil
from typing import TYPE_CHECKING, Any

from ..text import clean, web_url
from ..views import View
from . import RenderOptions
from .document import Block, Heading, Items, Line, Paragraph, Table, build

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATE = "page.html.j2"
STYLES = frozenset({"bold", "dim", "gap", "ref", "quote", "bullet"})  # CSS classes we define
HEAT_STEPS = 4  # shades of a non-zero count; zero has its own


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("progcmp.render", "templates"),
        autoescape=True,  # every {{ value }} is escaped, in text and in attributes
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _line(line: Line) -> list[dict[str, Any]]:
    """Spans as plain values for the template: text split at line breaks, a safe link."""
    return [
        {
            "parts": clean(span.text, multiline=True).split("\n"),
            "cls": span.style if span.style in STYLES else "",
            "href": web_url(span.url) if span.url else None,
        }
        for span in line
    ]


def _heat(count: int, top: int) -> str:
    return "h0" if count <= 0 else f"h{min(HEAT_STEPS, ceil(HEAT_STEPS * count / top))}"


def _table(block: Table) -> dict[str, Any]:
    top = max((n for row in block.levels for n in row), default=0)
    rows = []
    for r, row in enumerate(block.rows):
        cells = []
        for c, cell in enumerate(row):
            level = block.levels[r][c - 1] if block.levels and c else None
            cells.append(
                {
                    "lines": [_line(line) for line in cell],
                    "label": clean(block.headers[c]) if c < len(block.headers) else "",
                    "heat": _heat(level, top) if level is not None else "",
                }
            )
        rows.append(cells)
    return {
        "type": "table",
        "headers": [clean(h) for h in block.headers],
        "rows": rows,
        "prose": block.prose,
        "heat": bool(block.levels),
    }


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"type": "heading", "level": min(max(block.level, 1), 6), "text": clean(block.text)}
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "line": _line(block.line)}
    if isinstance(block, Items):
        return {"type": "items", "items": [_line(item) for item in block.items]}
    return _table(block)


def render(view: View, options: RenderOptions) -> str:
    blocks = build(view, options.locale)
    title = next((clean(b.text) for b in blocks if isinstance(b, Heading)), "progcmp")
    page = (
        _environment()
        .get_template(TEMPLATE)
        .render(
            lang=options.locale.code,
            title=title,
            blocks=[_block(b) for b in blocks],
        )
    )
    return page.rstrip("\n") + "\n"
