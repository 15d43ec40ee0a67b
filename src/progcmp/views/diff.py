"""How a programme changed between two elections or two versions of a file.

Proposals are paired by id first, when the two share at least one theme (an id reused for an
unrelated proposal on another theme pairs nothing); the rest by the similarity of their
summaries (rapidfuzz's
``token_sort_ratio`` on folded text: the share of characters two texts have in common once
their words are sorted, 0 to 100), best pairs first, each proposal in one pair at most.
Summaries of fewer than three words (``-``, ``n/a``: see
:func:`progcmp.text.similarity.placeholder`) are paired by id only. A pair whose folded
summaries are equal is unchanged (or moved, if its themes changed); any
other pair is reworded; what is left is added or removed.

The work stays near-linear in the number of proposals: summaries are folded once; those left
after the ids whose words are the same (score 100) are paired first, in file order, through a
table; the rest are scored in rapidfuzz's C loops, keeping for each proposal its
:data:`CANDIDATES_PER_PROPOSAL` best matches from the threshold up. Past
:data:`MAX_COMPARISONS` comparisons, a proposal is compared only with those sharing one of its
rarest words (``compared_all`` is then false, and the report says so): two files of 4,000
proposals, whatever their ids, take seconds, not minutes and gigabytes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

from ..model import Candidate, Dataset, Proposal, Theme
from ..text import fold
from ..text.similarity import placeholder
from .records import JSON_VERSION, candidate_dict, proposal_dict, source_dict, theme_dict

DIFF_THRESHOLD = 70  # token_sort_ratio: unrelated proposals of the 2017 data reach the 60s
SCORER = "token_sort_ratio"
MAX_COMPARISONS = 4_000_000  # pairs scored one by one (in C) before comparing by shared words
CANDIDATES_PER_PROPOSAL = 50  # the best matches kept for each proposal, for the pairing
RARE_WORDS = 3  # past MAX_COMPARISONS: a proposal meets those sharing one of its rarest words
COMMON_WORD = 200  # ... unless the word is in more texts than this (it tells nothing apart)


class Change(StrEnum):
    """What became of a proposal."""

    ADDED = "added"  # only in the new version
    REMOVED = "removed"  # only in the old version
    REWORDED = "reworded"  # paired, summary changed
    MOVED = "moved"  # paired, same summary, other themes
    UNCHANGED = "unchanged"  # paired, same summary and themes


CHANGE_ORDER = (Change.ADDED, Change.REMOVED, Change.REWORDED, Change.MOVED, Change.UNCHANGED)


@dataclass(frozen=True, slots=True)
class ProposalChange:
    """One proposal's fate: an old and/or a new version, how they were paired, how alike."""

    change: Change
    old: Proposal | None
    new: Proposal | None
    matched_by: str | None = None  # "id" or "similarity"
    score: float | None = None  # similarity of the summaries, 0-100, for pairs
    # the other version has a proposal with this one's id, on other themes only: not paired
    # by id, and said so, since the same id on both sides reads like one proposal
    id_reused: bool = False

    @property
    def themes(self) -> tuple[str, ...]:
        """The themes of either version (new first), without repeats."""
        both = (*(self.new.themes if self.new else ()), *(self.old.themes if self.old else ()))
        return tuple(dict.fromkeys(both))

    def to_dict(self) -> dict[str, Any]:
        return {
            "change": str(self.change),
            "matched_by": self.matched_by,
            "score": self.score,
            "id_reused": self.id_reused,
            "themes": list(self.themes),
            "old": proposal_dict(self.old) if self.old else None,
            "new": proposal_dict(self.new) if self.new else None,
        }


