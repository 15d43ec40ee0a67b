"""matrix: proposals per theme and each theme's share of a candidate's programme."""

from __future__ import annotations

import pytest

from progcmp import load_dataset
from progcmp.views.matrix import heat, percent, salience

from .conftest import ANALYSIS, BUNDLED

DATA = load_dataset(ANALYSIS)


def test_counts_and_shares() -> None:
    matrix = salience(DATA, DATA.candidates)
    assert [t.id for t in matrix.themes] == ["free-software", "open-government", "net-neutrality"]
    assert matrix.counts == ((1, 1, 0), (2, 1, 0), (1, 1, 1))
    assert matrix.totals() == (3, 3, 1)
    rows = {r["theme"]: r["cells"] for r in matrix.to_dict()["rows"]}
    # Ana's proposal on two themes counts for each: her shares add up to 4/3
    assert [c["share"] for c in rows["open-government"]] == [0.6667, 0.3333, 0.0]
    assert sum(rows[t][0]["share"] for t in rows) == pytest.approx(1.3333)


def test_candidate_without_proposals_has_no_share() -> None:
    valid = load_dataset(ANALYSIS.parent / "valid")
    matrix = salience(valid, valid.candidates)
    empty = [c for r in matrix.to_dict()["rows"] for c in r["cells"] if c["candidate"] == "empty"]
    assert {c["share"] for c in empty} == {None}
    records = [r for r in matrix.to_records() if r["candidate"] == "empty"]
    assert {r["share"] for r in records} == {""} and {r["proposals"] for r in records} == {"0"}


def test_records_are_flat_strings() -> None:
    records = salience(DATA, DATA.candidates).to_records()
    assert len(records) == 9  # 3 themes x 3 candidates
    assert records[1] == {
        "election": "fr-test-2027",
        "candidate": "ben",
        "candidate_name": "Ben Rousseau",
        "party": "Parti Vert Pomme",
        "theme": "free-software",
        "theme_label": "Logiciel libre",
        "theme_lang": "fr",
        "theme_label_fr": "Logiciel libre",
        "theme_label_en": "Free software",
        "proposals": "1",
        "candidate_proposals": "3",
        "share": "0.3333",
        "stance_agree": "0",
        "stance_disagree": "0",
        "stance_neutral": "0",
    }


def test_percent_rounds_halves_up() -> None:
    assert [percent(1, 8), percent(3, 8), percent(1, 3), percent(2, 3), percent(0, 5)] == [
        13,
        38,
        33,
        67,
        0,
    ]


def test_heat_levels() -> None:
    assert [heat(0, 10), heat(1, 0), heat(1, 11), heat(1, 10), heat(2, 10), heat(3, 10)] == [
        0,
        0,
        1,
        2,
        3,
        4,
    ]


def test_only_selected_themes_but_shares_of_the_whole_programme() -> None:
    bundled = load_dataset(BUNDLED)
    hamon = next(c for c in bundled.candidates if c.id == "hamon")
    matrix = salience(bundled, [hamon], [bundled.theme("platform-work")])
    ((cell,),) = (r["cells"] for r in matrix.to_dict()["rows"])
    assert cell == {
        "candidate": "hamon",
        "proposals": 6,
        "share": 0.3,
        "stances": {},
    }  # 6 of his 20
