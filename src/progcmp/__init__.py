"""progcmp: compare candidates' digital programmes, theme by theme.

The library works without the command line::

    from progcmp import load_dataset, find_candidates, compare, render
    data = load_dataset("programmes")
    table = compare(data, find_candidates(data, ["melenchon", "macron"]))
    print(render(table, "markdown"))
"""

from __future__ import annotations

from ._version import __version__
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
from .errors import DataError, ExitCode, OutputError, Problem, ProgcmpError, UsageError
from .loader import load_dataset, validate_paths
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

__all__ = [
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
    "Proposal",
    "RenderOptions",
    "Source",
    "SourceKind",
    "Theme",
    "ThemeList",
    "UsageError",
    "__version__",
    "bundled_data",
    "compare",
    "data_root",
    "election_report",
    "find_candidate",
    "find_candidates",
    "find_election",
    "find_gaps",
    "load_dataset",
    "render",
    "select_themes",
    "validate_paths",
    "write_file",
]
