"""How a title names the contenders it is about."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Candidate, ContenderKind
from ..locale import Locale

MAX_NAMED_IN_TITLE = 4  # beyond, a title naming everyone runs for lines: the columns name them


def contenders_title(candidates: Sequence[Candidate], loc: Locale) -> str:
    """Who a title is about: their names, or, for many, how many and of which election."""
    if len(candidates) <= MAX_NAMED_IN_TITLE:
        return " · ".join(c.name for c in candidates)
    lists = all(c.kind is ContenderKind.LIST for c in candidates)
    elections = dict.fromkeys(c.election for c in candidates)
    return " · ".join((loc.count(len(candidates), "lists" if lists else "candidates"), *elections))
