"""Small pieces of text several builders put around the data: a stance, a gap with its note."""

from __future__ import annotations

from ...model import Stance
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


def gap_note(gap: Gap) -> tuple[Span, ...]:
    """A gap's note (the annotation's), after a dash, or nothing."""
    return (Span(" — "), Span(gap.note, data=True)) if gap.note else ()
