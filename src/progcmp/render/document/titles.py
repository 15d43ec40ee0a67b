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
    elections = dict.fromkeys(c.election for c in candidates)
    noun = "lists" if all_lists(candidates) else "candidates"
    return " · ".join((loc.count(len(candidates), noun), *elections))


def contender_noun(candidates: Sequence[Candidate], loc: Locale) -> str:
    """What the contenders are, in one word: ``liste`` when all are lists, else ``candidat``."""
    return loc.word("kind_list" if all_lists(candidates) else "kind_candidate")


def all_lists(candidates: Sequence[Candidate]) -> bool:
    """Whether every contender is a list (an election by lists): words then say "liste"."""
    return bool(candidates) and all(c.kind is ContenderKind.LIST for c in candidates)
