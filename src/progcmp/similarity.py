"""Near-identical texts across owners: rapidfuzz's ``token_set_ratio`` on comparison keys.

A key is a text folded to lowercase ASCII words, without stop words (:data:`STOP_WORDS`), its
words sorted and unique (:func:`key`). Two texts are similar when they belong to different
owners (candidates), share a group (a theme), and score at least the threshold.

:func:`similar_pairs` returns exactly the pairs that :func:`similar_pairs_exhaustive` (a plain
loop over every pair of different owners) returns, only faster. It scores with
``token_set_ratio`` only the pairs that an upper bound of that score does not rule out. With
``A`` and ``B`` the word sets of two keys, ``s`` the length of their common words joined by
spaces and ``La``, ``Lb`` the lengths of the keys, rapidfuzz's score (0 to 100) is the largest of:

- ``t1 = 200 s / (s + La)`` and ``t2 = 200 s / (s + Lb)`` when the keys share a word (``t1`` is
  100 when every word of A is in B);
- ``t3 = 100 - 100 Indel(A-B, B-A) / (La + Lb)``, the insert/delete distance between the words
  each has and the other lacks, sorted and joined.

Two bounds, both exact consequences of these formulas, select the pairs to score:

1. ``t3`` never exceeds the plain ``ratio`` of the keys' sorted characters, ``200 H / (La + Lb)``
   where ``H`` is the number of characters the keys have in common counted with multiplicity
   (a longest common subsequence cannot use more of a character than both strings hold). That
   bound is computed by rapidfuzz in C, for every pair of a theme, and rarely passes.
2. ``t1 >= T`` needs ``s >= κ La`` with ``κ = T / (200 - T)``: the common words must carry a
   share of A's characters. Sorting A's words rarest first, the words after a prefix weigh too
   little to reach that share alone, so a pair can only pass if B holds a word of that prefix
   (prefix filtering, as in set-similarity joins). ``t2`` is the same with A and B swapped.

A pair that neither bound selects scores below the threshold, so no pair is missed; every pair
reported is scored by ``token_set_ratio`` itself, so scores are the exhaustive loop's. The bounds
are taken with a one-point margin so that rounding can never exclude a pair.

rapidfuzz is imported inside the functions, so that start-up does not pay for it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Sequence

from .text import fold

# Words that carry no meaning of their own in a proposal, French then English, folded (no
# accents, lowercase). Kept short on purpose: negations (ne, pas, sans, non) are dropped too,
# so "interdire X" and "ne pas interdire X" look alike -- the score compares words, not meaning.
_STOP_WORDS = """
    a au aux avec c ce ceci cela ces cet cette d dans de des du elle elles en entre et etc eux
    il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous
    on ou par pas pour qu que quel quelle quels quelles qui s sa sans se ses si son sur t ta te
    tes toi ton tu un une vos votre vous y afin ainsi etre est sont ete avoir ont plus tout
    tous toute toutes tres via lors dont sous vers chez non aussi
    an and are as at be been but by for from has have in into is it its of on or our that the
    their them these they this those to was we were which will with within would
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS.split())

PREFILTER_MARGIN = 1.0  # score points: the bounds are taken this much below the threshold


def key(text: str) -> str:
    """The form of a text that is compared: folded words minus stop words, sorted, unique.

    >>> key("Garantir la neutralité du Net !")
    'garantir net neutralite'
    """
    return " ".join(sorted({w for w in fold(text).split() if w not in STOP_WORDS}))


Pair = tuple[int, int, float]  # (i, j, score) with i < j


def similar_pairs_exhaustive(
    keys: Sequence[str],
    owners: Sequence[Hashable],
    groups: Sequence[Collection[Hashable]],
    threshold: float,
) -> list[Pair]:
    """Every pair ``i < j`` of different owners sharing a group and scoring ``>= threshold``.

    The reference: ``token_set_ratio`` on every such pair, nothing skipped. Sorted by ``(i, j)``.
    """
    from rapidfuzz import fuzz

    _check(keys, owners, groups, threshold)
    found: list[Pair] = []
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if owners[i] == owners[j] or not set(groups[i]) & set(groups[j]):
                continue
            score = fuzz.token_set_ratio(keys[i], keys[j])
            if score >= threshold:
                found.append((i, j, score))
    return found


