"""The tone lens: terms, inflections, accents, labels, the lexicon file and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from progcmp import DataError, find_candidates, load_dataset
from progcmp.data.loader import load_lexicon
from progcmp.model import Proposal
from progcmp.model.lexicon import Term
from progcmp.text.lexicon import find, parse_term, tokens
from progcmp.views.tone import (
    ProposalTone,
    ToneLabel,
    bundled_lexicon_path,
    load_bundled_lexicon,
    proposal_tone,
    read_tone,
)

from .conftest import BUNDLED, VALID, Run

LEXICON = load_bundled_lexicon()


def term(text: str) -> Term:
    parsed = parse_term(text)
    assert isinstance(parsed, Term), parsed
    return parsed


def matched(text: str, *terms: str) -> list[tuple[str, str]]:
    """(words as written in the text, term) for every match."""
    return [(m.text, m.term.text) for m in find(text, [("x", term(t)) for t in terms])]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Lutter contre les monopoles.", "Lutter contre"),
        ("Il luttera contre les monopoles.", "luttera contre"),
        ("La lutte contre les monopoles.", "lutte contre"),
        ("Nous luttons contre les monopoles.", "luttons contre"),
        ("LUTTONS CONTRE", "LUTTONS CONTRE"),
    ],
)
def test_a_stem_phrase_matches_every_inflection(text: str, words: str) -> None:
    assert matched(text, "lutt* contre", "lutt*", "contre") == [(words, "lutt* contre")]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Résistons aux géants.", "Résistons"),
        ("resister aux geants", "resister"),
        ("La RÉSISTANCE", "RÉSISTANCE"),
        ("une résistance\u0301", "résistance\u0301"),  # a combining accent on a word
    ],
)
@pytest.mark.parametrize("stem", ["résist*", "resist*", "RÉSIST*"])
def test_accents_and_case_are_ignored_on_both_sides(text: str, written: str, stem: str) -> None:
    assert matched(text, stem) == [(written, stem)]


def test_decomposed_text_nfd_is_read_as_whole_words() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Résistons à l'État")
    assert matched(text, "résist*", "etat") == [
        (unicodedata.normalize("NFD", "Résistons"), "résist*"),
        (unicodedata.normalize("NFD", "État"), "etat"),
    ]


def test_ligatures_fold() -> None:
    assert matched("Œuvrons ensemble", "oeuvr*") == [("Œuvrons", "oeuvr*")]
    assert matched("oeuvrer", "œuvr*") == [("oeuvrer", "œuvr*")]


def test_a_word_without_star_matches_only_that_word() -> None:
    assert matched("interdiction, interdire, interdit", "interdire") == [("interdire", "interdire")]
    assert matched("un taxi, une taxe, taxée", "taxe*") == [("taxe", "taxe*"), ("taxée", "taxe*")]


def test_apostrophes_and_hyphens_separate_words() -> None:
    assert matched("l'interdiction", "interdi*") == [("interdiction", "interdi*")]
    assert matched("une loi anti-GAFAM", "anti") == [("anti", "anti")]
    assert matched("l’interdiction", "interdi*") == [("interdiction", "interdi*")]


def test_the_longest_match_wins_and_words_count_once() -> None:
    assert matched("lutter contre la fraude", "contre", "lutt*", "lutt* contre") == [
        ("lutter contre", "lutt* contre")
    ]
    # same length: a whole word beats a stem, a longer stem a shorter one
    assert matched("former", "form*", "former") == [("former", "former")]
    assert matched("formation", "form*", "formation*") == [("formation", "formation*")]


def test_matches_keep_the_text_as_written_with_offsets() -> None:
    text = "Nous Interdirons l'achat « imposé »."
    found = find(text, [("d", term("interdi*")), ("d", term("impose*"))])
    assert [(m.text, text[m.start : m.end]) for m in found] == [
        ("Interdirons", "Interdirons"),
        ("imposé", "imposé"),
    ]


def test_tokens_split_on_anything_but_letters_and_digits() -> None:
    assert [t.key for t in tokens("L'État--2017 : Œuvre_commune")] == [
        "l",
        "etat",
        "2017",
        "oeuvre",
        "commune",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "a*",
            "stem 'a*' is too short: write at least 3 letters before '*' (or the whole word without '*')",
        ),
        (
            "é*",
            "stem 'é*' is too short: write at least 3 letters before '*' (or the whole word without '*')",
        ),
        ("in*terdit", "'in*terdit': '*' may only end a word"),
        ("« »", "'« »' has a word with no letter or digit"),
        ("", "the term is empty"),
    ],
)
def test_bad_terms_say_why(text: str, problem: str) -> None:
    assert parse_term(text) == problem


# --- with the bundled lexicon -----------------------------------------------------------------


def tone_of(summary: str, quote: str | None = None, lang: str = "fr") -> ProposalTone:
    proposal = Proposal(id="p", themes=("t",), summary=summary, source="s", quote=quote)
    return proposal_tone(proposal, LEXICON, lang)


@pytest.mark.parametrize(
    "summary",
    [
        "Lutter contre la fraude.",
        "Il luttera contre la fraude.",
        "La lutte contre la fraude.",
        "Luttons !",
    ],
)
def test_bundled_lexicon_reads_the_inflections_of_lutter(summary: str) -> None:
    read = tone_of(summary)
    assert read.label is ToneLabel.DEFENSIVE
    assert len(read.hits) == 1


@pytest.mark.parametrize(
    ("summary", "label", "evidence"),
    [
        ("Interdire la vente liée.", ToneLabel.DEFENSIVE, [("defensive", "Interdire", "interdi*")]),
        (
            "Investir dans la fibre.",
            ToneLabel.CONSTRUCTIVE,
            [("constructive", "Investir", "invest*")],
        ),
        (
            "Créer un fonds contre la fraude.",
            ToneLabel.MIXED,
            [("constructive", "Créer", "crée*"), ("defensive", "contre", "contre")],
        ),
        ("Publier le budget.", ToneLabel.NEUTRAL, []),
        (
            "Analyser les données à l'aide du big data.",
            ToneLabel.NEUTRAL,
            [("neutral", "à l'aide du", "à l'aide du")],
        ),
        (
            "Protéger les lanceurs d'alerte.",
            ToneLabel.DEFENSIVE,
            [
                ("defensive", "Protéger", "protég*"),
                ("neutral", "lanceurs d'alerte", "lanceur* d'alerte"),
            ],
        ),
        ("Un taxi pour tous.", ToneLabel.NEUTRAL, []),
        ("C'est impossible.", ToneLabel.NEUTRAL, []),
    ],
)
def test_labels_come_with_their_words(
    summary: str, label: ToneLabel, evidence: list[tuple[str, str, str]]
) -> None:
    read = tone_of(summary)
    assert read.label is label
    assert [(h.category, h.text, h.term.text) for h in read.hits] == evidence


def test_quotes_are_read_too_and_say_so() -> None:
    read = tone_of("Orienter les achats publics.", quote="combattre la mainmise")
    assert [(h.field, h.text) for h in read.hits] == [("quote", "combattre")]
    assert read.label is ToneLabel.DEFENSIVE


def test_english_text_uses_the_english_lists() -> None:
    assert tone_of("Ban zero rating and fight monopolies.", lang="en").label is ToneLabel.DEFENSIVE
    assert tone_of("Invest in training.", lang="en").label is ToneLabel.CONSTRUCTIVE
    assert tone_of("Fund training.", lang="fr").label is ToneLabel.NEUTRAL
    assert tone_of("end-to-end encryption", lang="en").hits == ()
    assert tone_of("a blockchain registry", lang="en").hits == ()


def test_bundled_lexicon_is_the_file_shipped_in_the_package() -> None:
    assert bundled_lexicon_path().is_file()
    assert LEXICON.bundled
    text = bundled_lexicon_path().read_text(encoding="utf-8")
    assert "NOT tuned" in text  # the promise the header makes
    assert [c.id for c in LEXICON.categories] == ["defensive", "constructive", "neutral"]
    for category in LEXICON.categories[:2]:
        assert category.fr and category.en


def test_balance_counts_labels_and_terms_in_the_order_given() -> None:
    data = load_dataset(VALID)
    report = read_tone(data, find_candidates(data, ["zoe", "bob"]), LEXICON)
    assert [ct.candidate.id for ct in report.candidates] == ["zoe", "bob"]
    zoe = report.candidates[0]
    assert [(pt.proposal.id, str(pt.label)) for pt in zoe.proposals] == [
        ("libre-admin", "neutral"),
        ("open-data", "constructive"),
    ]
    assert zoe.terms("constructive") == [("ouvert*", 1)]
    assert report.to_dict()["candidates"][0]["balance"] == {
        "proposals": 2,
        "defensive": 0,
        "constructive": 1,
        "mixed": 0,
        "neutral": 1,
        "terms": {"defensive": [], "constructive": [{"term": "ouvert*", "count": 1}]},
    }


def test_records_are_flat_strings() -> None:
    data = load_dataset(VALID)
    records = read_tone(data, data.candidates, LEXICON).to_records()
    assert all(isinstance(v, str) for r in records for v in r.values())
    assert records[-1] == {
        "election": "fr-test-2027",
        "candidate": "zoe",
        "candidate_name": "Zoé Lefèvre",
        "proposal": "open-data",
        "themes": "open-government\nfree-software",
        "label": "constructive",
        "defensive_words": "",
        "defensive_terms": "",
        "constructive_words": "ouvert",
        "constructive_terms": "ouvert*",
        "summary": "Publier les données publiques en format ouvert.",
        "quote": "",
        "text": "",
    }


# --- the lexicon file ---------------------------------------------------------------------------

GOOD = """\
defensive:
  description: {fr: Défensif., en: Defensive.}
  fr: [interdi*, lutt* contre]
  en: [ban]
