"""The tone lens: is a proposal's wording defensive / restrictive or constructive / enabling?

A heuristic, never a verdict: each proposal's summary and quote, and its verbatim text when it
has one, are matched against a lexicon of words people can read (see :mod:`progcmp.lexicon` and
``lexicons/tone.yaml``), and every label comes with the words that triggered it and the field
they were found in. The text is read because it is the contender's own wording, which is what
tone is about; the summary is still read, so that proposals with and without a text are read
alike (a word in both counts twice among the terms found, never in the label).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar

from ..model import Candidate, Dataset, Proposal, Theme
from ..model.lexicon import NEUTRAL, TONE_CATEGORIES, Term, ToneLexicon
from ..text.lexicon import Match, find
from .records import JSON_VERSION, candidate_dict, theme_dict

DEFENSIVE, CONSTRUCTIVE = TONE_CATEGORIES
TEXT_FIELDS = ("summary", "quote", "text")  # what is read, in this order, when present


class ToneLabel(StrEnum):
    """A proposal's label, from which sides of the lexicon its words come."""

    DEFENSIVE = "defensive"  # defensive words only
    CONSTRUCTIVE = "constructive"  # constructive words only
    MIXED = "mixed"  # both
    NEUTRAL = "neutral"  # none


def bundled_lexicon_path() -> Path:
    """The lexicon shipped with progcmp."""
    return Path(__file__).resolve().parent.parent / "lexicons" / "tone.yaml"


def load_bundled_lexicon() -> ToneLexicon:
    from ..data.loader import load_lexicon

    return load_lexicon(bundled_lexicon_path(), bundled=True)


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon term found in one field of a proposal."""

    category: str  # defensive or constructive
    term: Term
    field: str  # summary, quote or text
    text: str  # the words as written in the proposal
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "term": self.term.text,
            "field": self.field,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class ProposalTone:
    """A proposal and the lexicon words found in it."""

    proposal: Proposal
    hits: tuple[Hit, ...]

    @property
    def label(self) -> ToneLabel:
        sides = {h.category for h in self.hits} - {NEUTRAL}
        if sides == {DEFENSIVE, CONSTRUCTIVE}:
            return ToneLabel.MIXED
        if sides == {DEFENSIVE}:
            return ToneLabel.DEFENSIVE
        if sides == {CONSTRUCTIVE}:
            return ToneLabel.CONSTRUCTIVE
        return ToneLabel.NEUTRAL

    def on(self, category: str) -> tuple[Hit, ...]:
        return tuple(h for h in self.hits if h.category == category)


@dataclass(frozen=True, slots=True)
class CandidateTone:
    """One candidate's proposals, each read for tone, and the balance."""

    candidate: Candidate
    proposals: tuple[ProposalTone, ...]

    def count(self, label: ToneLabel) -> int:
        """How many proposals have this label."""
        return sum(1 for p in self.proposals if p.label is label)

    def terms(self, category: str) -> list[tuple[str, int]]:
        """The terms of one side found in this candidate's proposals, most frequent first."""
        counts = Counter(h.term.text for p in self.proposals for h in p.on(category))
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))

    def balance(self) -> dict[str, Any]:
        return {
            "proposals": len(self.proposals),
            **{str(label): self.count(label) for label in ToneLabel},
            "terms": {
                category: [{"term": t, "count": n} for t, n in self.terms(category)]
                for category in TONE_CATEGORIES
            },
        }


