"""One interface language: the words, punctuation and numbers printed around the data.

Each language is a data file, ``locales/<code>.toml`` beside this module: adding a language is
adding a file with the same keys as ``fr.toml`` (a test checks that they match). A run makes one
:class:`Locale` (:func:`get_locale`) and hands it to the renderers; nothing below the CLI passes
language codes around to choose words.

The data's own text (summaries, quotes, notes, titles) is never changed by a locale: only the
interface words are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from ..model import GapKind, Localized, Stance

# The files sit beside this module: read as files, not through importlib.resources, which
# takes longer to import than to read them (progcmp is never run from a zip).
LOCALES = Path(__file__).with_name("locales")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
DEFAULT_LANGUAGE = "fr"


class UnknownLanguageError(LookupError):
    """No locale file for this language code."""


@dataclass(frozen=True, slots=True)
class Typography:
    """How a language writes the punctuation that the interface adds around words."""

    colon: str  # after a label: "Thème : " / "Theme: "
    semicolon: str  # between two clauses
    percent: str  # after a number
    open_quote: str
    close_quote: str
    narrow_before: str = ""  # marks that a space before becomes U+202F (French ; : ! ? »)
    narrow_after: str = ""  # marks that a space after becomes U+202F (French «)
    apostrophe: str = "'"  # what a straight apostrophe of an interface string becomes
    thousands: str = ","  # between groups of three digits
    decimal: str = "."  # before the decimals: 0.5, 0,5
    first_day: str = "1"  # the first of a month: 1 April, 1er avril
    group_from: int = 1000  # the smallest number written in groups

    def typeset(self, text: str) -> str:
        """An interface string with the language's spacing and apostrophes.

        A mark of ``narrow_before`` gets a narrow no-break space where a space stood before it,
        unless what precedes is itself punctuation (``, ?`` in a legend is a symbol, not a
        question mark).
        """
        if self.narrow_before:
            marks = re.escape(self.narrow_before)
            text = re.sub(rf"(?<=[^\s,;:.!?(])[ \u00a0]([{marks}])", "\u202f\\1", text)
        if self.narrow_after:
            marks = re.escape(self.narrow_after)
            text = re.sub(rf"([{marks}])[ \u00a0]", "\\1\u202f", text)
        return text.replace("'", self.apostrophe)


@dataclass(frozen=True, slots=True)
class Locale:
    """An interface language, made once per run from its data file.

    Attributes:
        code: the language code (``fr``), also the one used to pick a theme label.
        name: the language's name, in itself.
        words: interface strings by key, some with ``{placeholders}``.
        gaps: how a kind of gap is said (by :class:`GapKind` value).
        stances: how a stance is said (by :class:`Stance` value).
        counts: singular and plural of counted nouns.
        blind: the placeholders that ``--blind`` puts in place of names.
        typography: punctuation around words.
        zero_is_singular: French says "0 candidat", English "0 candidates".
    """

    code: str
    name: str
    words: Mapping[str, str]
    gaps: Mapping[str, str]
    counts: Mapping[str, tuple[str, str]]
    blind: Mapping[str, str]
    typography: Typography
    zero_is_singular: bool
    months: tuple[str, ...] = ()
    kinds: Mapping[str, str] | None = None
    statuses: Mapping[str, str] | None = None
    stances: Mapping[str, str] | None = None

    def word(self, key: str, **values: object) -> str:
        """The interface string ``key``, its ``{placeholders}`` filled from ``values``."""
        text = self.words[key]
        return text.format(**values) if values else str(text)

    def text(self, label: Localized) -> str:
        """A text of the data given in several languages (theme labels): this language's."""
        return label.get(self.code)

    def language(self, code: str) -> str:
        """A language's name (``lang_<code>``), or its tag where the locale has no name."""
        return self.words.get(f"lang_{code}", code)

    def colon(self, text: str) -> str:
        """``text`` as a label followed by a colon and a space, as the language writes it."""
        return text + self.typography.colon

    def clauses(self, *parts: str) -> str:
        """Clauses joined by semicolons."""
        return self.typography.semicolon.join(parts)

    def percent(self, number: int | str) -> str:
        return f"{number}{self.typography.percent}"

    def number(self, n: int) -> str:
        """An integer with the language's grouping of digits (``12 345``, ``12,345``)."""
        if abs(n) < self.typography.group_from:
            return str(n)
        return f"{n:,}".replace(",", self.typography.thousands)

    def decimal(self, x: float, places: int | None = None) -> str:
        """A number with decimals as the language writes it (``0.75``, ``0,75``): ``places``
        decimals, else as few as show it."""
        text = f"{x:.{places}f}" if places is not None else f"{x:g}"
        return text.replace(".", self.typography.decimal)

    def quote(self, text: str) -> str:
        """A quotation of the data's text in the language's quotation marks (the text itself
        is left as it is)."""
        return f"{self.typography.open_quote}{text}{self.typography.close_quote}"

    def count(self, n: int, key: str) -> str:
        """``n`` and the noun, singular or plural."""
        one, many = self.counts[key]
        singular = n == 1 or (n == 0 and self.zero_is_singular)
        return f"{self.number(n)} {one if singular else many}"

    def gap(self, kind: GapKind) -> str:
        """A kind of gap, in words."""
        return self.gaps[str(kind)]

    def stance(self, stance: Stance) -> str:
        """A proposal's stance on a thesis (``agree``) in words."""
        return (self.stances or {}).get(str(stance), str(stance))

    def kind(self, kind: str) -> str:
        """A kind of source (``press``) in words; an unknown kind as it is."""
        return (self.kinds or {}).get(kind, kind)

    def status(self, status: str) -> str:
        """Where a candidacy ended up (``withdrew``) in words."""
        return (self.statuses or {}).get(status, status)

    def date(self, value: str | None) -> str:
        """An ISO date of the data (``2017-04``, ``2017-04-12``) as the language writes it
        (``avril 2017``, ``12 avril 2017``); anything else as it is."""
        if not value:
            return ""
        match = _ISO_DATE.fullmatch(value)
        if match is None or not self.months:
            return value
        year, month, day = match.groups()
        if not 1 <= int(month) <= 12:
            return value
        words = f"{self.months[int(month) - 1]} {year}"
        if not day:
            return words
        return f"{self.typography.first_day if int(day) == 1 else int(day)} {words}"


