"""Measure candidates against a reference agenda: for each ask, which proposals answer it.

An agenda item names themes of the catalogue and, optionally, keywords. A candidate covers an
item with every proposal on one of its themes that (if the item has keywords) mentions one of
them; proposals on the themes that mention none are "on the theme only"; no proposal on any of
the item's themes is a gap, of the kind the data gives (nothing found, declined, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

from ..model import Annotation, Candidate, Dataset, GapKind, Proposal, Theme
from ..model.lexicon import Agenda, AgendaItem
from ..text.lexicon import find
from .cells import Gap, cell
from .records import (
    JSON_VERSION,
    annotation_dict,
    candidate_dict,
    proposal_dict,
    source_dict,
    theme_dict,
)


class Coverage(StrEnum):
    """How a candidate stands on one agenda item."""

    COVERED = "covered"  # at least one proposal answers it
    THEME_ONLY = "theme-only"  # proposals on its themes, none with its keywords
    GAP = "gap"  # no proposal on any of its themes


@dataclass(frozen=True, slots=True)
class ItemCoverage:
    """One candidate on one agenda item."""

    item: AgendaItem
    status: Coverage
    proposals: tuple[Proposal, ...]  # the proposals that cover it
    theme_only: tuple[Proposal, ...]  # on its themes, without its keywords
    gaps: tuple[Gap, ...]  # when a gap: one per theme of the item, typed
    contested: tuple[Annotation, ...] = ()  # disputed themes of the item that have proposals

    def to_dict(self) -> dict[str, Any]:
        return {
            "item": self.item.id,
            "status": str(self.status),
            "proposals": [p.id for p in self.proposals],
            "theme_only": [p.id for p in self.theme_only],
            "gaps": [g.to_dict() for g in self.gaps],
            "contested": [annotation_dict(a) for a in self.contested],
        }


@dataclass(frozen=True, slots=True)
class AgendaReport:
    """Candidates measured against an agenda: one row per item, one cell per candidate."""

    agenda: Agenda
    themes: tuple[Theme, ...]  # the catalogue's themes the items name, in catalogue order
    candidates: tuple[Candidate, ...]
    items: tuple[AgendaItem, ...]  # the items measured (all, or those on the chosen themes)
    rows: tuple[tuple[ItemCoverage, ...], ...]  # per item, one per candidate

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "election",
        "candidate",
        "candidate_name",
        "item",
        "title",
        "themes",
        "status",
        "proposals",
        "theme_only",
        "gaps",
        "contested",
    )

    @property
    def count(self) -> int:
        """How many candidate x item cells are gaps."""
        return sum(1 for row in self.rows for c in row if c.status is Coverage.GAP)

    def covered(self, index: int) -> int:
        """How many items the candidate at ``index`` covers."""
        return sum(1 for row in self.rows if row[index].status is Coverage.COVERED)

    def cited_sources(self) -> list[tuple[Candidate, str]]:
        """(candidate, source id) of the covering proposals and contested claims, in order of
        first citation."""
        seen: dict[tuple[str, str], tuple[Candidate, str]] = {}
        for row in self.rows:
            for candidate, coverage in zip(self.candidates, row, strict=True):
                ids = [p.source for p in coverage.proposals]
                ids += [a.source for a in coverage.contested if a.source]
                for source_id in ids:
                    seen.setdefault((candidate.key, source_id), (candidate, source_id))
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        a = self.agenda
        return {
            "kind": "agenda",
            "version": JSON_VERSION,
            "agenda": {
                "title": a.title,
                "publisher": a.publisher,
                "url": a.url,
                "date": a.date,
                "note": a.note,
                "path": a.path,
            },
            "themes": [theme_dict(t) for t in self.themes],
            "items": [
                {
                    "id": i.id,
                    "title": i.title,
                    "themes": list(i.themes),
                    "summary": i.summary,
                    "url": i.url,
                    "keywords": [k.text for k in i.keywords],
                }
                for i in self.items
            ],
            "candidates": [
                {
                    **candidate_dict(c),
                    "covered": self.covered(n),
                    "items": [row[n].to_dict() for row in self.rows],
                    "proposals": [
                        proposal_dict(p)
                        for p in c.proposals
                        if any(p in row[n].proposals + row[n].theme_only for row in self.rows)
                    ],
                    "sources": [source_dict(s) for s in c.sources],
                }
                for n, c in enumerate(self.candidates)
            ],
        }

    def to_records(self) -> list[dict[str, str]]:
        """One row per candidate x agenda item (candidate by candidate, items in the agenda's
        order); lists one value per line, a gap as ``theme: kind``."""
        return [
            {
                "election": c.election,
                "candidate": c.id,
                "candidate_name": c.name,
                "item": coverage.item.id,
                "title": coverage.item.title,
                "themes": "\n".join(coverage.item.themes),
                "status": str(coverage.status),
                "proposals": "\n".join(p.id for p in coverage.proposals),
                "theme_only": "\n".join(p.id for p in coverage.theme_only),
                "gaps": "\n".join(f"{g.theme.id}: {g.kind}" for g in coverage.gaps),
                "contested": "\n".join(a.theme for a in coverage.contested),
            }
            for n, c in enumerate(self.candidates)
            for coverage in (row[n] for row in self.rows)
        ]


def mentions(proposal: Proposal, item: AgendaItem) -> bool:
    """Whether a proposal's summary or quote holds one of the item's keywords."""
    terms = [(item.id, k) for k in item.keywords]
    return any(find(text, terms) for text in (proposal.summary, proposal.quote) if text)


def item_coverage(dataset: Dataset, candidate: Candidate, item: AgendaItem) -> ItemCoverage:
    """How a candidate stands on one agenda item."""
    on_theme = [p for p in candidate.proposals if set(item.themes).intersection(p.themes)]
    if not on_theme:
        gaps = tuple(
            gap
            for theme_id in item.themes
            if (gap := cell(candidate, dataset.theme(theme_id)).gap) is not None
        )
        return ItemCoverage(item, Coverage.GAP, (), (), gaps)
    contested = tuple(
        a
        for theme_id in item.themes
        if (a := candidate.annotation_on(theme_id)) is not None
        and a.kind is GapKind.CONTESTED
        and candidate.proposals_on(theme_id)
    )
    covering = tuple(p for p in on_theme if not item.keywords or mentions(p, item))
    rest = tuple(p for p in on_theme if p not in covering)
    status = Coverage.COVERED if covering else Coverage.THEME_ONLY
    return ItemCoverage(item, status, covering, rest, (), contested)


def measure_agenda(
    dataset: Dataset,
    agenda: Agenda,
    candidates: Sequence[Candidate],
    themes: Sequence[Theme] | None = None,
) -> AgendaReport:
    """Measure candidates against an agenda, item by item, in the agenda's order.

    With ``themes``, only the items on at least one of them are measured.
    """
    wanted = {t.id for t in themes} if themes is not None else None
    items = tuple(i for i in agenda.items if wanted is None or wanted.intersection(i.themes))
    named = {t for i in items for t in i.themes}
    return AgendaReport(
        agenda,
        tuple(t for t in dataset.themes if t.id in named),
        tuple(candidates),
        items,
        tuple(tuple(item_coverage(dataset, c, i) for c in candidates) for i in items),
    )
