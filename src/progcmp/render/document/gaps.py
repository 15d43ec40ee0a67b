"""Builder of the ``gaps`` view: who proposes nothing on what, and what that rests on."""

from __future__ import annotations

from ...model import Candidate, GapKind
from ...views.cells import Gap
from ...views.gaps import GapReport
from ..locale import Locale
from .blocks import Block, Heading, Items, Line, Paragraph, Span, Table
from .marks import gap_words
from .references import References


def gaps(view: GapReport, loc: Locale) -> list[Block]:
    """The answer first (with several candidates): per theme, who proposes nothing and how many
    sources that rests on; then each candidate's gaps; the lists of reviewed sources only when
    the report asks for them (``gaps --sources``)."""
    blocks: list[Block] = [Heading(loc.word("gaps"))]
    if len(view.candidates) > 1:
        blocks.append(Heading(loc.word("by_theme"), 2))
        rows_by_theme = tuple(
            (
                ((Span(loc.text(t.label), "bold"),),),
                tuple(
                    (
                        Span(f"{c.name} — "),
                        Span(gap_words(g, loc), "gap"),
                        *_rests_on_span(c, g, loc),
                    )
                    for c, g in view.silent_on(t)
                )
                or ((Span(loc.word("nobody"), "dim"),),),
            )
            for t in view.themes
        )
        blocks.append(Table((loc.word("theme"), loc.word("silent")), rows_by_theme))
    for candidate, gaps, contested in zip(view.candidates, view.gaps, view.contested, strict=True):
        blocks.append(
            Heading(
                f"{candidate.name} ({candidate.party}, {candidate.election}) — "
                f"{len(gaps)} {loc.word('of')} {len(view.themes)}",
                2,
            )
        )
        refs = References().register(candidate, candidate.reviewed)
        reviewed = set(candidate.reviewed)
        if gaps:
            rows: list[tuple[tuple[Line, ...], ...]] = []
            for gap in gaps:
                rests: list[Line] = []
                if gap.kind in (GapKind.NONE_FOUND, GapKind.CONTESTED):
                    rests.append((_reviewed_phrase(candidate, loc),))
                rests += [
                    (Span(s.title),)
                    for s in gap.sources
                    if s.id not in reviewed
                    or gap.kind not in (GapKind.NONE_FOUND, GapKind.CONTESTED)
                ]
                rows.append(
                    (
                        ((Span(loc.text(gap.theme.label), "bold"),),),
                        ((Span(gap_words(gap, loc), "gap"),),),
                        tuple(rests),
                        ((Span(gap.note or "", data=True),),),
                    )
                )
            headers = tuple(loc.word(k) for k in ("theme", "kind", "rests_on", "note"))
            if not any(g.note for g in gaps):  # an empty column only takes width
                headers, rows = headers[:-1], [row[:-1] for row in rows]
            blocks.append(Table(headers, tuple(rows), prose=True))
        else:
            blocks.append(Paragraph((Span(loc.word("no_gap"), "dim"),)))
        if contested:
            blocks.append(Heading(loc.word("contested_with"), 3))
            blocks.append(
                Items(
                    tuple(
                        (
                            Span(loc.colon(view_theme_label(view, a.theme, loc)), "bold"),
                            Span(a.note, data=True),
                            Span(
                                f" — {candidate.source(a.source).title}" if a.source else "", "dim"
                            ),
                        )
                        for a in contested
                    )
                )
            )
        if candidate.reviewed and view.list_sources:
            blocks.append(Heading(loc.word("reviewed"), 3))
            blocks.append(refs.listing(loc, names=False))
    return blocks


def _rests_on(candidate: Candidate, gap: Gap) -> int:
    """How many sources a gap rests on: every reviewed source for 'nothing found' (and a
    contested one), else the sources the annotation cites."""
    if gap.kind in (GapKind.NONE_FOUND, GapKind.CONTESTED):
        return len(candidate.reviewed)
    return len(gap.sources)


def _reviewed_phrase(candidate: Candidate, loc: Locale) -> Span:
    """The sources a 'nothing found' rests on, and how many of them were read only in part:
    a gap is only as good as what was read."""
    count = len(candidate.reviewed)
    if count == 0:
        return Span(loc.word("no_reviewed"), "dim")
    phrase = loc.word("reviewed_1" if count == 1 else "reviewed_n", n=count)
    return Span(phrase + _read_in_part(candidate, loc))


def _read_in_part(candidate: Candidate, loc: Locale) -> str:
    """``, dont 3 lues en partie`` (or nothing): how many of the reviewed sources were read
    only in part."""
    count = len(candidate.reviewed)
    partial = candidate.read_in_part()
    if not partial:
        return ""
    if count == 1:
        return loc.word("read_in_part_1")
    read = {1: "read_in_part_one", count: "read_in_part_all"}.get(partial, "read_in_part_n")
    return loc.word(read, n=loc.number(partial))


def _rests_on_span(candidate: Candidate, gap: Gap, loc: Locale) -> tuple[Span, ...]:
    """`` (23 sources, toutes lues en partie)`` after a gap in the answer-first list; nothing
    for sources not reviewed (there are none to count)."""
    count = _rests_on(candidate, gap)
    if gap.kind is GapKind.NOT_REVIEWED or not count:
        return ()
    partial = _read_in_part(candidate, loc) if gap.kind is GapKind.NONE_FOUND else ""
    return (Span(f" ({loc.count(count, 'sources')}{partial})", "dim"),)


def view_theme_label(view: GapReport, theme_id: str, loc: Locale) -> str:
    return next(loc.text(t.label) for t in view.themes if t.id == theme_id)
