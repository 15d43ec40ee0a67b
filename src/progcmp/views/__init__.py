"""The views: one module per command, pure functions from a :class:`~progcmp.model.Dataset` to
the report that command prints. Views know the model, the text tools and the data layer; they
never render (that is :mod:`progcmp.render`) and never read the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from ..text.classify import ThemeSuggestions
    from .agenda import AgendaReport
    from .candidates import CandidateList
    from .compare import Comparison
    from .diff import ProgrammeDiff
    from .gaps import GapReport
    from .matrix import SalienceMatrix
    from .report import ElectionReport
    from .search import SearchResults
    from .show import CandidateView
    from .similar import SimilarReport
    from .themes import ThemeList
    from .tone import ToneReport

# A string, so that naming every view here imports none of them at run time.
View: TypeAlias = (
    "Comparison | GapReport | CandidateView | CandidateList | ThemeList | ElectionReport"
    " | ToneReport | ProgrammeDiff | AgendaReport | ThemeSuggestions | SalienceMatrix"
    " | SimilarReport | SearchResults"
)
