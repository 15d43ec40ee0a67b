"""GitHub-flavoured Markdown: a table per comparison, sources as a numbered list.

Two layouts (``options.layout``): ``table``, compact, and ``sections``, where each long-text
table becomes a heading per row and a list per column (see :func:`document.sections`).

Every data string is escaped so that it can neither break a table row (``|``, newlines) nor
inject markup or raw HTML; the only HTML in the output is our own ``<br>`` (line breaks in
text). Only http(s) URLs become links.
"""

from __future__ import annotations

import re

from ..text import clean, web_url
from ..views import View
from . import RenderOptions
from .document import Block, Heading, Items, Line, Paragraph, build, sections

_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#!])")
_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
_EDGE_BREAKS = re.compile(r"^(?:<br>\s*)+|(?:\s*<br>)+$")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)  # would start a list


def escape(text: str) -> str:
    """Escape text for inline Markdown; newlines become ``<br>``."""
    text = clean(text, multiline=True).replace("&", "&amp;").replace("<", "&lt;")
    text = text.replace(">", "&gt;")
    text = _PUNCTUATION.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)
    return _NEWLINE.sub("<br>", text)


def _escape_marker(marker: str) -> str:
    """``-`` becomes ``\\-``; ``1.`` becomes ``1\\.``: Markdown escapes the punctuation."""
    return marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker


def _url(url: str) -> str:
    return clean(url).replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _wrap(text: str, marker: str) -> str:
    """Put emphasis markers inside the spaces, where Markdown needs them."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core[0])
    return f"{text[:start]}{marker}{core}{marker}{text[start + len(core) :]}"


def _line(line: Line) -> str:
    out = []
    for span in line:
        text = escape(span.text)
        url = web_url(span.url) if span.url else None
        if url:
            out.append(f"[{text}](<{_url(url)}>)")
        elif span.style == "bold":
            out.append(_wrap(text, "**"))
        elif span.style in ("gap", "quote"):
            out.append(_wrap(text, "*"))
        else:
            out.append(text)
    # Line breaks at either end show nothing, and a line that is only "<br>" would be read as
    # an HTML block.
    return _EDGE_BREAKS.sub("", "".join(out).strip())


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape(block.text)}"
    if isinstance(block, Paragraph):
        return _line(block.line)
    if isinstance(block, Items):
        return "\n".join(f"- {_line(item)}" for item in block.items)
    header = "| " + " | ".join(escape(h) for h in block.headers) + " |"
    rule = "|" + "|".join(" --- " for _ in block.headers) + "|"
    rows = [
        "| " + " | ".join("<br>".join(_line(line) for line in cell) or " " for cell in row) + " |"
        for row in block.rows
    ]
    return "\n".join([header, rule, *rows])


def render(view: View, options: RenderOptions) -> str:
    blocks = build(view, options.locale)
    if options.layout == "sections":
        blocks = sections(blocks)
    return "\n\n".join(_block(b) for b in blocks) + "\n"
