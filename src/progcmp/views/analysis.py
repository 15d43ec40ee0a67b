"""Pure functions from a :class:`Dataset` to the views the commands print.

Each view has:

- ``to_dict()``: the documented, versioned JSON shape (``--format json`` prints exactly that);
- ``to_records()``: flat rows for CSV, a list of ``dict[str, str]`` (see
  :mod:`progcmp.render.csv`); every row has the same keys, in the order of the class's
  ``RECORD_FIELDS``, and a list of values in one cell holds one value per line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

from ..model import Annotation, Assessment, Candidate, Dataset, GapKind, Proposal, Source, Theme
from ..model.errors import UsageError
from ..text import clean, fold, show
from ..text.matching import AMBIGUITY_MARGIN, CLOSEST_CUTOFF, NAME_CUTOFF, closest

if TYPE_CHECKING:
    from ..text.classify import ThemeSuggestions
    from .agenda import AgendaReport
    from .diff import ProgrammeDiff
    from .matrix import SalienceMatrix
    from .search import SearchResults
    from .similar import SimilarReport
    from .tone import ToneReport

JSON_VERSION = 1


# --- finding candidates and themes ------------------------------------------------------------


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


# --- flat records (CSV) -------------------------------------------------------------------------

# The columns every row about one candidate on one theme starts with.
CANDIDATE_THEME_FIELDS = (
    "election",
    "candidate",
    "candidate_name",
    "party",
    "theme",
    "theme_label_fr",
    "theme_label_en",
)


def candidate_theme_record(candidate: Candidate, theme: Theme) -> dict[str, str]:
    """The values of :data:`CANDIDATE_THEME_FIELDS`."""
    return {
        "election": candidate.election,
        "candidate": candidate.id,
        "candidate_name": candidate.name,
        "party": candidate.party,
        "theme": theme.id,
        "theme_label_fr": theme.label.fr,
        "theme_label_en": theme.label.en,
    }


# One row per candidate x theme x entry; ``kind`` says what the row is: ``proposal``,
# ``assessment``, or a gap kind (``none-found``, ``declined``, ``not-reviewed``, ``contested``).
ENTRY_FIELDS = (
    *CANDIDATE_THEME_FIELDS,
    "kind",
    "id",
    "author",
    "summary",
    "quote",
    "locator",
    "note",
    "source",
    "source_title",
    "source_url",
)
GAP_FIELDS = (
    *CANDIDATE_THEME_FIELDS,
    "kind",
    "proposals",
    "note",
    "source",
    "source_title",
    "source_url",
)


def _record(
    fields: tuple[str, ...],
    candidate: Candidate,
    theme: Theme,
    kind: str,
    sources: Sequence[Source] = (),
    **values: str | None,
) -> dict[str, str]:
    """One flat row about a candidate on a theme; several sources give one line each."""
    row = dict.fromkeys(fields, "")
    row.update(candidate_theme_record(candidate, theme))
    row.update(
        kind=kind,
        # one line per source: titles lose their line breaks so the lines stay aligned
        source="\n".join(s.id for s in sources),
        source_title="\n".join(clean(s.title) for s in sources),
        source_url="\n".join(clean(s.url) for s in sources),
    )
    row.update((key, value or "") for key, value in values.items())
    assert row.keys() == set(fields), sorted(row.keys() - set(fields))
    return row


def _cell_records(cell: Cell) -> list[dict[str, str]]:
    """A comparison cell as rows: its proposals, then its gap or contested claim."""
    c, t = cell.candidate, cell.theme
    rows = [
        _record(
            ENTRY_FIELDS,
            c,
            t,
            "proposal",
            (c.source(p.source),),
            id=p.id,
            summary=p.summary,
            quote=p.quote,
            locator=p.locator,
            note=p.note,
        )
        for p in cell.proposals
    ]
    if cell.gap is not None:
        rows.append(
            _record(ENTRY_FIELDS, c, t, str(cell.gap.kind), cell.gap.sources, note=cell.gap.note)
        )
    elif cell.contested is not None:
        sources = (c.source(cell.contested.source),) if cell.contested.source else ()
        rows.append(
            _record(ENTRY_FIELDS, c, t, str(GapKind.CONTESTED), sources, note=cell.contested.note)
        )
    return rows


def _assessment_records(candidate: Candidate, theme: Theme) -> list[dict[str, str]]:
    return [
        _record(
            ENTRY_FIELDS,
            candidate,
            theme,
            "assessment",
            (candidate.source(a.source),),
            id=a.id,
            author=a.author,
            summary=a.summary,
            quote=a.quote,
        )
        for a in candidate.assessments
        if theme.id in a.themes
    ]


# --- views ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gap:
    """A candidate x theme with no proposal, typed, with the sources the gap rests on."""

    theme: Theme
    kind: GapKind
    sources: tuple[Source, ...]
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme.id,
            "kind": str(self.kind),
            "note": self.note,
            "sources": [s.id for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class Cell:
    """What one candidate has on one theme."""

    candidate: Candidate
    theme: Theme
    proposals: tuple[Proposal, ...]
    gap: Gap | None
    contested: Annotation | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate.id,
            "proposals": [_proposal_dict(p) for p in self.proposals],
            "gap": self.gap.to_dict() if self.gap else None,
            "contested": _annotation_dict(self.contested) if self.contested else None,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Candidates side by side: one row per theme, one cell per candidate."""

    candidates: tuple[Candidate, ...]
    themes: tuple[Theme, ...]
    rows: tuple[tuple[Cell, ...], ...]

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = ENTRY_FIELDS

    def to_records(self) -> list[dict[str, str]]:
        """One row per theme x candidate x proposal, in table order; a gap or a contested
        claim is a row of its own, typed by ``kind``, with the sources it rests on."""
        return [record for row in self.rows for cell in row for record in _cell_records(cell)]

    def cited_sources(self) -> list[tuple[Candidate, Source]]:
        """Sources cited in the table, in order of first citation (for numbered references)."""
        seen: dict[tuple[str, str], tuple[Candidate, Source]] = {}
        for row in self.rows:
            for cell in row:
                ids = [p.source for p in cell.proposals]
                if cell.contested and cell.contested.source:
                    ids.append(cell.contested.source)
                for source_id in ids:
                    seen.setdefault(
                        (cell.candidate.key, source_id),
                        (cell.candidate, cell.candidate.source(source_id)),
                    )
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "comparison",
            "version": JSON_VERSION,
            "candidates": [_candidate_dict(c) for c in self.candidates],
            "themes": [_theme_dict(t) for t in self.themes],
            "rows": [
                {
                    "theme": row[0].theme.id if row else theme.id,
                    "cells": [cell.to_dict() for cell in row],
                }
                for theme, row in zip(self.themes, self.rows, strict=True)
            ],
            "sources": {c.id: [_source_dict(s) for s in c.sources] for c in self.candidates},
        }


