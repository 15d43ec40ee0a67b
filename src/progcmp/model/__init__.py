"""The data model: frozen dataclasses for themes, candidates, their sources and proposals.

The loader builds these from YAML; everything else only reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

LANGUAGES = ("fr", "en")  # the tone lexicon's languages (--text-lang of tone)
DEFAULT_LANGUAGE = "fr"  # a catalogue that does not say its language is in French


def primary_language(tag: str) -> str:
    """A language tag's language, without region or script: ``pt`` for ``pt-BR``. What is
    known of a language (its stop words, its stemmer, the tone lexicon's words) serves all of
    its regions."""
    return tag.split("-")[0].lower()


class SourceKind(StrEnum):
    """What kind of document a source is."""

    PROGRAMME = "programme"
    BOOKLET = "booklet"
    SPEECH = "speech"
    INTERVIEW = "interview"
    QUESTIONNAIRE = "questionnaire"
    PRESS = "press"
    COMMENTARY = "commentary"


class GapKind(StrEnum):
    """Why a candidate has no proposal on a theme, or why that is disputed."""

    NONE_FOUND = "none-found"  # nothing found in the reviewed sources
    DECLINED = "declined"  # the candidate refused to answer
    NOT_REVIEWED = "not-reviewed"  # the sources on this theme were not read
    CONTESTED = "contested"  # someone disputes the status; may stand beside proposals
    NO_STATEMENT = "no-statement"  # answered (agree, disagree...) but gave no reason


class Stance(StrEnum):
    """A candidate's answer to a thesis, as voting-advice questionnaires record it.

    The one list of stances: the schema, the JSON Schema, the cache and the locales follow it
    (a new stance is a member here and a word in each locale file).
    """

    AGREE = "agree"
    DISAGREE = "disagree"
    NEUTRAL = "neutral"

    def opposes(self, other: Stance | None) -> bool:
        """Whether the two answers contradict each other (agree against disagree)."""
        return other is not None and frozenset((self, other)) in OPPOSITE_STANCES


# The pairs of stances that contradict each other: `similar` never calls them close.
OPPOSITE_STANCES = frozenset({frozenset((Stance.AGREE, Stance.DISAGREE))})


class ContenderKind(StrEnum):
    """Who stands: a person, a party answering as such, or a list of candidates."""

    CANDIDATE = "candidate"
    PARTY = "party"
    LIST = "list"


class Reading(StrEnum):
    """How much of a reviewed source was read: a gap resting on a partial reading says so."""

    FULL = "full"
    PARTIAL = "partial"


class Status(StrEnum):
    """Where the candidacy ended up."""

    CANDIDATE = "candidate"
    WITHDREW = "withdrew"
    LOST_PRIMARY = "lost-primary"


@dataclass(frozen=True, slots=True)
class Localized:
    """A text of the data in one or more languages, keyed by language tag (``fr``, ``pt-BR``).

    ``default`` is the language the data declares its texts are in (the catalogue's): the
    fallback when a text is asked in a language it lacks.
    """

    texts: tuple[tuple[str, str], ...]
    default: str = DEFAULT_LANGUAGE

    @classmethod
    def of(cls, texts: Mapping[str, str], default: str = DEFAULT_LANGUAGE) -> Localized:
        return cls(tuple(texts.items()), default)

    def language(self, lang: str) -> str:
        """The language :meth:`get` answers ``lang`` with: ``lang`` itself if present, else
        the declared language, else the first present."""
        present = dict(self.texts)
        if lang in present:
            return lang
        return self.default if self.default in present or not self.texts else self.texts[0][0]

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back as :meth:`language` says ("" if none at all)."""
        return dict(self.texts).get(self.language(lang), "")

    def exact(self, lang: str) -> str:
        """The text in ``lang`` only ("" if the data does not give it)."""
        return dict(self.texts).get(lang, "")

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.texts)

    def as_dict(self) -> dict[str, str]:
        return dict(self.texts)


@dataclass(frozen=True, slots=True)
class Boundary:
    """A boundary rule of the catalogue: a text saying one of ``keywords`` (and none of
    ``unless``) is not on the theme that holds the rule, but on ``goes_to``."""

    keywords: tuple[str, ...]
    goes_to: str
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Theme:
    """One entry of the shared theme catalogue."""

    id: str
    label: Localized
    description: Localized
    # Words and phrases for matching, per language tag: ((lang, keywords), ...).
    keywords: tuple[tuple[str, tuple[str, ...]], ...] = ()
    boundaries: tuple[Boundary, ...] = ()  # what goes elsewhere (the "not" list)

    @property
    def language(self) -> str:
        """The catalogue's declared language (its labels' fallback)."""
        return self.label.default

    def keywords_in(self, lang: str) -> tuple[str, ...]:
        return dict(self.keywords).get(lang, ())


@dataclass(frozen=True, slots=True)
class Source:
    """A document that proposals, annotations or assessments rest on."""

    id: str
    title: str
    url: str
    kind: SourceKind
    publisher: str | None = None
    date: str | None = None
    note: str | None = None
    archived: str | None = None  # a copy in a web archive, for pages that vanish
    accessed: str | None = None  # when the page was read
    read: Reading | None = None  # how much of it was read, if said


@dataclass(frozen=True, slots=True)
class Proposal:
    """One proposal of a candidate, on one or more themes, citing one source."""

    id: str
    themes: tuple[str, ...]
    summary: str
    source: str
    quote: str | None = None
    locator: str | None = None
    note: str | None = None
    stance: Stance | None = None  # the answer to a questionnaire's thesis, if recorded
    text: str | None = None  # the contender's own words, verbatim (e.g. a written justification)


@dataclass(frozen=True, slots=True)
class Annotation:
    """A qualification of a candidate x theme: declined, not reviewed, contested, or answered
    without a statement (which may say the answer, ``stance``)."""

    theme: str
    kind: GapKind
    note: str
    source: str | None = None
    stance: Stance | None = None  # only for no-statement: what the candidate answered


@dataclass(frozen=True, slots=True)
class Assessment:
    """A third party's verdict on a programme; never one of the candidate's proposals."""

    id: str
    author: str
    source: str
    themes: tuple[str, ...]
    summary: str
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate's programme in one election, as read from one file."""

    id: str
    name: str
    party: str
    election: str
    path: str
    aliases: tuple[str, ...] = ()
    status: Status = Status.CANDIDATE
    note: str | None = None
    sources: tuple[Source, ...] = ()
    reviewed: tuple[str, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    kind: ContenderKind = ContenderKind.CANDIDATE
    leader: str | None = None  # the head of a list, or a party's leader
    ballot: int | None = None  # place in the election's official order
    language: str = DEFAULT_LANGUAGE  # what its texts are written in: its catalogue's language

    @property
    def key(self) -> str:
        """The unambiguous reference ``id@election``."""
        return f"{self.id}@{self.election}"

    def source(self, source_id: str) -> Source:
        """Return the declared source with this id (the loader guarantees it exists)."""
        return next(s for s in self.sources if s.id == source_id)

    def read_in_part(self) -> int:
        """How many of the reviewed sources were read only in part (what a gap rests on)."""
        partial = {s.id for s in self.sources if s.read is Reading.PARTIAL}
        return sum(r in partial for r in self.reviewed)

    def proposals_on(self, theme_id: str) -> tuple[Proposal, ...]:
        return tuple(p for p in self.proposals if theme_id in p.themes)

    def annotation_on(self, theme_id: str) -> Annotation | None:
        return next((a for a in self.annotations if a.theme == theme_id), None)


@dataclass(frozen=True, slots=True)
class Dataset:
    """A theme catalogue and the candidate files that use it."""

    themes: tuple[Theme, ...]
    candidates: tuple[Candidate, ...]
    root: str = ""
    # Words that mark a text as being about the field at all, per language tag.
    domain: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Elections whose folder has a catalogue of its own: (election, its themes); the others
    # use ``themes``.
    election_themes: tuple[tuple[str, tuple[Theme, ...]], ...] = ()
    _theme_index: dict[str, Theme] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._theme_index.update((t.id, t) for t in self.themes)
        for _, themes in self.election_themes:
            for t in themes:
                self._theme_index.setdefault(t.id, t)

    def theme(self, theme_id: str) -> Theme:
        return self._theme_index[theme_id]

    def themes_for(self, elections: Iterable[str]) -> tuple[Theme, ...]:
        """The themes of these elections' catalogues: the shared catalogue's order first,
        then each election catalogue's own themes in its order."""
        own = dict(self.election_themes)
        chosen: dict[str, Theme] = {}
        for election in dict.fromkeys(elections):
            for t in own.get(election, self.themes):
                chosen.setdefault(t.id, t)
        order = {t.id: i for i, t in enumerate(self.themes)}
        return tuple(sorted(chosen.values(), key=lambda t: order.get(t.id, len(order))))

    @property
    def language(self) -> str:
        """The shared catalogue's declared language."""
        return self.themes[0].language if self.themes else DEFAULT_LANGUAGE

    def language_of(self, election: str) -> str:
        """The language of an election's texts: its own catalogue's, else the shared one's."""
        own = dict(self.election_themes).get(election)
        return own[0].language if own else self.language

    def domain_words(self) -> tuple[str, ...]:
        return tuple(w for _, words in self.domain for w in words)

    @property
    def all_themes(self) -> tuple[Theme, ...]:
        """Every theme of every catalogue, once (the shared catalogue's first)."""
        return tuple(self._theme_index.values())

    @property
    def elections(self) -> tuple[str, ...]:
        return tuple(sorted({c.election for c in self.candidates}))
