"""Words of the output (headers, gap kinds) in French and English."""

from __future__ import annotations

from ..model import GapKind

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
    # tone
    "tone": ("Ton des propositions", "Tone of the proposals"),
    "tone_method": (
        "Heuristique lexicale, pas un jugement : chaque résumé et chaque citation sont comparés "
        "aux termes en {text_lang} {lexicon}. {defensive} {constructive} Mixte : des "
        "mots des deux côtés ; neutre : aucun. Les résumés sont rédigés par le projet ; seules "
        "les citations sont les mots des candidats.",
        "A lexical heuristic, not a judgement: each summary and each quote is matched against "
        "the {text_lang} terms {lexicon}. {defensive} {constructive} Mixed: "
        "words of both sides; neutral: none. Summaries are written by the project; only quotes "
        "are the candidates' own words.",
    ),
    "bundled_lexicon": (
        "du lexique intégré (progcmp/lexicons/tone.yaml)",
        "of the bundled lexicon (progcmp/lexicons/tone.yaml)",
    ),
    "lexicon_file": ("du lexique {path}", "of the lexicon {path}"),
    "lang_fr": ("français", "French"),
    "lang_en": ("anglais", "English"),
    "balance": ("Bilan", "Balance"),
    "words_found": ("Termes trouvés", "Terms found"),
    "tone_label": ("Ton", "Tone"),
    "proposal": ("Proposition", "Proposal"),
    "words": ("Mots", "Words"),
    "defensive": ("défensif", "defensive"),
    "constructive": ("constructif", "constructive"),
    "mixed": ("mixte", "mixed"),
    "neutral": ("neutre", "neutral"),
    "idiom": ("locution ignorée", "idiom, ignored"),
    "in_quote": ("dans la citation", "in the quote"),
    # diff
    "diff": ("Évolution du programme", "How the programme changed"),
    "diff_counts": (
        "{old} propositions → {new} — ajoutées : {added}, retirées : {removed}, "
        "reformulées : {reworded}, déplacées : {moved}, inchangées : {unchanged}.",
        "{old} proposals → {new} — added: {added}, removed: {removed}, reworded: {reworded}, "
        "moved: {moved}, unchanged: {unchanged}.",
    ),
    "diff_method": (
        "Appariement par id, puis par similarité des résumés ({scorer} sur le texte sans "
        "accents ni casse, de 0 à 100 ; seuil {threshold}), meilleures paires d'abord. "
        "Inchangée : même résumé aux accents, à la casse et à la ponctuation près ; déplacée : "
        "même résumé, autres thèmes.",
        "Paired by id, then by the similarity of their summaries ({scorer} on text without "
        "accents or case, 0 to 100; threshold {threshold}), best pairs first. Unchanged: same "
        "summary but for accents, case and punctuation; moved: same summary, other themes.",
    ),
    "added": ("ajoutée", "added"),
    "removed": ("retirée", "removed"),
    "reworded": ("reformulée", "reworded"),
    "moved": ("déplacée", "moved"),
    "unchanged": ("inchangée", "unchanged"),
    "added_n": ("Ajoutées", "Added"),
    "removed_n": ("Retirées", "Removed"),
    "reworded_n": ("Reformulées", "Reworded"),
    "moved_n": ("Déplacées", "Moved"),
    "unchanged_n": ("Inchangées", "Unchanged"),
    "per_theme": ("Par thème", "By theme"),
    "by_id": ("par id", "by id"),
    "by_similarity": ("par similarité", "by similarity"),
    "old_version": ("ancienne version", "old version"),
    "new_version": ("nouvelle version", "new version"),
    "no_proposal": ("aucune proposition", "no proposal"),
    # agenda
    "agenda": ("Agenda", "Agenda"),
    "agenda_method": (
        "Un point est couvert par les propositions d'un candidat sur l'un de ses thèmes qui, "
        "si le point a des mots-clés, en contiennent un. Couvert veut dire que la proposition "
        "traite du sujet, pas qu'elle va dans le sens de la demande : lisez-la. « Sur le thème "
        "seulement » : des propositions sur ses thèmes, sans aucun de ses mots-clés. Sinon, "
        "c'est un manque, du type que donnent les données.",
        "An item is covered by a candidate's proposals on one of its themes that, if the item "
        "has keywords, contain one of them. Covered means the proposal deals with the subject, "
        'not that it goes the way the item asks: read it. "On the theme only": proposals on '
        "its themes, without any of its keywords. Otherwise it is a gap, of the kind the data "
        "gives.",
    ),
    "agenda_item": ("Point de l'agenda", "Agenda item"),
    "agenda_items": ("Points de l'agenda", "Agenda items"),
    "covered_items": ("Points couverts", "Items covered"),
    "covered_cell": ("couvert", "covered"),
    "theme_only": (
        "sur le thème seulement, sans ses mots-clés (propositions : {n})",
        "on the theme only, without its keywords (proposals: {n})",
    ),
    "keywords": ("mots-clés", "keywords"),
    "link": ("lien", "link"),
    "suggestions": ("Thèmes suggérés", "Suggested themes"),
    "summary": ("Résumé", "Summary"),
    "tagged": ("Thèmes attribués", "Tagged"),
    "suggested": ("Suggérés (score)", "Suggested (score)"),
    "audit": ("À revoir", "To review"),
    "unsupported": ("non étayé", "unsupported"),
    "missing": ("manquant", "missing"),
    "nothing_suggested": ("aucun", "none"),
    "to_review": (
        "{n} proposition(s) sur {total} à revoir",
        "{n} of {total} proposal(s) to review",
    ),
    "audit_method": (
        "Suggestions tirées des mots-clés, libellés et descriptions du catalogue ; "
        "score de 0 à 1, suggéré à partir de {suggest}. Non étayé : le texte ne donne aucun "
        "indice du thème attribué ; manquant : le texte touche clairement un thème non attribué.",
        "Suggestions from the catalogue's keywords, labels and descriptions; "
        "score from 0 to 1, suggested from {suggest}. Unsupported: the text gives no sign of "
        "the tagged theme; missing: the text clearly touches a theme that is not tagged.",
    ),
    "matrix": (
        "Poids des thèmes : nombre de propositions et part du programme",
        "Salience: number of proposals and share of the programme",
    ),
    "matrix_note": (
        "Pour chaque candidat, ses propositions sur le thème et leur part dans l'ensemble de "
        "ses propositions (leur nombre, entre parenthèses). Une proposition sur plusieurs "
        "thèmes compte pour chacun : les parts d'une colonne peuvent dépasser 100\u00a0%.",
        "For each candidate, the proposals on the theme and their share of all the candidate's "
        "proposals (their number, in brackets). A proposal on several themes counts for each: "
        "a column's shares can add up to more than 100%.",
    ),
    "similar": ("Propositions proches", "Similar proposals"),
    "similar_note": (
        "Score : token_set_ratio (0 à 100) entre résumés sans accents ni mots vides ; 100 veut "
        "dire que tous les mots de l'un sont dans l'autre. Il mesure des mots communs, pas un "
        "accord sur le sens. Seuil : {threshold}. Seules sont comparées les propositions de "
        "candidats différents sur un même thème.",
        "Score: token_set_ratio (0 to 100) between summaries without accents or stop words; "
        "100 means every word of one is in the other. It measures shared words, not agreement "
        "on meaning. Threshold: {threshold}. Only proposals of different candidates on a same "
        "theme are compared.",
    ),
    "pairs_found": (
        "{n} paires proches, sur {themes} thèmes",
        "{n} similar pairs, on {themes} themes",
    ),
    "pairs_found_1": ("{n} paires proches, sur 1 thème", "{n} similar pairs, on 1 theme"),
    "pair_found": ("1 paire proche", "1 similar pair"),
    "diff_limited": (
        "Trop de propositions à comparer deux à deux : chacune ne l'a été qu'avec celles qui "
        "partagent l'un de ses mots les plus rares.",
        "Too many proposals to compare pairwise: each was compared only with those sharing one "
        "of its rarest words.",
    ),
    "more_pairs": ("… et {n} autres paires", "… and {n} more pairs"),
    "no_pair": ("aucune paire proche", "no similar pair"),
    "consensus": ("Proches d'un candidat à l'autre", "Alike across candidates"),
    "distinctive": ("Propres à un candidat", "Made by one candidate only"),
    "score": ("Score", "Score"),
    "no_proposal_on": ("Aucune proposition sur", "No proposal on"),
    "search": ("Recherche : « {query} »", "Search: “{query}”"),
    "found_n": ("{n} propositions trouvées", "{n} proposals found"),
    "found_1": ("1 proposition trouvée", "1 proposal found"),
    "shown": ("les {n} premières ci-dessous", "the first {n} below"),
    "shown_1": ("la première ci-dessous", "the first one below"),
    "nothing_found": ("aucune proposition trouvée", "no proposal found"),
    "field_summary": ("résumé", "summary"),
    "field_quote": ("citation", "quote"),
    "field_theme": ("thème", "theme"),
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
