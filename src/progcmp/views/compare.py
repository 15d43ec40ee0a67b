"""``progcmp compare``: candidates side by side, one row per theme, one cell per candidate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..model import Candidate, Dataset, Source, Theme
from .cells import Cell, Lookup, cell, cell_records
from .records import ENTRY_FIELDS, JSON_VERSION, candidate_dict, source_dict, theme_dict


@dataclass(frozen=True, slots=True)
class Comparison:
    """Candidates side by side: one row per theme, one cell per candidate."""

    candidates: tuple[Candidate, ...]
    themes: tuple[Theme, ...]
    rows: tuple[tuple[Cell, ...], ...]

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = ENTRY_FIELDS

    def to_records(self) -> list[dict[str, str]]:
        """One row per theme x candidate x proposal, in table order; a gap or a contested
        claim is a row of its own, typed by ``kind``, with the sources it rests on."""
        return [record for row in self.rows for entry in row for record in cell_records(entry)]

    def cited_sources(self) -> list[tuple[Candidate, Source]]:
        """Sources cited in the table, in order of first citation (for numbered references)."""
        seen: dict[tuple[str, str], tuple[Candidate, Source]] = {}
        for row in self.rows:
            for entry in row:
                ids = [p.source for p in entry.proposals]
                if entry.contested and entry.contested.source:
                    ids.append(entry.contested.source)
                for source_id in ids:
                    seen.setdefault(
                        (entry.candidate.key, source_id),
                        (entry.candidate, entry.candidate.source(source_id)),
                    )
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "comparison",
            "version": JSON_VERSION,
            "candidates": [candidate_dict(c) for c in self.candidates],
            "themes": [theme_dict(t) for t in self.themes],
            "rows": [
                {
                    "theme": row[0].theme.id if row else theme.id,
                    "cells": [entry.to_dict() for entry in row],
                }
                for theme, row in zip(self.themes, self.rows, strict=True)
            ],
            "sources": {c.id: [source_dict(s) for s in c.sources] for c in self.candidates},
        }


def compare(
    dataset: Dataset, candidates: Sequence[Candidate], themes: Sequence[Theme] | None = None
) -> Comparison:
    """Put candidates side by side, one row per theme of their elections' catalogues, in
    catalogue order."""
    chosen = dataset.themes_for(c.election for c in candidates)
    if themes is not None:  # a selection: only those of the elections' catalogues count
        wanted = {t.id for t in themes}
        chosen = tuple(t for t in chosen if t.id in wanted)
    lookups = [Lookup(c) for c in candidates]
    rows = tuple(
        tuple(cell(c, t, f) for c, f in zip(candidates, lookups, strict=True)) for t in chosen
    )
    return Comparison(tuple(candidates), chosen, rows)
