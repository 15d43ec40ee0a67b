"""--blind: candidates become letters, and nothing in any output names them."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from progcmp import (
    CandidateView,
    Dataset,
    RenderOptions,
    compare,
    find_candidates,
    find_gaps,
    load_dataset,
    render,
)
from progcmp.model import Candidate, ContenderKind, SourceKind
from progcmp.render import BINARY_FORMATS, FORMATS, render_bytes
from progcmp.render.locale import get_locale
from progcmp.text import fold
from progcmp.views import View
from progcmp.views.blind import anonymise, letter
from progcmp.views.matrix import salience
from progcmp.views.search import search
from progcmp.views.similar import find_similar

from .conftest import ANALYSIS, BUNDLED, Run, examples
from .test_xlsx import workbook_text

DATA = load_dataset(ANALYSIS)
BIG = load_dataset(BUNDLED)

FR = get_locale("fr").blind  # the words of --blind in the default language


def test_letters() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"
    ]  # fmt: skip


def test_candidates_become_letters_in_the_order_given() -> None:
    data, (b, a) = anonymise(DATA, find_candidates(DATA, ["ben", "ana"]), FR)
    assert data.candidates == (b, a) and data.themes == DATA.themes
    assert (b.id, b.name, b.party, b.key, b.aliases) == (
        "a",
        "Candidat A",
        "parti masqué",
        "a@fr-test-2027",
        (),
    )
    assert str(b.status) == "candidate"  # Ben lost a primary: that would tell who he is
    assert (a.name, a.note) == ("Candidat B", None)
    assert [s.id for s in a.sources] == ["s1", "s2"] and a.reviewed == ("s1",)
    source = a.sources[0]
    assert (source.title, source.url, source.publisher, source.date, source.kind) == (
        "Source 1",
        "",
        None,
        "2027-01",
        SourceKind.PROGRAMME,
    )
    assert [p.id for p in a.proposals] == ["p1", "p2", "p3"]
    assert [p.source for p in a.proposals] == ["s1", "s1", "s2"]
    english = anonymise(DATA, DATA.candidates, get_locale("en").blind)[1]
    assert [c.name for c in english] == ["Candidate A", "Candidate B", "Candidate C"]
    assert english[0].party == "party hidden"


def test_names_inside_texts() -> None:
    _, (b, a) = anonymise(DATA, find_candidates(DATA, ["ben", "ana"]), FR)
    texts = {p.id: p for p in a.proposals}
    # her own name, the programme's name, the party's acronym, another candidate, a web address
    assert texts["p3"].summary == "Candidat B veut publier les données publiques en open data."
    assert (
        texts["p2"].summary
        == "Équiper les écoles en logiciels libres, comme le promet [programme]."
    )
    assert texts["p3"].note == "Le [parti] l'a répété ; Candidat A dit la même chose (voir [lien])."
    # a word that a long family name starts, and a party acronym in an annotation
    assert (
        b.proposals[2].summary
        == "Rendre publics les algorithmes de l'État, contrairement aux Candidat A d'hier."
    )
    assert (
        b.annotations[0].note
        == "Le Journal écrit que le [parti] n'a rien dit sur la neutralité du net."
    )
    # a candidate who is not shown is hidden too, but not given a letter
    _, (alone,) = anonymise(DATA, find_candidates(DATA, ["ana"]), FR)
    assert (
        alone.proposals[2].note
        == "Le [parti] l'a répété ; [autre candidat] dit la même chose (voir [lien])."
    )


def test_words_that_only_look_like_names_are_kept() -> None:
    ana = replace(DATA.candidates[0], party="Les Marins")
    text = "Durandal, la durand, DURAND, durandistes, les Marins et les marins, lm et LM"
    ana = replace(ana, proposals=(replace(ana.proposals[0], summary=text),))
    (blind,) = anonymise(DATA, [ana], FR)[1]
    assert blind.proposals[0].summary == (
        "Durandal, la Candidat A, Candidat A, Candidat A, [parti] et [parti], lm et [parti]"
    )


def identifying(candidate: Candidate) -> tuple[list[str], list[str]]:
    """Words (folded, matched as whole words) and exact strings that name a candidate.

    A person's family name names them; the last words of a list's name do not (France libre:
    'libre'), its head's name does."""
    person = candidate.leader if candidate.kind is not ContenderKind.CANDIDATE else candidate.name
    words = [candidate.name, candidate.party]
    if person:
        words += [person, person.split(maxsplit=1)[-1]]
    words += [a for a in candidate.aliases if len(a) >= 3]
    words += [s.title.split(" — ")[0] for s in candidate.sources if s.kind == "programme"]
    exact = [urlsplit(s.url).netloc.removeprefix("www.") for s in candidate.sources]
    exact += [s.url for s in candidate.sources]
    return [fold(w) for w in words if len(fold(w)) >= 4], exact


