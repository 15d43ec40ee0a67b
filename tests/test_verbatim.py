"""A proposal's verbatim ``text`` (the contender's own words) beside its ``summary`` (the
project's): schema, validation, cache, and what tone, show and search do with it, on the
invented questionnaire fixture (tests/data/questionnaire, written by its make.py)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from progcmp import load_dataset
from progcmp.data import cache
from progcmp.data.loader import validate_paths
from progcmp.data.schema import json_schema
from progcmp.model import Dataset
from progcmp.render import RenderOptions, render
from progcmp.views.search import search
from progcmp.views.tone import load_bundled_lexicon, proposal_tone, read_tone

from .conftest import TESTS, Run

QUESTIONNAIRE = TESTS / "data" / "questionnaire"
VALID = TESTS / "data" / "valid"
PARTY = "partei-03"  # its justifications are longer than a quote may be


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(QUESTIONNAIRE)


def _plain(text: str) -> str:
    """French typography's narrow no-break spaces as plain spaces, for readable asserts."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "q"
    shutil.copytree(QUESTIONNAIRE, root, ignore=shutil.ignore_patterns("make.py"))
    return root


def test_the_fixture_keeps_justifications_verbatim_beside_short_summaries(
    dataset: Dataset,
) -> None:
    proposals = [p for c in dataset.candidates for p in c.proposals]
    texts = [p for p in proposals if p.text]
    assert texts and any(len(p.text or "") > 200 for p in texts)  # longer than a quote
    assert all(len(p.summary) < len(p.text or "") for p in texts)
    # a placeholder answer ("-") has no text to keep
    assert all(p.text is None for p in proposals if p.summary == "-")


def test_the_json_schema_declares_text_and_keeps_quotes_short() -> None:
    proposal = json_schema()["properties"]["proposals"]["items"]["properties"]
    assert proposal["text"]["type"] == "string"
    assert proposal["text"]["maxLength"] == 5000
    assert proposal["quote"]["maxLength"] == 200
    assert "verbatim" in proposal["text"]["description"]


def _edit(root: Path, old: str, new: str) -> Path:
    path = root / "de-test-2029" / f"{PARTY}.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def test_a_text_equal_to_its_summary_is_refused_where_it_is(tmp_path: Path, run: Run) -> None:
    root = _copy(tmp_path)
    path = _edit(
        root,
        'summary: "Für freie Software in der Verwaltung."',
        'summary: "Die Verwaltung soll freie Software einsetzen,  weil offene Programme Kosten '
        "senken. So steht es in unserem erfundenen Testprogramm für 2029, Kapitel 1, und es gilt "
        'für Bund, Länder und Gemeinden gleichermaßen, ohne Ausnahme und ohne Übergangsfrist."',
    )
    (problem,) = validate_paths([root], root)
    line = (
        path.read_text("utf-8")
        .splitlines()
        .index(next(x for x in path.read_text("utf-8").splitlines() if x.startswith("    text:")))
    )
    assert (problem.line, problem.column) == (line + 1, 11)
    assert problem.message.startswith("'text' is the same as the summary")
    assert "the summary must be in the project's own words" in problem.message
    result = run("validate", root)
    assert result.code == 1
    assert f"{PARTY}.yaml:{line + 1}:11: 'text' is the same as the summary" in result.stderr


