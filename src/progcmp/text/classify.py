"""Theme suggestion: which catalogue themes a proposal's text touches, and how surely.

Pure functions over the catalogue (labels, keywords, descriptions) and a text; no training data.

How a text is scored against a theme:

- Text and catalogue go through the same analysis: lowercase, French elisions dropped (``l'``,
  ``d'``...), hyphenated words joined (``cyber-sécurité`` = ``cybersécurité``), stop words
  dropped, each word reduced to its Snowball French stem and accent-folded.
- A keyword or label of the theme found in the text is strong evidence: a phrase of several words
  found as a whole (``données personnelles``) counts more than one word (``hadopi``), and a single
  word counts more when the text is also about the digital domain (it holds a word the catalogue
  uses across several themes, such as *numérique* or *internet*). A stem match only counts when
  the two surface words are alike (rapidfuzz ratio), so that ``chiffres`` (figures) does not pass
  for ``chiffrement`` (encryption) although Snowball gives both the stem ``chiffr``.
- Words of the theme's description that few other themes use are weak evidence. A clause of a
  description that sends a subject to another theme (``... va sous vie privée``, ``... a son propre
  thème``) is not evidence for this one.
- The pieces of evidence combine as independent clues, ``1 - Π(1 - w)``: the score is in [0, 1)
  and only grows with more evidence. Themes scoring at least :data:`SUGGEST_AT` are suggested (at
  most :data:`MAX_SUGGESTED`); a suggestion whose best score is under :data:`CONFIDENT_AT` is
  flagged for review.

:mod:`progcmp.evaluation` measures the suggestions against hand-tagged proposals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, ClassVar

from ..model import Candidate, Dataset, Proposal, Theme, primary_language
from . import fold

SUGGEST_AT = 0.5  # a theme scoring this much is suggested
CONFIDENT_AT = 0.75  # a suggestion whose best theme scores less is flagged for review
SUPPORTED_AT = 0.2  # audit: a tag whose theme scores less has no support in the text
CLEARLY_AT = 0.8  # audit: an untagged theme scoring this much is clearly touched
MAX_SUGGESTED = 3

PHRASE_WEIGHT = 0.9  # a keyword or label of several words, found whole and in order
WORD_IN_DOMAIN_WEIGHT = 0.8  # a one-word keyword, in a text about the digital domain
WORD_WEIGHT = 0.55  # a one-word keyword, in a text with no other sign of the domain
SCATTERED_WEIGHT = 0.45  # every word of a keyword phrase, close together but not in order
DESCRIPTION_WEIGHT = 0.25  # a label word, or a description word used by this theme alone
SHARED_DESCRIPTION_WEIGHT = 0.12  # ... used by this theme and one other
SCATTER_WINDOW = 6  # how far apart (in words) the words of a scattered phrase may be
PHRASE_STEM_LENGTH = 5  # in a phrase, a stem this long matches without the surface check
TYPO_MIN_LENGTH = 8  # words this long may differ by one typing slip and still match
DOMAIN = ""  # the pseudo-theme of the catalogue's domain words

# Function words: French, and the English ones the catalogue's English keywords hold. Compared
# after accent folding.
_STOPWORD_TEXT = """
    a afin ai aie ainsi alors au aucun aucune aupres aussi autre autres aux avant avec avoir
    c ca car ce ceci cela celle celles celui ces cet cette chaque chez ci comme comment d
    dans de des deja donc dont du elle elles en encore entre est et etc ete etre eux fait
    faire faut il ils j je jusqu l la le les leur leurs lors lorsqu lui m ma mais me meme
    memes mes moins mon n ne ni nos notre nous on ont or ou par parce pas peu peut plus pour
    pourra puisqu qu quand que quel quelle quelles quels qui quoi s sa sans se selon ser
    sera seront ses si sien soit son sont sous sur t ta te tel telle telles tels tes toi ton
    tous tout toute toutes tres un une vers via vos votre vous y an and are as at be by for
    from in into is it its of on or our that the their this to with
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# German function words: a short list, like the others (articles, pronouns, prepositions,
# auxiliaries), with the English ones, which catalogues borrow. Folded (ä -> a, ß -> ss).
_GERMAN_STOPWORDS = """
    aber als am an auch auf aus bei beim bis da damit dann das dass dem den der des die dies
    diese diesem diesen dieser doch durch ein eine einem einen einer eines er es fur gegen hat
    haben ich ihr ihre im in ist ja jede jeder kann kein keine mit muss nach nicht noch nur ob
    oder ohne sein seine sich sie sind so soll sollen uber um und uns unser unsere unter vom
    von vor wann war warum was weil wenn werden wie wir wird wo zu zum zur zwischen an and are
    as at be by for from in into is it its of on or our that the their this to with
"""
# Stop words per language: only fr (with the English ones: it has always been used for both),
# en and de have a list; any other language keeps all its words.
STOP_WORDS: dict[str, frozenset[str]] = {
    "fr": STOPWORDS,
    "en": STOPWORDS,
    "de": frozenset(_GERMAN_STOPWORDS.split()),
}
# Snowball stemmers by primary language subtag; a language without one is only folded.
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "eo": "esperanto", "es": "spanish", "et": "estonian",
    "eu": "basque", "fa": "persian", "fi": "finnish", "fr": "french", "ga": "irish",
    "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "nb": "norwegian", "ne": "nepali", "nl": "dutch", "nn": "norwegian",
    "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sr": "serbian", "st": "sesotho", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}  # fmt: skip

