"""``progcmp themes``: the catalogue, with how many candidates and proposals cover each theme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..model import Candidate, Theme
from .records import JSON_VERSION, theme_dict


@dataclass(frozen=True, slots=True)
class ThemeList:
    """The catalogue, with how many candidates and proposals cover each theme."""

    themes: tuple[Theme, ...]
    candidates: tuple[Candidate, ...]

    RECORD_FIELDS: ClassVar[tuple[str, ...]] = (
        "id",
        "label_fr",
        "label_en",
        "description_fr",
        "description_en",
        "keywords_fr",
        "keywords_en",
        "lang",  # the catalogue's language: the next two are in it
        "label",
        "description",
        "candidates_covering",
        "candidates",
        "proposals",
    )

    def to_records(self) -> list[dict[str, str]]:
        """One row per theme, in catalogue order; keywords one per line."""
        rows = []
        for t in self.themes:
            covering, proposals = self.coverage(t)
            rows.append(
                {
                    "id": t.id,
                    "label_fr": t.label.exact("fr"),
                    "label_en": t.label.exact("en"),
                    "description_fr": t.description.exact("fr"),
                    "description_en": t.description.exact("en"),
                    "keywords_fr": "\n".join(t.keywords_in("fr")),
                    "keywords_en": "\n".join(t.keywords_in("en")),
                    "lang": t.language,
                    "label": t.label.get(t.language),
                    "description": t.description.get(t.language),
                    "candidates_covering": str(covering),
                    "candidates": str(len(self.candidates)),
                    "proposals": str(proposals),
                }
            )
        return rows

    def coverage(self, theme: Theme) -> tuple[int, int]:
        """(candidates with at least one proposal, proposals) on a theme."""
        counts = [len(c.proposals_on(theme.id)) for c in self.candidates]
        return sum(1 for n in counts if n), sum(counts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "themes",
            "version": JSON_VERSION,
            "candidates": len(self.candidates),
            "themes": [
                {
                    **theme_dict(t),
                    "keywords": {lang: list(words) for lang, words in t.keywords},
                    "candidates_covering": self.coverage(t)[0],
                    "proposals": self.coverage(t)[1],
                }
                for t in self.themes
            ],
        }
