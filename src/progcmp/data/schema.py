"""The file formats, declared once: the loader validates against these specs, and
``progcmp schema`` derives a JSON Schema from them, so the two cannot drift apart."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..model import ContenderKind, GapKind, Reading, SourceKind, Stance, Status
from ..text import show
from ..text.matching import did_you_mean

SCHEMA_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
# The host, then nothing or a path, query or fragment: the two parts cannot overlap, so a long
# value that fails is rejected in linear time (an overlap made it quadratic: minutes).
URL_PATTERN = r"^https?://[^\s/?#]+(?:[/?#]\S*)?$"
# A language tag, BCP 47 simplified: a 2-3 letter lowercase language, then subtags (pt-BR).
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


@dataclass(frozen=True, slots=True)
class Text:
    """A text value. Plain YAML scalars are always read as text, never re-typed."""

    description: str
    pattern: str | None = None
    hint: str = ""  # says in words what the pattern wants
    choices: tuple[str, ...] = ()
    multiline: bool = False
    max_length: int = 300

    def accepts(self, value: str) -> bool:
        """``problem(value) is None``, faster: the loader asks this of every value."""
        if len(value) > self.max_length or (self.choices and value not in self.choices):
            return False
        if self.pattern is None:
            return True
        if not _compiled(self.pattern).fullmatch(value):
            return False
        if self.pattern == DATE_PATTERN:
            return _real_date(value)
        return self.pattern != URL_PATTERN or _has_host(value)

    def problem(self, value: str) -> str | None:
        """Return what is wrong with a non-empty value, or None."""
        got = show(value, ascii_only=self.pattern == ID_PATTERN or bool(self.choices))
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(self.choices)} (got {got})" + did_you_mean(
                value, map(str, self.choices)
            )
        if self.pattern and not _compiled(self.pattern).fullmatch(value):
            return f"must be {self.hint} (got {got})"
        if self.pattern == URL_PATTERN and not _has_host(value):
            return f"must be {self.hint} (got {got})"
        if self.pattern == DATE_PATTERN and not _real_date(value):
            return f"must be a real date (got {got})"
        if len(value) > self.max_length:
            return f"is too long ({len(value)} characters; the limit is {self.max_length})"
        return None


def _real_date(text: str) -> bool:
    """Whether a YYYY-MM-DD date is in the calendar (2024-02-30 is not); YYYY and YYYY-MM are."""
    if len(text) != 10:
        return True
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _has_host(url: str) -> bool:
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # e.g. an unbalanced '[' ("Invalid IPv6 URL")
        return False


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@dataclass(frozen=True, slots=True)
class ListOf:
    """A list of items of one spec."""

    item: Spec
    description: str
    min_items: int = 0
    max_items: int = 10_000


@dataclass(frozen=True, slots=True)
class Record:
    """A mapping with known fields; any other field is an error."""

    name: str
    description: str
    required: dict[str, Spec] = field(default_factory=dict)
    optional: dict[str, Spec] = field(default_factory=dict)
    # A mapping keyed by the data (language tags): every key must satisfy ``keys``, and its
    # value ``values``; ``required``/``optional`` are then unused.
    keys: Text | None = None
    values: Spec | None = None
    min_keys: int = 0
    fields: dict[str, Spec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", {**self.required, **self.optional})


Spec = Text | ListOf | Record

ID = Text(
    "Stable identifier: lowercase ASCII letters, digits and hyphens.",
    ID_PATTERN,
    "lowercase letters, digits and hyphens, starting with a letter or digit",
    max_length=64,
)
NAME = Text("A short single-line text.", max_length=200)
LONG_TEXT = Text("Free text; may span several lines.", multiline=True, max_length=2000)
QUOTE = Text(
    "A few verbatim words from the source, where the exact form matters.",
    multiline=True,
    max_length=200,
)
# Longer than a quote may be, for a whole verbatim answer (a questionnaire's justification),
# yet bounded: a programme copied whole is not a proposal.
VERBATIM_TEXT = Text(
    "The contender's own words, verbatim (e.g. a questionnaire's written justification), "
    "from the same source and locator; the summary stays in the project's own words.",
    multiline=True,
    max_length=5000,
)
URL = Text("An http(s) URL.", URL_PATTERN, "an http(s) URL", max_length=2000)
DATE = Text(
    "Publication date: YYYY, YYYY-MM or YYYY-MM-DD.",
    DATE_PATTERN,
    "a date written YYYY, YYYY-MM or YYYY-MM-DD",
    max_length=10,
)
STANCE = Text(
    "The answer to a questionnaire's thesis: " + ", ".join(Stance) + ".",
    choices=tuple(Stance),
)
THEME_IDS = ListOf(ID, "Theme ids from the catalogue.", min_items=1, max_items=20)


LANGUAGE = Text(
    "A language tag (BCP 47): fr, en, de, pt-BR...",
    LANGUAGE_PATTERN,
    "a language tag such as fr, en, de or pt-BR",
    max_length=35,
)


def _localized(name: str, text: Text) -> Record:
    return Record(
        name,
        f"{name.capitalize()} per language tag (fr, en, de, pt-BR...); the catalogue's "
        "language must be one of them.",
        keys=LANGUAGE,
        values=text,
        min_keys=1,
    )


def _per_language(name: str, what: str) -> Record:
    return Record(
        name,
        f"{what} per language tag (fr, en, de, pt-BR...).",
        keys=LANGUAGE,
        values=ListOf(NAME, what + "."),
    )


THEME = Record(
    "theme",
    "One theme of the catalogue.",
    required={
        "id": ID,
        "label": _localized("label", NAME),
        "description": _localized("description", Text("A sentence or two.", max_length=1000)),
    },
    optional={
        "keywords": _per_language("keywords", "Words and phrases for matching"),
        "not": ListOf(
            Record(
                "boundary rule",
                "Where a subject goes instead of this theme: a proposal tagged with this theme "
                "whose text says one of the keywords (and none of the unless words) belongs to "
                "the goes-to theme. `progcmp suggest-themes` reports the tags that break it.",
                required={
                    "keywords": ListOf(NAME, "Words or phrases of the subject (any language).", 1),
                    "goes-to": ID,
                },
                optional={"unless": ListOf(NAME, "Words that keep the subject on this theme.")},
            ),
            "Boundary rules: subjects that go under another theme.",
        ),
    },
)

THEMES_FILE = Record(
    "themes file",
    "The shared theme catalogue (themes.yaml).",
    required={"themes": ListOf(THEME, "The themes, in display order.", min_items=1, max_items=500)},
    optional={
        # The dataset's own metadata, for `progcmp package` (read from the root catalogue only).
        "title": Text("The dataset's title (progcmp package).", max_length=200),
        "license": Text(
            "The data's licence, as an SPDX identifier (CC-BY-4.0, CC0-1.0, ODbL-1.0...).",
            r"^[A-Za-z0-9][A-Za-z0-9.+-]*$",
            "an SPDX licence identifier such as CC-BY-4.0",
            max_length=64,
        ),
        "version": Text(
            "The dataset's version (progcmp package).",
            r"^[0-9A-Za-z][0-9A-Za-z.+-]*$",
            "a version such as 1.0.0",
            max_length=64,
        ),
        "language": Text(
            "The language tag of the catalogue's texts and of its candidates' texts (fr, en, "
            "de, pt-BR...); default fr.",
            LANGUAGE_PATTERN,
            "a language tag such as fr, en, de or pt-BR",
            max_length=35,
        ),
        "domain": _per_language(
            "domain",
            "Words that show a text is about the catalogue's field at all (theme suggestion "
            "counts one-word keywords and description words fully only in such a text)",
        ),
    },
)

SOURCE = Record(
    "source",
    "A document cited by this file.",
    required={
        "id": ID,
        "title": NAME,
        "url": URL,
        "kind": Text("What kind of document it is.", choices=tuple(SourceKind)),
    },
    optional={
        "publisher": NAME,
        "date": DATE,
        "note": LONG_TEXT,
        "archived": Text(
            "A copy of the page in a web archive (campaign sites vanish).",
            URL_PATTERN,
            "an http(s) URL",
            max_length=2000,
        ),
        "accessed": Text(
            "When the page was read: YYYY, YYYY-MM or YYYY-MM-DD.",
            DATE_PATTERN,
            "a date written YYYY, YYYY-MM or YYYY-MM-DD",
            max_length=10,
        ),
        "read": Text(
            "How much of the source was read: full or partial. A gap that rests only on "
            "partially read sources says so.",
            choices=tuple(Reading),
        ),
    },
)

PROPOSAL = Record(
    "proposal",
    "One proposal of the candidate.",
    required={
        "id": ID,
        "themes": THEME_IDS,
        "summary": Text(
            "The proposal in the project's own words.", multiline=True, max_length=2000
        ),
        "source": ID,
    },
    optional={
        "quote": QUOTE,
        "text": VERBATIM_TEXT,
        "locator": NAME,
        "note": LONG_TEXT,
        "stance": STANCE,
    },
)

ANNOTATION_KINDS = tuple(k for k in GapKind if k is not GapKind.NONE_FOUND)
ANNOTATION = Record(
    "annotation",
    "Qualifies a theme for this candidate: " + ", ".join(ANNOTATION_KINDS) + ".",
    required={
        "theme": ID,
        "kind": Text(", ".join(ANNOTATION_KINDS) + ".", choices=ANNOTATION_KINDS),
        "note": LONG_TEXT,
    },
    optional={
        "source": ID,
        "stance": Text(
            "Only with kind no-statement: what the candidate answered without a statement ("
            + ", ".join(Stance)
            + ").",
            choices=tuple(Stance),
        ),
    },
)

ASSESSMENT = Record(
    "assessment",
    "A third party's verdict on the programme (not the candidate's words).",
    required={
        "id": ID,
        "author": NAME,
        "source": ID,
        "themes": THEME_IDS,
        "summary": Text("The verdict in the project's own words.", multiline=True, max_length=2000),
    },
    optional={"quote": QUOTE},
)

CANDIDATE_FILE = Record(
    "candidate file",
    "One candidate's digital programme in one election.",
    required={
        "id": ID,
        "name": NAME,
        "party": NAME,
        "election": ID,
        "sources": ListOf(SOURCE, "Every source cited in this file."),
        "reviewed": ListOf(
            ID,
            "Ids of the sources read for this file: a theme with no "
            "proposal means nothing was found in these.",
        ),
        "proposals": ListOf(PROPOSAL, "The proposals."),
    },
    optional={
        "aliases": ListOf(NAME, "Other names users may type.", max_items=20),
        "status": Text("candidate, withdrew or lost-primary.", choices=tuple(Status)),
        "kind": Text(
            "Who stands: candidate (a person, the default), party or list.",
            choices=tuple(ContenderKind),
        ),
        "leader": Text("The head of a list, or a party's leader.", max_length=200),
        "ballot": Text(
            "Place in the election's official order (the number of a list on the ballot).",
            r"^[1-9][0-9]{0,3}$",
            "a whole number from 1 to 9999",
            max_length=4,
        ),
        "note": LONG_TEXT,
        "annotations": ListOf(
            ANNOTATION, "Declined, not-reviewed, contested or no-statement themes."
        ),
        "assessments": ListOf(ASSESSMENT, "Third-party verdicts."),
    },
)


# A lexicon term: words separated by single spaces, each may end with '*' (a stem). What a term
# may contain beyond that (letters, a stem's minimum length) is checked by the loader, which
# can say it in words.
TERM = Text(
    "A word (matches that whole word), a stem ending in * (matches any word starting with it), "
    "or a phrase of these separated by single spaces (lutt* contre). Case, accents and "
    "punctuation are ignored.",
    r"^[^\s*]+\*?( [^\s*]+\*?)*$",
    "a word, a stem ending in '*', or such words separated by single spaces",
    max_length=80,
)
TERMS = ListOf(TERM, "Terms: words, stems ending in *, or phrases.", max_items=2000)

TONE_CATEGORY = Record(
    "tone category",
    "One side of the tone lexicon: what it means, and its terms in French and English.",
    required={
        "description": Record(
            "description",
            "Description in French and English.",
            required=dict.fromkeys(
                ("fr", "en"), Text("What the words of this side have in common.", max_length=1000)
            ),
        ),
        "fr": TERMS,
        "en": TERMS,
    },
)

TONE_LEXICON_FILE = Record(
    "tone lexicon",
    "The words that mark a proposal's wording as defensive or constructive (progcmp tone).",
    required={"defensive": TONE_CATEGORY, "constructive": TONE_CATEGORY},
    optional={
        "neutral": Record(
            "neutral terms",
            "Phrases holding a listed word in another meaning (à l'aide de): where one "
            "matches, its words count for neither side.",
            required=dict(TONE_CATEGORY.required),
        ),
        "note": LONG_TEXT,
    },
)

AGENDA_ITEM = Record(
    "agenda item",
    "One ask of the agenda, mapped to themes of the catalogue.",
    required={
        "id": ID,
        "title": Text("The ask, in a line, in the agenda's own language.", max_length=300),
        "themes": THEME_IDS,
    },
    optional={
        "summary": LONG_TEXT,
        "url": URL,
        "keywords": ListOf(
            TERM,
            "If given, a proposal on the item's themes covers it only if it mentions one of "
            "these terms.",
            max_items=100,
        ),
    },
)

AGENDA_FILE = Record(
    "agenda file",
    "A reference agenda (a federation's asks, a pledge) to measure candidates against.",
    required={
        "title": NAME,
        "items": ListOf(AGENDA_ITEM, "The asks, in the agenda's order.", min_items=1),
    },
    optional={"publisher": NAME, "url": URL, "date": DATE, "note": LONG_TEXT},
)


# A stable identifier for each printed schema: a URN, not a URL, since no web address serves
# them. Its last part is SCHEMA_VERSION, which changes only when a file valid before is refused.
SCHEMA_IDS = {
    "candidate file": "candidate",
    "themes file": "themes",
    "agenda file": "agenda",
    "tone lexicon": "lexicon",
}


def schema_id(spec: Spec) -> str:
    """The ``$id`` of a file spec's JSON Schema: ``urn:progcmp:schema:<file>:<version>``."""
    return f"urn:progcmp:schema:{SCHEMA_IDS[spec_name(spec)]}:{SCHEMA_VERSION}"