_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")
_WORD = re.compile(r"[^\W_]+")
# A clause of a description that sends a subject elsewhere: "X va sous Y", "X vont aussi sous
# Y", "X relèvent de Y", "X a son propre thème", and the English "goes under", "own theme".
_POINTER = re.compile(
    r"\b(?:va|vont|relève|relèvent)\s+(?:aussi\s+)?(?:sous|de)\b|\bpropres?\s+thème"
    r"|\bgo(?:es)?\s+(?:also\s+)?under\b|\bbelongs?\s+to\b|\bown\s+theme",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r"(?<=[.;!?])\s+|\s*;\s*")


# --- text analysis ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """One word of an analysed text: its stem (matching key) and its folded surface form."""

    stem: str
    surface: str


def analyse(text: str, lang: str = "fr") -> tuple[Word, ...]:
    """Split a text in language ``lang`` into content words, each with its stem (by that
    language's Snowball stemmer, if there is one) and folded form.

    >>> [w.stem for w in analyse("L'ouverture des données publiques")]
    ['ouvertur', 'don', 'publiqu']
    """
    text = _HYPHEN.sub("", _ELISION.sub(" ", text.lower()))
    words = []
    stop_words = STOP_WORDS.get(primary_language(lang), frozenset())
    for token in _WORD.findall(text):
        surface = fold(token).replace(" ", "")
        if surface and surface not in stop_words:
            words.append(Word(_stem(token, lang), surface))
    return tuple(words)


def stems_in(lang: str) -> bool:
    """Whether words of ``lang`` are stemmed (else only folded)."""
    return primary_language(lang) in _SNOWBALL


@lru_cache(maxsize=65536)
def _stem(token: str, lang: str = "fr") -> str:
    """Snowball stem of a lowercase word, accent-folded (cached: words repeat a lot).

    In French, a stem ending in ``qu`` is written ``c``, so that masculine and feminine forms
    meet (Snowball gives ``public`` but ``publiqu``).
    """
    primary = primary_language(lang)
    stemmer = _stemmer(_SNOWBALL.get(primary, ""))
    stem = fold(stemmer(token) if stemmer else token).replace(" ", "") or token
    return stem[:-2] + "c" if stem.endswith("qu") and primary == "fr" else stem


@cache
def _stemmer(algorithm: str) -> Callable[[str], str] | None:
    if not algorithm:
        return None
    import snowballstemmer  # type: ignore[import-untyped]

    stem: Callable[[str], str] = snowballstemmer.stemmer(algorithm).stemWord
    return stem


@lru_cache(maxsize=65536)
def _alike(a: str, b: str) -> bool:
    """Whether two folded words with one stem are forms of one word, not a stemmer's collision.

    They are when they differ only by an inflection (``ouvert``, ``ouvertes``; ``réseau``,
    ``réseaux``), or, for long words, by one typing slip (rapidfuzz Damerau-Levenshtein).
    ``chiffres`` (figures) and ``chiffrement`` (encryption) share the stem ``chiffr``, as do
    ``données`` and ``donner``: they are not alike.
    """
    from rapidfuzz.distance import DamerauLevenshtein

    if _uninflected(a) == _uninflected(b):
        return True
    return min(len(a), len(b)) >= TYPO_MIN_LENGTH and DamerauLevenshtein.distance(a, b) <= 1


