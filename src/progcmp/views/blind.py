"""Blind reading: candidates become letters, and what names them is hidden.

:func:`anonymise` turns candidates into copies that every view and renderer shows as they
would the originals, so blind mode is made once, here, and not per output format. What would
tell who a candidate is:

- the name, id, aliases and party: replaced by ``Candidat A`` (in the order given), ``a``, none
  and a placeholder; the status (withdrew, lost a primary) says who too, so it is dropped;
- sources: titles (a programme's own name), publishers (the party), URLs (the campaign site),
  ids (often the candidate's name) and notes: replaced by ``Source n`` and nothing else; kind
  and date are kept;
- the candidate's note on the file (it names the campaign site): dropped;
- proposal, annotation and assessment ids: renumbered;
- names inside texts (summaries, quotes, locators, notes, assessments): every candidate's full
  name, family name, id and aliases, their initials (``JLM``), the party's name and acronym
  (``LFI``) and the programme's own name (``L'Avenir en commun``, the start of a programme
  source's title) are replaced, matched without regard to case and accents, and so are web
  addresses.
  A family name of four letters or more also hides the words derived from it with a usual
  ending (``macroniste``, ``macronisme``, ``fillon2017``), not every word it starts
  (``Durandal`` stays).

First names alone are not replaced (``Marine`` is also a navy); the content itself (what a
candidate proposes, how much) can of course still point to someone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Assessment, Candidate, Dataset, Source, SourceKind, Status
from ..text import fold

MIN_EXTENDED_NAME = 4  # a family name this long also hides its derived words: macroniste
# What makes a word from a name: macroniste(s), macronisme, macronie, fillonien, fillon2017.
_DERIVED = re.compile(r"istes?|ismes?|ie|iens?|iennes?|[0-9]+")

# The placeholders that take the place of what names a candidate; the interface language words
# them (``Candidat {letter}``, ``[parti]``...: the ``blind`` table of a locale file).
PLACEHOLDERS = ("candidate", "other", "party", "programme", "hidden_party", "link", "source")
BlindWords = Mapping[str, str]
_WORD = re.compile(r"[^\W_]+")  # the words fold keeps: letters and digits of every script
_TITLE_END = re.compile(r"\s+[—–:-]\s+|\s*:\s+")  # where a programme's name ends in a title
# A URL, or a bare domain name such as en-marche.fr (campaign sites name their candidate).
_WEB = re.compile(  # closing punctuation after an address is the sentence's, not the address's
    r"\bhttps?://[^\s<>\"]*[^\s<>\".,;:!?)\]}'»]"
    r"|\b(?:[\w-]+\.)+(?:fr|com|org|net|eu|info|io|tv|be|ch)\b(?:/[^\s<>\"]*[^\s<>\".,;:!?)\]}'»])?",
    re.IGNORECASE,
)


def letter(index: int) -> str:
    """``A`` for 0, ..., ``Z`` for 25, then ``AA``, ``AB``... (spreadsheet column names)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def anonymise(
    dataset: Dataset, candidates: Sequence[Candidate], words: BlindWords
) -> tuple[Dataset, tuple[Candidate, ...]]:
    """Return blind copies of ``candidates`` (letters in the order given) and a dataset of them.

    ``words`` words the placeholders (:data:`PLACEHOLDERS`: ``Candidat {letter}``...), as the
    interface language says them. The dataset keeps the theme catalogue and holds only the
    blind candidates, so nothing downstream can reach an original. Names of candidates of
    ``dataset`` that are not among ``candidates`` are hidden too, as ``[autre candidat]``.
    """
    missing = [key for key in PLACEHOLDERS if key not in words]
    if missing:
        raise ValueError(f"no words for the blind placeholders {missing}")
    masker = _Masker(dataset.candidates, candidates, words)
    blind = tuple(_candidate(c, letter(i), masker, words) for i, c in enumerate(candidates))
    return Dataset(dataset.themes, blind, dataset.root), blind


