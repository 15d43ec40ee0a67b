"""``progcmp gaps``: per candidate, the themes with no proposal, typed, and the reverse view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..model import Annotation, Candidate, Dataset, Theme
from .cells import Gap, Lookup, cell
from .records import (
    GAP_FIELDS,
    JSON_VERSION,
    annotation_dict,
    candidate_dict,
    record,
    source_dict,
    theme_dict,
)


@dataclass(frozen=True, slots=True)
class GapReport:
    """For each candidate, the themes with no proposal, typed; and the reverse view."""

    candidates: tuple[Candidate, ...]
    themes: tuple[Theme, ...]
    gaps: tuple[tuple[Gap, ...], ...]  # one tuple per candidate
    contested: tuple[tuple[Annotation, ...], ...]  # contested themes that do have proposals
    # Whether the printed report lists each candidate's reviewed sources (gaps --sources); the
    # gaps themselves always say how many sources they rest on.
    list_sources: bool = True
    _silent: dict[str, list[tuple[Candidate, Gap]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = GAP_FIELDS

    def to_records(self) -> list[dict[str, str]]:
        """One row per candidate x theme without a proposal (``proposals`` is ``0``), and
        per contested theme that has proposals (``proposals`` counts them)."""
        order = {t.id: i for i, t in enumerate(self.themes)}
        rows: list[dict[str, str]] = []
        for candidate, gaps, contested in zip(
            self.candidates, self.gaps, self.contested, strict=True
        ):
            start = len(rows)
            for gap in gaps:
                rows.append(
                    record(
                        GAP_FIELDS,
                        candidate,
                        gap.theme,
                        str(gap.kind),
                        gap.sources,
                        proposals="0",
                        note=gap.note,
                        stance=gap.stance,
                    )
                )
            for annotation in contested:
                theme = next(t for t in self.themes if t.id == annotation.theme)
                rows.append(
                    record(
                        GAP_FIELDS,
                        candidate,
                        theme,
                        str(annotation.kind),
                        (candidate.source(annotation.source),) if annotation.source else (),
                        proposals=str(len(candidate.proposals_on(theme.id))),
                        note=annotation.note,
                    )
                )
            rows[start:] = sorted(rows[start:], key=lambda row: order[row["theme"]])
        return rows

    @property
    def count(self) -> int:
        return sum(len(g) for g in self.gaps)

    def silent_on(self, theme: Theme) -> list[tuple[Candidate, Gap]]:
        """Who has no proposal on a theme (the reverse view)."""
        if not self._silent and self.gaps:  # indexed once: a report may hold 10,000 candidates
            for c, gaps in zip(self.candidates, self.gaps, strict=True):
                for g in gaps:
                    self._silent.setdefault(g.theme.id, []).append((c, g))
        return list(self._silent.get(theme.id, ()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "gaps",
            "version": JSON_VERSION,
            "themes": [theme_dict(t) for t in self.themes],
            "candidates": [
                {
                    **candidate_dict(c),
                    "gaps": [g.to_dict() for g in gaps],
                    "contested": [annotation_dict(a) for a in contested],
                    "sources": [source_dict(s) for s in c.sources],
                }
                for c, gaps, contested in zip(
                    self.candidates, self.gaps, self.contested, strict=True
                )
            ],
            "by_theme": [
                {"theme": t.id, "silent": [c.id for c, _ in self.silent_on(t)]} for t in self.themes
            ],
        }


def find_gaps(
    dataset: Dataset, candidates: Sequence[Candidate], themes: Sequence[Theme] | None = None
) -> GapReport:
    """List, per candidate, the themes on which nothing was proposed, and why."""
    chosen = dataset.themes_for(c.election for c in candidates)
    if themes is not None:  # a selection: only those of the elections' catalogues count
        wanted = {t.id for t in themes}
        chosen = tuple(t for t in chosen if t.id in wanted)
    gaps = []
    contested = []
    for candidate in candidates:
        lookup = Lookup(candidate)
        # A gap is only ever counted against the candidate's own election's catalogue.
        own = {t.id for t in dataset.themes_for([candidate.election])}
        cells = [cell(candidate, t, lookup) for t in chosen if t.id in own]
        gaps.append(tuple(c.gap for c in cells if c.gap is not None))
        contested.append(
            tuple(c.contested for c in cells if c.contested is not None and c.gap is None)
        )
    return GapReport(tuple(candidates), chosen, tuple(gaps), tuple(contested))