def _uninflected(word: str) -> str:
    """Drop a plural (-s, -x) and a feminine (-e, and a doubled consonant before it)."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] in "lnt":
            word = word[:-1]
    return word


# --- the classifier ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """A keyword or label of a theme, analysed: the words that are evidence for it."""

    theme: str
    words: tuple[Word, ...]
    text: str  # as the catalogue writes it, to explain a suggestion
    scatter: bool = True  # may match with its words apart (not for another language's words)


@dataclass(frozen=True, slots=True)
class Rule:
    """A boundary rule of the catalogue, analysed: text saying ``keywords`` (and none of
    ``unless``) is not on ``theme`` but on ``goes_to``."""

    theme: str
    goes_to: str
    keywords: tuple[tuple[str, tuple[Word, ...]], ...]  # as written, analysed
    unless: tuple[tuple[Word, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Classifier:
    """Everything the catalogue says about its themes, indexed for matching."""

    themes: tuple[str, ...]  # ids, in catalogue order
    cues: dict[str, tuple[Cue, ...]]  # by the stem of the cue's first word
    description: dict[str, dict[str, float]]  # stem -> theme -> weight
    rules: dict[str, tuple[Rule, ...]] = field(default_factory=dict)  # by the theme they limit
    lang: str = "fr"  # the language of the texts it classifies: how words are stemmed
    has_keywords: bool = True  # whether the catalogue has keywords in ``lang``

    @property
    def size(self) -> int:
        return len(self.themes)


def build_classifier(
    themes: Sequence[Theme], domain: Iterable[str] = (), lang: str = "fr"
) -> Classifier:
    """Index a catalogue's keywords (every language), labels and descriptions (in ``lang``).

    Args:
        themes: the catalogue.
        domain: words that show a text is about the catalogue's field at all.
        lang: the language of the texts to classify: its stemmer and stop words analyse text
            and catalogue alike; descriptions are read in it (keywords and labels of the other
            languages are used too, as whole phrases: programmes borrow English terms).
    """
    cues: dict[str, list[Cue]] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    used_by: dict[str, set[str]] = {}
    description_words: dict[str, set[str]] = {}

    def add(theme_id: str, phrase: str, scatter: bool = True) -> tuple[Word, ...]:
        words = analyse(phrase, lang)
        key = (theme_id, tuple(w.stem for w in words))
        if words and key not in seen:
            seen.add(key)
            cues.setdefault(words[0].stem, []).append(Cue(theme_id, words, phrase, scatter))
        return words

    domain_stems = {w.stem for phrase in domain for w in add(DOMAIN, phrase)}
    label_words: dict[str, set[str]] = {}
    for theme in themes:
        own_language = (theme.label.get(lang), *theme.keywords_in(lang))
        for phrase in own_language:
            for w in add(theme.id, phrase):
                used_by.setdefault(w.stem, set()).add(theme.id)
        for other in _others(theme, lang):
            for phrase in (theme.label.exact(other), *theme.keywords_in(other)):
                for w in add(theme.id, phrase, scatter=False):
                    used_by.setdefault(w.stem, set()).add(theme.id)
        label_words[theme.id] = {w.stem for w in analyse(theme.label.get(lang), lang)}
        own = set(label_words[theme.id])
        for clause in _CLAUSES.split(theme.description.get(lang)):
            if not _POINTER.search(clause):
                own.update(w.stem for w in analyse(clause, lang))
        description_words[theme.id] = own
        for stem in own:
            used_by.setdefault(stem, set()).add(theme.id)
    description: dict[str, dict[str, float]] = {}
    for theme_id, stems in description_words.items():
        for stem in stems - domain_stems:  # domain words say "digital", not which theme
            users = len(used_by[stem])
            if users == 1 or stem in label_words[theme_id]:
                description.setdefault(stem, {})[theme_id] = DESCRIPTION_WEIGHT
            elif users == 2:
                description.setdefault(stem, {})[theme_id] = SHARED_DESCRIPTION_WEIGHT
    rules = {
        t.id: tuple(
            Rule(
                t.id,
                b.goes_to,
                tuple((k, analyse(k, lang)) for k in b.keywords),
                tuple(analyse(u, lang) for u in b.unless),
            )
            for b in t.boundaries
        )
        for t in themes
        if t.boundaries
    }
    return Classifier(
        themes=tuple(t.id for t in themes),
        cues={k: tuple(v) for k, v in cues.items()},
        description=description,
        rules=rules,
        lang=lang,
        has_keywords=any(t.keywords_in(lang) for t in themes),
    )


def _others(theme: Theme, lang: str) -> tuple[str, ...]:
    """The theme's other languages, French and English first (the order they always had)."""
    present = {*theme.label.languages, *(k for k, _ in theme.keywords)} - {lang}
    return tuple(sorted(present, key=lambda code: (code not in ("fr", "en"), code)))


