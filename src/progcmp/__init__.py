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
    "AgendaReport": "agenda",
    "measure_agenda": "agenda",
    "CandidateList": "analysis",
    "CandidateView": "analysis",
    "Comparison": "analysis",
    "ElectionReport": "analysis",
    "Gap": "analysis",
    "GapReport": "analysis",
    "ThemeList": "analysis",
    "compare": "analysis",
    "election_report": "analysis",
    "find_candidate": "analysis",
    "find_candidates": "analysis",
    "find_election": "analysis",
    "find_gaps": "analysis",
    "select_themes": "analysis",
    "ProgrammeDiff": "diff",
    "diff_programmes": "diff",
    "DataError": "errors",
    "ExitCode": "errors",
    "OutputError": "errors",
    "Problem": "errors",
    "ProgcmpError": "errors",
    "UsageError": "errors",
    "load_agenda": "loader",
    "load_candidate_file": "loader",
    "load_dataset": "loader",
    "load_lexicon": "loader",
    "validate_paths": "loader",
    "Annotation": "models",
    "Assessment": "models",
    "Candidate": "models",
    "Dataset": "models",
    "GapKind": "models",
    "Proposal": "models",
    "Source": "models",
    "SourceKind": "models",
    "Theme": "models",
    "bundled_data": "output",
    "data_root": "output",
    "write_file": "output",
    "ToneReport": "tone",
    "load_bundled_lexicon": "tone",
    "read_tone": "tone",
    "anonymise": "blind",
    "SimilarReport": "consensus",
    "find_similar": "consensus",
    "SalienceMatrix": "salience",
    "salience": "salience",
    "SearchResults": "search",
    "search": "search",
    "similar_pairs": "similarity",
}

if TYPE_CHECKING:
    from .agenda import AgendaReport, measure_agenda
    from .analysis import (
        CandidateList,
        CandidateView,
        Comparison,
        ElectionReport,
        Gap,
        GapReport,
        ThemeList,
        compare,
        election_report,
        find_candidate,
        find_candidates,
        find_election,
        find_gaps,
        select_themes,
    )
    from .blind import anonymise
    from .consensus import SimilarReport, find_similar
    from .diff import ProgrammeDiff, diff_programmes
    from .errors import DataError, ExitCode, OutputError, Problem, ProgcmpError, UsageError
    from .loader import (
        load_agenda,
        load_candidate_file,
        load_dataset,
        load_lexicon,
        validate_paths,
    )
    from .models import (
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
    from .output import bundled_data, data_root, write_file
    from .salience import SalienceMatrix, salience
    from .search import SearchResults, search
    from .similarity import similar_pairs
    from .tone import ToneReport, load_bundled_lexicon, read_tone


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