@cache
def languages() -> tuple[str, ...]:
    """The interface languages there is a locale file for, the default first."""
    codes = sorted(entry.stem for entry in LOCALES.glob("*.toml"))
    return tuple(sorted(codes, key=lambda code: code != DEFAULT_LANGUAGE))


def get_locale(code: str = DEFAULT_LANGUAGE) -> Locale:
    """The locale of a language code, read once (:class:`UnknownLanguageError` if there is no
    file for it)."""
    if code not in languages():
        raise UnknownLanguageError(f"no interface language {code!r}; known: {languages()}")
    return _read(code)


@cache
def _read(code: str) -> Locale:
    # TOML, the standard library's: PyYAML took longer to import and parse these files than
    # the rest of a `compare` takes to run.
    import tomllib

    return _locale(tomllib.loads((LOCALES / f"{code}.toml").read_text(encoding="utf-8")))


def _locale(data: dict[str, Any]) -> Locale:
    """A locale from its file's data, every interface string typeset (see
    :meth:`Typography.typeset`)."""
    raw = Typography(**data["typography"])

    def mark(text: str) -> str:  # punctuation that follows a word
        return raw.typeset("x" + text)[1:]

    typo = replace(
        raw,
        colon=mark(raw.colon),
        semicolon=mark(raw.semicolon),
        open_quote=mark(raw.open_quote),
        close_quote=mark(raw.close_quote),
    )

    def table(key: str) -> dict[str, str]:
        return {str(k): typo.typeset(str(v)) for k, v in data[key].items()}

    return Locale(
        code=str(data["code"]),
        name=str(data["name"]),
        words=table("words"),
        gaps=table("gaps"),
        counts={k: (typo.typeset(v[0]), typo.typeset(v[1])) for k, v in data["counts"].items()},
        blind=table("blind"),
        typography=typo,
        zero_is_singular=bool(data["zero_is_singular"]),
        months=tuple(str(m) for m in data["months"]),
        kinds=table("kinds"),
        statuses=table("statuses"),
        stances=table("stances"),
    )
