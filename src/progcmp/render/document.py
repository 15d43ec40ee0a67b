"""A neutral document (headings, tables, lists of styled spans) built from each view.

The terminal, Markdown and HTML renderers only lay out a document, so what a command shows is
decided once, here, for every layout format: a new view needs one branch in :func:`build`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import NEUTRAL, Candidate, GapKind, Proposal, Source, Status
from ..text.classify import SUGGEST_AT, ThemeSuggestions
from ..views import View
from ..views.agenda import AgendaReport, Coverage, ItemCoverage
from ..views.candidates import CandidateList
from ..views.cells import Cell, covered_count
from ..views.compare import Comparison
from ..views.diff import CHANGE_ORDER, SCORER, Change, ProgrammeDiff, ProposalChange
from ..views.gaps import GapReport
from ..views.matrix import SalienceMatrix, heat, percent
from ..views.report import ElectionReport
from ..views.search import SearchResults
from ..views.show import CandidateView
from ..views.similar import SimilarGroup, SimilarReport
from ..views.themes import ThemeList
from ..views.tone import CandidateTone, Hit, ProposalTone, ToneReport
from .i18n import count, gap_label, word


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text; ``style`` is a hint (bold, dim, gap, ref, quote, bullet), ``url`` makes a
    link (renderers link only http(s) URLs, see :func:`progcmp.text.web_url`)."""

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
    # A heat map: per row, one number per cell after the first (HTML shades cells by it).
    levels: tuple[tuple[int, ...], ...] = ()
    ratios: tuple[int, ...] = ()  # with prose: each column's share of the width (default equal)
    # Short cells, possibly many columns (a matrix): when too wide for the terminal, it is
    # shown as several tables of fewer columns, each repeating the first one.
    split: bool = False


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
    if isinstance(view, ElectionReport):
        return _report(view, lang)
    if isinstance(view, ToneReport):
        return _tone(view, lang)
    if isinstance(view, ProgrammeDiff):
        return _diff(view, lang)
    if isinstance(view, AgendaReport):
        return _agenda(view, lang)
    if isinstance(view, ThemeSuggestions):
        return _suggestions(view, lang)
    if isinstance(view, SalienceMatrix):
        return _matrix(view, lang)
    if isinstance(view, SimilarReport):
        return _similar(view, lang)
    if isinstance(view, SearchResults):
        return _search(view, lang)
    return _theme_list(view, lang)


def plain(line: Line) -> str:
    """The text of a line without its styles (for headings and labels)."""
    return "".join(span.text for span in line if span.style != "bullet").strip()


def sections(blocks: list[Block]) -> list[Block]:
    """Turn every prose table into sections, for long text: a heading per row (named by the
    first line of its first cell, whose other lines follow as paragraphs), then per column a
    bold label and a list of the cell's lines. Other tables (short values) stay tables."""
    out: list[Block] = []
    level = 1
    for block in blocks:
        if isinstance(block, Heading):
            level = block.level
        if not isinstance(block, Table) or not block.prose:
            out.append(block)
            continue
        for row in block.rows:
            # the first line names the row; more lines in the first cell (details) follow it
            first, *details = [line for line in row[0] if plain(line)] or [(Span(""),)]
            out.append(Heading(plain(first), min(level + 1, 6)))
            out += [Paragraph(line) for line in details]
            for header, cell in zip(block.headers[1:], row[1:], strict=True):
                lines = tuple(
                    tuple(s for s in line if s.style != "bullet") for line in cell if plain(line)
                )
                if lines:
                    out += [Paragraph((Span(header, "bold"),)), Items(lines)]
    return out


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
    headers = _column_names(view.candidates)
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


def _column_names(candidates: tuple[Candidate, ...]) -> tuple[str, ...]:
    """Candidates' names, with their election when several elections are shown."""
    elections = {c.election for c in candidates}
    return tuple(c.name if len(elections) == 1 else f"{c.name} ({c.election})" for c in candidates)


