"""Consensus and distinctive proposals: what several candidates propose alike, theme by theme.

Two proposals of different candidates on a same theme are *similar* when the score of their
summaries (:mod:`progcmp.similarity`: ``token_set_ratio`` on accent-folded words without stop
words) reaches the threshold. On each theme, similar proposals are gathered into groups (two
proposals are in one group when a chain of similar pairs links them), and a proposal with no
similar one by another candidate on that theme is *distinctive*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..model import Candidate, Proposal, Theme
from ..text.similarity import key, similar_pairs
from .records import JSON_VERSION, candidate_dict, proposal_dict, source_dict, theme_dict

DEFAULT_THRESHOLD = 75  # on the 2017 data, pairs from here on say the same thing in other words

Ref = tuple[int, int]  # (index of the candidate, index of the proposal in its file)


@dataclass(frozen=True, slots=True)
class SimilarGroup:
    """Proposals of several candidates that say nearly the same thing, and their scores."""

    members: tuple[Ref, ...]  # in candidate order, then file order
    # (member, member, score) of each similar pair, the highest score first
    scores: tuple[tuple[int, int, float], ...]

    def best(self, member: int) -> float:
        """The highest score of a member with another member."""
        return max(s for a, b, s in self.scores if member in (a, b))


@dataclass(frozen=True, slots=True)
class ThemeSimilarity:
    """On one theme: the groups of similar proposals, and the distinctive ones."""

    theme: Theme
    groups: tuple[SimilarGroup, ...]
    distinctive: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class SimilarReport:
    """Consensus and distinctive proposals of candidates, theme by theme.

    Proposals are referred to by position, so that :func:`progcmp.blind.anonymise` copies of the
    same candidates can be put in place of ``candidates`` without changing the result.
    """

    candidates: tuple[Candidate, ...]
    themes: tuple[ThemeSimilarity, ...]
    threshold: float

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "theme",
        "theme_label_fr",
        "theme_label_en",
        "kind",
        "group",
        "election",
        "candidate",
        "candidate_name",
        "id",
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
                        }
                        for g in t.groups
                    ],
                    "distinctive": [entry(r) for r in t.distinctive],
                }
                for t in self.themes
            ],
            "sources": {c.id: [source_dict(s) for s in c.sources] for c in self.candidates},
        }

    def to_records(self) -> list[dict[str, str]]:
        """One row per proposal shown: ``kind`` is ``consensus`` (with its group number on the
        theme, its best score and, one per line, the proposals it is similar to) or
        ``distinctive``."""
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
        return rows

    def _record(
        self, theme: Theme, kind: str, group: str, ref: Ref, score: str, similar_to: str
    ) -> dict[str, str]:
        c, p = self.proposal(ref)
        source = c.source(p.source)
        return {
            "theme": theme.id,
            "theme_label_fr": theme.label.fr,
            "theme_label_en": theme.label.en,
            "kind": kind,
            "group": group,
            "election": c.election,
            "candidate": c.id,
            "candidate_name": c.name,
            "id": p.id,
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
    pairs = similar_pairs(keys, owners, groups, threshold)
    return SimilarReport(
        tuple(candidates),
        tuple(_on_theme(t, refs, groups, pairs) for t in themes),
        threshold,
    )


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
    pairs: list[tuple[int, int, float]],
) -> ThemeSimilarity:
    on = [i for i in range(len(refs)) if theme.id in groups[i]]
    edges = [(i, j, s) for i, j, s in pairs if theme.id in groups[i] and theme.id in groups[j]]
    parent = {i: i for i in on}  # union-find over the theme's proposals

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in edges:
        parent[root(i)] = root(j)
    components: dict[int, list[int]] = {}
    for i in on:  # refs are in candidate order, then file order: so are members
        components.setdefault(root(i), []).append(i)
    linked = {i for i, j, _ in edges} | {j for i, j, _ in edges}
    found = []
    for members in components.values():
        if len(members) < 2:
            continue
        position = {i: n for n, i in enumerate(members)}
        scores = tuple(  # the highest first
            sorted(
                ((position[i], position[j], s) for i, j, s in edges if i in position),
                key=lambda e: (-e[2], e[0], e[1]),
            )
        )
        found.append(SimilarGroup(tuple(refs[i] for i in members), scores))
    # Largest agreement first (most candidates, then the highest score); then data order.
    found.sort(
        key=lambda g: (
            -len({ci for ci, _ in g.members}),
            -max(s for _, _, s in g.scores),
            g.members,
        )
    )
    distinctive = tuple(refs[i] for i in on if i not in linked)
    return ThemeSimilarity(theme, tuple(found), distinctive)