def classifier_for(
    dataset: Dataset, lang: str | None = None, themes: Sequence[Theme] | None = None
) -> Classifier:
    """The classifier of a dataset's catalogue (or of ``themes``), domain words included, for
    texts in ``lang`` (default: the catalogue's language)."""
    return build_classifier(
        dataset.themes if themes is None else themes,
        dataset.domain_words(),
        dataset.language if lang is None else lang,
    )


@dataclass(frozen=True, slots=True)
class ThemeScore:
    """How strongly a text touches one theme, and the catalogue words that say so."""

    theme: str
    score: float
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"theme": self.theme, "score": round(self.score, 2), "evidence": list(self.evidence)}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The themes suggested for one text (best first), with every theme that scored at all."""

    themes: tuple[ThemeScore, ...]
    scores: tuple[ThemeScore, ...] = field(default=(), repr=False)

    @property
    def matched(self) -> bool:
        return bool(self.themes)

    @property
    def confidence(self) -> float:
        """The best score, suggested or not (0 when nothing in the text points to a theme)."""
        return self.scores[0].score if self.scores else 0.0

    @property
    def review(self) -> bool:
        """Suggested, but with a best score under :data:`CONFIDENT_AT`."""
        return self.matched and self.confidence < CONFIDENT_AT

    def score_of(self, theme_id: str) -> float:
        return next((s.score for s in self.scores if s.theme == theme_id), 0.0)


def score(classifier: Classifier, text: str) -> tuple[ThemeScore, ...]:
    """Every theme the text gives evidence for, best first (ties in catalogue order)."""
    words = analyse(text, classifier.lang)
    matches: list[tuple[Cue, bool]] = []  # (cue, found whole)
    covered: set[int] = set()  # positions inside a found keyword: not description evidence too
    found: set[tuple[str, str]] = set()
    for i, word in enumerate(words):
        for cue in classifier.cues.get(word.stem, ()):
            if (cue.theme, cue.text) in found:
                continue
            span: Sequence[int] | None = _match_at(cue.words, words, i)
            whole = span is not None
            if span is None and cue.scatter and len(cue.words) > 1:
                span = _scattered(cue.words, words, i)
            if span is None:
                continue
            found.add((cue.theme, cue.text))
            covered.update(span)
            matches.append((cue, whole))
    in_domain = any(whole and (c.theme == DOMAIN or len(c.words) > 1) for c, whole in matches)
    weights: dict[str, list[float]] = {}
    evidence: dict[str, list[str]] = {}
    for cue, whole in matches:
        if cue.theme == DOMAIN:
            continue
        if not whole:
            weight = SCATTERED_WEIGHT
        elif len(cue.words) > 1:
            weight = PHRASE_WEIGHT
        else:
            weight = WORD_IN_DOMAIN_WEIGHT if in_domain else WORD_WEIGHT
        weights.setdefault(cue.theme, []).append(weight)
        evidence.setdefault(cue.theme, []).append(cue.text)
    # Description words support other evidence: the text's being about the domain, or a
    # keyword of the same theme. They never count alone.
    seen_stems: set[str] = set()
    for i, word in enumerate(words):
        if i in covered or word.stem in seen_stems:
            continue
        seen_stems.add(word.stem)
        for theme_id, weight in classifier.description.get(word.stem, {}).items():
            if in_domain or theme_id in weights:
                weights.setdefault(theme_id, []).append(weight)
    order = {t: n for n, t in enumerate(classifier.themes)}
    scores = [
        ThemeScore(theme_id, _combine(ws), tuple(evidence.get(theme_id, ())))
        for theme_id, ws in weights.items()
    ]
    return tuple(sorted(scores, key=lambda s: (-s.score, order[s.theme])))


def _same(want: Word, got: Word, in_phrase: bool) -> bool:
    """Whether a text word is a catalogue word.

    Stems must be equal, and the two words forms of one word. Within a phrase, where the other
    words confirm the sense, two words that both begin with a long stem are also taken
    (``numériser les services publics`` is ``numérisation des services publics``).
    """
    if want.stem != got.stem:
        return False
    if _alike(want.surface, got.surface):
        return True
    stem = want.stem
    return (
        in_phrase
        and len(stem) >= PHRASE_STEM_LENGTH
        and want.surface.startswith(stem)
        and got.surface.startswith(stem)
    )


def _match_at(cue: tuple[Word, ...], words: tuple[Word, ...], start: int) -> range | None:
    """The positions of the cue found whole, in order, from ``start``; or None."""
    end = start + len(cue)
    if end > len(words):
        return None
    phrase = len(cue) > 1
    for want, got in zip(cue, words[start:end], strict=True):
        if not _same(want, got, phrase):
            return None
    return range(start, end)


def _scattered(cue: tuple[Word, ...], words: tuple[Word, ...], start: int) -> list[int] | None:
    """The positions of all the cue's words within a short window from ``start``; or None."""
    window = words[start : start + SCATTER_WINDOW + len(cue)]
    positions = []
    for want in cue:
        at = next((start + j for j, got in enumerate(window) if _same(want, got, True)), None)
        if at is None:
            return None
        positions.append(at)
    return positions