def _candidate(c: Candidate, label: str, masker: _Masker, words: BlindWords) -> Candidate:
    sources = {s.id: f"s{n}" for n, s in enumerate(c.sources, 1)}
    return Candidate(
        id=label.lower(),
        name=words["candidate"].format(letter=label),
        party=words["hidden_party"],
        election=c.election,
        path="",
        status=Status.CANDIDATE,
        sources=tuple(
            Source(
                id=sources[s.id],
                title=words["source"].format(n=n),
                url="",
                kind=s.kind,
                date=s.date,
            )
            for n, s in enumerate(c.sources, 1)
        ),
        reviewed=tuple(sources[s] for s in c.reviewed),
        proposals=tuple(
            replace(  # every field kept (the stance says nothing of who), the texts masked
                p,
                id=f"p{n}",
                summary=masker(p.summary),
                source=sources[p.source],
                quote=masker.optional(p.quote),
                text=masker.optional(p.text),
                locator=masker.optional(p.locator),
                note=masker.optional(p.note),
            )
            for n, p in enumerate(c.proposals, 1)
        ),
        annotations=tuple(
            replace(
                a,
                note=masker(a.note),
                source=sources[a.source] if a.source else None,
            )
            for a in c.annotations
        ),
        assessments=tuple(
            Assessment(
                id=f"t{n}",
                author=masker(a.author),
                source=sources[a.source],
                themes=a.themes,
                summary=masker(a.summary),
                quote=masker.optional(a.quote),
            )
            for n, a in enumerate(c.assessments, 1)
        ),
    )


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character as ``fold`` sees it (lowercase, no accent), possibly several or none."""
    if unicodedata.combining(char):  # an accent written apart belongs to the word around it
        return ""
    return fold(char) or " "


def _initials(text: str) -> str:
    """``LFI`` for La France insoumise, ``JLM`` for Jean-Luc Mélenchon."""
    return "".join(w[0] for w in re.split(r"[\s\-–—']+", text) if w and w[0].isalpha()).upper()


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


@dataclass
class _Masker:
    """Replaces names, parties and web addresses in a text (see the module's docstring)."""

    everyone: Sequence[Candidate]
    chosen: Sequence[Candidate]
    words: BlindWords
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)  # exact uppercase form -> label
    extended: dict[str, str] = field(default_factory=dict)  # family name -> label

    def __post_init__(self) -> None:
        labels = {
            c.key: self.words["candidate"].format(letter=letter(i))
            for i, c in enumerate(self.chosen)
        }
        party = self.words["party"]
        programme = self.words["programme"]
        other = self.words["other"]
        for c in [*self.chosen, *self.everyone]:  # the chosen first: their labels win
            label = labels.get(c.key, other)
            family = (c.name.split(maxsplit=1) or [""])[-1]  # after the first name
            for phrase in (c.name, family, c.id, *c.aliases):
                self._add(_words(phrase), label)
            family_words = _words(family)
            if len(family_words) == 1 and len(family_words[0]) >= MIN_EXTENDED_NAME:
                self.extended.setdefault(family_words[0], label)
            if len(initials := _initials(c.name)) >= 3:
                self.acronyms.setdefault(initials, label)
            self._add(_words(c.party), party)
            if len(initials := _initials(c.party)) >= 2:
                self.acronyms.setdefault(initials, party)
            for source in c.sources:  # a programme's own name: "L'Avenir en commun — ..."
                if source.kind in (SourceKind.PROGRAMME, SourceKind.BOOKLET):
                    title = _TITLE_END.split(source.title, maxsplit=1)[0]
                    if len(words := _words(title)) >= 2:
                        self._add(words, programme)
        for phrases in self.by_first.values():
            phrases.sort(key=len, reverse=True)  # the longest phrase wins

    def _add(self, words: tuple[str, ...], label: str) -> None:
        if words and words not in self.phrases:
            self.phrases[words] = label
            self.by_first.setdefault(words[0], []).append(words)

    def optional(self, text: str | None) -> str | None:
        return None if text is None else self(text)

    def __call__(self, text: str) -> str:
        text = _WEB.sub(self.words["link"], text)
        folded: list[str] = []
        origin: list[int] = []  # folded position -> position in text
        for position, char in enumerate(text):
            for f in _fold_char(char):
                folded.append(f)
                origin.append(position)
        tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer("".join(folded))]
        spans: list[tuple[int, int, str]] = []  # (start, end, label) in text
        i = 0
        while i < len(tokens):
            found = self._phrase_at(tokens, i) or self._word_at(tokens[i], text, origin)
            if found is None:
                i += 1
                continue
            length, label = found
            spans.append((origin[tokens[i][1]], origin[tokens[i + length - 1][2] - 1] + 1, label))
            i += length
        for start, end, label in reversed(spans):
            text = text[:start] + label + text[end:]
        return text

    def _word_at(
        self, token: tuple[str, int, int], text: str, origin: list[int]
    ) -> tuple[int, str] | None:
        """An acronym as written (``LFI``, not ``lfi``), or a word derived from a family name."""
        word, start, end = token
        label = self.acronyms.get(text[origin[start] : origin[end - 1] + 1])
        for k in range(len(word) - 1, MIN_EXTENDED_NAME - 1, -1):
            if not label and _DERIVED.fullmatch(word[k:]):
                label = self.extended.get(word[:k])
        return (1, label) if label else None

    def _phrase_at(self, tokens: list[tuple[str, int, int]], i: int) -> tuple[int, str] | None:
        for words in self.by_first.get(tokens[i][0], ()):
            if tuple(t[0] for t in tokens[i : i + len(words)]) == words:
                return len(words), self.phrases[words]
        return None