constructive:
  description: {fr: Constructif., en: Constructive.}
  fr: [invest*]
  en: [invest*]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lexique.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_lexicon(path)
    return [f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems]


def test_a_small_lexicon_loads(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path, GOOD))
    assert [t.text for t in lexicon.categories[0].fr] == ["interdi*", "lutt* contre"]
    assert not lexicon.bundled and len(lexicon.categories) == 2


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("fr: [invest*]", "fr: [invest*, in*vest]"),
            [
                "7:17: item 2 of 'fr' must be a word, a stem ending in '*', or such words separated by single spaces (got 'in*vest')"
            ],
        ),
        (
            ("fr: [invest*]", "fr: [de*]"),
            [
                "7:8: stem 'de*' is too short: write at least 3 letters before '*' (or the whole word without '*')"
            ],
        ),
        (
            ("fr: [invest*]", "fr: [invest*, Invest*]"),
            ["7:17: term 'Invest*' is listed twice (first at line 7)"],
        ),
        (
            ("fr: [invest*]", "fr: [invest*, Interdi*]"),
            ["7:17: term 'Interdi*' is also defensive (line 3); a term can be in one list only"],
        ),
        (
            ("  en: [ban]\n", "  en: ban\n"),
            ["4:7: 'en' must be a list, got text (write it as a list: [value])"],
        ),
        (("  en: [ban]\n", ""), ["2:3: missing required field 'en' in tone category"]),
        (
            ("constructive:", "constructiv:"),
            ["5:1: unknown field 'constructiv' in tone lexicon (did you mean 'constructive'?)"],
        ),
        (
            ("fr: [invest*]", "fr: [invest*, *x]"),
            ["7:17: YAML syntax error: found undefined alias"],
        ),
    ],
)
def test_lexicon_errors_are_located(
    tmp_path: Path, change: tuple[str, str], expected: list[str]
) -> None:
    assert GOOD.count(change[0]) == 1
    text = GOOD.replace(*change)
    assert problems(write(tmp_path, text)) == expected