def _combine(weights: Iterable[float]) -> float:
    """Independent clues: the chance that at least one is right."""
    missing = 1.0
    for w in weights:
        missing *= 1.0 - w
    return 1.0 - missing


def _says(words: tuple[Word, ...], cue: tuple[Word, ...]) -> bool:
    """Whether the text holds the cue, whole or (for a phrase) its words close together."""
    return bool(cue) and any(
        _match_at(cue, words, i) is not None
        or (len(cue) > 1 and _scattered(cue, words, i) is not None)
        for i, word in enumerate(words)
        if _same(cue[0], word, len(cue) > 1)
    )


@dataclass(frozen=True, slots=True)
class Breach:
    """A tag that a boundary rule of the catalogue sends to another theme."""

    theme: str  # the tag
    goes_to: str  # where the rule sends the subject
    keyword: str  # what the text says

    def to_dict(self) -> dict[str, str]:
        return {"theme": self.theme, "goes_to": self.goes_to, "keyword": self.keyword}


def _sent_elsewhere(classifier: Classifier, theme: str, words: tuple[Word, ...]) -> Breach | None:
    """The first boundary rule of ``theme`` that the text breaks, if any."""
    for rule in classifier.rules.get(theme, ()):
        said = next((k for k, cue in rule.keywords if _says(words, cue)), None)
        if said is not None and not any(_says(words, cue) for cue in rule.unless):
            return Breach(theme, rule.goes_to, said)
    return None


def breaches(classifier: Classifier, proposal: Proposal) -> tuple[Breach, ...]:
    """The proposal's tags that the catalogue's boundary rules send elsewhere."""
    words = analyse(proposal_text(proposal), classifier.lang)
    found = (_sent_elsewhere(classifier, tag, words) for tag in proposal.themes)
    return tuple(b for b in found if b is not None)


def suggest(classifier: Classifier, text: str) -> Suggestion:
    """The themes to suggest for a text: those scoring at least :data:`SUGGEST_AT`, at most
    :data:`MAX_SUGGESTED`, best first; never a theme whose boundary rule sends the text
    elsewhere."""
    scores = score(classifier, text)
    words = analyse(text, classifier.lang) if classifier.rules else ()
    chosen = tuple(
        s
        for s in scores
        if s.score >= SUGGEST_AT and _sent_elsewhere(classifier, s.theme, words) is None
    )[:MAX_SUGGESTED]
    return Suggestion(chosen, scores)


def proposal_text(proposal: Proposal) -> str:
    """What a proposal says: its summary, and its quote if any."""
    return f"{proposal.summary}\n{proposal.quote}" if proposal.quote else proposal.summary


# --- auditing a candidate's tags ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProposalAudit:
    """One proposal: its tags, the suggestion, and where the two disagree."""

    proposal: Proposal
    suggestion: Suggestion
    unsupported: tuple[str, ...]  # tagged, but the text gives (almost) no evidence for it, or
    # a boundary rule of the catalogue sends what it says elsewhere (see ``breaches``)
    missing: tuple[str, ...]  # not tagged, but the text clearly touches it, or a rule sends here
    breaches: tuple[Breach, ...] = ()

    @property
    def status(self) -> str:
        return "review" if self.unsupported or self.missing else "ok"