def check_nothing_names(text: str, data: Dataset) -> None:
    folded = f" {fold(text)} "
    lowered = text.lower()
    for candidate in data.candidates:
        words, exact = identifying(candidate)
        for word in words:
            assert f" {word} " not in folded, (candidate.id, word)
        for string in exact:
            assert string not in text, (candidate.id, string)
        # The id, not preceded by a letter, digit or "/" nor followed by one or "-". Written
        # with the id first, so that the regex engine looks for it as a plain string (a
        # leading look-behind would be tried at every position of a long export).
        alone = rf"{candidate.id}(?<![\w/]{candidate.id})(?![\w-])"
        assert not re.search(alone, lowered), candidate.id


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_output_names_anyone_on_the_bundled_data(fmt: str) -> None:
    everyone = BIG.candidates
    data, blind = anonymise(BIG, everyone, FR)
    views: list[View] = [
        compare(data, blind),
        find_gaps(data, blind),
        salience(data, blind),
        replace(find_similar(everyone, BIG.themes, 60), candidates=blind),
        search(blind, data.themes, "numérique", limit=1000),
        search(blind, data.themes, "données", limit=1000),
        *(CandidateView(c, data.themes) for c in blind),
    ]
    for view in views:
        if fmt in BINARY_FORMATS:
            text = workbook_text(render_bytes(view, fmt))
        else:
            text = render(view, fmt, RenderOptions(width=120))
        check_nothing_names(text, BIG)


def test_the_check_would_see_a_name() -> None:
    data, blind = anonymise(BIG, BIG.candidates, FR)
    with pytest.raises(AssertionError):
        check_nothing_names(render(compare(BIG, BIG.candidates[:3]), "markdown"), BIG)
    check_nothing_names(render(compare(data, blind[:3]), "markdown"), BIG)


D = ("--data", str(ANALYSIS))


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "ana", "ben"),
        ("gaps",),
        ("show", "ana"),
        ("matrix",),
        ("similar",),
        ("search", "neutralité"),
    ],
)
def test_every_command_takes_blind(run: Run, args: tuple[str, ...]) -> None:
    plain = run(*args, *D, "-f", "markdown")
    blind = run(*args, *D, "-f", "markdown", "--blind")
    assert (plain.code, blind.code) == (0, 0), blind.stderr
    assert "Ana Durand" in plain.stdout and "Ana Durand" not in blind.stdout
    assert "Candidat A" in blind.stdout
    check_nothing_names(blind.stdout, DATA)
    english = run(*args, *D, "-f", "markdown", "--blind", "--lang", "en")
    assert "Candidate A" in english.stdout


def test_blind_similar_finds_the_same_pairs(run: Run) -> None:
    plain = json.loads(run("similar", *D, "-f", "json").stdout)
    blind = json.loads(run("similar", *D, "-f", "json", "--blind").stdout)

    def pairs(doc: dict[str, object]) -> list[object]:
        return [
            [[p["summary"] for p in g["proposals"]], g["pairs"]]
            for t in doc["themes"]  # type: ignore[attr-defined]
            for g in t["consensus"]
        ]

    assert pairs(plain) == pairs(blind) != []
    assert [c["name"] for c in blind["candidates"]] == ["Candidat A", "Candidat B", "Candidat C"]


@settings(max_examples=examples(150), deadline=None)
@given(name=st.text(max_size=30), party=st.text(max_size=20), text=st.text(max_size=60))
def test_any_name_and_text(name: str, party: str, text: str) -> None:
    """Whatever the names and texts, blinding works, and a name written out is hidden."""
    ana = replace(DATA.candidates[0], name=name or "n", party=party or "p")
    ana = replace(ana, proposals=(replace(ana.proposals[0], summary=f"{text} {name}"),))
    (blind,) = anonymise(DATA, [ana], FR)[1]
    words = fold(name).split()
    out = blind.proposals[0].summary
    for label in (blind.name, "[parti]", "[programme]", "[lien]", "[autre candidat]"):
        out = out.replace(label, " ")
    if words and len(words) == len(name.split()):  # every word of the name has letters
        assert f" {' '.join(words)} " not in f" {fold(out)} "