def test_cli_tone_with_a_bad_lexicon_exits_1_with_located_errors(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("[interdi*,", "[interdi*, interdi*,"))
    result = run("tone", "zoe", "--data", VALID, "--lexicon", path)
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{path}:3:18: term 'interdi*' is listed twice (first at line 3)\n"
        "progcmp: error: 1 problem in 1 file\n"
    )
    missing = run("tone", "--data", VALID, "--lexicon", tmp_path / "nope.yaml")
    assert (
        missing.stderr
        == f"{tmp_path / 'nope.yaml'}:1:1: lexicon file not found\nprogcmp: error: 1 problem in 1 file\n"
    )


def test_cli_tone_with_a_replacement_lexicon(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("fr: [invest*]", "fr: [publi*]"))
    result = run("tone", "zoe", "--data", VALID, "--lexicon", path, "-f", "json")
    assert result.code == 0, result.stderr
    assert '"lexicon": "' + str(path) + '"' in result.stdout
    assert '"term": "publi*"' in result.stdout


# --- on the bundled data ------------------------------------------------------------------------


def test_on_the_bundled_data_the_evidence_is_shown_word_by_word(run: Run) -> None:
    result = run("tone", "melenchon@2017", "--theme", "free-software", "--width", "120")
    assert result.code == 0, result.stderr
    out = result.stdout
    assert out.startswith(
        "Ton des propositions\u202f: Jean-Luc Mélenchon\nHeuristique lexicale, pas un jugement"
    )
    assert "défensif\u202f: interdiction ← interdi*" in out
    assert "défensif\u202f: imposé ← impose*" in out
    assert "constructif\u202f: Généraliser ← généralis*" in out
    assert "Les résumés sont rédigés par le projet" in " ".join(out.split())


@pytest.mark.parametrize(
    ("term_text", "matches", "misses"),
    [  # the table in docs/commands.md, "progcmp tone"
        ("interdire", ["interdire"], ["interdit", "interdiction"]),
        ("interdi*", ["interdire", "interdit", "interdiction", "interdisons"], []),
        (
            "lutt* contre",
            ["lutter contre", "luttera contre", "lutte contre", "luttons contre"],
            ["lutter pour"],
        ),
        ("taxe*", ["taxe", "taxer", "taxée"], ["taxi"]),
    ],
)
def test_the_readme_table_of_terms(term_text: str, matches: list[str], misses: list[str]) -> None:
    for text in matches:
        assert matched(text, term_text) == [(text, term_text)]
    for text in misses:
        assert matched(text, term_text) == []


def test_the_balance_quoted_in_the_readme() -> None:
    """docs/commands.md quotes these counts; if the data or the lexicon change, update it."""
    data = load_dataset(BUNDLED)
    report = read_tone(data, find_candidates(data, ["melenchon@2017", "macron@2017"]), LEXICON)
    assert [
        (len(ct.proposals), *(ct.count(label) for label in ToneLabel)) for ct in report.candidates
    ] == [(46, 10, 18, 5, 13), (54, 8, 26, 6, 14)]


def test_bundled_tone_json_matches_the_library(run: Run) -> None:
    import json

    data = load_dataset(BUNDLED)
    expected = read_tone(
        data, find_candidates(data, ["melenchon@2017", "macron@2017"]), LEXICON
    ).to_dict()
    result = run("tone", "melenchon@2017", "macron@2017", "-f", "json")
    assert json.loads(result.stdout) == expected
