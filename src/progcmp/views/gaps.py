"""``progcmp gaps``: per candidate, the themes with no proposal, typed, and the reverse view."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..model import Annotation, Candidate, Dataset, Theme
from .cells import Gap, Lookup, gap_and_claim
from .records import (
    GAP_FIELDS,
    JSON_VERSION,
    annotation_dict,
    candidate_dict,
    from_checked_data,
    source_columns,
    source_dict,
    theme_columns,
    theme_dict,
)


def _first(pair: tuple[int, dict[str, str]]) -> int:
    return pair[0]


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
    # Set by find_gaps when every candidate and theme is the loader's: then every text of the
    # report is checked data or a fixed word (see records.checked_text).
    _checked: bool = field(default=False, compare=False, repr=False)

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = GAP_FIELDS

    def to_records(self) -> list[dict[str, str]]:
        """One row per candidate x theme without a proposal (``proposals`` is ``0``), and
        per contested theme that has proposals (``proposals`` counts them)."""
        return list(self.iter_records())

    def iter_records(self) -> Iterator[dict[str, str]]:
        """The rows of :meth:`to_records`, one at a time (NDJSON writes each as it comes)."""
        order = {t.id: i for i, t in enumerate(self.themes)}
        by_id = {t.id: t for t in self.themes}
        # What repeats from row to row is made once: a theme's columns, a candidate's, and the
        # source columns of a gap resting on all the sources a candidate read (the same tuple
        # for each of its silent themes).
        columns_by_theme = {t.id: theme_columns(t) for t in self.themes}
        for candidate, gaps, contested in zip(
            self.candidates, self.gaps, self.contested, strict=True
        ):
            head = {
                "election": candidate.election,
                "candidate": candidate.id,
                "candidate_name": candidate.name,
                "party": candidate.party,
            }
            seen: dict[tuple[int, ...], tuple[str, str, str]] = {}
            rows: list[tuple[int, dict[str, str]]] = []
            for gap in gaps:
                theme = gap.theme
                key = tuple(map(id, gap.sources))
                columns = seen.get(key)
                if columns is None:
                    columns = seen[key] = source_columns(gap.sources)
                if by_id.get(theme.id) is theme:
                    columns_of_theme = columns_by_theme[theme.id]
                else:  # a report built by hand may hold another theme of that id
                    columns_of_theme = theme_columns(theme)
                rows.append(
                    (
                        order[theme.id],
                        {
                            **head,
                            **columns_of_theme,
                            "kind": str(gap.kind),
                            "stance": gap.stance or "",
                            "proposals": "0",
                            "note": gap.note or "",
                            "source": columns[0],
                            "source_title": columns[1],
                            "source_url": columns[2],
                        },
                    )
                )
            for annotation in contested:
                theme = by_id[annotation.theme]
                sources = (candidate.source(annotation.source),) if annotation.source else ()
                columns = source_columns(sources)
                rows.append(
                    (
                        order[theme.id],
                        {
                            **head,
                            **columns_by_theme[theme.id],
                            "kind": str(annotation.kind),
                            "stance": "",
                            "proposals": str(len(candidate.proposals_on(theme.id))),
                            "note": annotation.note or "",
                            "source": columns[0],
                            "source_title": columns[1],
                            "source_url": columns[2],
                        },
                    )
                )
            rows.sort(key=_first)  # stable: a theme's gap before its contested claim
            for _, row in rows:
                yield row

    def checked_text(self) -> bool:
        return self._checked

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
    # A gap is only ever counted against the candidate's own election's catalogue (asked once
    # per election, not once per candidate).
    catalogues: dict[str, tuple[Theme, ...]] = {}
    for candidate in candidates:
        own = catalogues.get(candidate.election)
        if own is None:
            ids = {t.id for t in dataset.themes_for([candidate.election])}
            own = catalogues[candidate.election] = tuple(t for t in chosen if t.id in ids)
        lookup = Lookup(candidate)
        covered, annotated = lookup.by_theme, lookup.annotations
        # A theme with proposals and no annotation has neither gap nor claim: nothing to ask.
        found = [
            gap_and_claim(t, lookup, tuple(covered.get(t.id, ())))
            for t in own
            if t.id not in covered or t.id in annotated
        ]
        gaps.append(tuple(gap for gap, _ in found if gap is not None))
        contested.append(tuple(c for gap, c in found if c is not None and gap is None))
    return GapReport(
        tuple(candidates),
        chosen,
        tuple(gaps),
        tuple(contested),
        _checked=from_checked_data(candidates, chosen),
    )
