"""The renderer registry: one module per output format, imported only when used.

Every renderer is ``render(view, options) -> str`` over the views of :mod:`progcmp.views`;
the text always ends with exactly one newline.
"""

from __future__ import annotations

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
    "csv": "csv",
    "html": "html",
}
# output file suffix (lowercase) -> format name
SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".txt": "terminal",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}
LAYOUTS = ("table", "sections")  # Markdown layouts
LANGUAGES = languages()  # interface languages: one data file each in locales/


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render.

    Attributes:
        locale: the interface language: words, punctuation, numbers (see :mod:`.locale`).
        width: width of terminal tables.
        color: colour for the terminal format.
        layout: Markdown layout: ``table`` (compact) or ``sections`` (a heading per theme, a
            list per candidate, for long text).
        csv_bom: start CSV with a byte-order mark, so that Excel reads it as UTF-8.
    """

    locale: Locale = field(default_factory=get_locale)
    width: int = 100
    color: bool = False
    layout: str = "table"
    csv_bom: bool = False


class Renderer(Protocol):
    def __call__(self, view: View, options: RenderOptions) -> str: ...


def get_renderer(fmt: str) -> Renderer:
    """Return the ``render`` function of a format (KeyError for an unknown format)."""
    module = import_module(f"{__name__}.{FORMATS[fmt]}")
    renderer: Renderer = module.render
    return renderer


def format_for(path: Path) -> str | None:
    """The format an output file name implies, if any."""
    return SUFFIXES.get(path.suffix.lower())


def render(view: View, fmt: str, options: RenderOptions | None = None) -> str:
    """Render a view in a format."""
    return get_renderer(fmt)(view, options or RenderOptions())
