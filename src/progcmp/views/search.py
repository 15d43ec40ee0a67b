"""Fuzzy search over proposals: summaries, quotes, verbatim texts and theme labels, ranked by
score.

Both the query and the texts are folded (lowercase, no accents) and stop words are left out.
Each word of the query is matched to its closest word of the proposal, in this order:

- exact: the same word (100);
- stem: one word is the other plus a plural or inflection ending (``s``, ``x``; and ``e``,
  ``es``, ``en``, ``n`` on a stem of four letters or more: ``neutralites`` finds
  ``neutralite``, ``zolle`` finds ``zoll``), or the query word, four letters or more, starts
  the text word (``cyber`` finds ``cybersecurite``) (100);
- fuzzy: rapidfuzz's ``ratio`` between the two words (below 100), within a number of edits
  that grows with the query word's length: none up to four letters; from five to eight, one
  letter added or dropped (a letter *changed* in a short word is most often another word:
  ``zolle`` must not find ``rolle``, ``volle`` or ``zelle``); from nine, one edit of any kind
  per five letters (two for ``chiffrment``, ten letters).

A proposal is found when every word of the query matches at :data:`WORD_CUTOFF` or more. Its
score is the mean of the words' matches; proposals whose words all matched exactly or by stem
rank before any with a fuzzy word, whatever the scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..model import Candidate, Proposal, Theme
from ..model.errors import UsageError
from ..text import fold, show
from ..text.similarity import STOP_WORDS
from .records import JSON_VERSION, candidate_dict, proposal_dict, source_dict

WORD_CUTOFF = 80  # a query word matches a word from here (ratio: one typo in a 10-letter word)
NO_EDIT_UP_TO = 4  # letters: a query word this short matches only exactly or by stem
INDEL_UP_TO = 8  # letters: up to this, one letter added or dropped, never one changed
LETTERS_PER_EDIT = 5  # beyond: one edit (Levenshtein) per this many letters
MIN_PREFIX = 4  # a query word this long also matches the words it starts
SHORT_ENDINGS = ("s", "x")  # plural endings: a stem match from a stem of MIN_STEM letters
LONG_ENDINGS = ("e", "es", "en", "n")  # inflections: from a stem of MIN_PREFIX letters
MIN_STEM = 3
DEFAULT_LIMIT = 20
_Tier = tuple[int, float, int]  # the rank of a hit: (fuzzy words, -score, -words in a text)
FIELDS = ("summary", "quote", "text", "theme")  # where words are looked for; earlier wins a tie


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A proposal found, its score, and where the query's words were found."""

    candidate: Candidate
    proposal: Proposal
    score: float
    fields: tuple[str, ...]  # a subset of FIELDS, in that order


@dataclass(frozen=True, slots=True)
class SearchResults:
    """The proposals that match a query, best first, at most ``limit`` of them."""

    query: str
    candidates: tuple[Candidate, ...]
    themes: tuple[Theme, ...]
    hits: tuple[SearchHit, ...]
    total: int  # matches before the limit

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "rank",
        "score",
        "found_in",
        "election",
        "candidate",
        "candidate_name",
        "themes",
        "id",
        "summary",
        "quote",
        "text",
        "source",
        "source_title",
        "source_url",
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "search",
            "version": JSON_VERSION,
            "query": self.query,
            "candidates": [candidate_dict(c) for c in self.candidates],
            "themes": [t.id for t in self.themes],
            "total": self.total,
            "hits": [
                {
                    "candidate": h.candidate.id,
                    "score": round(h.score, 2),
                    "found_in": list(h.fields),
                    "proposal": proposal_dict(h.proposal),
                }
                for h in self.hits
            ],
            "sources": {
                c.id: [source_dict(s) for s in c.sources]
                for c in self.candidates
                if any(h.candidate.key == c.key for h in self.hits)
            },
        }

    def to_records(self) -> list[dict[str, str]]:
        rows = []
        for rank, h in enumerate(self.hits, 1):
            source = h.candidate.source(h.proposal.source)
            rows.append(
                {
                    "rank": str(rank),
                    "score": f"{h.score:.2f}",
                    "found_in": " ".join(h.fields),
                    "election": h.candidate.election,
                    "candidate": h.candidate.id,
                    "candidate_name": h.candidate.name,
                    "themes": " ".join(h.proposal.themes),
                    "id": h.proposal.id,
                    "summary": h.proposal.summary,
                    "quote": h.proposal.quote or "",
                    "text": h.proposal.text or "",
                    "source": source.id,
                    "source_title": source.title,
                    "source_url": source.url,
                }
            )
        return rows


def query_words(query: str) -> tuple[str, ...]:
    """The words searched for: folded, stop words left out unless nothing else is left.

    Raises:
        UsageError: if the query has no letter or digit.
    """
    words = fold(query).split()
    if not words:
        raise UsageError(f"the query {show(query)} has no letter or digit to search for")
    meaningful = tuple(w for w in words if w not in STOP_WORDS)
    return meaningful or tuple(words)


