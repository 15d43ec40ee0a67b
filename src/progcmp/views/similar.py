"""Consensus and distinctive proposals: what several candidates propose alike, theme by theme.

Two proposals of different candidates on a same theme are *similar* when the score of their
summaries (:mod:`progcmp.similarity`: ``token_set_ratio`` on accent-folded words without stop
words) reaches the threshold. On each theme, similar proposals are gathered into groups (two
proposals are in one group when a chain of similar pairs links them), and a proposal with no
similar one by another candidate on that theme is *distinctive*.

Stances (a questionnaire's agree / disagree) are never overruled by wording: two proposals whose
stances oppose (:data:`progcmp.model.OPPOSITE_STANCES`) are never similar, however alike their
words, and each theme lists its *oppositions* apart: the proposals on each side of an opposite
pair of stances, whatever their wording. A summary of fewer than three words (``-``, ``n/a``:
:func:`progcmp.text.similarity.placeholder`) is similar to nothing.

The work stays near the number of distinct texts, not the square of the number of proposals:
proposals alike in everything the score looks at (the same key, candidate and themes) are
scored once, as one class, and a pair of classes stands for every pair of their members. A
group lists at most :data:`MAX_LISTED_PAIRS` pairs, its best, and counts the rest
(``more_pairs``): two files of 4,000 identical proposals make 16 million similar pairs, one
group of 8,000 proposals.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..model import OPPOSITE_STANCES, Candidate, Proposal, Stance, Theme
from ..text.similarity import key, placeholder, similar_pairs
from .records import (
    JSON_VERSION,
    THEME_FIELDS,
    candidate_dict,
    proposal_dict,
    source_dict,
    theme_dict,
    theme_label_record,
)

DEFAULT_THRESHOLD = 75  # on the 2017 data, pairs from here on say the same thing in other words
MAX_LISTED_PAIRS = 100  # per group: the best pairs are listed, the others counted

Ref = tuple[int, int]  # (index of the candidate, index of the proposal in its file)


@dataclass(frozen=True, slots=True)
class SimilarGroup:
    """Proposals of several candidates that say nearly the same thing, and their scores."""

    members: tuple[Ref, ...]  # in candidate order, then file order
    # (member, member, score) of each similar pair listed, the highest score first
    scores: tuple[tuple[int, int, float], ...]
    more_pairs: int = 0  # similar pairs of the group beyond those listed (MAX_LISTED_PAIRS)
    bests: tuple[float, ...] = ()  # each member's highest score (empty: from the scores)

    def best(self, member: int) -> float:
        """The highest score of a member with another member."""
        if self.bests:
            return self.bests[member]
        return max(s for a, b, s in self.scores if member in (a, b))


@dataclass(frozen=True, slots=True)
class Opposition:
    """On one theme, the proposals on each side of two opposite stances (agree, disagree):
    every proposal of one side is opposed to every proposal of the other."""

    stances: tuple[Stance, Stance]
    sides: tuple[tuple[Ref, ...], tuple[Ref, ...]]


@dataclass(frozen=True, slots=True)
class ThemeSimilarity:
    """On one theme: the groups of similar proposals, the distinctive ones, and the
    oppositions of stances."""

    theme: Theme
    groups: tuple[SimilarGroup, ...]
    distinctive: tuple[Ref, ...]
    oppositions: tuple[Opposition, ...] = ()


@dataclass(frozen=True, slots=True)
class SimilarReport:
    """Consensus and distinctive proposals of candidates, theme by theme.

    Proposals are referred to by position, so that :func:`progcmp.blind.anonymise` copies of the
    same candidates can be put in place of ``candidates`` without changing the result.
    """

    candidates: tuple[Candidate, ...]
    themes: tuple[ThemeSimilarity, ...]
    threshold: float
    total_pairs: int | None = None  # every similar pair, listed or not (None: those listed)

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        *THEME_FIELDS,
        "kind",
        "group",
        "election",
        "candidate",
        "candidate_name",
        "id",
        "stance",
        "summary",
        "score",
        "similar_to",
        "source",
        "source_title",
        "source_url",
    )

    def proposal(self, ref: Ref) -> tuple[Candidate, Proposal]:
        candidate = self.candidates[ref[0]]
        return candidate, candidate.proposals[ref[1]]

    def pair_count(self) -> int:
        """The number of similar pairs (a pair on two common themes counts once)."""
        if self.total_pairs is not None:
            return self.total_pairs
        return len(
            {
                (g.members[a], g.members[b])
                for t in self.themes
                for g in t.groups
                for a, b, _ in g.scores
            }
        )

    def cited(self) -> list[tuple[Candidate, str]]:
        """(candidate, source id) of every proposal shown, in order of first appearance: the
        consensus on every theme, then the distinctive proposals."""
        seen: dict[tuple[str, str], tuple[Candidate, str]] = {}
        refs = [r for t in self.themes for g in t.groups for r in g.members]
        refs += [r for t in self.themes for r in t.distinctive]
        refs += [r for t in self.themes for o in t.oppositions for side in o.sides for r in side]
        for ref in refs:
            c, p = self.proposal(ref)
            seen.setdefault((c.key, p.source), (c, p.source))
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        def entry(ref: Ref) -> dict[str, Any]:
            c, p = self.proposal(ref)
            return {"candidate": c.id, **proposal_dict(p)}

        return {
            "kind": "similar",
            "version": JSON_VERSION,
            "method": {
                "scorer": "token_set_ratio",
                "compared": "summary",
                "threshold": self.threshold,
            },
            "candidates": [candidate_dict(c) for c in self.candidates],
            "themes": [
                {
                    **theme_dict(t.theme),
                    "consensus": [
                        {
                            "proposals": [entry(r) for r in g.members],
                            "pairs": [
                                {"a": a, "b": b, "score": round(s, 2)} for a, b, s in g.scores
                            ],
                            "pairs_not_listed": g.more_pairs,
                        }
                        for g in t.groups
                    ],
                    "distinctive": [entry(r) for r in t.distinctive],
                    "oppositions": [
                        {
                            "stances": [str(x) for x in o.stances],
                            "sides": [[entry(r) for r in side] for side in o.sides],
                        }
                        for o in t.oppositions
                    ],
                }
                for t in self.themes
            ],
            "sources": {c.id: [source_dict(s) for s in c.sources] for c in self.candidates},
        }

    def to_records(self) -> list[dict[str, str]]:
        """One row per proposal shown: ``kind`` is ``consensus`` (with its group number on the
        theme, its best score and, one per line, the proposals it is similar to) or
        ``distinctive``, or ``opposed`` (``group`` numbers the opposition on the theme; its
        sides tell apart by ``stance``)."""
        rows = []
        for t in self.themes:
            for number, g in enumerate(t.groups, 1):
                for m, ref in enumerate(g.members):
                    others = []
                    for a, b, s in g.scores:
                        if m in (a, b):
                            c, p = self.proposal(g.members[b if a == m else a])
                            others.append(f"{c.id}/{p.id} {s:.2f}")
                    rows.append(
                        self._record(
                            t.theme,
                            "consensus",
                            str(number),
                            ref,
                            f"{g.best(m):.2f}",
                            "\n".join(others),
                        )
                    )
            rows += [self._record(t.theme, "distinctive", "", r, "", "") for r in t.distinctive]
            for number, o in enumerate(t.oppositions, 1):
                rows += [
                    self._record(t.theme, "opposed", str(number), r, "", "")
                    for side in o.sides
                    for r in side
                ]
        return rows

    def _record(
        self, theme: Theme, kind: str, group: str, ref: Ref, score: str, similar_to: str
    ) -> dict[str, str]:
        c, p = self.proposal(ref)
        source = c.source(p.source)
        return {
            "theme": theme.id,
            **theme_label_record(theme),
            "kind": kind,
            "group": group,
            "election": c.election,
            "candidate": c.id,
            "candidate_name": c.name,
            "id": p.id,
            "stance": str(p.stance) if p.stance else "",
            "summary": p.summary,
            "score": score,
            "similar_to": similar_to,
            "source": source.id,
            "source_title": source.title,
            "source_url": source.url,
        }


def find_similar(
    candidates: Sequence[Candidate],
    themes: Sequence[Theme],
    threshold: float = DEFAULT_THRESHOLD,
) -> SimilarReport:
    """Find, on each theme, the proposals several candidates make alike and those only one makes.

    Args:
        candidates: the candidates to compare (at least two to find any consensus).
        themes: the themes to look at, in the order to show them.
        threshold: the lowest score (above 0, at most 100) for two proposals to be similar.
    """
    refs, keys, owners, groups = similarity_inputs(candidates, themes)
    proposals = [candidates[ci].proposals[pi] for ci, pi in refs]
    stances = [p.stance for p in proposals]
    blank = [placeholder(p.summary) for p in proposals]
    classes = _Classes(keys, owners, groups, list(zip(stances, blank, strict=True)))
    reps = classes.representatives
    pairs = [
        (a, b, score)
        for a, b, score in similar_pairs(
            [keys[r] for r in reps], [owners[r] for r in reps], [groups[r] for r in reps], threshold
        )
        # words never overrule answers; a placeholder is like nothing
        if not (blank[reps[a]] or blank[reps[b]])
        and not _opposed(stances[reps[a]], stances[reps[b]])
    ]
    sizes = [len(m) for m in classes.members]
    return SimilarReport(
        tuple(candidates),
        tuple(
            _on_theme(t, refs, groups, classes, pairs, _oppositions(t, refs, groups, stances))
            for t in themes
        ),
        threshold,
        total_pairs=sum(sizes[a] * sizes[b] for a, b, _ in pairs),
    )


def _opposed(a: Stance | None, b: Stance | None) -> bool:
    return a is not None and a.opposes(b)


def _oppositions(
    theme: Theme,
    refs: list[Ref],
    groups: list[frozenset[str]],
    stances: list[Stance | None],
) -> tuple[Opposition, ...]:
    """The proposals on the theme on each side of every opposite pair of stances."""
    by_stance: dict[Stance, list[Ref]] = {}
    for ref, on, stance in zip(refs, groups, stances, strict=True):
        if stance is not None and theme.id in on:
            by_stance.setdefault(stance, []).append(ref)
    found = []
    for pair in sorted(tuple(sorted(p, key=list(Stance).index)) for p in OPPOSITE_STANCES):
        a, b = pair
        if by_stance.get(a) and by_stance.get(b):
            found.append(Opposition((a, b), (tuple(by_stance[a]), tuple(by_stance[b]))))
    return tuple(found)


class _Classes:
    """Proposals grouped by what the score looks at: key, owner and groups (and ``extra``: what
    else decides whether two may be similar). Members of a class score alike with anything and
    are never compared with one another (one owner)."""

    def __init__(
        self,
        keys: Sequence[str],
        owners: Sequence[int],
        groups: Sequence[frozenset[str]],
        extra: Sequence[Hashable] | None = None,
    ) -> None:
        index: dict[tuple[str, int, frozenset[str], Hashable], int] = {}
        self.representatives: list[int] = []
        self.members: list[list[int]] = []  # proposal indices, ascending
        self.of: list[int] = []  # each proposal's class
        more = extra if extra is not None else [None] * len(keys)
        for i, found in enumerate(zip(keys, owners, groups, more, strict=True)):
            number = index.setdefault(found, len(self.members))
            if number == len(self.members):
                self.representatives.append(i)
                self.members.append([])
            self.members[number].append(i)
            self.of.append(number)


def similarity_inputs(
    candidates: Sequence[Candidate], themes: Sequence[Theme]
) -> tuple[list[Ref], list[str], list[int], list[frozenset[str]]]:
    """What :func:`find_similar` compares: for each proposal on one of the themes, its
    reference, its key (:func:`progcmp.similarity.key` of its summary), its owner (the index of
    its candidate) and its groups (its themes among those asked for)."""
    wanted = {t.id for t in themes}
    refs: list[Ref] = []
    keys: list[str] = []
    owners: list[int] = []
    groups: list[frozenset[str]] = []
    for ci, c in enumerate(candidates):
        for pi, p in enumerate(c.proposals):
            on = frozenset(p.themes) & wanted
            if on:
                refs.append((ci, pi))
                keys.append(key(p.summary))
                owners.append(ci)
                groups.append(on)
    return refs, keys, owners, groups


def _on_theme(
    theme: Theme,
    refs: list[Ref],
    groups: list[frozenset[str]],
    classes: _Classes,
    pairs: list[tuple[int, int, float]],
    oppositions: tuple[Opposition, ...] = (),
) -> ThemeSimilarity:
    """Groups and distinctive proposals on a theme, from the similar pairs of classes."""
    reps, members_of = classes.representatives, classes.members
    on = [c for c in range(len(reps)) if theme.id in groups[reps[c]]]
    edges = [
        (a, b, s)
        for a, b, s in pairs
        if theme.id in groups[reps[a]] and theme.id in groups[reps[b]]
    ]
    parent = {c: c for c in on}  # union-find over the theme's classes

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for a, b, _ in edges:
        parent[root(a)] = root(b)
    components: dict[int, list[int]] = {}
    for c in on:
        components.setdefault(root(c), []).append(c)
    by_component: dict[int, list[tuple[int, int, float]]] = {}
    best: dict[int, float] = {}
    for a, b, s in edges:
        by_component.setdefault(root(a), []).append((a, b, s))
        best[a], best[b] = max(best.get(a, 0.0), s), max(best.get(b, 0.0), s)
    found = []
    for top, linked in components.items():
        component_edges = by_component.get(top, [])
        if not component_edges:
            continue
        # refs are in candidate order, then file order: so are members
        members = sorted(i for c in linked for i in members_of[c])
        position = {i: n for n, i in enumerate(members)}
        listed, total = _listed_pairs(component_edges, members_of, position)
        bests = tuple(best[classes.of[i]] for i in members)
        found.append(
            SimilarGroup(tuple(refs[i] for i in members), listed, total - len(listed), bests)
        )
    # Largest agreement first (most candidates, then the highest score); then data order.
    found.sort(
        key=lambda g: (
            -len({ci for ci, _ in g.members}),
            -max(s for _, _, s in g.scores),
            g.members,
        )
    )
    distinctive = tuple(
        refs[i] for i in sorted(i for c in on if c not in best for i in members_of[c])
    )
    return ThemeSimilarity(theme, tuple(found), distinctive, oppositions)


def _listed_pairs(
    edges: list[tuple[int, int, float]], members_of: list[list[int]], position: dict[int, int]
) -> tuple[tuple[tuple[int, int, float], ...], int]:
    """The best :data:`MAX_LISTED_PAIRS` member pairs of a group, the highest score first (then
    by position), and the number of all its pairs. The first pairs of two classes in that order
    are among their first ``MAX_LISTED_PAIRS`` members each, so no more are looked at."""
    total = 0
    pool: list[tuple[int, int, float]] = []
    for a, b, s in edges:
        total += len(members_of[a]) * len(members_of[b])
        for i in members_of[a][:MAX_LISTED_PAIRS]:
            for j in members_of[b][:MAX_LISTED_PAIRS]:
                x, y = sorted((position[i], position[j]))
                pool.append((x, y, s))
    pool.sort(key=lambda e: (-e[2], e[0], e[1]))
    return tuple(pool[:MAX_LISTED_PAIRS]), total