def _cell_lines(cell: Cell, numbers: dict[tuple[str, str], str], lang: str) -> tuple[Line, ...]:
    key = cell.candidate.key
    lines: list[Line] = [
        (Span("• ", "bullet"), Span(p.summary), Span(f" [{numbers[(key, p.source)]}]", "ref"))
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


# Marks of the coverage matrix: a cell shows its number of proposals, or why there is none.
COVERAGE_MARKS = {
    GapKind.NONE_FOUND: "∅",
    GapKind.DECLINED: "✗",
    GapKind.NOT_REVIEWED: "?",
    GapKind.CONTESTED: "⚑",
}


class _Numbers:
    """Numbers sources in order of first citation, across a whole document."""

    def __init__(self) -> None:
        self.cited: dict[tuple[str, str], tuple[str, Candidate, Source]] = {}

    def ref(self, candidate: Candidate, source_id: str, locator: str | None = None) -> Span:
        key = (candidate.key, source_id)
        if key not in self.cited:
            self.cited[key] = (str(len(self.cited) + 1), candidate, candidate.source(source_id))
        return Span(f" [{self.cited[key][0]}{', ' + locator if locator else ''}]", "ref")


def _colon(text: str, lang: str) -> str:
    return f"{text} : " if lang == "fr" else f"{text}: "


def _report(view: ElectionReport, lang: str) -> list[Block]:
    numbers = _Numbers()
    theme_ids = {t.id for t in view.themes}
    proposals = sum(
        1 for c in view.candidates for p in c.proposals if theme_ids.intersection(p.themes)
    )
    blocks: list[Block] = [
        Heading(_colon(word("report", lang), lang) + view.election),
        Paragraph(
            (
                Span(
                    " · ".join(
                        (
                            count(len(view.candidates), "candidates", lang),
                            count(len(view.themes), "themes", lang),
                            count(proposals, "proposals", lang),
                        )
                    ),
                    "dim",
                ),
            )
        ),
        Heading(word("overview", lang), 2),
        Table(
            tuple(
                word(k, lang) for k in ("candidate", "party", "proposals", "covered", "reviewed")
            ),
            tuple(
                (
                    ((Span(c.name, "bold"),),),
                    ((Span(c.party),),),
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
        Heading(word("coverage", lang), 2),
        Paragraph((Span(word("coverage_legend", lang), "dim"),)),
        Table(
            (word("theme", lang), *(c.name for c in view.candidates)),
            tuple(
                (
                    ((Span(theme.label.get(lang), "bold"),),),
                    *(((_coverage_span(c),),) for c in cells),
                )
                for theme, cells in view.coverage()
            ),
            levels=tuple(tuple(len(c.proposals) for c in cells) for _, cells in view.coverage()),
            split=True,
        ),
    ]
    blocks += _report_gaps(view, numbers, lang)
    blocks.append(Heading(word("proposals_by_theme", lang), 2))
    for theme, cells in view.coverage():
        blocks.append(Heading(theme.label.get(lang), 3))
        for c in cells:
            if not c.proposals:
                continue
            blocks.append(Paragraph((Span(f"{c.candidate.name} ({c.candidate.party})", "bold"),)))
            blocks.append(
                Items(
                    tuple(
                        (
                            Span(p.summary),
                            *((Span(f" « {p.quote} »", "quote"),) if p.quote else ()),
                            numbers.ref(c.candidate, p.source, p.locator),
                        )
                        for p in c.proposals
                    )
                )
            )
        silent = [
            f"{c.candidate.name} — {gap_label(c.gap.kind, lang)}"
            for c in cells
            if c.gap is not None
        ]
        if silent:
            blocks.append(
                Paragraph((Span(_colon(word("silent", lang), lang) + ", ".join(silent), "dim"),))
            )
    assessments = [
        (c, a)
        for c in view.candidates
        for a in c.assessments
        if any(t.id in a.themes for t in view.themes)
    ]
    if assessments:
        labels = {t.id: t.label.get(lang) for t in view.themes}
        blocks.append(Heading(word("assessments", lang), 2))
        blocks.append(
            Items(
                tuple(
                    (
                        Span(_colon(f"{a.author} — {c.name}", lang), "bold"),
                        Span(a.summary),
                        *((Span(f" « {a.quote} »", "quote"),) if a.quote else ()),
                        Span(f" ({', '.join(labels[t] for t in a.themes if t in labels)})", "dim"),
                        numbers.ref(c, a.source),
                    )
                    for c, a in assessments
                )
            )
        )
    if numbers.cited:
        blocks.append(Heading(word("sources", lang), 2))
        blocks.append(Items(tuple(source_line(n, c, s) for n, c, s in numbers.cited.values())))
    return blocks


def covered(candidate: Candidate) -> set[str]:
    """The ids of the themes a candidate has at least one proposal on."""
    return {t for p in candidate.proposals for t in p.themes}


def _coverage_span(cell: Cell) -> Span:
    if cell.gap is not None:
        return Span(COVERAGE_MARKS[cell.gap.kind], "gap")
    flag = " " + COVERAGE_MARKS[GapKind.CONTESTED] if cell.contested else ""
    return Span(f"{len(cell.proposals)}{flag}")


def _report_gaps(view: ElectionReport, numbers: _Numbers, lang: str) -> list[Block]:
    """Who proposes nothing on each theme and why, then every contested claim in full."""
    blocks: list[Block] = [Heading(word("gaps", lang), 2)]
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
                    Span(gap_label(c.gap.kind, lang), "gap"),
                    *ref,
                )
            )
        rows.append(
            (
                ((Span(theme.label.get(lang), "bold"),),),
                tuple(lines) or ((Span(word("nobody", lang), "dim"),),),
            )
        )
    blocks.append(Table((word("theme", lang), word("silent", lang)), tuple(rows), prose=True))
    contested = [
        (theme, c.candidate, c.contested)
        for theme, cells in view.coverage()
        for c in cells
        if c.contested is not None
    ]
    if contested:
        blocks.append(Heading(word("contested", lang), 3))
        blocks.append(
            Items(
                tuple(
                    (
                        Span(_colon(f"{theme.label.get(lang)} — {candidate.name}", lang), "bold"),
                        Span(annotation.note),
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


def _cell(text: str, style: str | None = None) -> tuple[Line, ...]:
    return ((Span(text, style),),)


# --- tone ---------------------------------------------------------------------------------------


def _tone(view: ToneReport, lang: str) -> list[Block]:
    lexicon = view.lexicon
    descriptions = {c.id: c.description.get(lang) for c in lexicon.categories}
    method = word("tone_method", lang).format(
        lexicon=word("bundled_lexicon", lang)
        if lexicon.bundled
        else word("lexicon_file", lang).format(path=lexicon.path),
        text_lang=word(f"lang_{view.text_lang}", lang),
        defensive=descriptions["defensive"].rstrip(".") + ".",
        constructive=descriptions["constructive"].rstrip(".") + ".",
    )
    names = " · ".join(ct.candidate.name for ct in view.candidates)
    blocks: list[Block] = [
        Heading(_colon(word("tone", lang), lang) + names),
        Paragraph((Span(method, "dim"),)),
        Heading(word("balance", lang), 2),
        Table(
            (
                word("candidate", lang),
                word("proposals", lang),
                *(
                    word(label, lang).capitalize()
                    for label in ("defensive", "constructive", "mixed", "neutral")
                ),
            ),
            tuple(_tone_balance_row(ct) for ct in view.candidates),
        ),
        Heading(word("words_found", lang), 2),
        Table(
            (
                word("candidate", lang),
                word("defensive", lang).capitalize(),
                word("constructive", lang).capitalize(),
            ),
            tuple(
                (
                    _cell(ct.candidate.name, "bold"),
                    *(
                        _cell(", ".join(f"{t} ×{n}" for t, n in ct.terms(side)) or "—")
                        for side in ("defensive", "constructive")
                    ),
                )
                for ct in view.candidates
            ),
            prose=True,
        ),
    ]
    for ct in view.candidates:
        c = ct.candidate
        blocks.append(Heading(f"{c.name} ({c.party}, {c.election})", 2))
        if not ct.proposals:
            blocks.append(Paragraph((Span(word("no_proposal", lang), "dim"),)))
            continue
        blocks.append(
            Table(
                (word("tone_label", lang), word("proposal", lang), word("words", lang)),
                tuple(_tone_row(pt, lang) for pt in ct.proposals),
                prose=True,
            )
        )
    return blocks


def _tone_balance_row(ct: CandidateTone) -> tuple[tuple[Line, ...], ...]:
    from ..views.tone import ToneLabel

    return (
        _cell(ct.candidate.name, "bold"),
        _cell(str(len(ct.proposals))),
        *(_cell(str(ct.count(label))) for label in ToneLabel),
    )


def _tone_row(pt: ProposalTone, lang: str) -> tuple[tuple[Line, ...], ...]:
    p = pt.proposal
    text: list[Line] = [(Span(p.summary),)]
    if p.quote:
        text.append((Span(f"« {p.quote} »", "quote"),))
    words = tuple(_hit_line(h, lang) for h in pt.hits) or ((Span("—", "dim"),),)
    return (_cell(word(str(pt.label), lang), "bold"), tuple(text), words)


def _hit_line(hit: Hit, lang: str) -> Line:
    side = word("idiom", lang) if hit.category == NEUTRAL else word(hit.category, lang)
    where = f", {word('in_quote', lang)}" if hit.field == "quote" else ""
    return (
        Span(_colon(side, lang), "dim" if hit.category == NEUTRAL else None),
        Span(hit.text, "dim" if hit.category == NEUTRAL else "bold"),
        Span(f" ← {hit.term.text}{where}", "dim"),
    )


# --- diff ---------------------------------------------------------------------------------------

_CHANGE_MARKS = {
    Change.ADDED: "+",
    Change.REMOVED: "−",
    Change.REWORDED: "~",
    Change.MOVED: "↷",
    Change.UNCHANGED: "=",
}


def _diff(view: ProgrammeDiff, lang: str) -> list[Block]:
    old, new = view.old, view.new
    if old.key == new.key:  # two versions of one file: name them by path
        title = f"{new.name} ({old.path} → {new.path})"
    else:
        title = f"{old.name} ({old.election}) → {new.name} ({new.election})"
    counts = {str(k): view.count(k) for k in CHANGE_ORDER}
    numbers: dict[tuple[str, str], str] = {}
    cited: list[tuple[str, Candidate, str]] = []

    def ref(side: str, candidate: Candidate, source_id: str) -> Span:
        if (side, source_id) not in numbers:
            numbers[(side, source_id)] = str(len(numbers) + 1)
            cited.append((side, candidate, source_id))
        return Span(f" [{numbers[(side, source_id)]}]", "ref")

    blocks: list[Block] = [
        Heading(_colon(word("diff", lang), lang) + title),
        Paragraph(
            (
                Span(
                    word("diff_counts", lang).format(
                        old=len(old.proposals), new=len(new.proposals), **counts
                    )
                ),
            )
        ),
        Paragraph(
            (
                Span(
                    word("diff_method", lang).format(
                        scorer=SCORER, threshold=f"{view.threshold:g}"
                    ),
                    "dim",
                ),
            )
        ),
    ]
    if not view.compared_all:
        blocks.append(Paragraph((Span(word("diff_limited", lang), "dim"),)))
    touched = [t for t in view.themes if view.on(t)]
    if touched:
        blocks.append(Heading(word("per_theme", lang), 2))
        blocks.append(
            Table(
                (word("theme", lang), *(word(f"{k}_n", lang) for k in CHANGE_ORDER)),
                tuple(
                    (
                        _cell(t.label.get(lang), "bold"),
                        *(_cell(str(view.count(k, t))) for k in CHANGE_ORDER),
                    )
                    for t in touched
                ),
            )
        )
    labels = {t.id: t.label.get(lang) for t in view.themes}
    for theme in touched:
        shown = [c for c in view.on(theme) if c.change is not Change.UNCHANGED]
        if not shown:
            continue
        blocks.append(Heading(theme.label.get(lang), 2))
        blocks.append(Items(tuple(_change_line(c, view, labels, ref, lang) for c in shown)))
    if cited:
        blocks.append(Heading(word("sources", lang), 2))
        blocks.append(
            Items(
                tuple(
                    (
                        *source_line(numbers[(side, sid)], None, candidate.source(sid))[:1],
                        Span(_colon(word(f"{side}_version", lang), lang), "dim"),
                        *source_line(numbers[(side, sid)], None, candidate.source(sid))[1:],
                    )
                    for side, candidate, sid in cited
                )
            )
        )
    return blocks


Cite = Callable[[str, Candidate, str], Span]  # (side, candidate, source id) -> "[n]"


def _change_line(
    change: ProposalChange, view: ProgrammeDiff, labels: dict[str, str], cite: Cite, lang: str
) -> Line:
    head = f"{_CHANGE_MARKS[change.change]} {word(str(change.change), lang)}"
    if change.matched_by and change.change is not Change.UNCHANGED:
        how = word("by_id" if change.matched_by == "id" else "by_similarity", lang)
        head += f" ({how}, {change.score:g})"
    spans = [Span(_colon(head, lang), "bold")]
    if change.change is Change.ADDED:
        assert change.new is not None
        spans += [Span(change.new.summary), cite("new", view.new, change.new.source)]
    elif change.change is Change.REMOVED:
        assert change.old is not None
        spans += [Span(change.old.summary), cite("old", view.old, change.old.source)]
    else:
        assert change.old is not None and change.new is not None
        if change.change is Change.REWORDED:
            spans += [
                Span(change.old.summary, "dim"),
                cite("old", view.old, change.old.source),
                Span(" → "),
            ]
        spans += [Span(change.new.summary), cite("new", view.new, change.new.source)]
        if set(change.old.themes) != set(change.new.themes):
            before = ", ".join(labels.get(t, t) for t in change.old.themes)
            after = ", ".join(labels.get(t, t) for t in change.new.themes)
            spans.append(
                Span(f" ({_colon(word('themes', lang).lower(), lang)}{before} → {after})", "dim")
            )
    return tuple(spans)


# --- agenda -------------------------------------------------------------------------------------


def _agenda(view: AgendaReport, lang: str) -> list[Block]:
    agenda = view.agenda
    cited = view.cited_sources()
    numbers = {(c.key, sid): str(i) for i, (c, sid) in enumerate(cited, 1)}
    labels = {t.id: t.label.get(lang) for t in view.themes}
    about = ", ".join(x for x in (agenda.publisher, agenda.date) if x)
    blocks: list[Block] = [Heading(_colon(word("agenda", lang), lang) + agenda.title)]
    if about or agenda.url:
        spans = [Span(about + (" — " if about and agenda.url else ""), "dim")]
        if agenda.url:
            spans.append(Span(word("link", lang), None, agenda.url))
        blocks.append(Paragraph(tuple(spans)))
    if agenda.note:
        blocks.append(Paragraph((Span(agenda.note),)))
    blocks.append(Paragraph((Span(word("agenda_method", lang), "dim"),)))
    total = len(view.items)
    blocks.append(
        Paragraph(
            (
                Span(_colon(word("covered_items", lang), lang), "bold"),
                Span(
                    " · ".join(
                        f"{c.name} {view.covered(n)} {word('of', lang)} {total}"
                        for n, c in enumerate(view.candidates)
                    )
                ),
            )
        )
    )
    elections = {c.election for c in view.candidates}
    headers = tuple(
        c.name if len(elections) == 1 else f"{c.name} ({c.election})" for c in view.candidates
    )
    rows = []
    for item, row in zip(view.items, view.rows, strict=True):
        first: list[Line] = [
            (Span(item.title, "bold"),),
            (Span(", ".join(labels[t] for t in item.themes), "dim"),),
        ]
        if item.keywords:
            first.append(
                (
                    Span(
                        _colon(word("keywords", lang), lang)
                        + ", ".join(k.text for k in item.keywords),
                        "dim",
                    ),
                )
            )
        rows.append(
            (
                tuple(first),
                *(
                    _coverage_lines(coverage, candidate, numbers, labels, lang)
                    for candidate, coverage in zip(view.candidates, row, strict=True)
                ),
            )
        )
    blocks.append(Table((word("agenda_item", lang), *headers), tuple(rows), prose=True))
    described = [i for i in view.items if i.summary or i.url]
    if described:
        blocks.append(Heading(word("agenda_items", lang), 2))
        blocks.append(
            Items(
                tuple(
                    (
                        Span(_colon(i.title, lang), "bold"),
                        *((Span(i.summary + (" " if i.url else "")),) if i.summary else ()),
                        *((Span(word("link", lang), None, i.url),) if i.url else ()),
                    )
                    for i in described
                )
            )
        )
    if cited:
        blocks.append(Heading(word("sources", lang), 2))
        blocks.append(
            Items(tuple(source_line(numbers[(c.key, sid)], c, c.source(sid)) for c, sid in cited))
        )
    return blocks


def _coverage_lines(
    coverage: ItemCoverage,
    candidate: Candidate,
    numbers: dict[tuple[str, str], str],
    labels: dict[str, str],
    lang: str,
) -> tuple[Line, ...]:
    if coverage.status is Coverage.GAP:
        several = len(coverage.item.themes) > 1
        return tuple(
            (
                Span(
                    "∅ "
                    + gap_label(gap.kind, lang)
                    + (f" — {labels[gap.theme.id]}" if several else ""),
                    "gap",
                ),
            )
            for gap in coverage.gaps
        )
    lines: list[Line] = []
    if coverage.status is Coverage.COVERED:
        lines.append((Span("✓ " + word("covered_cell", lang), "bold"),))
        lines += [_proposal_line(p, candidate, numbers) for p in coverage.proposals]
    else:
        lines.append(
            (Span("≈ " + word("theme_only", lang).format(n=len(coverage.theme_only)), "gap"),)
        )
    several = len(coverage.item.themes) > 1
    for a in coverage.contested:
        ref = f" [{numbers[(candidate.key, a.source)]}]" if a.source else ""
        where = f" — {labels[a.theme]}" if several else ""
        lines.append(
            (Span("⚑ " + gap_label(GapKind.CONTESTED, lang) + where, "gap"), Span(ref, "ref"))
        )
    return tuple(lines)


def _proposal_line(p: Proposal, candidate: Candidate, numbers: dict[tuple[str, str], str]) -> Line:
    return (
        Span("• ", "bullet"),
        Span(p.summary),
        Span(f" [{numbers[(candidate.key, p.source)]}]", "ref"),
    )


def _suggestions(view: ThemeSuggestions, lang: str) -> list[Block]:
    c = view.candidate
    labels = {t.id: t.label.get(lang) for t in view.themes}
    blocks: list[Block] = [
        Heading(
            f"{word('suggestions', lang)} : {c.name}"
            if lang == "fr"
            else f"{word('suggestions', lang)}: {c.name}"
        ),
        Paragraph((Span(f"{c.party} · {c.election}", "dim"),)),
        Paragraph(
            (
                Span(
                    word("to_review", lang).format(
                        n=view.to_review, total=len(view.candidate.proposals)
                    ),
                    "bold",
                ),
                Span(" — " + word("audit_method", lang).format(suggest=SUGGEST_AT), "dim"),
            )
        ),
    ]
    rows = []
    for item in view.items:
        p = item.proposal
        suggested = tuple(
            (Span(f"{labels[s.theme]} "), Span(f"{s.score:.2f}", "ref"))
            for s in item.suggestion.themes
        ) or ((Span(word("nothing_suggested", lang), "dim"),),)
        audit = tuple(
            (Span(f"{labels[t]} — {word('unsupported', lang)}", "gap"),) for t in item.unsupported
        ) + tuple((Span(f"{labels[t]} — {word('missing', lang)}", "gap"),) for t in item.missing)
        rows.append(
            (
                ((Span(p.id, "bold"),),),
                ((Span(p.summary),),),
                tuple((Span(labels[t]),) for t in p.themes),
                suggested,
                audit or ((Span("✓", "dim"),),),
            )
        )
    headers = tuple(word(k, lang) for k in ("proposal", "summary", "tagged", "suggested", "audit"))
    blocks.append(Table(headers, tuple(rows), prose=True, ratios=(1, 2, 1, 1, 1)))
    return blocks


def _percent(count: int, total: int, lang: str) -> str:
    number = percent(count, total)
    return f"{number}\u00a0%" if lang == "fr" else f"{number}%"


def _matrix(view: SalienceMatrix, lang: str) -> list[Block]:
    totals = view.totals()
    rows: list[tuple[tuple[Line, ...], ...]] = []
    levels: list[tuple[int, ...]] = []
    for theme, counts in zip(view.themes, view.counts, strict=True):
        cells: list[tuple[Line, ...]] = [((Span(theme.label.get(lang), "bold"),),)]
        for n, total in zip(counts, totals, strict=True):
            style = f"heat{heat(n, total)}"
            if not total:
                cells.append(((Span("—", style),),))
            elif not n:
                cells.append(((Span("0", style),),))
            else:
                cells.append(((Span(f"{n} · {_percent(n, total, lang)}", style),),))
        rows.append(tuple(cells))
        levels.append(tuple(heat(n, total) for n, total in zip(counts, totals, strict=True)))
    headers = tuple(
        f"{name} ({n})" for name, n in zip(_column_names(view.candidates), totals, strict=True)
    )
    return [
        Heading(word("matrix", lang)),
        Paragraph((Span(word("matrix_note", lang), "dim"),)),
        Table((word("theme", lang), *headers), tuple(rows), levels=tuple(levels), split=True),
    ]


def _score(score: float) -> str:
    """Scores are shown rounded down: a pair shown as 100 is one that scored 100."""
    return str(int(score))


def _similar(view: SimilarReport, lang: str) -> list[Block]:
    cited = view.cited()
    numbers = {(c.key, s): str(i) for i, (c, s) in enumerate(cited, 1)}

    def summary(ref: tuple[int, int]) -> list[Span]:
        c, p = view.proposal(ref)
        return [Span(p.summary), Span(f" [{numbers[(c.key, p.source)]}]", "ref")]

    count = view.pair_count()
    with_groups = [t for t in view.themes if t.groups]
    if count == 0:
        found = word("no_pair", lang)
    elif count == 1:
        found = word("pair_found", lang)
    else:
        key = "pairs_found_1" if len(with_groups) == 1 else "pairs_found"
        found = word(key, lang).format(n=count, themes=len(with_groups))
    blocks: list[Block] = [
        Heading(_colon(word("similar", lang), lang) + " · ".join(c.name for c in view.candidates)),
        Paragraph(
            (Span(word("similar_note", lang).format(threshold=f"{view.threshold:g}"), "dim"),)
        ),
        Paragraph((Span(found),)),
    ]
    if with_groups:
        blocks.append(Heading(word("consensus", lang), 2))
    for theme in with_groups:
        blocks += [
            Heading(theme.theme.label.get(lang), 3),
            Table(
                (word("score", lang), word("proposals", lang)),
                tuple(_group_row(view, g, summary, lang) for g in theme.groups),
                prose=True,
            ),
        ]
    with_distinctive = [t for t in view.themes if t.distinctive]
    if with_distinctive:
        blocks.append(Heading(word("distinctive", lang), 2))
    for theme in with_distinctive:
        by_candidate: dict[int, list[Line]] = {}
        for ref in theme.distinctive:
            by_candidate.setdefault(ref[0], []).append((Span("• ", "bullet"), *summary(ref)))
        blocks += [
            Heading(theme.theme.label.get(lang), 3),
            Table(
                (word("candidate", lang), word("proposals", lang)),
                tuple(
                    (((Span(view.candidates[ci].name, "bold"),),), tuple(lines))
                    for ci, lines in by_candidate.items()
                ),
                prose=True,
            ),
        ]
    empty = [t.theme.label.get(lang) for t in view.themes if not t.groups and not t.distinctive]
    if empty:
        blocks.append(
            Paragraph(
                (
                    Span(_colon(word("no_proposal_on", lang), lang), "bold"),
                    Span(", ".join(empty)),
                )
            )
        )
    if cited:
        blocks += [
            Heading(word("sources", lang), 2),
            Items(tuple(source_line(numbers[(c.key, s)], c, c.source(s)) for c, s in cited)),
        ]
    return blocks


def _group_row(
    view: SimilarReport,
    group: SimilarGroup,
    summary: Callable[[tuple[int, int]], list[Span]],
    lang: str,
) -> tuple[tuple[Line, ...], ...]:
    """A group as a table row: its scores, then its proposals (numbered when more than two)."""
    numbered = len(group.members) > 2
    lines: list[Line] = []
    for n, ref in enumerate(group.members, 1):
        name = view.candidates[ref[0]].name
        lead = [Span(f"{n}. ", "ref")] if numbered else [Span("• ", "bullet")]
        lines.append((*lead, Span(f"{name} — ", "bold"), *summary(ref)))
    if numbered:
        scores = tuple((Span(f"{a + 1}–{b + 1} : {_score(s)}"),) for a, b, s in group.scores)
        if group.more_pairs:
            more = word("more_pairs", lang).format(n=group.more_pairs)
            scores += ((Span(more, "dim"),),)
    else:
        scores = ((Span(_score(group.scores[0][2])),),)
    return (scores, tuple(lines))


def _search(view: SearchResults, lang: str) -> list[Block]:
    cited: dict[tuple[str, str], str] = {}
    for hit in view.hits:
        cited.setdefault((hit.candidate.key, hit.proposal.source), str(len(cited) + 1))
    found = word("found_1", lang) if view.total == 1 else word("found_n", lang).format(n=view.total)
    if len(view.hits) < view.total:
        shown = word("shown_1" if len(view.hits) == 1 else "shown", lang)
        found += (" ; " if lang == "fr" else "; ") + shown.format(n=len(view.hits))
    blocks: list[Block] = [
        Heading(word("search", lang).format(query=view.query)),
        Paragraph((Span(found if view.total else word("nothing_found", lang)),)),
    ]
    if not view.hits:
        return blocks
    rows = []
    for hit in view.hits:
        p = hit.proposal
        text: list[Span] = [Span(p.summary)]
        if p.quote:
            text.append(Span(f" « {p.quote} »", "quote"))
        text.append(Span(f" [{cited[(hit.candidate.key, p.source)]}]", "ref"))
        labels = " · ".join(t.label.get(lang) for t in view.themes if t.id in p.themes)
        rows.append(
            (
                (
                    (Span(_score(hit.score), "bold"),),
                    (Span(" · ".join(word(f"field_{f}", lang) for f in hit.fields), "dim"),),
                ),
                ((Span(hit.candidate.name),),),
                (tuple(text), (Span(labels, "dim"),)),
            )
        )
    blocks.append(
        Table(
            (word("score", lang), word("candidate", lang), word("proposal", lang)),
            tuple(rows),
            prose=True,
        )
    )
    by_key = {c.key: c for c in view.candidates}
    blocks += [
        Heading(word("sources", lang), 2),
        Items(
            tuple(
                source_line(number, by_key[key], by_key[key].source(source))
                for (key, source), number in cited.items()
            )
        ),
    ]
    return blocks