def allowed_edits(word: str) -> int:
    """How many edits a fuzzy match of ``word`` may need (see the module's docstring)."""
    if len(word) <= NO_EDIT_UP_TO:
        return 0
    if len(word) <= INDEL_UP_TO:
        return 1
    return len(word) // LETTERS_PER_EDIT


def is_stem_match(word: str, other: str) -> bool:
    """Whether one word is the other plus an ending (``zoll``/``zolle``, ``loi``/``lois``);
    not when they are the same word."""
    short, long = (word, other) if len(word) <= len(other) else (other, word)
    if short == long or not long.startswith(short):
        return False
    ending = long[len(short) :]
    return (ending in SHORT_ENDINGS and len(short) >= MIN_STEM) or (
        ending in LONG_ENDINGS and len(short) >= MIN_PREFIX
    )


def word_score(word: str, text_words: Sequence[str]) -> float:
    """How well ``word`` matches its closest word in ``text_words`` (0 to 100): 100 for an
    exact or stem match, less for a fuzzy one."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Indel, Levenshtein

    if word in text_words or any(is_stem_match(word, w) for w in text_words):
        return 100.0
    if len(word) >= MIN_PREFIX and any(w.startswith(word) for w in text_words):
        return 100.0
    edits = allowed_edits(word)
    if not edits:
        return 0.0
    if len(word) <= INDEL_UP_TO:  # one letter more or less: Indel counts a change as two
        near = [w for w in text_words if Indel.distance(word, w, score_cutoff=1) <= 1]
    else:
        near = [w for w in text_words if Levenshtein.distance(word, w, score_cutoff=edits) <= edits]
    best = process.extractOne(word, near, scorer=fuzz.ratio) if near else None
    return float(best[1]) if best else 0.0


def search(
    candidates: Sequence[Candidate],
    themes: Sequence[Theme],
    query: str,
    limit: int = DEFAULT_LIMIT,
) -> SearchResults:
    """Find the proposals of ``candidates`` on ``themes`` that match ``query``, best first.

    Proposals whose every word matched exactly or by stem come first, then those with fewer
    fuzzy words; then by score; equal scores are ordered by how many words were found in the
    summary, the quote or the verbatim text rather than in a theme label (more first); then
    candidates take turns in the order given, each with its proposals in file order.
    """
    words = query_words(query)
    wanted = {t.id: t for t in themes}
    found: list[tuple[_Tier, int, int, SearchHit]] = []  # (tier, candidate, file order)
    for ci, candidate in enumerate(candidates):
        for pi, proposal in enumerate(candidate.proposals):
            on = [wanted[t] for t in proposal.themes if t in wanted]
            if not on:
                continue
            texts = {
                "summary": proposal.summary,
                "quote": proposal.quote or "",
                "text": proposal.text or "",
                "theme": " ".join(text for t in on for _, text in t.label.texts),
            }
            match = _match(words, {f: _text_words(texts[f]) for f in FIELDS})
            if match is None:
                continue
            score, fields, in_text, fuzzy = match
            found.append(
                ((fuzzy, -score, -in_text), ci, pi, SearchHit(candidate, proposal, score, fields))
            )
    # Within a tier of equal scores, candidates take turns: each one's first proposal, then
    # each one's second... so that the order of candidates decides as little as possible.
    turns: dict[tuple[_Tier, int], int] = {}
    ranked = []
    for tier, ci, pi, hit in found:  # in candidate order, then file order
        turn = turns[(tier, ci)] = turns.get((tier, ci), -1) + 1
        ranked.append(((tier, turn, ci, pi), hit))
    ranked.sort(key=lambda pair: pair[0])
    return SearchResults(
        query,
        tuple(candidates),
        tuple(themes),
        tuple(hit for _, hit in ranked[:limit]),
        len(ranked),
    )


def _text_words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in STOP_WORDS]


def _match(
    words: Sequence[str], fields: dict[str, list[str]]
) -> tuple[float, tuple[str, ...], int, int] | None:
    """The mean of the query words' best matches over all fields, the fields they came from,
    how many came from a summary, a quote or a text and how many matched only fuzzily (below 100);
    None if a word matches nowhere at WORD_CUTOFF."""
    total = 0.0
    fuzzy = 0
    used: list[str] = []
    for word in words:
        best, where = 0.0, ""
        for name in FIELDS:  # strictly better only: an earlier field wins a tie
            score = word_score(word, fields[name]) if fields[name] else 0.0
            if score > best:
                best, where = score, name
        if best < WORD_CUTOFF:
            return None
        fuzzy += best < 100
        total += best
        used.append(where)
    in_text = sum(1 for where in used if where != "theme")
    return total / len(words), tuple(f for f in FIELDS if f in used), in_text, fuzzy
