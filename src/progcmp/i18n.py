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


def gap_label(kind: GapKind, lang: str) -> str:
    """A gap as shown in tables: the words, then the kind's stable id."""
    fr, en = _GAPS[kind]
    return f"{en if lang == 'en' else fr} ({kind})"