def audit_proposal(classifier: Classifier, proposal: Proposal) -> ProposalAudit:
    """Compare a proposal's tags with what its text supports and the catalogue's boundary
    rules (a tag a rule sends elsewhere is unsupported, the theme it goes to missing)."""
    suggestion = suggest(classifier, proposal_text(proposal))
    broken = breaches(classifier, proposal)
    misplaced = {b.theme for b in broken}
    unsupported = tuple(
        t for t in proposal.themes if suggestion.score_of(t) < SUPPORTED_AT or t in misplaced
    )
    missing = tuple(
        s.theme
        for s in suggestion.themes
        if s.score >= CLEARLY_AT and s.theme not in proposal.themes
    )
    missing += tuple(
        dict.fromkeys(b.goes_to for b in broken if b.goes_to not in proposal.themes + missing)
    )
    return ProposalAudit(proposal, suggestion, unsupported, missing, broken)


@dataclass(frozen=True, slots=True)
class ThemeSuggestions:
    """A candidate's proposals, each with suggested themes and an audit of its tags."""

    candidate: Candidate
    themes: tuple[Theme, ...]
    items: tuple[ProposalAudit, ...]
    text_lang: str = "fr"  # the language of the candidate's texts (its catalogue's)
    has_keywords: bool = True  # whether the catalogue has keywords in that language

    @property
    def to_review(self) -> int:
        return sum(1 for item in self.items if item.status == "review")

    def to_dict(self) -> dict[str, Any]:
        c = self.candidate
        return {
            "kind": "theme-suggestions",
            "version": 1,
            "candidate": {
                "id": c.id,
                "name": c.name,
                "party": c.party,
                "election": c.election,
                "status": str(c.status),
            },
            "text_lang": self.text_lang,
            "keywords_in_text_lang": self.has_keywords,
            "themes": [{"id": t.id, "label": t.label.as_dict()} for t in self.themes],
            "thresholds": {
                "suggest": SUGGEST_AT,
                "confident": CONFIDENT_AT,
                "supported": SUPPORTED_AT,
                "clearly": CLEARLY_AT,
            },
            "proposals": [
                {
                    "id": item.proposal.id,
                    "summary": item.proposal.summary,
                    "tagged": list(item.proposal.themes),
                    "suggested": [s.to_dict() for s in item.suggestion.themes],
                    "confidence": round(item.suggestion.confidence, 2),
                    "unsupported": list(item.unsupported),
                    "missing": list(item.missing),
                    # only where a boundary rule of the catalogue is broken: the reason why
                    **({"boundary": [b.to_dict() for b in item.breaches]} if item.breaches else {}),
                    "status": item.status,
                }
                for item in self.items
            ],
            "to_review": self.to_review,
        }

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "election",
        "candidate",
        "proposal",
        "summary",
        "tagged",
        "suggested",
        "confidence",
        "unsupported",
        "missing",
        "status",
    )

    def to_records(self) -> list[dict[str, str]]:
        """One flat row per proposal, every value text; several themes one per line."""
        return [
            {
                "election": self.candidate.election,
                "candidate": self.candidate.id,
                "proposal": item.proposal.id,
                "summary": item.proposal.summary,
                "tagged": "\n".join(item.proposal.themes),
                "suggested": "\n".join(
                    f"{s.theme} ({s.score:.2f})" for s in item.suggestion.themes
                ),
                "confidence": f"{item.suggestion.confidence:.2f}",
                "unsupported": "\n".join(item.unsupported),
                "missing": "\n".join(item.missing),
                "status": item.status,
            }
            for item in self.items
        ]


def suggest_themes(
    dataset: Dataset, candidate: Candidate, *, only_review: bool = False
) -> ThemeSuggestions:
    """Suggest themes for each of a candidate's proposals and audit its existing tags."""
    themes = dataset.themes_for((candidate.election,))
    classifier = classifier_for(dataset, candidate.language, themes)
    items = tuple(audit_proposal(classifier, p) for p in candidate.proposals)
    if only_review:
        items = tuple(item for item in items if item.status == "review")
    return ThemeSuggestions(candidate, themes, items, classifier.lang, classifier.has_keywords)