def similar_pairs(
    keys: Sequence[str],
    owners: Sequence[Hashable],
    groups: Sequence[Collection[Hashable]],
    threshold: float,
) -> list[Pair]:
    """The pairs of :func:`similar_pairs_exhaustive`, found without scoring every pair.

    Args:
        keys: the texts to compare, usually from :func:`key` (any text of space-separated words
            works: only each text's set of words matters to the score).
        owners: who each text belongs to; texts of one owner are never compared.
        groups: the groups (themes) of each text; only texts sharing a group are compared.
        threshold: the lowest score kept, above 0 and at most 100.

    Returns:
        ``(i, j, score)`` for each similar pair, ``i < j``, sorted by ``(i, j)``.
    """
    from rapidfuzz import fuzz, process

    _check(keys, owners, groups, threshold)
    words = [sorted(set(k.split())) for k in keys]
    joined = [" ".join(w) for w in words]  # what token_set_ratio sees, in canonical form
    letters = ["".join(sorted(j)) for j in joined]  # for bound 1: ratio of sorted characters
    loose = max(threshold - PREFILTER_MARGIN, 0.0)

    blocks: dict[Hashable, list[int]] = defaultdict(list)
    for i, item_groups in enumerate(groups):
        if words[i]:  # an empty key scores 0 with anything
            for group in set(item_groups):
                blocks[group].append(i)

    candidates: dict[int, set[int]] = defaultdict(set)  # i -> {j > i} to score

    # Bound 1, within each group, in C; pairs of one owner are dropped afterwards.
    for members in blocks.values():
        choices = [letters[i] for i in members]
        for position, i in enumerate(members[:-1]):
            for _, _, offset in process.extract(
                letters[i],
                choices[position + 1 :],
                scorer=fuzz.ratio,
                score_cutoff=loose,
                limit=None,
            ):
                j = members[position + 1 + offset]
                if owners[i] != owners[j]:
                    candidates[i].add(j)

    # Bound 2: prefix filtering on the words each text shares with another.
    frequency = Counter(w for item in words for w in item)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(words):
        for w in item:
            postings[w].append(i)
    kappa = loose / (200 - loose) if loose > 0 else 0.0
    for i, item in enumerate(words):
        if not item:
            continue
        # sum of (len(w) + 1) over common words = s + 1; the pair needs s >= kappa * La
        need = kappa * len(joined[i]) + 1
        remaining = len(joined[i]) + 1
        mine = set(groups[i])
        for w in sorted(item, key=lambda w: (frequency[w], w)):
            if remaining < need:
                break
            remaining -= len(w) + 1
            for j in postings[w]:
                if j != i and owners[j] != owners[i] and not mine.isdisjoint(groups[j]):
                    candidates[min(i, j)].add(max(i, j))

    found: list[Pair] = []
    for i in sorted(candidates):
        js = sorted(candidates[i])
        scored = process.extract(
            joined[i], [joined[j] for j in js], scorer=fuzz.token_set_ratio, limit=None
        )
        found += [(i, js[offset], score) for _, score, offset in scored if score >= threshold]
    found.sort(key=lambda pair: (pair[0], pair[1]))
    return found


def _check(
    keys: Sequence[str],
    owners: Sequence[Hashable],
    groups: Sequence[Collection[Hashable]],
    threshold: float,
) -> None:
    if not len(keys) == len(owners) == len(groups):
        raise ValueError("keys, owners and groups must have the same length")
    if not 0 < threshold <= 100:
        raise ValueError(f"threshold must be above 0 and at most 100 (got {threshold})")
