"""Small pieces of text several builders put around the data: a stance, a gap with its note."""

from __future__ import annotations

from ...model import GapKind, Stance
from ...views.cells import Gap
from ..locale import Locale
from .blocks import Span


def stance_spans(stance: Stance | None, loc: Locale) -> tuple[Span, ...]:
    """The marker put before a summary whose stance is known (``pour · …``), or nothing."""
    if stance is None:
        return ()
    return (Span(loc.stance(stance), "bold"), Span(" · "))


def gap_words(gap: Gap, loc: Locale) -> str:
    """A gap's kind in words, with the answer given when it was given without a statement."""
    words = loc.gap(gap.kind)
    return f"{words} ({loc.stance(gap.stance)})" if gap.stance else words


# Why there is no proposal, as one mark: the coverage matrix's cells and the start of a gap.
GAP_MARKS = {
    GapKind.NONE_FOUND: "∅",
    GapKind.DECLINED: "✗",
    GapKind.NOT_REVIEWED: "?",
    GapKind.CONTESTED: "⚑",
    GapKind.NO_STATEMENT: "○",
}


def gap_label(gap: Gap, loc: Locale) -> str:
    """A gap as a cell says it: its kind's mark, then its kind in words (``? sources non
    examinées``)."""
    return f"{GAP_MARKS[gap.kind]} {gap_words(gap, loc)}"


def gap_note(gap: Gap) -> tuple[Span, ...]:
    """A gap's note (the annotation's), after a dash, or nothing."""
    return (Span(" — "), Span(gap.note, data=True)) if gap.note else ()
