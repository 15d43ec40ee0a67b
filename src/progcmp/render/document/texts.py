"""Builders of the views that read the texts: ``tone``, ``diff``, ``agenda``, ``similar``,
``search``."""

from __future__ import annotations

from collections.abc import Callable

from ...model import Candidate, GapKind, Proposal
from ...model.lexicon import NEUTRAL
from ...views.agenda import AgendaReport, Coverage, ItemCoverage
from ...views.diff import CHANGE_ORDER, SCORER, Change, ProgrammeDiff, ProposalChange
from ...views.search import SearchResults
from ...views.similar import SimilarGroup, SimilarReport
from ...views.tone import CandidateTone, Hit, ProposalTone, ToneLabel, ToneReport
from ..locale import Locale
from .blocks import Block, Heading, Items, Line, Paragraph, Span, Table, cell
from .marks import gap_label, stance_spans
from .references import References
from .titles import all_lists, contenders_title

# --- tone ---------------------------------------------------------------------------------------


def tone(view: ToneReport, loc: Locale) -> list[Block]:
    lexicon = view.lexicon
    descriptions = {c.id: loc.text(c.description) for c in lexicon.categories}
    # Say whose words were read: verbatim texts, when some were, are not the project's.
    verbatim = "text" in view.fields
    method = loc.word("tone_method").format(
        fields=loc.word("tone_fields_text" if verbatim else "tone_fields"),
        authors=loc.word("tone_authors_text" if verbatim else "tone_authors"),
        lexicon=loc.word("bundled_lexicon")
        if lexicon.bundled
        else loc.word("lexicon_file").format(path=lexicon.path),
        text_lang=", ".join(loc.language(lang) for lang in view.text_langs),
        defensive=descriptions["defensive"].rstrip(".") + ".",
        constructive=descriptions["constructive"].rstrip(".") + ".",
    )
    names = contenders_title([ct.candidate for ct in view.candidates], loc)
    blocks: list[Block] = [
        Heading(loc.colon(loc.word("tone")) + names),
        Paragraph((Span(method, "dim"),)),
        *(
            Paragraph((Span(loc.word("tone_unread", lang=loc.language(lang)), "gap"),))
            for lang in view.unread
        ),
        Heading(loc.word("balance"), 2),
        Table(
            (
                loc.word("candidate"),
                loc.word("proposals"),
                *(
                    loc.word(label).capitalize()
                    for label in ("defensive", "constructive", "mixed", "neutral")
                ),
            ),
            tuple(_tone_balance_row(ct) for ct in view.candidates),
        ),
        Heading(loc.word("words_found"), 2),
        Table(
            (
                loc.word("candidate"),
                loc.word("defensive").capitalize(),
                loc.word("constructive").capitalize(),
            ),
            tuple(
                (
                    cell(ct.candidate.name, "bold"),
                    *(
                        cell(", ".join(f"{t} ×{n}" for t, n in ct.terms(side)) or "—")
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
            blocks.append(Paragraph((Span(loc.word("no_proposal"), "dim"),)))
            continue
        blocks.append(
            Table(
                (loc.word("tone_label"), loc.word("proposal"), loc.word("words")),
                tuple(_tone_row(pt, loc) for pt in ct.proposals),
                prose=True,
            )
        )
    return blocks


def _tone_balance_row(ct: CandidateTone) -> tuple[tuple[Line, ...], ...]:
    return (
        cell(ct.candidate.name, "bold"),
        cell(str(len(ct.proposals))),
        *(cell(str(ct.count(label))) for label in ToneLabel),
    )


def _tone_row(pt: ProposalTone, loc: Locale) -> tuple[tuple[Line, ...], ...]:
    p = pt.proposal
    text: list[Line] = [(Span(p.summary, data=True),)]
    if p.quote:
        text.append((Span(loc.quote(p.quote), "quote", data=True),))
    if p.text:  # read too, so shown: the words found in it must be findable
        text.append((Span(loc.quote(p.text), "quote", data=True),))
    words = tuple(_hit_line(h, loc) for h in pt.hits) or ((Span("—", "dim"),),)
    return (cell(loc.word(str(pt.label)), "bold"), tuple(text), words)


_IN_FIELD = {"quote": "in_quote", "text": "in_text"}  # a summary's hits are not marked


def _hit_line(hit: Hit, loc: Locale) -> Line:
    side = loc.word("idiom") if hit.category == NEUTRAL else loc.word(hit.category)
    where = f", {loc.word(_IN_FIELD[hit.field])}" if hit.field in _IN_FIELD else ""
    return (
        Span(loc.colon(side), "dim" if hit.category == NEUTRAL else None),
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


def diff(view: ProgrammeDiff, loc: Locale) -> list[Block]:
    old, new = view.old, view.new
    if old.key == new.key:  # two versions of one file: name them by path
        title = f"{new.name} ({old.path} → {new.path})"
    else:
        title = f"{old.name} ({old.election}) → {new.name} ({new.election})"
    counts = {str(k): view.count(k) for k in CHANGE_ORDER}
    refs = References()

    def ref(side: str, candidate: Candidate, source_id: str) -> Span:
        # the two sides may be two versions of one file: a source is numbered per side
        return refs.ref(candidate, source_id, scope=side)

    blocks: list[Block] = [
        Heading(loc.colon(loc.word("diff")) + title),
        Paragraph(
            (
                Span(
                    loc.word("diff_counts").format(
                        old=len(old.proposals), new=len(new.proposals), **counts
                    )
                ),
            )
        ),
        Paragraph(
            (
                Span(
                    loc.word("diff_method").format(
                        scorer=SCORER, threshold=loc.decimal(view.threshold)
                    ),
                    "dim",
                ),
            )
        ),
    ]
    if not view.compared_all:
        blocks.append(Paragraph((Span(loc.word("diff_limited"), "dim"),)))
    # A proposal of the old version not found in a new one read in part may still be in it.
    if new.read_in_part():
        blocks.append(Paragraph((Span(loc.word("diff_partial"), "bold"),)))
    touched = [t for t in view.themes if view.on(t)]
    if touched:
        blocks.append(Heading(loc.word("per_theme"), 2))
        blocks.append(
            Table(
                (loc.word("theme"), *(loc.word(f"{k}_n") for k in CHANGE_ORDER)),
                tuple(
                    (
                        cell(loc.text(t.label), "bold"),
                        *(cell(str(view.count(k, t))) for k in CHANGE_ORDER),
                    )
                    for t in touched
                ),
            )
        )
    labels = {t.id: loc.text(t.label) for t in view.themes}
    for theme in touched:
        shown = [c for c in view.on(theme) if c.change is not Change.UNCHANGED]
        if not shown:
            continue
        blocks.append(Heading(loc.text(theme.label), 2))
        blocks.append(Items(tuple(_change_line(c, view, labels, ref, loc) for c in shown)))
    if refs:
        versions = {side: loc.colon(loc.word(f"{side}_version")) for side in ("old", "new")}
        blocks += [Heading(loc.word("sources"), 2), refs.listing(loc, names=False, labels=versions)]
    return blocks


Cite = Callable[[str, Candidate, str], Span]  # (side, candidate, source id) -> "[n]"


def _change_line(
    change: ProposalChange, view: ProgrammeDiff, labels: dict[str, str], cite: Cite, loc: Locale
) -> Line:
    head = f"{_CHANGE_MARKS[change.change]} {loc.word(str(change.change))}"
    if change.matched_by and change.score is not None and change.change is not Change.UNCHANGED:
        how = loc.word("by_id" if change.matched_by == "id" else "by_similarity")
        head += f" ({how}, {loc.decimal(change.score)})"
    if change.id_reused:  # the same id on both sides, not one proposal: say why it is not paired
        head += f" ({loc.word('id_reused')})"
    spans = [Span(loc.colon(head), "bold")]
    if change.change is Change.ADDED:
        assert change.new is not None
        spans += [Span(change.new.summary, data=True), cite("new", view.new, change.new.source)]
    elif change.change is Change.REMOVED:
        assert change.old is not None
        spans += [Span(change.old.summary, data=True), cite("old", view.old, change.old.source)]
    else:
        assert change.old is not None and change.new is not None
        if change.change is Change.REWORDED:
            spans += [
                Span(change.old.summary, "dim", data=True),
                cite("old", view.old, change.old.source),
                Span(" → "),
            ]
        spans += [Span(change.new.summary, data=True), cite("new", view.new, change.new.source)]
        if set(change.old.themes) != set(change.new.themes):
            before = ", ".join(labels.get(t, t) for t in change.old.themes)
            after = ", ".join(labels.get(t, t) for t in change.new.themes)
            spans.append(
                Span(f" ({loc.colon(loc.word('themes').lower())}{before} → {after})", "dim")
            )
    return tuple(spans)


# --- agenda -------------------------------------------------------------------------------------


def agenda(view: AgendaReport, loc: Locale) -> list[Block]:
    agenda = view.agenda
    refs = References()
    for c, sid in view.cited_sources():  # numbered column by column, as the table reads
        refs.number(c, sid)
    labels = {t.id: loc.text(t.label) for t in view.themes}
    about = ", ".join(x for x in (agenda.publisher, loc.date(agenda.date)) if x)
    blocks: list[Block] = [Heading(loc.colon(loc.word("agenda")) + agenda.title)]
    if about or agenda.url:
        spans = [Span(about + (" — " if about and agenda.url else ""), "dim")]
        if agenda.url:
            spans.append(Span(loc.word("link"), None, agenda.url))
        blocks.append(Paragraph(tuple(spans)))
    if agenda.note:
        blocks.append(Paragraph((Span(agenda.note),)))
    blocks.append(Paragraph((Span(loc.word("agenda_method"), "dim"),)))
    total = len(view.items)
    blocks.append(
        Paragraph(
            (
                Span(loc.colon(loc.word("covered_items")), "bold"),
                Span(
                    " · ".join(
                        f"{c.name} {view.covered(n)} {loc.word('of')} {total}"
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
                        loc.colon(loc.word("keywords")) + ", ".join(k.text for k in item.keywords),
                        "dim",
                    ),
                )
            )
        rows.append(
            (
                tuple(first),
                *(
                    _coverage_lines(coverage, candidate, refs, labels, loc)
                    for candidate, coverage in zip(view.candidates, row, strict=True)
                ),
            )
        )
    blocks.append(Table((loc.word("agenda_item"), *headers), tuple(rows), prose=True, split=True))
    described = [i for i in view.items if i.summary or i.url]
    if described:
        blocks.append(Heading(loc.word("agenda_items"), 2))
        blocks.append(
            Items(
                tuple(
                    (
                        Span(loc.colon(i.title), "bold"),
                        *((Span(i.summary + (" " if i.url else "")),) if i.summary else ()),
                        *((Span(loc.word("link"), None, i.url),) if i.url else ()),
                    )
                    for i in described
                )
            )
        )
    if refs:
        blocks += [Heading(loc.word("sources"), 2), refs.listing(loc)]
    return blocks


def _coverage_lines(
    coverage: ItemCoverage,
    candidate: Candidate,
    refs: References,
    labels: dict[str, str],
    loc: Locale,
) -> tuple[Line, ...]:
    if coverage.status is Coverage.GAP:
        several = len(coverage.item.themes) > 1
        return tuple(
            (
                Span(
                    gap_label(gap, loc) + (f" — {labels[gap.theme.id]}" if several else ""),
                    "gap",
                ),
            )
            for gap in coverage.gaps
        )
    lines: list[Line] = []
    if coverage.status is Coverage.COVERED:
        lines.append((Span("✓ " + loc.word("covered_cell"), "bold"),))
        lines += [_proposal_line(p, candidate, refs) for p in coverage.proposals]
    else:
        lines.append(
            (Span("≈ " + loc.word("theme_only").format(n=len(coverage.theme_only)), "gap"),)
        )
    several = len(coverage.item.themes) > 1
    for a in coverage.contested:
        where = f" — {labels[a.theme]}" if several else ""
        lines.append(
            (Span("⚑ " + loc.gap(GapKind.CONTESTED) + where, "gap"), refs.ref(candidate, a.source))
        )
    return tuple(lines)


def _proposal_line(p: Proposal, candidate: Candidate, refs: References) -> Line:
    return (Span("• ", "bullet"), Span(p.summary, data=True), refs.ref(candidate, p.source))


def _score(score: float) -> str:
    """Scores are shown rounded down: a pair shown as 100 is one that scored 100."""
    return str(int(score))


def similar(view: SimilarReport, loc: Locale) -> list[Block]:
    refs = References()
    for c, sid in view.cited():
        refs.number(c, sid)

    def summary(ref: tuple[int, int]) -> list[Span]:
        c, p = view.proposal(ref)
        return [*stance_spans(p.stance, loc), Span(p.summary, data=True), refs.ref(c, p.source)]

    count = view.pair_count()
    with_groups = [t for t in view.themes if t.groups]
    kinds = "lists" if all_lists(view.candidates) else "candidates"  # the words agree
    if count == 0:
        found = loc.word("no_pair")
    elif count == 1:
        found = loc.word("pair_found")
    else:
        key = "pairs_found_1" if len(with_groups) == 1 else "pairs_found"
        found = loc.word(key).format(n=count, themes=len(with_groups))
    blocks: list[Block] = [
        Heading(loc.colon(loc.word("similar")) + contenders_title(view.candidates, loc)),
        Paragraph(
            (
                Span(
                    loc.word(
                        "similar_note",
                        threshold=loc.decimal(view.threshold),
                        different=loc.word(f"different_{kinds}"),
                    ),
                    "dim",
                ),
            )
        ),
        Paragraph((Span(found),)),
    ]
    if with_groups:
        blocks.append(Heading(loc.word(f"consensus_{kinds}"), 2))
    for theme in with_groups:
        blocks += [
            Heading(loc.text(theme.theme.label), 3),
            Table(
                (loc.word("score"), loc.word("proposals")),
                tuple(_group_row(view, g, summary, loc) for g in theme.groups),
                prose=True,
            ),
        ]
    with_distinctive = [t for t in view.themes if t.distinctive]
    if with_distinctive:
        blocks.append(Heading(loc.word(f"distinctive_{kinds}"), 2))
    for theme in with_distinctive:
        by_candidate: dict[int, list[Line]] = {}
        for ref in theme.distinctive:
            by_candidate.setdefault(ref[0], []).append((Span("• ", "bullet"), *summary(ref)))
        blocks += [
            Heading(loc.text(theme.theme.label), 3),
            Table(
                (loc.word("candidate"), loc.word("proposals")),
                tuple(
                    (((Span(view.candidates[ci].name, "bold"),),), tuple(lines))
                    for ci, lines in by_candidate.items()
                ),
                prose=True,
            ),
        ]
    with_oppositions = [t for t in view.themes if t.oppositions]
    if with_oppositions:
        blocks.append(Heading(loc.word("opposed"), 2))
        blocks.append(Paragraph((Span(loc.word("opposed_note"), "dim"),)))
    for theme in with_oppositions:
        rows = []
        for o in theme.oppositions:
            for stance, side in zip(o.stances, o.sides, strict=True):
                lines = tuple(
                    (
                        Span("• ", "bullet"),
                        Span(f"{c.name} — ", "bold"),
                        Span(p.summary),  # the row says the stance
                        refs.ref(c, p.source),
                    )
                    for c, p in map(view.proposal, side)
                )
                rows.append((((Span(loc.stance(stance), "bold"),),), lines))
        blocks += [
            Heading(loc.text(theme.theme.label), 3),
            Table((loc.word("stance"), loc.word("proposals")), tuple(rows), prose=True),
        ]
    empty = [loc.text(t.theme.label) for t in view.themes if not t.groups and not t.distinctive]
    if empty:
        blocks.append(
            Paragraph(
                (
                    Span(loc.colon(loc.word("no_proposal_on")), "bold"),
                    Span(", ".join(empty)),
                )
            )
        )
    if refs:
        blocks += [Heading(loc.word("sources"), 2), refs.listing(loc)]
    return blocks


def _group_row(
    view: SimilarReport,
    group: SimilarGroup,
    summary: Callable[[tuple[int, int]], list[Span]],
    loc: Locale,
) -> tuple[tuple[Line, ...], ...]:
    """A group as a table row: its scores, then its proposals (numbered when more than two)."""
    numbered = len(group.members) > 2
    lines: list[Line] = []
    for n, ref in enumerate(group.members, 1):
        name = view.candidates[ref[0]].name
        lead = [Span(f"{n}. ", "ref")] if numbered else [Span("• ", "bullet")]
        lines.append((*lead, Span(f"{name} — ", "bold"), *summary(ref)))
    if numbered:
        scores = tuple(
            (Span(loc.colon(f"{a + 1}–{b + 1}") + _score(s)),) for a, b, s in group.scores
        )
        if group.more_pairs:
            scores += ((Span(loc.word("more_pairs", n=group.more_pairs), "dim"),),)
    else:
        scores = ((Span(_score(group.scores[0][2])),),)
    return (scores, tuple(lines))


def search(view: SearchResults, loc: Locale) -> list[Block]:
    refs = References()
    found = loc.word("found_1") if view.total == 1 else loc.word("found_n", n=view.total)
    if len(view.hits) < view.total:
        shown = loc.word("shown_1" if len(view.hits) == 1 else "shown")
        found = loc.clauses(found, shown.format(n=len(view.hits)))
    blocks: list[Block] = [
        Heading(loc.word("search").format(query=view.query)),
        Paragraph((Span(found if view.total else loc.word("nothing_found")),)),
    ]
    if not view.hits:
        return blocks
    rows = []
    for hit in view.hits:
        p = hit.proposal
        text: list[Span] = [*stance_spans(p.stance, loc), Span(p.summary, data=True)]
        if p.quote:
            text.append(Span(" " + loc.quote(p.quote), "quote", data=True))
        text.append(refs.ref(hit.candidate, p.source))
        labels = " · ".join(loc.text(t.label) for t in view.themes if t.id in p.themes)
        rows.append(
            (
                (
                    (Span(_score(hit.score), "bold"),),
                    (Span(" · ".join(loc.word(f"field_{f}") for f in hit.fields), "dim"),),
                ),
                ((Span(hit.candidate.name),),),
                (
                    tuple(text),
                    # the words were found in the verbatim text: show it, or they cannot be seen
                    *(
                        ((Span(loc.quote(p.text), "quote", data=True),),)
                        if p.text and "text" in hit.fields
                        else ()
                    ),
                    (Span(labels, "dim"),),
                ),
            )
        )
    blocks.append(
        Table(
            (loc.word("score"), loc.word("candidate"), loc.word("proposal")),
            tuple(rows),
            prose=True,
        )
    )
    blocks += [Heading(loc.word("sources"), 2), refs.listing(loc)]
    return blocks
