"""A neutral document (headings, tables, lists of styled spans) built from each view.

The terminal and Markdown renderers only lay out a document, so what a command shows is
decided once, here, for every layout format.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import (
    CandidateList,
    CandidateView,
    Cell,
    Comparison,
    GapReport,
    ThemeList,
    View,
    covered_count,
)
from ..i18n import gap_label, word
from ..models import Candidate, GapKind, Source, Status


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text; ``style`` is a hint (bold, dim, gap, ref, quote), ``url`` makes a link."""

    text: str
    style: str | None = None
    url: str | None = None


Line = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    line: Line


@dataclass(frozen=True, slots=True)
class Table:
    """Cells hold several lines (bullets); the first column names the row."""

    headers: tuple[str, ...]
    rows: tuple[tuple[tuple[Line, ...], ...], ...]
    prose: bool = False  # cells hold long text: share the width, keep the first column narrow


@dataclass(frozen=True, slots=True)
class Items:
    items: tuple[Line, ...]


Block = Heading | Paragraph | Table | Items


def build(view: View, lang: str) -> list[Block]:
    """Lay out any view as a list of blocks."""
    if isinstance(view, Comparison):
        return _comparison(view, lang)
    if isinstance(view, GapReport):
        return _gaps(view, lang)
    if isinstance(view, CandidateView):
        return _candidate(view, lang)
    if isinstance(view, CandidateList):
        return _candidate_list(view, lang)
    return _theme_list(view, lang)


def source_line(number: str, candidate: Candidate | None, source: Source) -> Line:
    """``[n] Name — title, publisher, date (kind)``, the title linking to the source."""
    details = ", ".join(x for x in (source.publisher, source.date) if x)
    spans = [Span(f"[{number}] ", "ref")]
    if candidate is not None:
        spans.append(Span(f"{candidate.name} — ", "bold"))
    spans.append(Span(source.title, None, source.url))
    spans.append(Span(f"{', ' + details if details else ''} ({source.kind})", "dim"))
    return tuple(spans)


def _comparison(view: Comparison, lang: str) -> list[Block]:
    cited = view.cited_sources()
    numbers = {(c.key, s.id): str(i) for i, (c, s) in enumerate(cited, 1)}
    names = " · ".join(c.name for c in view.candidates)
    rows = tuple(
        (
            ((Span(row_theme.label.get(lang), "bold"),),),
            *(_cell_lines(cell, numbers, lang) for cell in row),
        )
        for row_theme, row in zip(view.themes, view.rows, strict=True)
    )
    elections = {c.election for c in view.candidates}
    headers = tuple(
        c.name if len(elections) == 1 else f"{c.name} ({c.election})" for c in view.candidates
    )
    blocks: list[Block] = [
        Heading(
            f"{word('comparison', lang)} : {names}"
            if lang == "fr"
            else f"{word('comparison', lang)}: {names}"
        ),
        Table((word("theme", lang), *headers), rows, prose=True),
    ]
    if cited:
        blocks += [
            Heading(word("sources", lang), 2),
            Items(tuple(source_line(numbers[(c.key, s.id)], c, s) for c, s in cited)),
        ]
    return blocks


def _cell_lines(cell: Cell, numbers: dict[tuple[str, str], str], lang: str) -> tuple[Line, ...]:
    key = cell.candidate.key
    lines: list[Line] = [
        (Span("• "), Span(p.summary), Span(f" [{numbers[(key, p.source)]}]", "ref"))
        for p in cell.proposals
    ]
    if cell.gap is not None:
        lines.append((Span("∅ " + gap_label(cell.gap.kind, lang), "gap"),))
    if cell.contested is not None and cell.gap is None:  # a contested gap says so already
        # The claim itself can be long: the table names it and cites it; `gaps` and `show`
        # print it whole.
        ref = f" [{numbers[(key, cell.contested.source)]}]" if cell.contested.source else ""
        lines.append((Span("⚑ " + gap_label(GapKind.CONTESTED, lang), "gap"), Span(ref, "ref")))
    return tuple(lines)


