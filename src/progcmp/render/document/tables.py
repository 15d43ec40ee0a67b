"""Builders of the table views: ``compare``, ``candidates``, ``themes``, ``report``, ``matrix``."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from ...model import Candidate, GapKind, Status
from ...views.cells import Cell, covered_count
from ..locale import Locale
from .blocks import Block, Heading, Items, Line, Paragraph, Span, Table, anchor
from .marks import GAP_MARKS, gap_label, gap_note, gap_words, stance_spans
from .references import References
from .titles import all_lists, contender_noun, contenders_title

if TYPE_CHECKING:  # the views this module lays out: a run imports only the one it shows
    from ...views.candidates import CandidateList
    from ...views.compare import Comparison
    from ...views.matrix import SalienceMatrix
    from ...views.report import ElectionReport
    from ...views.themes import ThemeList


def comparison(view: Comparison, loc: Locale) -> list[Block]:
    refs = References()
    for c, s in view.cited_sources():  # numbered column by column, as the table reads
        refs.number(c, s.id)
    names = contenders_title(view.candidates, loc)
    rows = tuple(
        (
            ((Span(loc.text(row_theme.label), "bold", anchor=theme_anchor(row_theme.id)),),),
            *(_cell_lines(cell, refs, loc) for cell in row),
        )
        for row_theme, row in zip(view.themes, view.rows, strict=True)
    )
    headers = column_names(view.candidates)
    blocks: list[Block] = [
        Heading(loc.colon(loc.word("comparison")) + names),
        Table(
            (loc.word("theme"), *headers),
            rows,
            prose=True,
            split=True,
            columns=(None, *(candidate_anchor(c) for c in view.candidates)),
        ),
    ]
    if refs:
        blocks += [Heading(loc.word("sources"), 2), refs.listing(loc)]
    return blocks


def candidate_anchor(c: Candidate) -> str:
    return anchor("candidate", c.id, c.election)


def theme_anchor(theme_id: str) -> str:
    return anchor("theme", theme_id)


def proposal_anchor(c: Candidate, proposal_id: str) -> str:
    return anchor("proposal", c.id, c.election, proposal_id)


def column_names(candidates: tuple[Candidate, ...]) -> tuple[str, ...]:
    """Candidates' names, with their election when several elections are shown."""
    elections = {c.election for c in candidates}
    return tuple(c.name if len(elections) == 1 else f"{c.name} ({c.election})" for c in candidates)


def _cell_lines(cell: Cell, refs: References, loc: Locale) -> tuple[Line, ...]:
    c = cell.candidate
    lines: list[Line] = [
        (
            Span("• ", "bullet"),
            *stance_spans(p.stance, loc),
            Span(p.summary, data=True, anchor=proposal_anchor(c, p.id)),
            refs.ref(c, p.source),
        )
        for p in cell.proposals
    ]
    if cell.gap is not None:
        # The annotation's note says why: a reader of the table should not need `gaps` for it.
        lines.append((Span(gap_label(cell.gap, loc), "gap"), *gap_note(cell.gap)))
    if cell.contested is not None and cell.gap is None:  # a contested gap says so already
        # The claim itself can be long: the table names it and cites it; `gaps` and `show`
        # print it whole.
        ref = refs.ref(c, cell.contested.source)
        lines.append((Span("⚑ " + loc.gap(GapKind.CONTESTED), "gap"), ref))
    return tuple(lines)


def candidate_list(view: CandidateList, loc: Locale) -> list[Block]:
    """One table per election, under its id, in the order the candidates come."""
    by_election: dict[str, list[Candidate]] = {}
    for c in view.candidates:
        by_election.setdefault(c.election, []).append(c)
    if not by_election:
        return [_candidate_table((), view.theme_count, loc)]
    blocks: list[Block] = []
    for election, members in by_election.items():
        blocks.append(Paragraph((Span(loc.colon(loc.word("election")), "bold"), Span(election))))
        blocks.append(_candidate_table(members, view.theme_count, loc))
    return blocks


