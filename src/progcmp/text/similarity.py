"""Near-identical texts across owners: rapidfuzz's ``token_set_ratio`` on comparison keys.

A key is a text folded to lowercase ASCII words, without stop words (:data:`STOP_WORDS`), its
words sorted and unique (:func:`key`). Two texts are similar when they belong to different
owners (candidates), share a group (a theme), and score at least the threshold.

:func:`similar_pairs` returns exactly the pairs that :func:`similar_pairs_exhaustive` (a plain
loop over every pair of different owners) returns, only faster. It scores with
``token_set_ratio`` only the pairs that upper bounds of that score do not rule out.

**The score.** Let A and B be the word sets of two keys, each joined with spaces in sorted order
(what ``token_set_ratio`` sees), of lengths ``La <= Lb``; C the words they share and ``c`` its
weight, the sum of ``len(w) + 1`` over its words (0 when C is empty; ``c - 1`` is the length of
C's words joined). rapidfuzz's score (0 to 100) is 100 when C is not empty and one set holds the
other, and otherwise the largest of:

- ``t1 = 200 (c - 1) / (c - 1 + La)`` and ``t2`` the same with ``Lb``, when C is not empty (the
  words in common against each whole set; ``t1 >= t2``);
- ``t3 = 100 (2 c + 2 LCS(DA, DB)) / (La + Lb)``, where DA and DB are the words each has and the
  other lacks, joined, and LCS is the length of a longest common subsequence (when C is empty,
  ``c = 0``, DA = A and DB = B: ``t3`` is then the plain ``ratio`` of the keys).

**The bounds**, exact consequences of these formulas:

1. ``t1 >= T`` if and only if ``c - 1 >= κ La``, with ``κ = T / (200 - T)`` (and one set holds
   the other only if ``c - 1 = La``, which passes the same test).
2. ``t3 <= r + 200 c / (La + Lb)``, with ``r = 200 LCS(A, B) / (La + Lb)`` the plain ``ratio``
   of the joined keys: DA is a subsequence of A and DB of B, so ``LCS(DA, DB) <= LCS(A, B)``.
3. ``t3 <= 200 H / (La + Lb)``, the ``ratio`` of the keys' characters sorted, where H is the
   number of characters the keys have in common counted with multiplicity: a common
   subsequence cannot use more of a character than both strings hold.

**Below a threshold of** :data:`LETTERS_FROM`, within each group, texts are taken by increasing
length, so each text i meets only longer ones j (``Li <= Lj``), and bound 2 is split at a number
``δ``: a pair can reach T only if ``r >= T - δ``, or ``200 c / (Li + Lj) > δ`` (then
``c > δ Li / 100``), or ``c >= κ Li + 1`` (bound 1). Two passes find those pairs in rapidfuzz's C
loops (``process.extract`` with a score cutoff, one text against the longer texts of its group):

- ``ratio`` on the joined keys, with the cutoff ``T - δ``;
- the longest common subsequence of *weight strings*, where each word is one symbol of its own
  repeated ``ceil((len(w) + 1) / q)`` times, in the words' sorted order: the only common
  subsequences are runs of shared words, so ``q`` times that length is at least ``c`` (exactly
  ``c`` with ``q = 1``). The cutoff is ``min(κ Li + 1, δ Li / 100) / q``, and each pair found is
  then checked against the exact conditions with that bound on ``c``.

Any ``δ`` and ``q`` give the same pairs; they only move work between the passes. ``δ`` follows
the threshold (:func:`_split`) so that the ``ratio`` cutoff stays a little above 50, as the
``ratio`` of two unrelated proposals reaches 45 to 50 (measured on the 2017 programmes and on
the benchmark's synthetic text); ``q = 4`` makes the weight strings four times shorter for a few
more pairs to check.

**From** :data:`LETTERS_FROM` **on**, bound 3 is selective enough by itself: it is computed in C
for every pair of a group, and bound 1 by prefix filtering, as in set-similarity joins: sorting
A's words rarest first, the words after a prefix weigh too little to reach ``κ La`` alone, so a
pair can only pass if B holds a word of that prefix. (The switch is where the two ways take the
same time on the benchmark's election and on the 2017 programmes.)

A pair that the bounds rule out scores below the threshold, so no pair is missed; every pair
reported is scored by ``token_set_ratio`` itself, so scores are the exhaustive loop's. The bounds
are taken with a one-point margin (:data:`PREFILTER_MARGIN`) so that rounding can never exclude
a pair.

rapidfuzz runs one pair at a time here: its parallel ``cdist`` needs numpy, and on the
benchmark's election (BENCHMARKS.md, figure 4) whole matrices of both measures computed with it
were no faster than these loops with cutoffs, so numpy is not a dependency.

rapidfuzz is imported inside the functions, so that start-up does not pay for it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Sequence

from . import fold

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


MIN_WORDS = 3  # a text of fewer folded words ("-", "n/a", "Ja.") says nothing to compare


def placeholder(text: str) -> bool:
    """Whether a text is too short to be compared: ``-``, ``—``, ``n/a``, two words.

    Questionnaires fill a missing justification with such marks; two of them are not two
    proposals that say the same thing.

    >>> placeholder("n/a"), placeholder("Garantir la neutralité du Net")
    (True, False)
    """
    return len(fold(text).split()) < MIN_WORDS


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
    _check(keys, owners, groups, threshold)
    if threshold >= LETTERS_FROM:
        return _by_letters(keys, owners, groups, threshold)
    return _by_split(keys, owners, groups, threshold, _split(threshold), WEIGHT_STEP)


LETTERS_FROM = 88  # from this threshold on, bound 3 alone is the faster filter (measured)
WEIGHT_STEP = 4  # q: a word of n letters is ceil((n + 1) / q) symbols of its weight string


def _split(threshold: float) -> float:
    """δ for a threshold: the ``ratio`` pass's cutoff, ``T - δ``, stays a little above 50."""
    return min(30.0, max(5.0, 0.8 * (threshold - 50)))


