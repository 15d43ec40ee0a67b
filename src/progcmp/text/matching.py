"""Fuzzy matching: "did you mean" suggestions and forgiving candidate-name resolution.

rapidfuzz is imported inside the functions, so that start-up does not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from . import fold

# Choices (field names, ids) recur across calls: a file with many unknown fields would fold
# the same few names again for each.
_fold_choice = lru_cache(maxsize=4096)(fold)

SUGGESTION_CUTOFF = (
    70  # plain ratio on folded text: a typo; below this, no suggestion beats a wrong one
)
MIN_PREFIX = 3  # or the word starts a choice ("cyber" -> "cybersecurity")


def closest(
    word: str, choices: Iterable[str], limit: int = 1, cutoff: float = SUGGESTION_CUTOFF
) -> list[str]:
    """Return up to ``limit`` choices that ``word`` looks like a typo or a prefix of."""
    from rapidfuzz import fuzz, process

    options = list(choices)
    key = fold(word)
    if not options or not key:
        return []
    folded = [_fold_choice(c) for c in options]
    found = [
        options[i]
        for _, _, i in process.extract(
            key, folded, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff
        )
    ]
    if not found and len(key) >= MIN_PREFIX:
        found = [o for o, f in zip(options, folded, strict=True) if f.startswith(key)][:limit]
    return found


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for a close choice, or an empty string."""
    found = closest(word, choices)
    return f" (did you mean {found[0]!r}?)" if found else ""
