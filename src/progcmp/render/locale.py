"""One interface language: the words, punctuation and numbers printed around the data.

Each language is a data file, ``locales/<code>.yaml`` beside this module: adding a language is
adding a file with the same keys as ``fr.yaml`` (a test checks that they match). A run makes one
:class:`Locale` (:func:`get_locale`) and hands it to the renderers; nothing below the CLI passes
language codes around to choose words.

The data's own text (summaries, quotes, notes, titles) is never changed by a locale: only the
interface words are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from ..model import GapKind, Localized

PACKAGE_DIR = "locales"
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


@dataclass(frozen=True, slots=True)
class Locale:
    """An interface language, made once per run from its data file.

    Attributes:
        code: the language code (``fr``), also the one used to pick a theme label.
        name: the language's name, in itself.
        words: interface strings by key, some with ``{placeholders}``.
        gaps: how a kind of gap is said (by :class:`GapKind` value).
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

    def word(self, key: str, **values: object) -> str:
        """The interface string ``key``, its ``{placeholders}`` filled from ``values``."""
        text = self.words[key]
        return text.format(**values) if values else str(text)

    def text(self, label: Localized) -> str:
        """A text of the data given in several languages (theme labels): this language's."""
        return label.get(self.code)

    def colon(self, text: str) -> str:
        """``text`` as a label followed by a colon and a space, as the language writes it."""
        return text + self.typography.colon

    def clauses(self, *parts: str) -> str:
        """Clauses joined by semicolons."""
        return self.typography.semicolon.join(parts)

    def percent(self, number: int | str) -> str:
        return f"{number}{self.typography.percent}"

    def quote(self, text: str) -> str:
        return f"{self.typography.open_quote}{text}{self.typography.close_quote}"

    def count(self, n: int, key: str) -> str:
        """``n`` and the noun, singular or plural."""
        one, many = self.counts[key]
        singular = n == 1 or (n == 0 and self.zero_is_singular)
        return f"{n} {one if singular else many}"

    def gap(self, kind: GapKind) -> str:
        """A gap as shown in tables: the words, then the kind's stable id."""
        return f"{self.gaps[str(kind)]} ({kind})"


@cache
def languages() -> tuple[str, ...]:
    """The interface languages there is a locale file for, the default first."""
    codes = sorted(
        entry.name.removesuffix(".yaml")
        for entry in files(__package__).joinpath(PACKAGE_DIR).iterdir()
        if entry.name.endswith(".yaml")
    )
    return tuple(sorted(codes, key=lambda code: code != DEFAULT_LANGUAGE))


def get_locale(code: str = DEFAULT_LANGUAGE) -> Locale:
    """The locale of a language code, read once (:class:`UnknownLanguageError` if there is no
    file for it)."""
    if code not in languages():
        raise UnknownLanguageError(f"no interface language {code!r}; known: {languages()}")
    return _read(code)


@cache
def _read(code: str) -> Locale:
    import yaml  # only when words are needed: `progcmp --version` stays light

    raw = files(__package__).joinpath(PACKAGE_DIR, f"{code}.yaml").read_text(encoding="utf-8")
    return _locale(yaml.safe_load(raw))


def _locale(data: dict[str, Any]) -> Locale:
    return Locale(
        code=str(data["code"]),
        name=str(data["name"]),
        words=dict(data["words"]),
        gaps=dict(data["gaps"]),
        counts={k: (str(v[0]), str(v[1])) for k, v in data["counts"].items()},
        blind=dict(data["blind"]),
        typography=Typography(**data["typography"]),
        zero_is_singular=bool(data["zero_is_singular"]),
    )
