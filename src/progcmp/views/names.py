"""Resolving what a user types to candidates, themes and elections."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Candidate, Dataset, Theme
from ..model.errors import UsageError
from ..text import fold, show
from ..text.matching import closest

# A query shorter than this is never read as the start of a name ("le" starts too many).
MIN_PREFIX = 3
ALL = "all"  # a query that names every contender of the election (as --all does)


def find_candidate(dataset: Dataset, query: str, notes: list[str] | None = None) -> Candidate:
    """Resolve one name; see :func:`find_candidates`."""
    return find_candidates(dataset, [query], notes)[0]


def find_candidates(
    dataset: Dataset, queries: Sequence[str], notes: list[str] | None = None
) -> tuple[Candidate, ...]:
    """Resolve names the way people type them, in the order given, never by guesswork.

    A query resolves when it is, in any case and with or without accents (NFC or NFD alike):
    an id, a name or an alias; the unique start of one (``melen``, three letters at least); or
    whole consecutive words of exactly one name or alias (``Macron``). ``name@election`` narrows
    to the elections whose id is, or has a hyphen-separated part equal to, ``election``. A path
    to a candidate file of the data names that candidate. Anything else (a typo, a word that
    several names share, another person with a shared surname) is an error that lists what may
    have been meant.

    When a person is found in several elections and no ``@election`` says which, the most
    recent election they share with the other names is used, and a line added to ``notes``
    says so (the command line prints it on stderr).

    Raises:
        UsageError: if a query matches nothing, or several contenders of one election, or a
            contender is named twice.
    """
    if len(queries) == 1 and _names_all(dataset, queries[0]):
        return select_all(dataset, queries[0].partition("@")[2] or None)
    folded: dict[int, set[str]] = {}  # each contender's names folded once for all queries
    readings = [_readings(dataset, q, folded) for q in queries]
    found = _one_election(dataset, queries, readings, notes)
    seen: dict[str, str] = {}
    for query, candidate in zip(queries, found, strict=True):
        if candidate.key in seen:
            raise UsageError(
                f"{show(query)} and {show(seen[candidate.key])} both name {candidate.key}"
            )
        seen[candidate.key] = query
    return found


def select_all(dataset: Dataset, election: str | None = None) -> tuple[Candidate, ...]:
    """Every contender of an election (see :func:`find_election`), in the official order
    (``ballot``) where every contender has one, else in data order."""
    chosen = find_election(dataset, election)
    contenders = [c for c in dataset.candidates if c.election == chosen]
    if contenders and all(c.ballot is not None for c in contenders):
        contenders.sort(key=lambda c: c.ballot or 0)
    return tuple(contenders)


def _names_all(dataset: Dataset, query: str) -> bool:
    """``all`` (or ``all@ELECTION``), unless a contender is really called that."""
    return fold(query.partition("@")[0]) == ALL and not any(
        ALL in _names(c) for c in dataset.candidates
    )


def _names(candidate: Candidate) -> set[str]:
    return {fold(n) for n in (candidate.id, candidate.name, *candidate.aliases)}


def _readings(
    dataset: Dataset, query: str, folded: dict[int, set[str]] | None = None
) -> list[Candidate]:
    """The contenders a query names exactly: at most one per election."""
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
    if not dataset.candidates:
        raise UsageError(
            f"unknown name {show(query)}: the data folder {dataset.root} holds no candidate "
            "(each goes in ELECTION/ID.yaml)"
        )
    key = fold(name)
    if _names_all(dataset, query):
        raise UsageError(f"{show(query)} names every contender: use it alone (or --all)")
    if _looks_like_a_path(query):
        return [_candidate_by_file(dataset, query)]
    if not key:
        raise UsageError(f"{show(query)} holds no letter or digit, so it names nobody")
    if folded is None:
        folded = {}
    ranks = []
    for c in pool:
        names = folded.get(id(c))  # (the dataset holds every contender meanwhile)
        if names is None:
            names = folded[id(c)] = _names(c)
        ranks.append((_rank(names, key), c))
    best = min((rank for rank, _ in ranks), default=NO_MATCH)
    if best < NO_MATCH:
        return _unique_per_election(query, [c for rank, c in ranks if rank == best])
    raise UsageError(
        f"unknown name {show(query)}{_did_you_mean(pool, key)}; see 'progcmp candidates'"
    )


NO_MATCH = 3


def _rank(names: set[str], key: str) -> int:
    """How a folded query names a contender: 0 a whole name, 1 the start of one, 2 whole words
    of one, NO_MATCH not at all."""
    if key in names:
        return 0
    if len(key) >= MIN_PREFIX and any(n.startswith(key) for n in names):
        return 1
    if len(key) >= MIN_PREFIX and any(f" {key} " in f" {n} " for n in names):
        return 2
    return NO_MATCH


def _unique_per_election(query: str, matches: list[Candidate]) -> list[Candidate]:
    by_election: dict[str, list[Candidate]] = {}
    for candidate in matches:
        by_election.setdefault(candidate.election, []).append(candidate)
    tied = next((m for m in by_election.values() if len(m) > 1), None)
    if tied:
        raise UsageError(
            f"{show(query)} is ambiguous: {', '.join(c.key for c in tied)}; write one of these"
        )
    return matches


def _one_election(
    dataset: Dataset,
    queries: Sequence[str],
    readings: list[list[Candidate]],
    notes: list[str] | None,
) -> tuple[Candidate, ...]:
    """One contender per query: where a query reads in several elections, the most recent
    election it shares with the others."""
    if all(len(r) == 1 for r in readings):
        return tuple(r[0] for r in readings)
    settled = {r[0].election for r in readings if len(r) == 1}
    shared = set.intersection(*({c.election for c in r} for r in readings if len(r) > 1))
    choice = sorted(shared & settled or shared or settled, key=_recency)
    if not choice:
        several = next(r for r in readings if len(r) > 1)
        raise UsageError(
            f"{show(queries[readings.index(several)])} is in several elections: "
            f"{', '.join(c.key for c in several)}; write one of these"
        )
    election = choice[-1]
    found = tuple(
        r[0] if len(r) == 1 else next((c for c in r if c.election == election), r[-1])
        for r in readings
    )
    if notes is not None:
        others = sorted({c.election for r in readings for c in r} - {election}, key=_recency)
        notes.append(
            f"{', '.join(show(q) for q, r in zip(queries, readings, strict=True) if len(r) > 1)}:"
            f" {election} (also in {', '.join(others)}; write NAME@ELECTION for another)"
        )
    return found


def _recency(election: str) -> tuple[int, str]:
    """Most recent last: by the latest year in the election's id, then by id."""
    import re

    return max((int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", election)), default=0), election


def _did_you_mean(pool: list[Candidate], key: str) -> str:
    """`` (did you mean x or y?)`` for names that look like a typo of the query, or nothing:
    a name that only shares letters (``trump``, ``le-pen``) is never offered."""
    names: dict[str, str] = {}
    for candidate in pool:
        for name in sorted(_names(candidate)):
            for variant in (name, *name.split()):
                if len(variant) >= MIN_PREFIX:
                    names.setdefault(variant, candidate.id)
    near = list(dict.fromkeys(names[n] for n in closest(key, names, limit=10)))[:3]
    return f" (did you mean {' or '.join(near)}?)" if near else ""


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


def select_themes(dataset: Dataset, queries: Sequence[str]) -> tuple[Theme, ...]:
    """Return the themes named (by id, or by label in either language), in catalogue order."""
    themes = dataset.all_themes
    if not queries:
        return themes
    wanted: set[str] = set()
    for query in queries:
        key = fold(query)
        match = next(
            (t for t in themes if key in (fold(t.id), *(fold(text) for _, text in t.label.texts))),
            None,
        )
        if match is None:
            names = {
                n: t.id
                for t in themes
                for n in (*(text for _, text in reversed(t.label.texts)), t.id)
            }
            near = [names[n] for n in closest(query, names)]
            raise UsageError(
                f"unknown theme {show(query)}"
                + (f" (did you mean {near[0]!r}?)" if near else "")
                + "; see 'progcmp themes'"
            )
        wanted.add(match.id)
    return tuple(t for t in themes if t.id in wanted)


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
