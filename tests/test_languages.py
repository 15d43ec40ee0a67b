"""Content languages declared by the data (tests/data/german: an invented German catalogue)."""

from __future__ import annotations

import json
from pathlib import Path

from progcmp.data.loader import load_dataset, validate_paths
from progcmp.model import Localized

from .conftest import Run

GERMAN = Path(__file__).parent / "data" / "german"
D = ("--data", str(GERMAN), "--no-cache")


def test_localized_falls_back_to_the_declared_language_then_any() -> None:
    label = Localized((("de", "Offene Daten"), ("en", "Open data")), "de")
    assert (label.get("en"), label.get("fr"), label.language("fr")) == (
        "Open data",
        "Offene Daten",
        "de",
    )
    assert Localized((("en", "Open data"),), "de").get("fr") == "Open data"


def test_candidates_take_their_catalogues_language() -> None:
    dataset = load_dataset(GERMAN)
    assert dataset.language == "de"
    assert {c.language for c in dataset.candidates} == {"de"}


def test_suggest_themes_stems_german(run: Run) -> None:
    result = run("suggest-themes", "anna", *D, "-f", "json")
    data = json.loads(result.stdout)
    assert data["text_lang"] == "de"
    first = data["proposals"][0]
    # "Quelltexte" (plural) in the text matches the keyword "Quelltext" by German stemming.
    assert first["suggested"][0]["theme"] == "freie-software"
    assert first["suggested"][0]["evidence"] == ["Quelltext"]


def test_tone_says_it_has_no_german_words(run: Run) -> None:
    result = run("tone", "--all", *D, "-f", "json")
    assert "no words in 'de'" in result.stderr
    data = json.loads(result.stdout)
    assert data["method"]["unread_langs"] == ["de"]
    assert all(not c["proposals"] for c in data["candidates"])


def test_labels_fall_back_to_the_content_language(run: Run) -> None:
    for lang in ("fr", "en"):
        assert "Freie Software" in run("themes", *D, "--lang", lang).stdout
    assert "Open data" in run("themes", *D, "--lang", "en").stdout
    assert "Offene Daten" in run("themes", *D, "--lang", "fr").stdout


def test_malformed_language_tag_is_rejected_with_its_position(tmp_path: Path) -> None:
    themes = tmp_path / "themes.yaml"
    themes.write_text(
        "language: Deutsch\nthemes:\n  - id: a\n    label: {de_DE: A}\n    description: {de: A}\n",
        encoding="utf-8",
    )
    assert [str(p) for p in validate_paths([themes], tmp_path)] == [
        f"{themes}:1:11: 'language' must be a language tag such as fr, en, de or pt-BR "
        "(got 'Deutsch')",
        f"{themes}:4:13: key 'de_DE' must be a language tag such as fr, en, de or pt-BR "
        "(got 'de_DE')",
    ]


def test_html_marks_the_data_in_its_own_language(run: Run) -> None:
    """The data's text carries the language its catalogue declares, not a fixed French."""
    german = run("show", "anna", "--data", GERMAN, "--lang", "en", "-f", "html")
    assert 'lang="de"' in german.stdout and 'lang="fr"' not in german.stdout
    french = run("show", "hamon", "--lang", "en", "-f", "html")
    assert 'lang="fr"' in french.stdout and 'lang="de"' not in french.stdout


def test_a_regional_tag_reads_as_its_language() -> None:
    """What is known of a language serves its regions: stop words, the stemmer, the French
    qu/c rule, ids and the tone lexicon (``fr-CA`` reads as ``fr``, ``de-AT`` as ``de``)."""
    from progcmp.model import primary_language
    from progcmp.text.classify import analyse
    from progcmp.text.ids import make_id
    from progcmp.views.tone import load_bundled_lexicon

    assert [primary_language(t) for t in ("pt-BR", "fr", "zh-Hant-TW", "EN-gb")] == [
        "pt",
        "fr",
        "zh",
        "en",
    ]
    text = "Les données publiques ouvertes"
    assert analyse(text, "fr-CA") == analyse(text, "fr") != analyse(text, "xx")
    assert make_id("Die Partei für Arbeit", "de-AT") == make_id("Die Partei für Arbeit", "de")
    lexicon = load_bundled_lexicon()
    assert lexicon.reads("fr-CA") and lexicon.reads("en-GB") and not lexicon.reads("pt-BR")