def _gaps(view: GapReport, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(word("gaps", lang))]
    for candidate, gaps, contested in zip(view.candidates, view.gaps, view.contested, strict=True):
        blocks.append(
            Heading(
                f"{candidate.name} ({candidate.party}, {candidate.election}) — "
                f"{len(gaps)} {word('of', lang)} {len(view.themes)}",
                2,
            )
        )
        reviewed = {s: str(i) for i, s in enumerate(candidate.reviewed, 1)}
        if gaps:
            rows: list[tuple[tuple[Line, ...], ...]] = []
            for gap in gaps:
                rests: list[Line] = []
                if gap.kind in (GapKind.NONE_FOUND, GapKind.CONTESTED):
                    rests.append((_reviewed_phrase(len(candidate.reviewed), lang),))
                rests += [
                    (Span(s.title),)
                    for s in gap.sources
                    if s.id not in reviewed
                    or gap.kind not in (GapKind.NONE_FOUND, GapKind.CONTESTED)
                ]
                rows.append(
                    (
                        ((Span(gap.theme.label.get(lang), "bold"),),),
                        ((Span(gap_label(gap.kind, lang), "gap"),),),
                        tuple(rests),
                        ((Span(gap.note or ""),),),
                    )
                )
            headers = tuple(word(k, lang) for k in ("theme", "kind", "rests_on", "note"))
            if not any(g.note for g in gaps):  # an empty column only takes width
                headers, rows = headers[:-1], [row[:-1] for row in rows]
            blocks.append(Table(headers, tuple(rows), prose=True))
        else:
            blocks.append(Paragraph((Span(word("no_gap", lang), "dim"),)))
        if contested:
            blocks.append(Heading(word("contested_with", lang), 3))
            blocks.append(
                Items(
                    tuple(
                        (
                            Span(
                                view_theme_label(view, a.theme, lang) + " : "
                                if lang == "fr"
                                else view_theme_label(view, a.theme, lang) + ": ",
                                "bold",
                            ),
                            Span(a.note),
                            Span(
                                f" — {candidate.source(a.source).title}" if a.source else "", "dim"
                            ),
                        )
                        for a in contested
                    )
                )
            )
        if candidate.reviewed:
            blocks.append(Heading(word("reviewed", lang), 3))
            blocks.append(
                Items(tuple(source_line(n, None, candidate.source(s)) for s, n in reviewed.items()))
            )
    if len(view.candidates) > 1:
        blocks.append(Heading(word("by_theme", lang), 2))
        rows_by_theme = tuple(
            (
                ((Span(t.label.get(lang), "bold"),),),
                tuple(
                    (Span(f"{c.name} — {gap_label(g.kind, lang)}"),) for c, g in view.silent_on(t)
                )
                or ((Span(word("nobody", lang), "dim"),),),
            )
            for t in view.themes
        )
        blocks.append(Table((word("theme", lang), word("silent", lang)), rows_by_theme))
    return blocks


def _reviewed_phrase(count: int, lang: str) -> Span:
    if count == 0:
        return Span(word("no_reviewed", lang), "dim")
    return Span(word("reviewed_1" if count == 1 else "reviewed_n", lang).format(n=count))


def view_theme_label(view: GapReport, theme_id: str, lang: str) -> str:
    return next(t.label.get(lang) for t in view.themes if t.id == theme_id)


def _candidate(view: CandidateView, lang: str) -> list[Block]:
    c = view.candidate
    numbers = {s.id: str(i) for i, s in enumerate(c.sources, 1)}
    blocks: list[Block] = [
        Heading(c.name),
        Paragraph((Span(f"{c.party} · {c.election} · {c.status}", "dim"),)),
    ]
    if c.note:
        blocks.append(Paragraph((Span(c.note),)))
    for theme in view.themes:
        proposals = c.proposals_on(theme.id)
        annotation = c.annotation_on(theme.id)
        blocks.append(Heading(theme.label.get(lang), 2))
        lines: list[Line] = []
        for p in proposals:
            spans = [Span(p.summary)]
            if p.quote:
                spans.append(Span(f" « {p.quote} »", "quote"))
            locator = f", {p.locator}" if p.locator else ""
            spans.append(Span(f" [{numbers[p.source]}{locator}]", "ref"))
            lines.append(tuple(spans))
        if not proposals and annotation is None:
            lines.append((Span(gap_label(GapKind.NONE_FOUND, lang), "gap"),))
        if annotation is not None:
            ref = f" [{numbers[annotation.source]}]" if annotation.source else ""
            lines.append(
                (
                    Span(gap_label(annotation.kind, lang) + " — ", "gap"),
                    Span(annotation.note),
                    Span(ref, "ref"),
                )
            )
        blocks.append(Items(tuple(lines)))
    if c.assessments:
        blocks.append(Heading(word("assessments", lang), 2))
        blocks.append(
            Items(
                tuple(
                    (
                        Span(f"{a.author} : " if lang == "fr" else f"{a.author}: ", "bold"),
                        Span(a.summary),
                        Span(f" [{numbers[a.source]}]", "ref"),
                    )
                    for a in c.assessments
                )
            )
        )
    if c.sources:
        blocks.append(Heading(word("sources", lang), 2))
        blocks.append(Items(tuple(source_line(numbers[s.id], None, s) for s in c.sources)))
    return blocks


def _candidate_list(view: CandidateList, lang: str) -> list[Block]:
    rows = tuple(
        tuple(
            ((Span(text, style),),)
            for text, style in (
                (c.id, "bold"),
                (c.name if c.status is Status.CANDIDATE else f"{c.name} ({c.status})", None),
                (c.party, None),
                (c.election, None),
                (str(len(c.proposals)), None),
                (f"{covered_count(c)}/{view.theme_count}", None),
            )
        )
        for c in view.candidates
    )
    return [
        Table(
            tuple(
                word(k, lang)
                for k in ("id", "candidate", "party", "election", "proposals", "themes")
            ),
            rows,
        )
    ]


def _theme_list(view: ThemeList, lang: str) -> list[Block]:
    rows = []
    for t in view.themes:
        covering, proposals = view.coverage(t)
        rows.append(
            (
                ((Span(t.id, "bold"),),),
                ((Span(t.label.get(lang)),),),
                ((Span(f"{covering}/{len(view.candidates)}"),),),
                ((Span(str(proposals)),),),
            )
        )
    return [
        Table(
            (
                word("id", lang),
                word("label", lang),
                word("candidates_covering", lang),
                word("proposals", lang),
            ),
            tuple(rows),
        )
    ]