class _Prepared:
    """Each key's words, sorted and unique, and joined; the texts of each group."""

    def __init__(self, keys: Sequence[str], groups: Sequence[Collection[Hashable]]) -> None:
        self.words = [sorted(set(k.split())) for k in keys]
        self.joined = [" ".join(w) for w in self.words]  # what token_set_ratio sees
        self.blocks: dict[Hashable, list[int]] = defaultdict(list)
        for i, item_groups in enumerate(groups):
            if self.words[i]:  # an empty key scores 0 with anything
                for group in set(item_groups):
                    self.blocks[group].append(i)

    def score(self, candidates: set[tuple[int, int]], threshold: float) -> list[Pair]:
        """Score the pairs ``(i, j)``, ``i < j``, with token_set_ratio; keep those that reach
        the threshold, sorted."""
        from rapidfuzz import fuzz, process

        by_first: dict[int, list[int]] = defaultdict(list)
        for i, j in sorted(candidates):
            by_first[i].append(j)
        found: list[Pair] = []
        for i, js in by_first.items():
            scored = process.extract(
                self.joined[i],
                [self.joined[j] for j in js],
                scorer=fuzz.token_set_ratio,
                limit=None,
            )
            found += [(i, js[offset], score) for _, score, offset in scored if score >= threshold]
        found.sort(key=lambda pair: (pair[0], pair[1]))
        return found


def _by_split(
    keys: Sequence[str],
    owners: Sequence[Hashable],
    groups: Sequence[Collection[Hashable]],
    threshold: float,
    split: float,
    step: int,
) -> list[Pair]:
    """Below :data:`LETTERS_FROM`: bound 2 split at ``δ`` (``split``), weight strings of step
    ``q`` (``step``). Any values give the same pairs (the module docstring)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import LCSseq

    prepared = _Prepared(keys, groups)
    joined = prepared.joined
    lengths = [len(j) for j in joined]
    symbols: dict[str, str] = {}
    for item in prepared.words:
        for w in item:
            if w not in symbols:
                symbols[w] = _symbol(len(symbols))
    weights = [
        "".join(symbols[w] * -(-(len(w) + 1) // step) for w in item) for item in prepared.words
    ]
    loose = max(threshold - PREFILTER_MARGIN, 0.0)
    kappa = loose / (200 - loose)
    ratio_cutoff = max(loose - split, 0.0)

    candidates: set[tuple[int, int]] = set()
    for members in prepared.blocks.values():
        members.sort(key=lambda i: (lengths[i], i))  # each text meets the longer ones
        texts = [joined[i] for i in members]
        marks = [weights[i] for i in members]
        for position, i in enumerate(members[:-1]):
            rest, owner, length = position + 1, owners[i], lengths[i]
            # t3 through r >= T - δ
            for _, _, offset in process.extract(
                joined[i], texts[rest:], scorer=fuzz.ratio, score_cutoff=ratio_cutoff, limit=None
            ):
                j = members[rest + offset]
                if owners[j] != owner:
                    candidates.add((i, j) if i < j else (j, i))
            # t1 (c >= κ Li + 1), and t3 through the words in common (200 c / (Li + Lj) > δ)
            contained = kappa * length + 1
            least = max(1, math.floor(min(contained, split * length / 100) / step))
            for _, shared, offset in process.extract(
                weights[i], marks[rest:], scorer=LCSseq.similarity, score_cutoff=least, limit=None
            ):
                j = members[rest + offset]
                common = shared * step  # at least c
                if owners[j] != owner and (
                    common >= contained or 200 * common >= split * (length + lengths[j])
                ):
                    candidates.add((i, j) if i < j else (j, i))
    return prepared.score(candidates, threshold)


def _by_letters(
    keys: Sequence[str],
    owners: Sequence[Hashable],
    groups: Sequence[Collection[Hashable]],
    threshold: float,
) -> list[Pair]:
    """From :data:`LETTERS_FROM` on: bound 3 in C, bound 1 by prefix filtering."""
    from rapidfuzz import fuzz, process

    prepared = _Prepared(keys, groups)
    words, joined = prepared.words, prepared.joined
    letters = ["".join(sorted(j)) for j in joined]
    loose = max(threshold - PREFILTER_MARGIN, 0.0)
    candidates: set[tuple[int, int]] = set()

    # Bound 3, within each group, in C; pairs of one owner are dropped afterwards.
    for members in prepared.blocks.values():
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
                    candidates.add((i, j))

    # Bound 1: prefix filtering on the words each text shares with another.
    frequency = Counter(w for item in words for w in item)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(words):
        for w in item:
            postings[w].append(i)
    kappa = loose / (200 - loose)
    for i, item in enumerate(words):
        if not item:
            continue
        # c = the sum of (len(w) + 1) over the common words; the pair needs c >= κ La + 1
        need = kappa * len(joined[i]) + 1
        remaining = len(joined[i]) + 1
        mine = set(groups[i])
        for w in sorted(item, key=lambda w: (frequency[w], w)):
            if remaining < need:
                break
            remaining -= len(w) + 1
            for j in postings[w]:
                if j != i and owners[j] != owners[i] and not mine.isdisjoint(groups[j]):
                    candidates.add((i, j) if i < j else (j, i))
    return prepared.score(candidates, threshold)


def _symbol(number: int) -> str:
    """A character of its own for each word number (surrogates skipped); past the last
    character, numbers share characters, which only loosens the bound."""
    number %= 0x10FFFF - 0x800
    return chr(number + 1 if number < 0xD7FF else number + 0x801)


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
