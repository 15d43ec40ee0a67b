"""Reading programmes published as documents (PDF, HTML, Markdown, plain text) for ``progcmp
import``: each reader turns a file into :class:`Block` s (headings, list items, paragraphs, each
with where it is in the source), and :mod:`.structure` finds the measures among them.

Imported only by the import command: the PDF and HTML readers need the optional
``progcmp[import]`` extra (pypdf, selectolax), which :func:`require` names when it is missing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import StrEnum

from ...model.errors import DataError, Problem

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
EXTRA = "progcmp[import]"


class Kind(StrEnum):
    """What a file holds, found from its content (see :mod:`.sniff`)."""

    PDF = "pdf"
    HTML = "html"
    MARKDOWN = "markdown"
    TEXT = "text"
    CSV = "csv"


class BlockKind(StrEnum):
    HEADING = "heading"
    ITEM = "item"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    """One heading, list item or paragraph, its text repaired, and where it starts."""

    kind: BlockKind
    text: str
    level: int = 0  # a heading's level: 1 for a chapter, 2 for a section...
    page: int | None = None  # PDF
    line: int | None = None  # text, Markdown
    anchor: str | None = None  # HTML: the id of the heading above it


@dataclass(frozen=True, slots=True)
class Document:
    """A document read as blocks, in reading order."""

    path: str  # as shown in messages
    kind: Kind
    title: str | None
    blocks: tuple[Block, ...]
    pages: int | None = None


def fail(path: str, message: str, line: int = 1, column: int = 1) -> DataError:
    """The error for a document progcmp cannot read: ``path:line:col: message``."""
    return DataError([Problem(path, line, column, message)])


def require(module: str, package: str, what: str) -> object:
    """Import an optional dependency, or say which extra to install.

    Raises:
        DataError: naming the package and the ``progcmp[import]`` extra.
    """
    from ...model.errors import ProgcmpError

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ProgcmpError(
            f"reading {what} needs the package {package}: install it with "
            f"pip install '{EXTRA}' (or pip install {package})"
        ) from None