def _candidate_table(members: Sequence[Candidate], theme_count: int, loc: Locale) -> Table:
    # Lists are named by their head, which says more than a party the data often does not give.
    lists = all_lists(members)
    headers = (
        "id",
        "list" if lists else "candidate",
        "leader" if lists else "party",
        "proposals",
        "themes",
    )
    rows = tuple(
        tuple(
            ((Span(text, style),),)
            for text, style in (
                (c.id, "bold"),
                (
                    c.name
                    if c.status is Status.CANDIDATE
                    else f"{c.name} ({loc.status(c.status)})",
                    None,
                ),
                (c.leader or loc.word("leader_unknown"), None) if lists else (c.party, None),
                (str(len(c.proposals)), None),
                (f"{covered_count(c)}/{theme_count}", None),
            )
        )
        for c in members
    )
    return Table(tuple(loc.word(k) for k in headers), rows)


def theme_list(view: ThemeList, loc: Locale) -> list[Block]:
    rows = []
    for t in view.themes:
        covering, proposals = view.coverage(t)
        rows.append(
            (
                ((Span(t.id, "bold"),),),
                ((Span(loc.text(t.label)),),),
                ((Span(f"{covering}/{len(view.candidates)}"),),),
                ((Span(str(proposals)),),),
            )
        )
    return [
        Table(
            (
                loc.word("id"),
                loc.word("label"),
                loc.word("candidates_covering"),
                loc.word("proposals"),
            ),
            tuple(rows),
        )
    ]


# Marks of the coverage matrix: a cell shows its number of proposals, or why there is none.
COVERAGE_MARKS = GAP_MARKS


