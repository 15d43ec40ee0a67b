"""A neutral document (headings, tables, lists of styled spans) built from each view.

The terminal, Markdown and HTML renderers only lay out a document, so what a command shows is
decided once, here, for every layout format:

- :mod:`.blocks`: the blocks and spans a document is made of;
- :mod:`.references`: :class:`References`, the one numbering of cited sources;
- one builder module per family of views (:mod:`.tables`, :mod:`.gaps`, :mod:`.candidate`,
  :mod:`.texts`);
- :data:`BUILDERS`, the registry: a new view is one builder function and one entry here.
  :func:`build` raises :class:`UnknownViewError` for a view that has none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...text.classify import ThemeSuggestions
from ...views import View
from ...views.agenda import AgendaReport
from ...views.candidates import CandidateList
from ...views.compare import Comparison
from ...views.diff import ProgrammeDiff
from ...views.gaps import GapReport
from ...views.matrix import SalienceMatrix
from ...views.report import ElectionReport
from ...views.search import SearchResults
from ...views.show import CandidateView
from ...views.similar import SimilarReport
from ...views.themes import ThemeList
from ...views.tone import ToneReport
from ..locale import Locale
from . import candidate, gaps, tables, texts
from .blocks import Block, Heading, Items, Line, Paragraph, Span, Table, cell, plain, sections
from .references import Reference, References, source_line
from .tables import COVERAGE_MARKS

__all__ = [
    "BUILDERS",
    "COVERAGE_MARKS",
    "Block",
    "Heading",
    "Items",
    "Line",
    "Paragraph",
    "Reference",
    "References",
    "Span",
    "Table",
    "UnknownViewError",
    "build",
    "cell",
    "plain",
    "sections",
    "source_line",
]

Builder = Callable[[Any, Locale], list[Block]]

# view type -> the function that lays it out
BUILDERS: dict[type, Builder] = {
    Comparison: tables.comparison,
    CandidateList: tables.candidate_list,
    ThemeList: tables.theme_list,
    ElectionReport: tables.report,
    SalienceMatrix: tables.matrix,
    GapReport: gaps.gaps,
    CandidateView: candidate.candidate,
    ThemeSuggestions: candidate.suggestions,
    ToneReport: texts.tone,
    ProgrammeDiff: texts.diff,
    AgendaReport: texts.agenda,
    SimilarReport: texts.similar,
    SearchResults: texts.search,
}


class UnknownViewError(TypeError):
    """A view no builder is registered for (a programming error, not a user's)."""


def build(view: View, locale: Locale) -> list[Block]:
    """Lay out any view as a list of blocks, its words in ``locale``."""
    builder = BUILDERS.get(type(view))
    if builder is None:
        raise UnknownViewError(
            f"no document builder for {type(view).__name__}: add one to BUILDERS"
        )
    return builder(view, locale)
