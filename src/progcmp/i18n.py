"""Words of the output (headers, gap kinds) in French and English."""

from __future__ import annotations

from .models import GapKind

_WORDS: dict[str, tuple[str, str]] = {
    "theme": ("Thème", "Theme"),
    "themes": ("Thèmes", "Themes"),
    "comparison": ("Comparaison", "Comparison"),
    "sources": ("Sources", "Sources"),
    "gaps": ("Thèmes sans proposition", "Themes without a proposal"),
    "by_theme": ("Par thème : qui ne propose rien", "By theme: who proposes nothing"),
    "kind": ("Type", "Kind"),
    "rests_on": ("Repose sur", "Rests on"),
    "note": ("Note", "Note"),
    "silent": ("Sans proposition", "No proposal"),
    "nobody": ("personne", "nobody"),
    "reviewed": ("Sources examinées", "Sources reviewed"),
    "reviewed_1": ("la source examinée", "the one source reviewed"),
    "reviewed_n": ("les {n} sources examinées", "the {n} sources reviewed"),
    "no_reviewed": ("aucune source examinée", "no source reviewed"),
    "contested_with": ("Contesté malgré des propositions", "Contested despite proposals"),
    "none": ("aucun", "none"),
    "candidate": ("Candidat", "Candidate"),
    "party": ("Parti", "Party"),
    "election": ("Élection", "Election"),
    "status": ("Statut", "Status"),
    "proposals": ("Propositions", "Proposals"),
    "covered": ("Thèmes couverts", "Themes covered"),
    "candidates_covering": ("Candidats", "Candidates"),
    "id": ("Id", "Id"),
    "label": ("Libellé", "Label"),
    "assessments": ("Appréciations de tiers", "Third-party assessments"),
    "annotations": ("Annotations", "Annotations"),
    "quote": ("citation", "quote"),
    "no_gap": ("aucun thème sans proposition", "no theme without a proposal"),
    "of": ("sur", "of"),
    "report": ("Rapport", "Report"),
    "overview": ("Candidats", "Candidates"),
    "coverage": ("Couverture des thèmes", "Theme coverage"),
    "coverage_legend": (
        "Nombre de propositions de chaque candidat sur chaque thème ; sans proposition : "
        "∅ rien trouvé dans les sources examinées, ✗ a refusé de répondre, ? sources non "
        "examinées ; ⚑ contesté.",
        "Number of proposals of each candidate on each theme; no proposal: ∅ nothing found "
        "in the sources reviewed, ✗ declined to answer, ? sources not reviewed; ⚑ contested.",
    ),
    "proposals_by_theme": ("Propositions par thème", "Proposals by theme"),
    "contested": ("Contesté", "Contested"),
}

_GAPS: dict[GapKind, tuple[str, str]] = {
    GapKind.NONE_FOUND: ("rien trouvé", "nothing found"),
    GapKind.DECLINED: ("a refusé de répondre", "declined to answer"),
    GapKind.NOT_REVIEWED: ("sources non examinées", "sources not reviewed"),
    GapKind.CONTESTED: ("contesté", "contested"),
}


def word(key: str, lang: str) -> str:
    fr, en = _WORDS[key]
    return en if lang == "en" else fr


_COUNTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "candidates": (("candidat", "candidats"), ("candidate", "candidates")),
    "themes": (("thème", "thèmes"), ("theme", "themes")),
    "proposals": (("proposition", "propositions"), ("proposal", "proposals")),
}


def count(n: int, key: str, lang: str) -> str:
    """``n`` and the noun, singular or plural (French: 0 and 1 are singular)."""
    fr, en = _COUNTS[key]
    one, many = en if lang == "en" else fr
    singular = n == 1 or (lang != "en" and n == 0)
    return f"{n} {one if singular else many}"


def gap_label(kind: GapKind, lang: str) -> str:
    """A gap as shown in tables: the words, then the kind's stable id."""
    fr, en = _GAPS[kind]
    return f"{en if lang == 'en' else fr} ({kind})"