def json_schema(spec: Spec = CANDIDATE_FILE) -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) for a file spec, for editors and other tools."""
    schema = _to_json(spec)
    title = "progcmp candidate file" if spec is CANDIDATE_FILE else f"progcmp {spec_name(spec)}"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(spec),
        "title": title,
        **schema,
    }


def spec_name(spec: Spec) -> str:
    return spec.name if isinstance(spec, Record) else "value"


def _to_json(spec: Spec) -> dict[str, Any]:
    if isinstance(spec, Text):
        out: dict[str, Any] = {
            "type": "string",
            "description": spec.description,
            "minLength": 1,
            "maxLength": spec.max_length,
        }
        if spec.choices:
            out["enum"] = list(spec.choices)
        if spec.pattern:
            out["pattern"] = spec.pattern
        return out
    if isinstance(spec, ListOf):
        out = {
            "type": "array",
            "description": spec.description,
            "items": _to_json(spec.item),
            "maxItems": spec.max_items,
        }
        if spec.min_items:
            out["minItems"] = spec.min_items
        return out
    if spec.keys is not None and spec.values is not None:
        out = {
            "type": "object",
            "description": spec.description,
            "propertyNames": {"pattern": spec.keys.pattern, "maxLength": spec.keys.max_length},
            "additionalProperties": _to_json(spec.values),
        }
        if spec.min_keys:
            out["minProperties"] = spec.min_keys
        return out
    return {
        "type": "object",
        "description": spec.description,
        "properties": {name: _to_json(sub) for name, sub in spec.fields.items()},
        "required": list(spec.required),
        "additionalProperties": False,
    }
