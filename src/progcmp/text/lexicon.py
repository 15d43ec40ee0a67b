"""Word lists that people can read: terms (words, stems, phrases) and where they occur in a text.

A term is written the way a person would: ``interdire`` matches that whole word only;
``interdi*`` matches any word that starts with ``interdi`` (interdire, interdit, interdiction,
interdisons); ``lutt* contre`` matches two words in a row (lutte contre, luttera contre). Both
the term and the text are folded (lowercase, accents, ligatures and punctuation removed, see
:func:`progcmp.text.fold`), so ``résist*`` matches « Résistons » and « resister ». Apostrophes
and hyphens separate words: ``l'interdiction`` holds the word ``interdiction``.

Inflections are handled by stems, never by guessing: what a term matches is exactly what its
letters say, so a reader can check every match by eye.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model.lexicon import Term
from . import fold

MIN_STEM = 3  # letters before a '*': shorter stems ("de*") would match far too many words
# A run of letters or digits in any script, with the combining marks that follow letters in
# decomposed text (NFD: "é" written as "e" + U+0301), which \w alone would cut words at.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: as written, its folded key, and where it is (character offsets)."""

    text: str
    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a term in a text, with the text's own words."""

    term: Term
    tag: str  # what the term stands for (a tone category, an agenda item...)
    text: str  # the matched words exactly as in the text
    start: int
    end: int


def parse_term(text: str) -> Term | str:
    """Read a term as written in a lexicon; return it, or what is wrong with it."""
    words: list[str] = []
    stems: list[bool] = []
    for written in text.split():
        stem = written.endswith("*")
        if "*" in written[:-1]:
            return f"{text!r}: '*' may only end a word"
        pieces = fold(written.rstrip("*")).split()
        if not pieces:
            return f"{text!r} has a word with no letter or digit"
        if stem and len(pieces[-1]) < MIN_STEM:
            return (
                f"stem {written!r} is too short: write at least {MIN_STEM} letters before '*' "
                "(or the whole word without '*')"
            )
        words += pieces
        stems += [False] * (len(pieces) - 1) + [stem]
    if not words:
        return "the term is empty"
    return Term(text=text, words=tuple(words), stems=tuple(stems))


def term_key(term: Term) -> str:
    """What a term matches, as one string: two terms with the same key are the same term."""
    return " ".join(w + "*" * s for w, s in zip(term.words, term.stems, strict=True))


def tokens(text: str) -> list[Token]:
    """Split a text into words, keeping each word's position in the original text."""
    out = []
    for m in _WORD.finditer(text):
        key = fold(m.group()).replace(" ", "")
        if key:
            out.append(Token(m.group(), key, m.start(), m.end()))
    return out


def _length_at(term: Term, words: Sequence[Token], i: int) -> int:
    """How many words the term matches starting at word ``i`` (0 if it does not)."""
    if i + len(term.words) > len(words):
        return 0
    for j, (word, stem) in enumerate(zip(term.words, term.stems, strict=True)):
        key = words[i + j].key
        if not (key.startswith(word) if stem else key == word):
            return 0
    return len(term.words)


def find(text: str, terms: Sequence[tuple[str, Term]]) -> list[Match]:
    """Every occurrence of the tagged terms in ``text``, left to right, never overlapping.

    At each word the longest match wins (``lutt* contre`` over ``contre``); between matches of
    the same length, a whole word beats a stem, then a longer stem a shorter one, then the
    first term listed. Every word is counted at most once.
    """
    words = tokens(text)
    found: list[Match] = []
    i = 0
    while i < len(words):
        best: tuple[tuple[int, int, int, int], str, Term] | None = None
        for order, (tag, term) in enumerate(terms):
            length = _length_at(term, words, i)
            if not length:
                continue
            rank = (length, -sum(term.stems), sum(map(len, term.words)), -order)
            if best is None or rank > best[0]:
                best = (rank, tag, term)
        if best is None:
            i += 1
            continue
        (length, *_), tag, term = best
        start, end = words[i].start, words[i + length - 1].end
        found.append(Match(term, tag, text[start:end], start, end))
        i += length
    return found
