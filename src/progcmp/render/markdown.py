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
from .document import Block, Heading, Items, Line, Paragraph, Table, build, sections

# Beyond this many contenders, cells of long text grow too long to read in a Markdown table:
# the automatic layout writes sections instead.
MAX_TABLE_CONTENDERS = 4

# Only what CommonMark and GFM would read as markup, at that place, is escaped: a "[1]", an
# "En Marche !" or a "l_intra_word" stays as it is.
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|\n|$)")  # before punctuation: an escape
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # would be read as a character reference
_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # would open raw HTML or an autolink
_ALWAYS = re.compile(r"([`*~])")  # code, emphasis, strikethrough: anywhere
_UNDERSCORE = re.compile(r"_")  # emphasis unless between two letters or digits
_LINK_END = re.compile(r"\](?=[(\[:])")  # "](", "][", "]:" make links and definitions
_LINK_TEXT = re.compile(r"(?<!\\)([\[\]])")  # a bracket not yet escaped
_NOTE = re.compile(r"\[(?=\^)")  # "[^" makes a footnote reference
_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|-(?=-)|\d{1,9}[.)](?=\s|$))")
_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
_EDGE_BREAKS = re.compile(r"^(?:<br>\s*)+|(?:\s*<br>)+$")
# Whether any of the above could apply: most text has none of these, and skips the passes.
_MAYBE_MARKUP = re.compile(r"[\\&<`*~_\[\]|\n]|^\s*[-#>+0-9]")


def escape(text: str, *, cell: bool = False) -> str:
    """Escape text for inline Markdown, only where it would be read as markup; newlines
    become ``<br>``. In a table ``cell``, ``|`` is escaped too."""
    text = clean(text, multiline=True)
    return _escape_markup(text, cell) if _MAYBE_MARKUP.search(text) else text


def _escape_markup(text: str, cell: bool) -> str:
    text = _BACKSLASH.sub(r"\\\\", text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG.sub("&lt;", text)
    text = _ALWAYS.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(lambda m: "_" if _between_words(m.string, m.start()) else "\\_", text)
    text = _LINK_END.sub(r"\\]", text)
    text = _NOTE.sub(r"\\[", text)
    text = _START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)
    if cell:
        text = text.replace("|", "\\|")
    return _NEWLINE.sub("<br>", text)


def _between_words(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


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


_REF = re.compile(r"\s*\[(\d+)(?:, (.*))?\]\s*$", re.DOTALL)  # " [3]", " [3, p. 12]"


def _line(line: Line, *, cell: bool = False, notes: bool = False) -> str:
    out = []
    for span in line:
        ref = _REF.fullmatch(span.text) if notes and span.style == "ref" else None
        if ref:  # a GFM footnote reference, the locator after it
            where = f" ({escape(ref.group(2), cell=cell)})" if ref.group(2) else ""
            out.append(f"[^{ref.group(1)}]{where}")
            continue
        text = escape(span.text, cell=cell)
        url = web_url(span.url) if span.url else None
        if url:
            if out and out[-1].endswith("!"):  # "!" then a link would make an image
                out[-1] = out[-1][:-1] + "\\!"
            # brackets in a link's text must pair: escape them all ("![" would make an image)
            label = _LINK_TEXT.sub(r"\\\1", text)
            out.append(f"[{label}](<{_url(url)}>)")
        elif span.style == "bold":
            out.append(_wrap(text, "**"))
        elif span.style in ("gap", "quote"):
            out.append(_wrap(text, "*"))
        else:
            out.append(text)
    # Line breaks at either end show nothing, and a line that is only "<br>" would be read as
    # an HTML block.
    return _EDGE_BREAKS.sub("", "".join(out).strip())


def _footnotes(block: Items) -> tuple[list[str], list[str]]:
    """A list of sources as footnote definitions (``[^n]: ...``) for the numbers the text
    cites, and list items for the others."""
    notes, others = [], []
    for item in block.items:
        number = _REF.fullmatch(item[0].text) if item else None
        if number and int(number.group(1)) in block.cited:
            notes.append(f"[^{number.group(1)}]: {_line(item[1:])}")
        else:
            others.append(f"- {_line(item)}")
    return notes, others


def _block(block: Block, notes: bool) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape(block.text)}"
    if isinstance(block, Paragraph):
        return _line(block.line, notes=notes)
    if isinstance(block, Items):
        if notes and block.cited:
            definitions, others = _footnotes(block)
            return "\n\n".join(x for x in ("\n".join(others), "\n".join(definitions)) if x)
        return "\n".join(f"- {_line(item, notes=notes)}" for item in block.items)
    header = "| " + " | ".join(escape(h, cell=True) for h in block.headers) + " |"
    rule = "|" + "|".join(" --- " for _ in block.headers) + "|"
    rows = [
        "| "
        + " | ".join(
            "<br>".join(_line(line, cell=True, notes=notes) for line in cell) or " " for cell in row
        )
        + " |"
        for row in block.rows
    ]
    return "\n".join([header, rule, *rows])


def wide_tables(blocks: list[Block]) -> int:
    """The most contenders side by side in a table of long text (0 if none)."""
    return max(
        (len(b.headers) - 1 for b in blocks if isinstance(b, Table) and b.split and b.prose),
        default=0,
    )


def render(view: View, options: RenderOptions) -> str:
    blocks = build(view, options.locale)
    layout = options.layout
    if layout == "auto":
        widest = wide_tables(blocks)
        layout = "sections" if widest > MAX_TABLE_CONTENDERS else "table"
        if layout == "sections" and options.notify is not None:
            options.notify(
                f"{widest} contenders side by side make cells too long for Markdown: written "
                "as sections, a heading per theme (--layout table to keep the table)"
            )
    if layout == "sections":
        blocks = sections(blocks)
    notes = options.footnotes
    parts: list[str] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            notes
            and isinstance(block, Heading)
            and isinstance(following, Items)
            and following.cited
            and len(following.cited) == len(following.items)
        ):
            continue  # the sources are footnotes: GitHub lists them at the end, headed
        parts.append(_block(block, notes))
    return "\n\n".join(parts) + "\n"
