"""Ids from names and texts: spelled by the text's language, stop words out, always valid."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from progcmp.data.schema import ID_PATTERN
from progcmp.text.ids import make_id


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Bündnis 90/Die Grünen", "de", "buendnis-90-gruenen"),
        (
            "Die SPD bekennt sich klar zur Europäischen Union",
            "de",
            "spd-bekennt-klar-europaeischen-union",
        ),
        ("Straße der Zölle", "de", "strasse-zoelle"),
        ("Bündnis 90/Die Grünen", "fr", "bundnis-90-die-grunen"),  # not said German: no ue
        ("Garantir la neutralité du net, pour tous", "fr", "garantir-neutralite-net"),
        ("Łódź", "fr", "lodz"),
        ("Ærø", "fr", "aero"),
        ("Þórr", "de", "thorr"),
        ("Đà Nẵng", "fr", "da-nang"),
        ("Œuvre ıssız", "fr", "oeuvre-issiz"),
        ("Москва", "fr", "moskva"),
        ("Αθήνα", "de", "athina"),
        ("北京", "fr", "beijing"),
        ("Wahl-O-Mat", "de", "wahl-o-mat"),  # a one-letter word is a word
        ("the vote of the people", "en", "vote-people"),
        ("Le la les", "fr", "le-la-les"),  # only stop words: never an empty id
    ],
)
def test_ids_by_language(text: str, lang: str, expected: str) -> None:
    assert make_id(text, lang) == expected


def test_names_keep_their_particles() -> None:
    assert make_id("Marine Le Pen", stop_words=False) == "marine-le-pen"
    assert make_id("Ursula von der Leyen", "de", stop_words=False) == "ursula-von-der-leyen"


def test_cut_at_a_word_boundary() -> None:
    text = "Inscrire la neutralité du net dans la Constitution et la loi organique"
    assert make_id(text, length=30) == "inscrire-neutralite-net"
    assert make_id(text, words=2) == "inscrire-neutralite"
    assert make_id("x" * 100, length=20) == "x" * 20  # one word too long is cut


@given(st.text(max_size=80), st.sampled_from(["fr", "en", "de"]), st.integers(1, 64))
def test_an_id_is_valid_or_empty(text: str, lang: str, length: int) -> None:
    made = make_id(text, lang, length=length)
    assert made == "" or re.fullmatch(ID_PATTERN, made)
    assert len(made) <= length
