"""``progcmp show``: one candidate's whole file, by theme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..model import Candidate, Theme
from .cells import cell, cell_records
from .records import (
    ENTRY_FIELDS,
    JSON_VERSION,
    annotation_dict,
    assessment_dict,
    assessment_records,
    candidate_dict,
    proposal_dict,
    source_dict,
)


@dataclass(frozen=True, slots=True)
class CandidateView:
    """One candidate's whole file, by theme."""

    candidate: Candidate
    themes: tuple[Theme, ...]
    # Only some themes were asked for (--theme): assessments and sources are those of the
    # themes shown, not the whole file's.
    filtered: bool = False

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = ENTRY_FIELDS

    def to_records(self) -> list[dict[str, str]]:
        """Per theme: the proposals, the gap or contested claim, then third-party assessments."""
        return [
            record
            for theme in self.themes
            for record in cell_records(cell(self.candidate, theme))
            + assessment_records(self.candidate, theme)
        ]

    def to_dict(self) -> dict[str, Any]:
        c = self.candidate
        return {
            "kind": "candidate",
            "version": JSON_VERSION,
            **candidate_dict(c),
            "note": c.note,
            "reviewed": list(c.reviewed),
            "sources": [source_dict(s) for s in c.sources],
            "proposals": [proposal_dict(p) for p in c.proposals],
            "annotations": [annotation_dict(a) for a in c.annotations],
            "assessments": [assessment_dict(a) for a in c.assessments],
        }
