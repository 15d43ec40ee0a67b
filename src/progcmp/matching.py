"""Fuzzy matching: "did you mean" suggestions and forgiving candidate-name resolution.

rapidfuzz is imported inside the functions, so that start-up does not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .text import fold

SUGGESTION_CUTOFF = 75  # WRatio on folded text; below this, no suggestion beats a wrong one
NAME_CUTOFF = 75
AMBIGUITY_MARGIN = 5  # two candidates this close are both named, never one silently picked


def closest(word: str, choices: Iterable[str], limit: int = 1,
            cutoff: float = SUGGESTION_CUTOFF) -> list[str]:
    """Return up to ``limit`` choices close to ``word``, best first."""
    from rapidfuzz import fuzz, process

    options = list(choices)
    if not options:
        return []
    folded = [fold(c) for c in options]
    found = process.extract(fold(word), folded, scorer=fuzz.WRatio, limit=limit,
                            score_cutoff=cutoff)
    return [options[index] for _, _, index in found]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for a close choice, or an empty string."""
    found = closest(word, choices)
    return f" (did you mean {found[0]!r}?)" if found else ""