@dataclass(frozen=True, slots=True)
class ProgrammeDiff:
    """Two versions of a programme, proposal by proposal, shown by theme."""

    old: Candidate
    new: Candidate
    themes: tuple[Theme, ...]
    changes: tuple[ProposalChange, ...]
    threshold: float
    compared_all: bool = True  # false: past MAX_COMPARISONS, only texts sharing a rare word

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "change",
        "matched_by",
        "score",
        "id_reused",
        "themes",
        "old_id",
        "new_id",
        "old_summary",
        "new_summary",
        "old_themes",
        "new_themes",
    )

    def on(self, theme: Theme) -> list[ProposalChange]:
        """The changes touching a theme, by kind (added, removed, reworded, moved, unchanged)."""
        mine = [c for c in self.changes if theme.id in c.themes]
        return sorted(mine, key=lambda c: CHANGE_ORDER.index(c.change))

    def count(self, change: Change, theme: Theme | None = None) -> int:
        pool = self.on(theme) if theme is not None else self.changes
        return sum(1 for c in pool if c.change is change)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "diff",
            "version": JSON_VERSION,
            "method": {
                "pairing": ["id", "similarity"],
                "id_needs_shared_theme": True,
                "scorer": SCORER,
                "threshold": self.threshold,
                "compared_all": self.compared_all,
            },
            "old": {**candidate_dict(self.old), "path": self.old.path},
            "new": {**candidate_dict(self.new), "path": self.new.path},
            "themes": [theme_dict(t) for t in self.themes],
            "counts": {str(k): self.count(k) for k in CHANGE_ORDER},
            "by_theme": [
                {"theme": t.id, **{str(k): self.count(k, t) for k in CHANGE_ORDER}}
                for t in self.themes
            ],
            "changes": [c.to_dict() for c in self.changes],
            "sources": {
                "old": [source_dict(s) for s in self.old.sources],
                "new": [source_dict(s) for s in self.new.sources],
            },
        }

    def to_records(self) -> list[dict[str, str]]:
        """One row per proposal change; themes one per line."""
        return [
            {
                "change": str(c.change),
                "matched_by": c.matched_by or "",
                "score": _score_text(c.score),
                "id_reused": "true" if c.id_reused else "false",
                "themes": "\n".join(c.themes),
                "old_id": c.old.id if c.old else "",
                "new_id": c.new.id if c.new else "",
                "old_summary": c.old.summary if c.old else "",
                "new_summary": c.new.summary if c.new else "",
                "old_themes": "\n".join(c.old.themes) if c.old else "",
                "new_themes": "\n".join(c.new.themes) if c.new else "",
            }
            for c in self.changes
        ]


def _score_text(score: float | None) -> str:
    return "" if score is None else f"{score:g}"


def similarity(a: str, b: str) -> float:
    """How alike two summaries are, 0 to 100, rounded to one decimal."""
    from rapidfuzz import fuzz

    return round(fuzz.token_sort_ratio(fold(a), fold(b)), 1)


def _sorted_words(text: str) -> str:
    """What token_sort_ratio compares: the folded words, sorted (``ratio`` of two of these is
    :func:`similarity`)."""
    return " ".join(sorted(fold(text).split()))


def _pairs_by_similarity(
    old_keys: dict[int, str], new_keys: dict[int, str], threshold: float
) -> tuple[list[tuple[float, int, int]], bool]:
    """(score, old index, new index) of the pairs worth pairing, and whether every pair was
    compared: identical texts first (score 100), then the best matches of each new proposal."""
    from rapidfuzz import fuzz, process

    found: list[tuple[float, int, int]] = []
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, text in old_keys.items():
        by_text[text].append(i)
    used: dict[str, int] = defaultdict(int)  # per text: how many of its old ones are paired
    left_new: list[int] = []
    for j, text in new_keys.items():  # identical words: paired in file order
        same = by_text.get(text, [])
        if used[text] < len(same):
            found.append((100.0, same[used[text]], j))
            used[text] += 1
        else:
            left_new.append(j)
    left_old = sorted(i for text, same in by_text.items() for i in same[used[text] :])
    if not left_old or not left_new:
        return found, True
    everything = len(left_old) * len(left_new) <= MAX_COMPARISONS
    choices = [old_keys[i] for i in left_old]
    among = None if everything else _sharing_rare_words(left_old, left_new, old_keys, new_keys)
    for j in left_new:
        pool = range(len(left_old)) if among is None else among[j]
        if not pool:
            continue
        for _, score, offset in process.extract(
            new_keys[j],
            choices if among is None else [choices[k] for k in pool],
            scorer=fuzz.ratio,
            score_cutoff=max(threshold - 0.05, 0),  # rounded to one decimal, then compared
            limit=CANDIDATES_PER_PROPOSAL,
        ):
            found.append((round(score, 1), left_old[pool[offset]], j))
    return found, everything


