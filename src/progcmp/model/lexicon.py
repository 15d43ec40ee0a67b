"""What ``tone`` and ``agenda`` measure proposals against: the tone lexicon and reference
agendas, with the terms they look for.

Apart from the rest of the model, so that commands that read neither do not create these
classes at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import Localized, primary_language


@dataclass(frozen=True, slots=True)
class Term:
    """A lexicon entry: a word, a stem (``lutt*``) or a phrase of these (``lutt* contre``).

    ``words`` are the folded words (lowercase ASCII, see :func:`progcmp.text.fold`); ``stems``
    says, for each, whether it matches any word that starts with it or only the whole word.
    """

    text: str  # as written in the file
    words: tuple[str, ...]
    stems: tuple[bool, ...]


TONE_CATEGORIES = ("defensive", "constructive")
NEUTRAL = "neutral"  # idioms whose words count for neither side ("à l'aide de")


@dataclass(frozen=True, slots=True)
class ToneCategory:
    """One side of the tone lexicon: what it means, and its terms per language."""

    id: str  # one of TONE_CATEGORIES, or NEUTRAL
    description: Localized
    fr: tuple[Term, ...]
    en: tuple[Term, ...]

    def terms(self, lang: str) -> tuple[Term, ...]:
        """The terms in ``lang``: none for a language the lexicon has no list for."""
        return {"fr": self.fr, "en": self.en}.get(primary_language(lang), ())


@dataclass(frozen=True, slots=True)
class ToneLexicon:
    """The words that mark a proposal's wording as defensive or constructive."""

    path: str
    categories: tuple[ToneCategory, ...]  # in TONE_CATEGORIES order, then NEUTRAL if any
    note: str | None = None
    bundled: bool = False  # the lexicon shipped with progcmp

    def reads(self, lang: str) -> bool:
        """Whether the lexicon has any term in ``lang``."""
        return any(c.terms(lang) for c in self.categories)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One ask of a reference agenda, mapped to themes of the catalogue."""

    id: str
    title: str
    themes: tuple[str, ...]
    summary: str | None = None
    url: str | None = None
    keywords: tuple[Term, ...] = ()  # if any, a proposal must mention one to cover the item


@dataclass(frozen=True, slots=True)
class Agenda:
    """A reference agenda (a federation's asks, a pledge) to measure candidates against."""

    path: str
    title: str
    items: tuple[AgendaItem, ...]
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    note: str | None = None