def test_a_long_quote_is_still_refused_and_a_text_has_its_own_limit(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    long = "Wort " * 250  # 1,250 characters: too long for a quote, fine for a text
    _edit(root, "    source: fragebogen\n", f'    quote: "{long}"\n    source: fragebogen\n')
    (problem,) = validate_paths([root], root)
    assert "'quote' is too long (1250 characters; the limit is 200)" in problem.message
    root = _copy(tmp_path / "again")
    _edit(root, 'text: "Die Verwaltung', f'text: "{long * 4} Die Verwaltung')
    (problem,) = validate_paths([root], root)
    assert "'text' is too long" in problem.message and "the limit is 5000" in problem.message


def test_texts_come_back_whole_from_the_cache(tmp_path: Path) -> None:
    assert cache.FORMAT >= 6  # the proposal row gained a field
    root = _copy(tmp_path)
    uncached = load_dataset(root)
    load_dataset(root, cache=tmp_path / "cache")
    cached = load_dataset(root, cache=tmp_path / "cache")
    assert cached == uncached
    assert any(p.text for c in cached.candidates for p in c.proposals)


def test_tone_says_whose_words_it_read(run: Run) -> None:
    lexicon = load_bundled_lexicon()
    plain = load_dataset(VALID)
    assert read_tone(plain, plain.candidates, lexicon).to_dict()["method"]["fields"] == [
        "summary",
        "quote",
    ]
    without = _plain(run("tone", "--data", VALID, "--no-cache", "--width", "300").stdout)
    assert "chaque résumé et chaque citation sont comparés" in without
    assert "Les résumés sont rédigés par le projet" in without
    assert "tels quels" not in without
    data = ("--data", QUESTIONNAIRE, "--no-cache", "--width", "300")
    verbatim = _plain(run("tone", PARTY, *data).stdout)
    assert "chaque résumé, chaque citation et chaque texte cité tel quel" in verbatim
    assert "Résumés rédigés par le projet ; citations et textes des candidats cités tels" in (
        verbatim
    )
    assert "Les résumés sont rédigés par le projet" not in verbatim
    english = run("tone", PARTY, *data, "--lang", "en").stdout
    assert "quotes and the candidates’ texts quoted verbatim" in english
    document = json.loads(run("tone", PARTY, *data, "-f", "json").stdout)
    assert document["method"]["fields"] == ["summary", "quote", "text"]
    assert document["candidates"][0]["proposals"][0]["text"].startswith("Die Verwaltung")


def test_tone_finds_words_in_the_text_and_says_where() -> None:
    lexicon = load_bundled_lexicon()
    plain = load_dataset(VALID)
    zoe = next(c for c in plain.candidates if c.id == "zoe")
    said = replace(zoe.proposals[0], text="Nous voulons interdire les logiciels espions.")
    (hit,) = [h for h in proposal_tone(said, lexicon).hits if h.field == "text"]
    assert (hit.category, hit.text) == ("defensive", "interdire")
    data = Dataset(plain.themes, (replace(zoe, proposals=(said,)),))
    view = read_tone(data, data.candidates, lexicon)
    out = _plain(render(view, "terminal", RenderOptions(width=200)))
    assert "interdire ← interdi*, dans le texte" in out
    assert "« Nous voulons interdire les logiciels espions. »" in out  # what was read is shown


def test_show_prints_the_text_under_its_summary_as_their_own_words(run: Run) -> None:
    data = ("--data", QUESTIONNAIRE, "--no-cache")
    out = _plain(run("show", PARTY, *data, "--width", "300").stdout).splitlines()
    summary = next(
        i for i, line in enumerate(out) if "Für freie Software in der Verwaltung." in line
    )
    assert out[summary] == "• pour · Für freie Software in der Verwaltung. [1, These 1]"
    assert out[summary + 1].startswith(
        "• ↳ Ses propres mots : « Die Verwaltung soll freie Software einsetzen"
    )
    assert out[summary + 1].endswith("Übergangsfrist. » [1, These 1]")
    english = run("show", PARTY, *data, "--lang", "en", "--width", "300").stdout
    assert "↳ In their own words: “Die Verwaltung soll" in english
    markdown = _plain(run("show", PARTY, *data, "-f", "markdown").stdout)
    assert "- ↳ Ses propres mots : *« Die Verwaltung soll" in markdown
    html = _plain(run("show", PARTY, *data, "-f", "html").stdout)
    assert '<span class="quote">« Die Verwaltung soll freie Software' in html
    rows = run("show", PARTY, *data, "-f", "csv").stdout
    assert "Die Verwaltung soll freie Software einsetzen" in rows


def test_compare_stays_compact(run: Run) -> None:
    out = run(
        "compare", PARTY, "partei-02", "--data", QUESTIONNAIRE, "--no-cache", "--width", "300"
    ).stdout
    assert "Für freie Software in der Verwaltung." in out
    assert "Übergangsfrist" not in out and "Ses propres mots" not in out


def test_search_finds_a_word_that_is_only_in_the_text(dataset: Dataset, run: Run) -> None:
    results = search(dataset.candidates, dataset.themes, "Überholspur")
    assert results.hits
    for hit in results.hits:
        assert hit.fields == ("text",)
        assert "Überholspur" not in hit.proposal.summary
    out = run("search", "Überholspur", "--data", QUESTIONNAIRE, "--no-cache", "--width", "120")
    assert "texte" in out.stdout and "Überholspur" in out.stdout
    document = json.loads(
        run("search", "Überholspur", "--data", QUESTIONNAIRE, "--no-cache", "-f", "json").stdout
    )
    assert document["hits"][0]["found_in"] == ["text"]
    assert "Überholspur" in document["hits"][0]["proposal"]["text"]
