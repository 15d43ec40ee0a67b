"""Fuzzy search over proposals: summaries, quotes and theme labels, ranked by score.

Both the query and the texts are folded (lowercase, no accents) and stop words are left out.
Each word of the query is matched to its closest word of the proposal: 100 when the word is
the same or starts with the query word (four letters or more: ``cyber`` finds
``cybersécurité``), else rapidfuzz's ``ratio`` between the two words, so typos and plurals
still match — but only within a number of edits that grows with the word's length (none up to
five letters: ``zölle`` never finds ``rolle``; one up to eight; two beyond). A proposal is found
when every word of the query matches at :data:`WORD_CUTOFF` or more; its score is the mean of
the words' matches, so exact words and their extensions rank before typos.
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
# Edits allowed between a query word and a text word, by the query word's length: a one-letter
# edit turns many short words into other words (rolle, volle, zölle), never a typo to forgive.
EDITS_BY_LENGTH = ((5, 0), (8, 1))  # up to 5 letters: none; up to 8: one; longer: two
MAX_EDITS = 2
MIN_PREFIX = 4  # a query word this long also matches the words it starts
DEFAULT_LIMIT = 20
FIELDS = ("summary", "quote", "theme")  # where words are looked for; earlier wins a tie


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


def word_score(word: str, text_words: Sequence[str]) -> float:
    """How well ``word`` matches its closest word in ``text_words`` (0 to 100)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    if word in text_words or (
        len(word) >= MIN_PREFIX and any(w.startswith(word) for w in text_words)
    ):
        return 100.0
    edits = next((n for length, n in EDITS_BY_LENGTH if len(word) <= length), MAX_EDITS)
    if not edits:
        return 0.0
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

    Equal scores are ordered by how many words were found in the summary or the quote rather
    than in a theme label (more first); then candidates take turns in the order given, each
    with its proposals in file order.
    """
    words = query_words(query)
    wanted = {t.id: t for t in themes}
    found: list[tuple[tuple[float, int], int, int, SearchHit]] = []  # (tier, candidate, file order)
    for ci, candidate in enumerate(candidates):
        for pi, proposal in enumerate(candidate.proposals):
            on = [wanted[t] for t in proposal.themes if t in wanted]
            if not on:
                continue
            texts = {
                "summary": proposal.summary,
                "quote": proposal.quote or "",
                "theme": " ".join(f"{t.label.fr} {t.label.en}" for t in on),
            }
            match = _match(words, {f: _text_words(texts[f]) for f in FIELDS})
            if match is None:
                continue
            score, fields, in_text = match
            found.append(
                ((-score, -in_text), ci, pi, SearchHit(candidate, proposal, score, fields))
            )
    # Within a tier of equal scores, candidates take turns: each one's first proposal, then
    # each one's second... so that the order of candidates decides as little as possible.
    turns: dict[tuple[tuple[float, int], int], int] = {}
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
) -> tuple[float, tuple[str, ...], int] | None:
    """The mean of the query words' best matches over all fields, the fields they came from
    and how many came from a summary or a quote; None if a word matches nowhere at
    WORD_CUTOFF."""
    total = 0.0
    used: list[str] = []
    for word in words:
        best, where = 0.0, ""
        for name in FIELDS:  # strictly better only: an earlier field wins a tie
            score = word_score(word, fields[name]) if fields[name] else 0.0
            if score > best:
                best, where = score, name
        if best < WORD_CUTOFF:
            return None
        total += best
        used.append(where)
    in_text = sum(1 for where in used if where != "theme")
    return total / len(words), tuple(f for f in FIELDS if f in used), in_text
