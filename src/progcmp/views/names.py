"""Resolving what a user types to candidates, themes and elections."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Candidate, Dataset, Theme
from ..model.errors import UsageError
from ..text import fold, show
from ..text.matching import AMBIGUITY_MARGIN, CLOSEST_CUTOFF, NAME_CUTOFF, closest


def find_candidate(dataset: Dataset, query: str) -> Candidate:
    """Resolve a name the way a person types it.

    Accepts an id, a full name or an alias, in any case and with or without accents, a near
    miss (``melanchon``), and ``name@election`` where the election may be abbreviated to any
    part of its id (``melenchon@2017``).

    Raises:
        UsageError: if nothing matches, or several candidates match equally well.
    """
    name, _, election = query.partition("@")
    pool = [
        c
        for c in dataset.candidates
        if not election or election == c.election or election in c.election.split("-")
    ]
    if election and not pool:
        raise UsageError(
            f"unknown election {show(election)}; known: {', '.join(dataset.elections) or 'none'}"
        )
    key = fold(name)
    exact = [c for c in pool if key in {fold(n) for n in (c.id, c.name, *c.aliases)}]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise UsageError(
            f"{show(query)} is ambiguous: {', '.join(c.key for c in exact)}; write one of these"
        )
    if _looks_like_a_path(query):
        return _candidate_by_file(dataset, query)
    if not dataset.candidates:
        raise UsageError(
            f"unknown candidate {show(query)}: the data folder {dataset.root} holds no candidate "
            "(each goes in ELECTION/ID.yaml)"
        )
    return _fuzzy_candidate(pool, query, key)


def _looks_like_a_path(query: str) -> bool:
    return any(c in query for c in "/\\") or query.lower().endswith((".yaml", ".yml"))


def _candidate_by_file(dataset: Dataset, query: str) -> Candidate:
    """The candidate whose file this is; a path is never matched loosely, and a file that is
    not in the data is never read."""
    from pathlib import Path

    try:
        target = Path(query).resolve()
        for candidate in dataset.candidates:
            if Path(candidate.path).resolve() == target:
                return candidate
    except (OSError, RuntimeError, ValueError):
        pass
    raise UsageError(
        f"{show(query)} looks like a file path, not a candidate of the data: name candidates "
        "by id, name or alias (see 'progcmp candidates'), and choose the data folder with --data"
    )


def _fuzzy_candidate(pool: list[Candidate], query: str, key: str) -> Candidate:
    from rapidfuzz import fuzz, process

    names: list[str] = []
    owners: list[Candidate] = []
    for candidate in pool:
        for name in {fold(n) for n in (candidate.id, candidate.name, *candidate.aliases)}:
            names.append(name)
            owners.append(candidate)
    best: dict[str, tuple[float, Candidate]] = {}
    for _, score, index in process.extract(
        key, names, scorer=fuzz.WRatio, limit=None, score_cutoff=CLOSEST_CUTOFF
    ):
        owner = owners[index]
        if owner.key not in best or score > best[owner.key][0]:
            best[owner.key] = (score, owner)
    ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1].key))
    if not ranked or ranked[0][0] < NAME_CUTOFF:
        near = ", ".join(c.id for _, c in ranked[:3])
        raise UsageError(
            f"unknown candidate {show(query)}"
            + (f" (closest: {near})" if near else "")
            + "; see 'progcmp candidates'"
        )
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < AMBIGUITY_MARGIN:
        tied = [c.key for s, c in ranked if ranked[0][0] - s < AMBIGUITY_MARGIN]
        raise UsageError(f"{show(query)} is ambiguous: {', '.join(tied)}; write one of these")
    return ranked[0][1]


def find_candidates(dataset: Dataset, queries: Sequence[str]) -> tuple[Candidate, ...]:
    """Resolve several names, in the order given; naming one candidate twice is an error."""
    found = tuple(find_candidate(dataset, q) for q in queries)
    seen: dict[str, str] = {}
    for query, candidate in zip(queries, found, strict=True):
        if candidate.key in seen:
            raise UsageError(
                f"{show(query)} and {show(seen[candidate.key])} both name {candidate.key}"
            )
        seen[candidate.key] = query
    return found


def select_themes(dataset: Dataset, queries: Sequence[str]) -> tuple[Theme, ...]:
    """Return the themes named (by id, or by label in either language), in catalogue order."""
    if not queries:
        return dataset.themes
    wanted: set[str] = set()
    for query in queries:
        key = fold(query)
        match = next(
            (t for t in dataset.themes if key in (fold(t.id), fold(t.label.fr), fold(t.label.en))),
            None,
        )
        if match is None:
            names = {n: t.id for t in dataset.themes for n in (t.label.en, t.label.fr, t.id)}
            near = [names[n] for n in closest(query, names)]
            raise UsageError(
                f"unknown theme {show(query)}"
                + (f" (did you mean {near[0]!r}?)" if near else "")
                + "; see 'progcmp themes'"
            )
        wanted.add(match.id)
    return tuple(t for t in dataset.themes if t.id in wanted)


def find_election(dataset: Dataset, query: str | None = None) -> str:
    """The election a report is about: the only one in the data, or the one named.

    ``query`` is an election id or any hyphen-separated part of one (``2017``).

    Raises:
        UsageError: if the data holds no election, or several and none is named, or the
            name matches none or several.
    """
    known = dataset.elections
    if query is None:
        if len(known) == 1:
            return known[0]
        if not known:
            raise UsageError("the data holds no candidate, so no election to report on")
        raise UsageError(
            f"the data holds several elections ({', '.join(known)}); choose one with --election"
        )
    matches = [e for e in known if query == e] or [e for e in known if query in e.split("-")]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(
            f"election {show(query)} is ambiguous: {', '.join(matches)}; write one of these"
        )
    raise UsageError(f"unknown election {show(query)}; known: {', '.join(known) or 'none'}")
