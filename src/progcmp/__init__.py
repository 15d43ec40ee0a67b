"""progcmp: compare candidates' digital programmes, theme by theme.

The library works without the command line::

    from progcmp import load_dataset, find_candidates, compare, render
    data = load_dataset("programmes")
    table = compare(data, find_candidates(data, ["melenchon", "macron"]))
    print(render(table, "markdown"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

# Imported now: the subpackage is light, and the function must shadow its name.
from .render import RenderOptions, render

# The names below are imported on first use (PEP 562), so that the command line, which lives in
# this package, starts without loading the library it does not need yet (``progcmp --version``).
_EXPORTS = {
    "AgendaReport": "views.agenda",
    "measure_agenda": "views.agenda",
    "CandidateList": "views.candidates",
    "CandidateView": "views.show",
    "Comparison": "views.compare",
    "ElectionReport": "views.report",
    "Gap": "views.cells",
    "GapReport": "views.gaps",
    "ThemeList": "views.themes",
    "compare": "views.compare",
    "election_report": "views.report",
    "find_candidate": "views.names",
    "find_candidates": "views.names",
    "find_election": "views.names",
    "find_gaps": "views.gaps",
    "select_themes": "views.names",
    "ProgrammeDiff": "views.diff",
    "diff_programmes": "views.diff",
    "DataError": "model.errors",
    "ExitCode": "model.errors",
    "OutputError": "model.errors",
    "Problem": "model.errors",
    "ProgcmpError": "model.errors",
    "UsageError": "model.errors",
    "load_agenda": "data.loader",
    "load_candidate_file": "data.loader",
    "load_dataset": "data.loader",
    "load_lexicon": "data.loader",
    "validate_paths": "data.loader",
    "Annotation": "model",
    "Assessment": "model",
    "Candidate": "model",
    "Dataset": "model",
    "GapKind": "model",
    "Proposal": "model",
    "Source": "model",
    "SourceKind": "model",
    "Theme": "model",
    "bundled_data": "data.output",
    "data_root": "data.output",
    "write_file": "data.output",
    "ToneReport": "views.tone",
    "load_bundled_lexicon": "views.tone",
    "read_tone": "views.tone",
    "anonymise": "views.blind",
    "SimilarReport": "views.similar",
    "find_similar": "views.similar",
    "SalienceMatrix": "views.matrix",
    "salience": "views.matrix",
    "SearchResults": "views.search",
    "search": "views.search",
    "similar_pairs": "text.similarity",
}

if TYPE_CHECKING:
    from .data.loader import (
        load_agenda,
        load_candidate_file,
        load_dataset,
        load_lexicon,
        validate_paths,
    )
    from .data.output import bundled_data, data_root, write_file
    from .model import (
        Annotation,
        Assessment,
        Candidate,
        Dataset,
        GapKind,
        Proposal,
        Source,
        SourceKind,
        Theme,
    )
    from .model.errors import DataError, ExitCode, OutputError, Problem, ProgcmpError, UsageError
    from .text.similarity import similar_pairs
    from .views.agenda import AgendaReport, measure_agenda
    from .views.blind import anonymise
    from .views.candidates import CandidateList
    from .views.cells import Gap
    from .views.compare import Comparison, compare
    from .views.diff import ProgrammeDiff, diff_programmes
    from .views.gaps import GapReport, find_gaps
    from .views.matrix import SalienceMatrix, salience
    from .views.names import find_candidate, find_candidates, find_election, select_themes
    from .views.report import ElectionReport, election_report
    from .views.search import SearchResults, search
    from .views.show import CandidateView
    from .views.similar import SimilarReport, find_similar
    from .views.themes import ThemeList
    from .views.tone import ToneReport, load_bundled_lexicon, read_tone


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "AgendaReport",
    "Annotation",
    "Assessment",
    "Candidate",
    "CandidateList",
    "CandidateView",
    "Comparison",
    "DataError",
    "Dataset",
    "ElectionReport",
    "ExitCode",
    "Gap",
    "GapKind",
    "GapReport",
    "OutputError",
    "Problem",
    "ProgcmpError",
    "ProgrammeDiff",
    "Proposal",
    "RenderOptions",
    "SalienceMatrix",
    "SearchResults",
    "SimilarReport",
    "Source",
    "SourceKind",
    "Theme",
    "ThemeList",
    "ToneReport",
    "UsageError",
    "__version__",
    "anonymise",
    "bundled_data",
    "compare",
    "data_root",
    "diff_programmes",
    "election_report",
    "find_candidate",
    "find_candidates",
    "find_election",
    "find_gaps",
    "find_similar",
    "load_agenda",
    "load_bundled_lexicon",
    "load_candidate_file",
    "load_dataset",
    "load_lexicon",
    "measure_agenda",
    "read_tone",
    "render",
    "salience",
    "search",
    "select_themes",
    "similar_pairs",
    "validate_paths",
    "write_file",
]
