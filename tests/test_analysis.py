"""Name resolution, comparison cells, typed gaps and their invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from progcmp import (
    Dataset,
    GapKind,
    UsageError,
    compare,
    find_candidate,
    find_candidates,
    find_gaps,
    load_dataset,
    select_themes,
)
from progcmp.model import Candidate, Proposal
from progcmp.views.cells import cell

from .conftest import VALID

DATA = load_dataset(VALID)


@pytest.mark.parametrize(
    "query",
    [
        "zoe",
        "Zoé",
        "ZOE",
        "zoé lefèvre",
        "Zoe Lefevre",
        "zl",
        "zoe@fr-test-2027",
        "zoe@2027",
        "Lefèvre",  # whole words of one name
        "ZOÉ",
        "zoe\u0301",  # NFD
        "zoé",
        "zoé lef",  # the start of a name
    ],
)
def test_names_resolve_exactly(query: str) -> None:
    assert find_candidate(DATA, query).id == "zoe"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("zoee", "unknown name 'zoee' (did you mean zoe?); see 'progcmp candidates'"),
        (
            "zoe lefebvre",
            "unknown name 'zoe lefebvre' (did you mean zoe?); see 'progcmp candidates'",
        ),
        # another person who shares a name with a candidate is not that candidate
        (
            "Marion Lefèvre",
            "unknown name 'Marion Lefèvre' (did you mean zoe?); see 'progcmp candidates'",
        ),
        ("Jean Castex", "unknown name 'Jean Castex'; see 'progcmp candidates'"),
        ("trump", "unknown name 'trump'; see 'progcmp candidates'"),
        (
            "zo",
            "unknown name 'zo' (did you mean zoe?); see 'progcmp candidates'",
        ),  # too short to be a start
        ("", "'' holds no letter or digit, so it names nobody"),
        ("🙂", "'🙂' holds no letter or digit, so it names nobody"),
        ("李明", "unknown name '李明'; see 'progcmp candidates'"),
    ],
)
def test_near_misses_and_other_people_are_refused_with_suggestions(
    query: str, message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        find_candidate(DATA, query)
    assert str(caught.value) == message


def test_names_in_any_script_resolve_and_coexist() -> None:
    ivan = Candidate(id="petrov", name="Иван Петров", party="P", election="fr-test-2027", path="i")
    vlad = Candidate(
        id="poutine", name="Владимир Путин", party="P", election="fr-test-2027", path="v"
    )
    data = Dataset(DATA.themes, (ivan, vlad))
    assert find_candidate(data, "иван петров") is ivan
    assert find_candidate(data, "Путин") is vlad
    for stranger in ("李明", "Пётр Иванов"):
        with pytest.raises(UsageError, match="unknown name"):
            find_candidate(data, stranger)


def test_a_word_several_names_share_is_ambiguous() -> None:
    other = Candidate(id="leo", name="Léo Lefèvre", party="P", election="fr-test-2027", path="x")
    data = Dataset(DATA.themes, (*DATA.candidates, other))
    with pytest.raises(UsageError) as caught:
        find_candidate(data, "Lefevre")
    assert str(caught.value) == (
        "'Lefevre' is ambiguous: zoe@fr-test-2027, leo@fr-test-2027; write one of these"
    )


def test_all_names_every_contender_in_ballot_order() -> None:
    assert find_candidates(DATA, ["all"]) == DATA.candidates
    assert find_candidates(DATA, ["all@2027"]) == DATA.candidates
    with pytest.raises(UsageError, match="names every contender: use it alone"):
        find_candidates(DATA, ["zoe", "all"])


@pytest.mark.parametrize(
    "query",
    [
        "zoe@2027",
    ],
)
def test_names_resolve_forgivingly(query: str) -> None:
    assert find_candidate(DATA, query).id == "zoe"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("xyz", "unknown name 'xyz'; see 'progcmp candidates'"),
        ("zoe@2022", "unknown election '2022'; known: fr-test-2027"),
        ("\x1b[2J", "unknown name '\\x1b[2J'; see 'progcmp candidates'"),
    ],
)
def test_unknown_names_are_usage_errors(query: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        find_candidate(DATA, query)
    assert str(caught.value) == message


def test_a_person_in_two_elections_is_read_in_the_latest_and_says_so() -> None:
    twin = Candidate(id="zoe", name="Zoé Lefèvre", party="P", election="fr-other-2032", path="x")
    data = Dataset(DATA.themes, (*DATA.candidates, twin))
    notes: list[str] = []
    assert find_candidate(data, "zoe", notes) is twin
    assert notes == ["'zoe': fr-other-2032 (also in fr-test-2027; write NAME@ELECTION for another)"]
    assert find_candidate(data, "zoe@2027").key == "zoe@fr-test-2027"
    # with another name settled in 2027, the shared election wins
    notes.clear()
    assert find_candidates(data, ["zoe", "bob"], notes)[0].key == "zoe@fr-test-2027"
    assert notes == ["'zoe': fr-test-2027 (also in fr-other-2032; write NAME@ELECTION for another)"]


def test_the_same_candidate_twice_is_refused() -> None:
    with pytest.raises(UsageError) as caught:
        find_candidates(DATA, ["zoe", "ZL"])
    assert str(caught.value) == "'ZL' and 'zoe' both name zoe@fr-test-2027"


def test_theme_filter_by_id_or_label_in_catalogue_order() -> None:
    chosen = select_themes(DATA, ["Neutralité du net", "free-software", "open government"])
    assert [t.id for t in chosen] == ["free-software", "open-government", "net-neutrality"]
    with pytest.raises(UsageError) as caught:
        select_themes(DATA, ["free-sofware"])
    assert (
        str(caught.value)
        == "unknown theme 'free-sofware' (did you mean 'free-software'?); see 'progcmp themes'"
    )


def test_comparison_rows_follow_the_catalogue_and_columns_the_order_given() -> None:
    view = compare(DATA, find_candidates(DATA, ["zoe", "bob"]))
    assert [row[0].theme.id for row in view.rows] == [
        "free-software",
        "open-government",
        "net-neutrality",
    ]
    assert [[c.candidate.id for c in row] for row in view.rows] == [["zoe", "bob"]] * 3
    free_software = view.rows[0]
    assert [p.id for p in free_software[0].proposals] == ["libre-admin", "open-data"]
    assert free_software[1].gap is not None and free_software[1].gap.kind is GapKind.DECLINED
    assert [s.id for s in free_software[1].gap.sources] == ["questionnaire"]


def test_contested_theme_shows_proposals_and_the_claim() -> None:
    zoe = find_candidate(DATA, "zoe")
    open_gov = cell(zoe, DATA.theme("open-government"))
    assert [p.id for p in open_gov.proposals] == ["open-data"]
    assert open_gov.gap is None
    assert open_gov.contested is not None and open_gov.contested.source == "oped"
    report = find_gaps(DATA, [zoe])
    assert [g.theme.id for g in report.gaps[0]] == ["net-neutrality"]
    assert [a.theme for a in report.contested[0]] == ["open-government"]


def test_none_found_gap_rests_on_the_reviewed_sources() -> None:
    bob = find_candidate(DATA, "bob")
    report = find_gaps(DATA, [bob])
    kinds = {g.theme.id: (g.kind, [s.id for s in g.sources]) for g in report.gaps[0]}
    assert kinds == {
        "free-software": (GapKind.DECLINED, ["questionnaire"]),
        "open-government": (GapKind.NONE_FOUND, ["site", "questionnaire"]),
    }


def test_a_candidate_with_nothing_reviewed_has_every_theme_not_reviewed() -> None:
    # "none-found" rests on the sources read; with none read, nothing was looked for.
    report = find_gaps(DATA, [find_candidate(DATA, "empty")])
    assert [(g.theme.id, g.kind, g.sources) for g in report.gaps[0]] == [
        (t.id, GapKind.NOT_REVIEWED, ()) for t in DATA.themes
    ]
    assert report.count == 3


def test_reverse_view_lists_who_is_silent() -> None:
    report = find_gaps(DATA, DATA.candidates)
    silent = {t.id: [c.id for c, _ in report.silent_on(t)] for t in DATA.themes}
    assert silent == {
        "free-software": ["bob", "empty"],
        "open-government": ["bob", "empty"],
        "net-neutrality": ["empty", "zoe"],
    }


def test_json_shape_is_versioned() -> None:
    shape = compare(DATA, DATA.candidates).to_dict()
    assert (shape["kind"], shape["version"]) == ("comparison", 1)
    assert [c["id"] for c in shape["candidates"]] == ["bob", "empty", "zoe"]


theme_ids = st.lists(
    st.sampled_from([t.id for t in DATA.themes]), min_size=1, max_size=3, unique=True
)


@given(st.lists(theme_ids, max_size=6))
def test_covered_and_gaps_partition_the_catalogue(proposal_themes: list[list[str]]) -> None:
    proposals = tuple(
        Proposal(id=f"p{i}", themes=tuple(ts), summary="s", source="src")
        for i, ts in enumerate(proposal_themes)
    )
    candidate = Candidate(id="c", name="C", party="P", election="e", path="c", proposals=proposals)
    gaps = {g.theme.id for g in find_gaps(DATA, [candidate]).gaps[0]}
    covered = {t for p in proposals for t in p.themes}
    assert gaps | covered == {t.id for t in DATA.themes}
    assert not gaps & covered