def _sharing_rare_words(
    left_old: list[int], left_new: list[int], old_keys: dict[int, str], new_keys: dict[int, str]
) -> dict[int, list[int]]:
    """For each new proposal, the positions in ``left_old`` of the old ones that share one of
    its :data:`RARE_WORDS` rarest words (words in more than :data:`COMMON_WORD` old texts
    left out)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for position, i in enumerate(left_old):
        for w in set(old_keys[i].split()):
            postings[w].append(position)
    frequency = Counter({w: len(p) for w, p in postings.items()})
    among: dict[int, list[int]] = {}
    for j in left_new:
        words = sorted(
            (w for w in set(new_keys[j].split()) if 0 < frequency[w] <= COMMON_WORD),
            key=lambda w: (frequency[w], w),
        )
        among[j] = sorted({p for w in words[:RARE_WORDS] for p in postings[w]})
    return among


def diff_programmes(
    dataset: Dataset,
    old: Candidate,
    new: Candidate,
    themes: Sequence[Theme] | None = None,
    threshold: float = DIFF_THRESHOLD,
) -> ProgrammeDiff:
    """Pair the proposals of two versions of a programme and say what changed.

    Changes are listed in the new version's order, then the removed ones in the old version's
    order. With ``themes``, only proposals touching one of them (in either version) are kept.
    """
    chosen = tuple(themes) if themes is not None else dataset.themes
    pairs: dict[int, tuple[int, str, float]] = {}  # new index -> (old index, how, score)
    old_ids = {p.id: i for i, p in enumerate(old.proposals)}
    reused: set[str] = set()  # ids on both sides whose proposals share no theme
    for j, proposal in enumerate(new.proposals):
        if proposal.id in old_ids:
            i = old_ids[proposal.id]
            if set(old.proposals[i].themes).isdisjoint(proposal.themes):
                reused.add(proposal.id)  # paired by similarity, like any other, or not at all
                continue
            pairs[j] = (i, "id", similarity(old.proposals[i].summary, proposal.summary))
    taken = {i for i, _, _ in pairs.values()}
    # A placeholder summary ("-", "n/a") is never paired by its words: two are not alike.
    candidates, compared_all = _pairs_by_similarity(
        {
            i: _sorted_words(o.summary)
            for i, o in enumerate(old.proposals)
            if i not in taken and not placeholder(o.summary)
        },
        {
            j: _sorted_words(n.summary)
            for j, n in enumerate(new.proposals)
            if j not in pairs and not placeholder(n.summary)
        },
        threshold,
    )
    # Best pairs first; equal scores in file order, so the result never depends on chance.
    for score, i, j in sorted(candidates, key=lambda t: (-t[0], t[1], t[2])):
        if score >= threshold and j not in pairs and i not in taken:
            pairs[j] = (i, "similarity", score)
            taken.add(i)
    changes: list[ProposalChange] = []
    for j, proposal in enumerate(new.proposals):
        if j not in pairs:
            changes.append(
                ProposalChange(Change.ADDED, None, proposal, id_reused=proposal.id in reused)
            )
            continue
        i, how, score = pairs[j]
        before = old.proposals[i]
        # paired by similarity, but one side's id names an unrelated proposal on the other
        renamed = how == "similarity" and (before.id in reused or proposal.id in reused)
        if fold(before.summary) != fold(proposal.summary):
            kind = Change.REWORDED
        elif set(before.themes) != set(proposal.themes):
            kind = Change.MOVED
        else:
            kind = Change.UNCHANGED
        changes.append(ProposalChange(kind, before, proposal, how, score, renamed))
    changes += [
        ProposalChange(Change.REMOVED, p, None, id_reused=p.id in reused)
        for i, p in enumerate(old.proposals)
        if i not in taken
    ]
    wanted = {t.id for t in chosen}
    kept = tuple(c for c in changes if wanted.intersection(c.themes))
    return ProgrammeDiff(old, new, chosen, kept, threshold, compared_all)
