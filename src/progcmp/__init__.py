"""progcmp: compare candidates' digital programmes, theme by theme.

The library works without the command line::

    from progcmp import load_dataset, find_candidates, compare, render
    data = load_dataset("programmes")
    table = compare(data, find_candidates(data, ["melenchon", "macron"]))
    print(render(table, "markdown"))
"""

from __future__ import annotations

from ._version import __version__
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
from .render import RenderOptions, render
from .salience import SalienceMatrix, salience
from .search import SearchResults, search
from .similarity import similar_pairs
from .tone import ToneReport, load_bundled_lexicon, read_tone

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