def report(view: ElectionReport, loc: Locale) -> list[Block]:
    numbers = References()
    theme_ids = {t.id for t in view.themes}
    coverage = view.coverage()
    steps = count_steps(max((len(c.proposals) for _, cells in coverage for c in cells), default=0))
    proposals = sum(
        1 for c in view.candidates for p in c.proposals if theme_ids.intersection(p.themes)
    )
    lists = all_lists(view.candidates)  # an election by lists: the words say so
    blocks: list[Block] = [
        Heading(loc.colon(loc.word("report")) + view.election),
        Paragraph(
            (
                Span(
                    " · ".join(
                        (
                            loc.count(len(view.candidates), "lists" if lists else "candidates"),
                            loc.count(len(view.themes), "themes"),
                            loc.count(proposals, "proposals"),
                        )
                    ),
                    "dim",
                ),
            )
        ),
        Heading(loc.word("overview_lists" if lists else "overview"), 2, anchor="overview"),
        Table(
            tuple(
                loc.word(k)
                for k in (
                    "list" if lists else "candidate",
                    "leader" if lists else "party",
                    "proposals",
                    "covered",
                    "reviewed",
                )
            ),
            tuple(
                (
                    ((Span(c.name, "bold", data=True, anchor=candidate_anchor(c)),),),
                    (
                        (Span(c.leader or loc.word("leader_unknown"), data=True),)
                        if lists
                        else (Span(c.party, data=True),),
                    ),
                    (
                        (
                            Span(
                                str(sum(1 for p in c.proposals if theme_ids.intersection(p.themes)))
                            ),
                        ),
                    ),
                    ((Span(f"{len(theme_ids.intersection(covered(c)))}/{len(view.themes)}"),),),
                    ((Span(str(len(c.reviewed))),),),
                )
                for c in view.candidates
            ),
        ),
        Heading(loc.word("coverage"), 2, anchor="coverage"),
        Paragraph(
            (Span(loc.word("coverage_legend", each=contender_noun(view.candidates, loc)), "dim"),)
        ),
        Table(
            (loc.word("theme"), *(c.name for c in view.candidates)),
            tuple(
                (
                    ((Span(loc.text(theme.label), "bold", target=theme_anchor(theme.id)),),),
                    *(((_coverage_span(theme.id, c),),) for c in cells),
                )
                for theme, cells in view.coverage()
            ),
            levels=tuple(tuple(steps[len(c.proposals)] for c in cells) for _, cells in coverage),
            split=True,
            columns=(None, *(candidate_anchor(c) + "-coverage" for c in view.candidates)),
            key=_count_key(steps, loc),
        ),
    ]
    blocks += _report_gaps(view, numbers, loc)
    blocks.append(Heading(loc.word("proposals_by_theme"), 2, anchor="proposals"))
    for theme, cells in view.coverage():
        blocks.append(Heading(loc.text(theme.label), 3, anchor=theme_anchor(theme.id)))
        for c in cells:
            if not c.proposals:
                continue
            who = c.candidate
            name = Span(
                f"{who.name} ({who.party})",
                "bold",
                data=True,
                anchor=anchor("theme", theme.id, who.id, who.election),
            )
            blocks.append(Paragraph((name,), fold=True))
            blocks.append(
                Items(
                    tuple(
                        (
                            Span(p.summary, data=True, anchor=proposal_anchor(who, p.id)),
                            *(
                                (Span(" " + loc.quote(p.quote), "quote", data=True),)
                                if p.quote
                                else ()
                            ),
                            numbers.ref(who, p.source, locator=p.locator),
                        )
                        for p in c.proposals
                    )
                )
            )
        silent = [f"{c.candidate.name} — {loc.gap(c.gap.kind)}" for c in cells if c.gap is not None]
        if silent:
            blocks.append(
                Paragraph((Span(loc.colon(loc.word("silent")) + ", ".join(silent), "dim"),))
            )
    assessments = [
        (c, a)
        for c in view.candidates
        for a in c.assessments
        if any(t.id in a.themes for t in view.themes)
    ]
    if assessments:
        labels = {t.id: loc.text(t.label) for t in view.themes}
        blocks.append(Heading(loc.word("assessments"), 2, anchor="assessments"))
        blocks.append(
            Items(
                tuple(
                    (
                        Span(loc.colon(f"{a.author} — {c.name}"), "bold"),
                        Span(a.summary, data=True),
                        *((Span(" " + loc.quote(a.quote), "quote", data=True),) if a.quote else ()),
                        Span(f" ({', '.join(labels[t] for t in a.themes if t in labels)})", "dim"),
                        numbers.ref(c, a.source),
                    )
                    for c, a in assessments
                )
            )
        )
    if numbers:
        blocks += [Heading(loc.word("sources"), 2, anchor="sources"), numbers.listing(loc)]
    return blocks


