"""``progcmp candidates``: every candidate in the data, with counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..model import Candidate
from .cells import covered_count
from .records import JSON_VERSION, candidate_dict


@dataclass(frozen=True, slots=True)
class CandidateList:
    """Every candidate in the data, with counts."""

    candidates: tuple[Candidate, ...]
    theme_count: int

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "election",
        "id",
        "name",
        "party",
        "status",
        "kind",
        "leader",
        "ballot",
        "aliases",
        "proposals",
        "themes_covered",
        "themes",
    )

    def to_records(self) -> list[dict[str, str]]:
        """One row per contender (its kind, and a list's head and place on the ballot, as the
        table shows them); aliases one per line."""
        return [
            {
                "election": c.election,
                "id": c.id,
                "name": c.name,
                "party": c.party,
                "status": str(c.status),
                "kind": str(c.kind),
                "leader": c.leader or "",
                "ballot": "" if c.ballot is None else str(c.ballot),
                "aliases": "\n".join(c.aliases),
                "proposals": str(len(c.proposals)),
                "themes_covered": str(covered_count(c)),
                "themes": str(self.theme_count),
            }
            for c in self.candidates
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "candidates",
            "version": JSON_VERSION,
            "candidates": [
                {
                    **candidate_dict(c),
                    "aliases": list(c.aliases),
                    "proposals": len(c.proposals),
                    "themes_covered": covered_count(c),
                }
                for c in self.candidates
            ],
        }
