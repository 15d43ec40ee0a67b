"""Salience: how much of each candidate's digital programme each theme takes.

For a candidate and a theme: the number of the candidate's proposals on the theme, and that
number's share of all the candidate's proposals. A proposal on several themes counts once for
each of them, so a candidate's shares can add up to more than 100 %.

Where proposals carry a stance (a questionnaire's answers), each cell also counts them by
stance, in :class:`progcmp.model.Stance` order: a cell shows ``3 · 12 % (2 pour, 1 contre)``;
proposals without a stance are in the number but in no count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..model import Candidate, Dataset, Stance, Theme
from .records import (
    CANDIDATE_THEME_FIELDS,
    JSON_VERSION,
    candidate_dict,
    candidate_theme_record,
    from_checked_data,
    theme_dict,
)

# Shares from which a cell gets a deeper colour in the terminal (level 1 is any proposal).
HEAT_STEPS = (0.10, 0.20, 0.30)


def percent(count: int, total: int) -> int:
    """``count / total`` as a whole percentage, halves rounded up (1 of 8 is 13 %)."""
    return (200 * count + total) // (2 * total)


def heat(count: int, total: int) -> int:
    """The colour level of a cell: 0 (no proposal), 1 (below 10 %), 2, 3, 4 (30 % or more)."""
    if not count or not total:
        return 0
    share = count / total
    return 1 + sum(share >= step for step in HEAT_STEPS)


@dataclass(frozen=True, slots=True)
class SalienceMatrix:
    """Candidates x themes: proposals on each theme, and each theme's share of the programme."""

    candidates: tuple[Candidate, ...]
    themes: tuple[Theme, ...]
    counts: tuple[tuple[int, ...], ...]  # per theme, one count per candidate
    # per theme, per candidate: the proposals of each stance, in Stance order, zeros left out
    stances: tuple[tuple[tuple[tuple[Stance, int], ...], ...], ...] = ()
    # Set by salience when every candidate and theme is the loader's: then every text of the
    # matrix is checked data or a fixed word (see records.checked_text).
    _checked: bool = field(default=False, compare=False, repr=False)

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        *CANDIDATE_THEME_FIELDS,
        "proposals",
        "candidate_proposals",
        "share",
        *(f"stance_{s}" for s in Stance),
    )

    def checked_text(self) -> bool:
        return self._checked

    def stance_counts(self, theme: int, candidate: int) -> tuple[tuple[Stance, int], ...]:
        """How many of a cell's proposals take each stance (none: no stance recorded)."""
        return self.stances[theme][candidate] if self.stances else ()

    def totals(self) -> tuple[int, ...]:
        """Each candidate's number of proposals, all themes together (the denominator)."""
        return tuple(len(c.proposals) for c in self.candidates)

    def share(self, count: int, total: int) -> float | None:
        """A share rounded to 4 decimals, or None when the candidate has no proposal."""
        return round(count / total, 4) if total else None

    def to_dict(self) -> dict[str, Any]:
        totals = self.totals()
        return {
            "kind": "matrix",
            "version": JSON_VERSION,
            "candidates": [
                {**candidate_dict(c), "proposals": n}
                for c, n in zip(self.candidates, totals, strict=True)
            ],
            "themes": [theme_dict(t) for t in self.themes],
            "rows": [
                {
                    "theme": theme.id,
                    "cells": [
                        {
                            "candidate": c.id,
                            "proposals": n,
                            "share": self.share(n, total),
                            "stances": {str(s): k for s, k in self.stance_counts(t, ci)},
                        }
                        for ci, (c, n, total) in enumerate(
                            zip(self.candidates, row, totals, strict=True)
                        )
                    ],
                }
                for t, (theme, row) in enumerate(zip(self.themes, self.counts, strict=True))
            ],
        }

    def to_records(self) -> list[dict[str, str]]:
        """One row per theme and candidate; ``share`` is a fraction (empty: no proposal)."""
        totals = self.totals()
        rows = []
        for t, (theme, row) in enumerate(zip(self.themes, self.counts, strict=True)):
            for ci, (c, n, total) in enumerate(zip(self.candidates, row, totals, strict=True)):
                share = self.share(n, total)
                by_stance = dict(self.stance_counts(t, ci))
                rows.append(
                    {
                        **candidate_theme_record(c, theme),
                        "proposals": str(n),
                        "candidate_proposals": str(total),
                        "share": "" if share is None else f"{share:.4f}",
                        **{f"stance_{s}": str(by_stance.get(s, 0)) for s in Stance},
                    }
                )
        return rows


def salience(
    dataset: Dataset, candidates: Sequence[Candidate], themes: Sequence[Theme] | None = None
) -> SalienceMatrix:
    """Count each candidate's proposals per theme (themes in catalogue order)."""
    chosen = tuple(themes) if themes is not None else dataset.themes
    # One pass over each candidate's proposals, not one per theme (10,000 candidates x 17
    # themes made the per-theme scan a fifth of `matrix`); a proposal counts once per theme.
    per_candidate = [Counter(t for p in c.proposals for t in set(p.themes)) for c in candidates]
    # .get, not [ ]: a Counter answers a missing key through a Python-level __missing__, and
    # most (candidate, theme, stance) keys are missing.
    counts = tuple(tuple(n.get(t.id, 0) for n in per_candidate) for t in chosen)
    per_stance = [
        Counter((t, p.stance) for p in c.proposals if p.stance for t in set(p.themes))
        for c in candidates
    ]
    stances = tuple(
        tuple(
            tuple((s, n[t.id, s]) for s in Stance if (t.id, s) in n) if n else ()
            for n in per_stance
        )
        for t in chosen
    )
    return SalienceMatrix(
        tuple(candidates),
        chosen,
        counts,
        stances,
        _checked=from_checked_data(candidates, chosen),
    )