def count_steps(top: int) -> list[int]:
    """The shade of each count from 0 to ``top``: 0 for none, then four steps, each a quarter
    of the largest count (rounded up), so that the darkest cell holds the most proposals."""
    return [0] + [-(-HEAT_LEVELS * n // top) for n in range(1, top + 1)]


HEAT_LEVELS = 4  # shades of a non-zero count


def _count_key(steps: list[int], loc: Locale) -> tuple[tuple[int, str], ...]:
    """What each shade of the coverage map stands for: the counts it holds."""
    key = [(0, loc.word("key_none"))]
    for level in range(1, HEAT_LEVELS + 1):
        counts = [n for n, step in enumerate(steps) if step == level]
        if counts:
            lo, hi = counts[0], counts[-1]
            words = loc.count(lo, "proposals") if lo == hi else loc.word("key_range", lo=lo, hi=hi)
            key.append((level, words))
    return tuple(key)


def covered(candidate: Candidate) -> set[str]:
    """The ids of the themes a candidate has at least one proposal on."""
    return {t for p in candidate.proposals for t in p.themes}


def _coverage_span(theme_id: str, cell: Cell) -> Span:
    if cell.gap is not None:
        return Span(COVERAGE_MARKS[cell.gap.kind], "gap")
    flag = " " + COVERAGE_MARKS[GapKind.CONTESTED] if cell.contested else ""
    c = cell.candidate
    # the count leads to the proposals it counts
    return Span(f"{len(cell.proposals)}{flag}", target=anchor("theme", theme_id, c.id, c.election))


def _report_gaps(view: ElectionReport, numbers: References, loc: Locale) -> list[Block]:
    """Who proposes nothing on each theme and why, then every contested claim in full."""
    blocks: list[Block] = [Heading(loc.word("gaps"), 2, anchor="gaps")]
    rows = []
    for theme, cells in view.coverage():
        lines: list[Line] = []
        for c in cells:
            if c.gap is None:
                continue
            annotation = c.candidate.annotation_on(theme.id)
            ref = (
                (numbers.ref(c.candidate, annotation.source),)
                if annotation and annotation.source and c.gap.kind is not GapKind.CONTESTED
                else ()
            )
            lines.append(
                (
                    Span("• ", "bullet"),
                    Span(f"{c.candidate.name} — "),
                    Span(gap_words(c.gap, loc), "gap"),
                    *ref,
                )
            )
        rows.append(
            (
                ((Span(loc.text(theme.label), "bold"),),),
                tuple(lines) or ((Span(loc.word("nobody"), "dim"),),),
            )
        )
    blocks.append(Table((loc.word("theme"), loc.word("silent")), tuple(rows), prose=True))
    contested = [
        (theme, c.candidate, c.contested)
        for theme, cells in view.coverage()
        for c in cells
        if c.contested is not None
    ]
    if contested:
        blocks.append(Heading(loc.word("contested"), 3))
        blocks.append(
            Items(
                tuple(
                    (
                        Span(loc.colon(f"{loc.text(theme.label)} — {candidate.name}"), "bold"),
                        Span(annotation.note, data=True),
                        *(
                            (numbers.ref(candidate, annotation.source),)
                            if annotation.source
                            else ()
                        ),
                    )
                    for theme, candidate, annotation in contested
                )
            )
        )
    return blocks


def matrix(view: SalienceMatrix, loc: Locale) -> list[Block]:
    from ...views.matrix import HEAT_STEPS, heat, percent

    totals = view.totals()
    rows: list[tuple[tuple[Line, ...], ...]] = []
    levels: list[tuple[int, ...]] = []
    for t, (theme, counts) in enumerate(zip(view.themes, view.counts, strict=True)):
        cells: list[tuple[Line, ...]] = [((Span(loc.text(theme.label), "bold"),),)]
        for ci, (n, total) in enumerate(zip(counts, totals, strict=True)):
            style = f"heat{heat(n, total)}"
            if not total:
                cells.append(((Span("—", style),),))
            elif not n:
                cells.append(((Span("0", style),),))
            else:
                by_stance = ", ".join(f"{k} {loc.stance(s)}" for s, k in view.stance_counts(t, ci))
                stances = f" ({by_stance})" if by_stance else ""
                text = f"{n} · {loc.percent(percent(n, total))}{stances}"
                cells.append(((Span(text, style),),))
        rows.append(tuple(cells))
        levels.append(tuple(heat(n, total) for n, total in zip(counts, totals, strict=True)))
    # what each level of heat() means, from its thresholds
    bounds = [loc.percent(round(100 * step)) for step in HEAT_STEPS]
    key = (
        (0, loc.word("key_none")),
        (1, loc.word("key_below", to=bounds[0])),
        *(
            (n + 2, loc.word("key_share", lo=lo, hi=hi))
            for n, (lo, hi) in enumerate(pairwise(bounds))
        ),
        (len(HEAT_STEPS) + 1, loc.word("key_above", lo=bounds[-1])),
    )
    headers = tuple(
        f"{name} ({n})" for name, n in zip(column_names(view.candidates), totals, strict=True)
    )
    return [
        Heading(loc.word("matrix")),
        Paragraph(
            (Span(loc.word("matrix_note", each=contender_noun(view.candidates, loc)), "dim"),)
        ),
        Table(
            (loc.word("theme"), *headers),
            tuple(rows),
            levels=tuple(levels),
            split=True,
            columns=(None, *(candidate_anchor(c) for c in view.candidates)),
            key=key,
        ),
    ]