@dataclass(frozen=True, slots=True)
class ToneReport:
    """The tone lens over several candidates: per proposal, per candidate, with the lexicon."""

    lexicon: ToneLexicon
    text_langs: tuple[str, ...]  # the languages the texts were read in (the first: the main)
    themes: tuple[Theme, ...]
    candidates: tuple[CandidateTone, ...]
    # Languages of the texts that the lexicon has no words for: those proposals are not read
    # (labelling them all neutral would say something false).
    unread: tuple[str, ...] = ()

    @property
    def text_lang(self) -> str:
        return self.text_langs[0]

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields read: summary and quote always (as the method says), the verbatim text
        when at least one proposal read has one; the method statement says whose words these
        are."""
        verbatim = any(pt.proposal.text for ct in self.candidates for pt in ct.proposals)
        return TEXT_FIELDS if verbatim else TEXT_FIELDS[:2]

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "election",
        "candidate",
        "candidate_name",
        "proposal",
        "themes",
        "label",
        "defensive_words",
        "defensive_terms",
        "constructive_words",
        "constructive_terms",
        "summary",
        "quote",
        "text",
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "tone",
            "version": JSON_VERSION,
            "method": {
                "lexicon": "bundled" if self.lexicon.bundled else self.lexicon.path,
                "text_lang": self.text_lang,
                "unread_langs": list(self.unread),
                "fields": list(self.fields),
                "categories": {
                    c.id: {
                        "description": c.description.as_dict(),
                        "terms": [t.text for t in c.terms(self.text_lang)],
                    }
                    for c in self.lexicon.categories
                },
            },
            "themes": [theme_dict(t) for t in self.themes],
            "candidates": [
                {
                    **candidate_dict(ct.candidate),
                    "balance": ct.balance(),
                    "proposals": [
                        {
                            "id": pt.proposal.id,
                            "themes": list(pt.proposal.themes),
                            "summary": pt.proposal.summary,
                            "quote": pt.proposal.quote,
                            "text": pt.proposal.text,
                            "label": str(pt.label),
                            "hits": [h.to_dict() for h in pt.hits],
                        }
                        for pt in ct.proposals
                    ],
                }
                for ct in self.candidates
            ],
        }

    def to_records(self) -> list[dict[str, str]]:
        """One row per proposal: its label, and the words of each side (one per line, as
        written, with the term that matched each on the same line of the ``_terms`` column)."""
        return [
            {
                "election": ct.candidate.election,
                "candidate": ct.candidate.id,
                "candidate_name": ct.candidate.name,
                "proposal": pt.proposal.id,
                "themes": "\n".join(pt.proposal.themes),
                "label": str(pt.label),
                "defensive_words": "\n".join(h.text for h in pt.on(DEFENSIVE)),
                "defensive_terms": "\n".join(h.term.text for h in pt.on(DEFENSIVE)),
                "constructive_words": "\n".join(h.text for h in pt.on(CONSTRUCTIVE)),
                "constructive_terms": "\n".join(h.term.text for h in pt.on(CONSTRUCTIVE)),
                "summary": pt.proposal.summary,
                "quote": pt.proposal.quote or "",
                "text": pt.proposal.text or "",
            }
            for ct in self.candidates
            for pt in ct.proposals
        ]


def proposal_tone(proposal: Proposal, lexicon: ToneLexicon, text_lang: str = "fr") -> ProposalTone:
    """Find the lexicon's terms in a proposal's summary, quote and verbatim text."""
    terms = [(c.id, t) for c in lexicon.categories for t in c.terms(text_lang)]
    hits: list[Hit] = []
    for field in TEXT_FIELDS:
        text = getattr(proposal, field)
        if text:
            hits += [_hit(m, field) for m in find(text, terms)]
    return ProposalTone(proposal, tuple(hits))


def _hit(match: Match, field: str) -> Hit:
    return Hit(match.tag, match.term, field, match.text, match.start, match.end)


def read_tone(
    dataset: Dataset,
    candidates: Sequence[Candidate],
    lexicon: ToneLexicon,
    themes: Sequence[Theme] | None = None,
    text_lang: str | None = None,
) -> ToneReport:
    """Read every proposal of the candidates (on the given themes) for tone.

    Each candidate's texts are read in ``text_lang``, by default in their own language (their
    catalogue's); a candidate whose language the lexicon has no words for is not read, and the
    report says so in ``unread``. Candidates stay in the order given and proposals in their
    file's order: nothing is ranked.
    """
    chosen = tuple(themes) if themes is not None else dataset.themes
    wanted = {t.id for t in chosen}

    def language(c: Candidate) -> str:
        return text_lang if text_lang is not None else c.language

    langs = tuple(dict.fromkeys(map(language, candidates))) or (text_lang or dataset.language,)
    return ToneReport(
        lexicon,
        langs,
        chosen,
        tuple(
            CandidateTone(
                c,
                tuple(
                    proposal_tone(p, lexicon, language(c))
                    for p in c.proposals
                    if wanted.intersection(p.themes) and lexicon.reads(language(c))
                ),
            )
            for c in candidates
        ),
        tuple(lang for lang in langs if not lexicon.reads(lang)),
    )
