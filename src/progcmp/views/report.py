"""``progcmp report``: a whole election, every candidate on every theme."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..model import Candidate, Dataset, Theme
from .cells import Cell, cell_records
from .compare import Comparison, compare
from .gaps import GapReport, find_gaps
from .names import find_election
from .records import ENTRY_FIELDS, JSON_VERSION, assessment_dict, assessment_records


@dataclass(frozen=True, slots=True)
class ElectionReport:
    """A whole election: every candidate on every theme, gaps, assessments and sources."""

    election: str
    comparison: Comparison
    gaps: GapReport

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = ENTRY_FIELDS

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return self.comparison.candidates

    @property
    def themes(self) -> tuple[Theme, ...]:
        return self.comparison.themes

    def coverage(self) -> list[tuple[Theme, tuple[Cell, ...]]]:
        """Per theme (catalogue order), each candidate's cell (candidate order)."""
        return list(zip(self.themes, self.comparison.rows, strict=True))

    def to_records(self) -> list[dict[str, str]]:
        """Per theme, per candidate: proposals, gap or contested claim, then assessments."""
        return [
            record
            for row in self.comparison.rows
            for c in row
            for record in cell_records(c) + assessment_records(c.candidate, c.theme)
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "report",
            "version": JSON_VERSION,
            "election": self.election,
            "coverage": [
                {
                    "theme": theme.id,
                    "cells": [
                        {
                            "candidate": c.candidate.id,
                            "proposals": len(c.proposals),
                            "gap": str(c.gap.kind) if c.gap else None,
                            "contested": c.contested is not None,
                        }
                        for c in cells
                    ],
                }
                for theme, cells in self.coverage()
            ],
            "assessments": [
                {"candidate": c.id, **assessment_dict(a)}
                for c in self.candidates
                for a in c.assessments
                if any(t.id in a.themes for t in self.themes)
            ],
            "comparison": self.comparison.to_dict(),
            "gaps": self.gaps.to_dict(),
        }


def election_report(
    dataset: Dataset, election: str | None = None, themes: Sequence[Theme] | None = None
) -> ElectionReport:
    """Report on every candidate of an election (see :func:`find_election`), in data order."""
    chosen = find_election(dataset, election)
    candidates = [c for c in dataset.candidates if c.election == chosen]
    return ElectionReport(
        chosen, compare(dataset, candidates, themes), find_gaps(dataset, candidates, themes)
    )
