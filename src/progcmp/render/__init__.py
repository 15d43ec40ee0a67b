"""The renderer registry: one module per output format, imported only when used.

Every text renderer is ``render(view, options) -> str`` over the views of
:mod:`progcmp.views`; the text always ends with exactly one newline. A binary format (xlsx)
has ``render_bytes(view, options) -> bytes`` instead: :func:`render_bytes` gives any format as
bytes, the text ones encoded in UTF-8.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .locale import Locale, get_locale, languages

if TYPE_CHECKING:
    from ..views import View

# format name -> module of this package that renders it
FORMATS: dict[str, str] = {
    "terminal": "terminal",
    "markdown": "markdown",
    "json": "json",
    "ndjson": "ndjson",
    "csv": "csv",
    "html": "html",
    "xlsx": "xlsx",
}
# formats that are bytes, not text: never to a terminal, rendered by render_bytes()
BINARY_FORMATS = frozenset({"xlsx"})
TEXT_FORMATS = tuple(f for f in FORMATS if f not in BINARY_FORMATS)
# other names a format is known by (`-f md`)
FORMAT_ALIASES: dict[str, str] = {"md": "markdown"}
# output file suffix (lowercase) -> format name
SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
    ".txt": "terminal",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
LAYOUTS = ("auto", "table", "sections")  # Markdown layouts
LANGUAGES = languages()  # interface languages: one data file each in locales/


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render.

    Attributes:
        locale: the interface language: words, punctuation, numbers (see :mod:`.locale`).
        width: width of terminal tables.
        color: colour for the terminal format.
        layout: Markdown layout: ``table`` (compact), ``sections`` (a heading per theme, a
            list per candidate, for long text) or ``auto`` (sections beyond
            :data:`~progcmp.render.markdown.MAX_TABLE_CONTENDERS` contenders side by side).
        footnotes: Markdown sources as GFM footnotes (``[^1]``) rather than a numbered list.
        csv_bom: start CSV with a byte-order mark, so that Excel reads it as UTF-8.
        notify: told, in one line, when a renderer changes the layout to fit.
        embed: HTML: a fragment for a page of one's own (no <html>, CSS scoped to its class).
        credit: HTML: the data's ``title``, ``version`` and ``license``, as its catalogue
            declares them (those given), for the footer: a page that republishes data credits
            it (CC BY asks for it).
    """

    locale: Locale = field(default_factory=get_locale)
    width: int = 100
    color: bool = False
    layout: str = "auto"
    csv_bom: bool = False
    footnotes: bool = False
    embed: bool = False
    credit: Mapping[str, str] | None = None
    # Where a renderer says, in one line, that it changed the layout to fit (tables cut into
    # column groups, Markdown sections chosen): the CLI prints it on stderr.
    notify: Callable[[str], None] | None = None


class Renderer(Protocol):
    def __call__(self, view: View, options: RenderOptions) -> str: ...


class BinaryRenderer(Protocol):
    def __call__(self, view: View, options: RenderOptions) -> bytes: ...


def canonical(fmt: str) -> str:
    """A format's own name (``md`` is ``markdown``)."""
    return FORMAT_ALIASES.get(fmt, fmt)


def get_renderer(fmt: str) -> Renderer:
    """Return the ``render`` function of a text format (KeyError for an unknown format,
    ValueError for a binary one)."""
    name = canonical(fmt)
    if name in BINARY_FORMATS:
        raise ValueError(f"{name} is a binary format: use render_bytes()")
    module = import_module(f"{__name__}.{FORMATS[name]}")
    renderer: Renderer = module.render
    return renderer


def format_for(path: Path) -> str | None:
    """The format an output file name implies, if any."""
    return SUFFIXES.get(path.suffix.lower())


def render(view: View, fmt: str, options: RenderOptions | None = None) -> str:
    """Render a view in a format."""
    return get_renderer(fmt)(view, options or RenderOptions())


def render_bytes(view: View, fmt: str, options: RenderOptions | None = None) -> bytes:
    """Render a view in any format, as bytes: a binary format's own, a text one in UTF-8
    (characters it cannot hold, lone surrogates, become ``?``)."""
    name = canonical(fmt)
    if name not in BINARY_FORMATS:
        return render(view, name, options).encode("utf-8", "replace")
    module = import_module(f"{__name__}.{FORMATS[name]}")
    renderer: BinaryRenderer = module.render_bytes
    return renderer(view, options or RenderOptions())
