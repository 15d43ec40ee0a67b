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

from importlib import import_module
from typing import TYPE_CHECKING

from .blocks import Block, Heading, Items, Line, Paragraph, Span, Table, cell, plain, sections
from .marks import GAP_MARKS as COVERAGE_MARKS
from .references import Reference, References, source_line

if TYPE_CHECKING:
    from ...views import View
    from ..locale import Locale

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

# view class (its module under progcmp, its name) -> the function of this package that lays it
# out. Names, not objects: a run imports only the builder module and the view it needs.
BUILDERS: dict[str, str] = {
    "views.compare.Comparison": "tables.comparison",
    "views.candidates.CandidateList": "tables.candidate_list",
    "views.themes.ThemeList": "tables.theme_list",
    "views.report.ElectionReport": "tables.report",
    "views.matrix.SalienceMatrix": "tables.matrix",
    "views.gaps.GapReport": "gaps.gaps",
    "views.show.CandidateView": "candidate.candidate",
    "text.classify.ThemeSuggestions": "candidate.suggestions",
    "views.tone.ToneReport": "texts.tone",
    "views.diff.ProgrammeDiff": "texts.diff",
    "views.agenda.AgendaReport": "texts.agenda",
    "views.similar.SimilarReport": "texts.similar",
    "views.search.SearchResults": "texts.search",
}


class UnknownViewError(TypeError):
    """A view no builder is registered for (a programming error, not a user's)."""


def build(view: View, locale: Locale) -> list[Block]:
    """Lay out any view as a list of blocks, its words in ``locale``."""
    kind = type(view)
    target = BUILDERS.get(f"{kind.__module__.removeprefix('progcmp.')}.{kind.__qualname__}")
    if target is None:
        raise UnknownViewError(f"no document builder for {kind.__name__}: add one to BUILDERS")
    module, function = target.rsplit(".", 1)
    blocks: list[Block] = getattr(import_module(f".{module}", __name__), function)(view, locale)
    return blocks
