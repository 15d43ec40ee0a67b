"""Builders of the views of one candidate: ``show`` and ``suggest-themes``."""

from __future__ import annotations

from ...model import Candidate, GapKind, Status
from ...text.classify import SUGGEST_AT, ThemeSuggestions
from ...views.show import CandidateView
from ..locale import Locale
from .blocks import Block, Heading, Items, Line, Paragraph, Span, Table
from .marks import stance_spans
from .references import References
from .tables import candidate_anchor, proposal_anchor, theme_anchor


def candidate(view: CandidateView, loc: Locale) -> list[Block]:
    c = view.candidate
    refs = References()
    if not view.filtered:  # the whole file: its sources numbered as it lists them
        refs.register(c, (s.id for s in c.sources))
    shown = {t.id for t in view.themes}
    assessments = [a for a in c.assessments if not view.filtered or shown.intersection(a.themes)]
    blocks: list[Block] = [
        Heading(c.name, anchor=candidate_anchor(c)),
        Paragraph((Span(" · ".join(_standing(c, loc)), "dim"),)),
    ]
    if c.note:
        blocks.append(Paragraph((Span(c.note, data=True),)))
    for theme in view.themes:
        proposals = c.proposals_on(theme.id)
        annotation = c.annotation_on(theme.id)
        blocks.append(Heading(loc.text(theme.label), 2, anchor=theme_anchor(theme.id)))
        lines: list[Line] = []
        for p in proposals:
            spans = [
                *stance_spans(p.stance, loc),
                Span(p.summary, data=True, anchor=proposal_anchor(c, p.id)),
            ]
            if p.quote:
                spans.append(Span(" " + loc.quote(p.quote), "quote", data=True))
            spans.append(refs.ref(c, p.source, locator=p.locator))
            lines.append(tuple(spans))
            if p.text:  # under its summary, marked as the contender's words, not the project's
                lines.append(
                    (
                        Span("↳ " + loc.colon(loc.word("own_words")), "dim"),
                        Span(loc.quote(p.text), "quote", data=True),
                        refs.ref(c, p.source, locator=p.locator),
                    )
                )
        if not proposals and annotation is None:
            lines.append((Span(loc.gap(GapKind.NONE_FOUND), "gap"),))
        if annotation is not None:
            said = f" ({loc.stance(annotation.stance)})" if annotation.stance else ""
            lines.append(
                (
                    Span(loc.gap(annotation.kind) + said + " — ", "gap"),
                    Span(annotation.note, data=True),
                    refs.ref(c, annotation.source),
                )
            )
        blocks.append(Items(tuple(lines)))
    if assessments:
        blocks.append(Heading(loc.word("assessments"), 2))
        blocks.append(
            Items(
                tuple(
                    (
                        Span(loc.colon(a.author), "bold"),
                        Span(a.summary, data=True),
                        refs.ref(c, a.source),
                    )
                    for a in assessments
                )
            )
        )
    if refs:
        blocks.append(Heading(loc.word("sources"), 2))
        blocks.append(refs.listing(loc, names=False))
    return blocks


def suggestions(view: ThemeSuggestions, loc: Locale) -> list[Block]:
    c = view.candidate
    labels = {t.id: loc.text(t.label) for t in view.themes}
    blocks: list[Block] = [
        Heading(loc.colon(loc.word("suggestions")) + c.name),
        Paragraph((Span(f"{c.party} · {c.election}", "dim"),)),
        Paragraph(
            (
                Span(
                    loc.word("to_review").format(
                        n=view.to_review,
                        proposals=loc.count(view.to_review, "proposals"),
                        total=len(view.candidate.proposals),
                    ),
                    "bold",
                ),
                Span(
                    " — " + loc.word("audit_method").format(suggest=loc.decimal(SUGGEST_AT)), "dim"
                ),
            )
        ),
    ]
    if not view.has_keywords:
        lang = loc.language(view.text_lang)
        blocks.append(Paragraph((Span(loc.word("no_keywords_in_lang", lang=lang), "gap"),)))
    rows = []
    for item in view.items:
        p = item.proposal
        suggested = tuple(
            (Span(f"{labels[s.theme]} "), Span(loc.decimal(s.score, 2), "ref"))
            for s in item.suggestion.themes
        ) or ((Span(loc.word("nothing_suggested"), "dim"),),)
        audit = tuple(
            (Span(f"{labels[t]} — {loc.word('unsupported')}", "gap"),) for t in item.unsupported
        ) + tuple((Span(f"{labels[t]} — {loc.word('missing')}", "gap"),) for t in item.missing)
        rows.append(
            (
                ((Span(p.id, "bold"),),),
                ((Span(p.summary, data=True),),),
                tuple((Span(labels[t]),) for t in p.themes),
                suggested,
                audit or ((Span("✓", "dim"),),),
            )
        )
    headers = tuple(loc.word(k) for k in ("proposal", "summary", "tagged", "suggested", "audit"))
    blocks.append(Table(headers, tuple(rows), prose=True, ratios=(1, 2, 1, 1, 1)))
    return blocks


def _standing(c: Candidate, loc: Locale) -> list[str]:
    """Party, election, what kind of contender (or where the candidacy ended up), head of list."""
    kind = loc.word(f"kind_{c.kind}") if c.status is Status.CANDIDATE else loc.status(c.status)
    parts = [c.party, c.election, kind]
    if c.leader:
        parts.append(loc.colon(loc.word("leader")) + c.leader)
    return parts