class _Lookup:
    """One candidate's proposals, annotation and sources by key, built once for many cells
    (the same answers as ``proposals_on``, ``annotation_on`` and ``source``, without scans)."""

    __slots__ = ("annotations", "by_theme", "candidate", "reviewed", "sources")

    def __init__(self, candidate: Candidate) -> None:
        self.candidate = candidate
        self.by_theme: dict[str, list[Proposal]] = {}
        for proposal in candidate.proposals:
            for theme_id in proposal.themes:
                on = self.by_theme.setdefault(theme_id, [])
                if not on or on[-1] is not proposal:  # a theme listed twice counts once
                    on.append(proposal)
        self.annotations: dict[str, Annotation] = {}
        for annotation in candidate.annotations:
            self.annotations.setdefault(annotation.theme, annotation)
        self.sources: dict[str, Source] = {}
        for source in candidate.sources:
            self.sources.setdefault(source.id, source)
        self.reviewed: tuple[Source, ...] | None = None

    def reviewed_sources(self) -> tuple[Source, ...]:
        if self.reviewed is None:
            self.reviewed = tuple(self.sources[s] for s in self.candidate.reviewed)
        return self.reviewed


def cell(candidate: Candidate, theme: Theme, lookup: _Lookup | None = None) -> Cell:
    """Build the cell of one candidate on one theme (``lookup``: the candidate's, if built)."""
    found = lookup or _Lookup(candidate)
    proposals = tuple(found.by_theme.get(theme.id, ()))
    annotation = found.annotations.get(theme.id)
    contested = annotation if annotation and annotation.kind is GapKind.CONTESTED else None
    gap = None
    if not proposals:
        if annotation is None or annotation.kind is GapKind.CONTESTED:
            reviewed = found.reviewed_sources()
            # "Nothing found" rests on the sources read: with none read, nothing was looked for.
            silent = GapKind.NONE_FOUND if reviewed else GapKind.NOT_REVIEWED
            kind = GapKind.CONTESTED if annotation else silent
            extra = (found.sources[annotation.source],) if annotation and annotation.source else ()
            gap = Gap(theme, kind, reviewed + extra, annotation.note if annotation else None)
        else:
            sources = (found.sources[annotation.source],) if annotation.source else ()
            gap = Gap(theme, annotation.kind, sources, annotation.note)
    return Cell(candidate, theme, proposals, gap, contested)


def compare(
    dataset: Dataset, candidates: Sequence[Candidate], themes: Sequence[Theme] | None = None
) -> Comparison:
    """Put candidates side by side, one row per theme in catalogue order."""
    chosen = tuple(themes) if themes is not None else dataset.themes
    lookups = [_Lookup(c) for c in candidates]
    rows = tuple(
        tuple(cell(c, t, f) for c, f in zip(candidates, lookups, strict=True)) for t in chosen
    )
    return Comparison(tuple(candidates), chosen, rows)


@dataclass(frozen=True, slots=True)
class GapReport:
    """For each candidate, the themes with no proposal, typed; and the reverse view."""

    candidates: tuple[Candidate, ...]
    themes: tuple[Theme, ...]
    gaps: tuple[tuple[Gap, ...], ...]  # one tuple per candidate
    contested: tuple[tuple[Annotation, ...], ...]  # contested themes that do have proposals
    _silent: dict[str, list[tuple[Candidate, Gap]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = GAP_FIELDS

    def to_records(self) -> list[dict[str, str]]:
        """One row per candidate x theme without a proposal (``proposals`` is ``0``), and
        per contested theme that has proposals (``proposals`` counts them)."""
        order = {t.id: i for i, t in enumerate(self.themes)}
        rows: list[dict[str, str]] = []
        for candidate, gaps, contested in zip(
            self.candidates, self.gaps, self.contested, strict=True
        ):
            start = len(rows)
            for gap in gaps:
                rows.append(
                    _record(
                        GAP_FIELDS,
                        candidate,
                        gap.theme,
                        str(gap.kind),
                        gap.sources,
                        proposals="0",
                        note=gap.note,
                    )
                )
            for annotation in contested:
                theme = next(t for t in self.themes if t.id == annotation.theme)
                rows.append(
                    _record(
                        GAP_FIELDS,
                        candidate,
                        theme,
                        str(annotation.kind),
                        (candidate.source(annotation.source),) if annotation.source else (),
                        proposals=str(len(candidate.proposals_on(theme.id))),
                        note=annotation.note,
                    )
                )
            rows[start:] = sorted(rows[start:], key=lambda row: order[row["theme"]])
        return rows

    @property
    def count(self) -> int:
        return sum(len(g) for g in self.gaps)

    def silent_on(self, theme: Theme) -> list[tuple[Candidate, Gap]]:
        """Who has no proposal on a theme (the reverse view)."""
        if not self._silent and self.gaps:  # indexed once: a report may hold 10,000 candidates
            for c, gaps in zip(self.candidates, self.gaps, strict=True):
                for g in gaps:
                    self._silent.setdefault(g.theme.id, []).append((c, g))
        return list(self._silent.get(theme.id, ()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "gaps",
            "version": JSON_VERSION,
            "themes": [_theme_dict(t) for t in self.themes],
            "candidates": [
                {
                    **_candidate_dict(c),
                    "gaps": [g.to_dict() for g in gaps],
                    "contested": [_annotation_dict(a) for a in contested],
                    "sources": [_source_dict(s) for s in c.sources],
                }
                for c, gaps, contested in zip(
                    self.candidates, self.gaps, self.contested, strict=True
                )
            ],
            "by_theme": [
                {"theme": t.id, "silent": [c.id for c, _ in self.silent_on(t)]} for t in self.themes
            ],
        }


def find_gaps(
    dataset: Dataset, candidates: Sequence[Candidate], themes: Sequence[Theme] | None = None
) -> GapReport:
    """List, per candidate, the themes on which nothing was proposed, and why."""
    chosen = tuple(themes) if themes is not None else dataset.themes
    gaps = []
    contested = []
    for candidate in candidates:
        lookup = _Lookup(candidate)
        cells = [cell(candidate, t, lookup) for t in chosen]
        gaps.append(tuple(c.gap for c in cells if c.gap is not None))
        contested.append(
            tuple(c.contested for c in cells if c.contested is not None and c.gap is None)
        )
    return GapReport(tuple(candidates), chosen, tuple(gaps), tuple(contested))


@dataclass(frozen=True, slots=True)
class CandidateView:
    """One candidate's whole file, by theme."""

    candidate: Candidate
    themes: tuple[Theme, ...]

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = ENTRY_FIELDS

    def to_records(self) -> list[dict[str, str]]:
        """Per theme: the proposals, the gap or contested claim, then third-party assessments."""
        return [
            record
            for theme in self.themes
            for record in _cell_records(cell(self.candidate, theme))
            + _assessment_records(self.candidate, theme)
        ]

    def to_dict(self) -> dict[str, Any]:
        c = self.candidate
        return {
            "kind": "candidate",
            "version": JSON_VERSION,
            **_candidate_dict(c),
            "note": c.note,
            "reviewed": list(c.reviewed),
            "sources": [_source_dict(s) for s in c.sources],
            "proposals": [_proposal_dict(p) for p in c.proposals],
            "annotations": [_annotation_dict(a) for a in c.annotations],
            "assessments": [_assessment_dict(a) for a in c.assessments],
        }


@dataclass(frozen=True, slots=True)
class CandidateList:
    """Every candidate in the data, with counts."""

    candidates: tuple[Candidate, ...]
    theme_count: int

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "election",
        "id",
        "name",
        "party",
        "status",
        "aliases",
        "proposals",
        "themes_covered",
        "themes",
    )

    def to_records(self) -> list[dict[str, str]]:
        """One row per candidate; aliases one per line."""
        return [
            {
                "election": c.election,
                "id": c.id,
                "name": c.name,
                "party": c.party,
                "status": str(c.status),
                "aliases": "\n".join(c.aliases),
                "proposals": str(len(c.proposals)),
                "themes_covered": str(covered_count(c)),
                "themes": str(self.theme_count),
            }
            for c in self.candidates
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "candidates",
            "version": JSON_VERSION,
            "candidates": [
                {
                    **_candidate_dict(c),
                    "aliases": list(c.aliases),
                    "proposals": len(c.proposals),
                    "themes_covered": covered_count(c),
                }
                for c in self.candidates
            ],
        }


def covered_count(candidate: Candidate) -> int:
    return len({t for p in candidate.proposals for t in p.themes})


@dataclass(frozen=True, slots=True)
class ThemeList:
    """The catalogue, with how many candidates and proposals cover each theme."""

    themes: tuple[Theme, ...]
    candidates: tuple[Candidate, ...]

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "id",
        "label_fr",
        "label_en",
        "description_fr",
        "description_en",
        "keywords_fr",
        "keywords_en",
        "candidates_covering",
        "candidates",
        "proposals",
    )

    def to_records(self) -> list[dict[str, str]]:
        """One row per theme, in catalogue order; keywords one per line."""
        rows = []
        for t in self.themes:
            covering, proposals = self.coverage(t)
            rows.append(
                {
                    "id": t.id,
                    "label_fr": t.label.fr,
                    "label_en": t.label.en,
                    "description_fr": t.description.fr,
                    "description_en": t.description.en,
                    "keywords_fr": "\n".join(t.keywords_fr),
                    "keywords_en": "\n".join(t.keywords_en),
                    "candidates_covering": str(covering),
                    "candidates": str(len(self.candidates)),
                    "proposals": str(proposals),
                }
            )
        return rows

    def coverage(self, theme: Theme) -> tuple[int, int]:
        """(candidates with at least one proposal, proposals) on a theme."""
        counts = [len(c.proposals_on(theme.id)) for c in self.candidates]
        return sum(1 for n in counts if n), sum(counts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "themes",
            "version": JSON_VERSION,
            "candidates": len(self.candidates),
            "themes": [
                {
                    **_theme_dict(t),
                    "keywords": {"fr": list(t.keywords_fr), "en": list(t.keywords_en)},
                    "candidates_covering": self.coverage(t)[0],
                    "proposals": self.coverage(t)[1],
                }
                for t in self.themes
            ],
        }


@dataclass(frozen=True, slots=True)
class ElectionReport:
    """A whole election: every candidate on every theme, gaps, assessments and sources."""

    election: str
    comparison: Comparison
    gaps: GapReport

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = ENTRY_FIELDS

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return self.comparison.candidates

    @property
    def themes(self) -> tuple[Theme, ...]:
        return self.comparison.themes

    def coverage(self) -> list[tuple[Theme, tuple[Cell, ...]]]:
        """Per theme (catalogue order), each candidate's cell (candidate order)."""
        return list(zip(self.themes, self.comparison.rows, strict=True))

    def to_records(self) -> list[dict[str, str]]:
        """Per theme, per candidate: proposals, gap or contested claim, then assessments."""
        return [
            record
            for row in self.comparison.rows
            for c in row
            for record in _cell_records(c) + _assessment_records(c.candidate, c.theme)
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "report",
            "version": JSON_VERSION,
            "election": self.election,
            "coverage": [
                {
                    "theme": theme.id,
                    "cells": [
                        {
                            "candidate": c.candidate.id,
                            "proposals": len(c.proposals),
                            "gap": str(c.gap.kind) if c.gap else None,
                            "contested": c.contested is not None,
                        }
                        for c in cells
                    ],
                }
                for theme, cells in self.coverage()
            ],
            "assessments": [
                {"candidate": c.id, **_assessment_dict(a)}
                for c in self.candidates
                for a in c.assessments
                if any(t.id in a.themes for t in self.themes)
            ],
            "comparison": self.comparison.to_dict(),
            "gaps": self.gaps.to_dict(),
        }


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


def election_report(
    dataset: Dataset, election: str | None = None, themes: Sequence[Theme] | None = None
) -> ElectionReport:
    """Report on every candidate of an election (see :func:`find_election`), in data order."""
    chosen = find_election(dataset, election)
    candidates = [c for c in dataset.candidates if c.election == chosen]
    return ElectionReport(
        chosen, compare(dataset, candidates, themes), find_gaps(dataset, candidates, themes)
    )


# A string, so that views defined in other modules (which import this one) can be named here.
View: TypeAlias = (
    "Comparison | GapReport | CandidateView | CandidateList | ThemeList | ElectionReport"
    " | ToneReport | ProgrammeDiff | AgendaReport | ThemeSuggestions | SalienceMatrix"
    " | SimilarReport | SearchResults"
)


def _candidate_dict(c: Candidate) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "party": c.party,
        "election": c.election,
        "status": str(c.status),
        "kind": str(c.kind),
        "leader": c.leader,
        "ballot": c.ballot,
    }


def _theme_dict(t: Theme) -> dict[str, Any]:
    return {
        "id": t.id,
        "label": {"fr": t.label.fr, "en": t.label.en},
        "description": {"fr": t.description.fr, "en": t.description.en},
    }


def _source_dict(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "url": s.url,
        "kind": str(s.kind),
        "date": s.date,
        "note": s.note,
        "archived": s.archived,
        "accessed": s.accessed,
        "read": str(s.read) if s.read else None,
    }


def _proposal_dict(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id,
        "themes": list(p.themes),
        "summary": p.summary,
        "quote": p.quote,
        "source": p.source,
        "locator": p.locator,
        "note": p.note,
    }


def _assessment_dict(a: Assessment) -> dict[str, Any]:
    return {
        "id": a.id,
        "author": a.author,
        "source": a.source,
        "themes": list(a.themes),
        "summary": a.summary,
        "quote": a.quote,
    }


def _annotation_dict(a: Annotation) -> dict[str, Any]:
    return {"theme": a.theme, "kind": str(a.kind), "note": a.note, "source": a.source}
