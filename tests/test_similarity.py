"""similar: the fast path finds exactly the pairs an exhaustive comparison finds."""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from progcmp import load_dataset
from progcmp.text import _LIGATURES, fold
from progcmp.text import similarity as similarity_module
from progcmp.text.similarity import (
    _by_letters,
    _by_split,
    key,
    similar_pairs,
    similar_pairs_exhaustive,
)
from progcmp.views.similar import find_similar

from .conftest import ANALYSIS, BUNDLED, REPO, examples

REFERENCE = REPO.parent / "shared" / "data" / "presidentielles2017"


def inputs(data_root: Path) -> tuple[list[str], list[str], list[tuple[str, ...]]]:
    data = load_dataset(data_root)
    proposals = [(c.key, p) for c in data.candidates for p in c.proposals]
    return (
        [key(p.summary) for _, p in proposals],
        [owner for owner, _ in proposals],
        [p.themes for _, p in proposals],
    )


def test_key_folds_and_drops_stop_words() -> None:
    assert key("Garantir la neutralité du Net !") == "garantir net neutralite"
    assert key("Œuvrer pour l'accès des élèves à l'Internet") == "acces eleves internet oeuvrer"
    assert key("de la, et les ; of the") == ""
    assert key("Protéger les lanceurs d'alerte") == key("lanceurs d'alerte : PROTÉGER")


def reference_fold(text: str) -> str:
    """text.fold before its one-pass removal of accents: every character looked at; letters
    and digits of every script kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[\W_]+", " ", bare).strip()


@settings(max_examples=examples(500), deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from("aeEcCoO İßœÆ-'\u0301\u0327\u034f\u0308\u20dd\u05b0ΩЖ·1")
        | st.characters(),
        max_size=30,
    )
)
def test_fold_is_the_character_by_character_fold(text: str) -> None:
    """fold() removes Latin accents in one pass (it is a tenth of `similar`'s time), with the
    same result as looking at every character."""
    assert fold(text) == reference_fold(text)


@pytest.mark.parametrize("threshold", [40, 60, 75, 90, 100])
def test_same_pairs_as_exhaustive_on_bundled_data(threshold: int) -> None:
    keys, owners, groups = inputs(BUNDLED)
    fast = similar_pairs(keys, owners, groups, threshold)
    assert fast == similar_pairs_exhaustive(keys, owners, groups, threshold)
    if threshold == 75:
        # what the README shows for `progcmp similar` on the 2017 candidates
        in_2017 = [i for i, owner in enumerate(owners) if owner.endswith("@fr-pres-2017")]
        sub = (
            [keys[i] for i in in_2017],
            [owners[i] for i in in_2017],
            [groups[i] for i in in_2017],
        )
        assert len(similar_pairs(*sub, threshold)) == 15


def test_same_pairs_as_exhaustive_without_themes_in_common() -> None:
    """One group for all: every pair of different candidates is compared."""
    keys, owners, _ = inputs(BUNDLED)
    groups = [("all",)] * len(keys)
    for threshold in (60, 80):
        assert similar_pairs(keys, owners, groups, threshold) == similar_pairs_exhaustive(
            keys, owners, groups, threshold
        )


def reference_texts() -> list[str]:
    if not REFERENCE.is_dir():
        pytest.skip(f"{REFERENCE} is absent (it is not part of the project)")
    texts = []
    for path in sorted(REFERENCE.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            texts += [row["proposition"] for row in csv.DictReader(handle)]
    return texts


@pytest.mark.parametrize("threshold", [55, 80])
def test_same_pairs_as_exhaustive_on_whole_2017_programmes(threshold: int) -> None:
    """Whole programmes (all policy areas), 6 candidates x 100 proposals, random themes."""
    rng = random.Random(2017)
    texts = rng.sample(reference_texts(), 600)
    keys = [key(t) for t in texts]
    owners = [i % 6 for i in range(len(keys))]
    groups = [tuple(rng.sample(range(5), rng.choice([1, 1, 2]))) for _ in keys]
    fast = similar_pairs(keys, owners, groups, threshold)
    assert fast == similar_pairs_exhaustive(keys, owners, groups, threshold)
    assert fast  # the data has near-duplicates: the comparison is not vacuous


# Few, short, related words: subsets, plurals and one-letter differences are frequent, which is
# where token_set_ratio's three formulas take turns.
WORDS = ["net", "nets", "neutralite", "neutralites", "libre", "libres", "logiciel", "donnees",
         "donnee", "ouvert", "ouverte", "a", "ab", "abc", "x1", "garantir", "garantie"]  # fmt: skip
key_strategy = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)


@settings(max_examples=examples(300), deadline=None)
@given(
    items=st.lists(
        st.tuples(key_strategy, st.integers(0, 3), st.sets(st.integers(0, 2), max_size=2)),
        max_size=24,
    ),
    threshold=st.floats(min_value=0.5, max_value=100),
)
def test_same_pairs_as_exhaustive_on_random_data(
    items: list[tuple[str, int, set[int]]], threshold: float
) -> None:
    keys = [k for k, _, _ in items]
    owners = [o for _, o, _ in items]
    groups = [g for _, _, g in items]
    assert similar_pairs(keys, owners, groups, threshold) == similar_pairs_exhaustive(
        keys, owners, groups, threshold
    )


@settings(max_examples=examples(200), deadline=None)
@given(texts=st.lists(st.text(max_size=40), min_size=2, max_size=12), threshold=st.integers(1, 100))
def test_same_pairs_as_exhaustive_on_random_text(texts: list[str], threshold: int) -> None:
    keys = [key(t) for t in texts]
    owners = list(range(len(keys)))
    groups = [("one",)] * len(keys)
    assert similar_pairs(keys, owners, groups, threshold) == similar_pairs_exhaustive(
        keys, owners, groups, threshold
    )


@settings(max_examples=examples(300), deadline=None)
@given(a=key_strategy, b=key_strategy)
def test_the_bounds_hold(a: str, b: str) -> None:
    """The formulas of the module docstring: the score of two keys is at most the larger of the
    bound on t3 and the containment score t1, which is exact; weight strings measure c."""
    wa, wb = sorted(set(a.split())), sorted(set(b.split()))
    if not wa or not wb:
        return
    ja, jb = sorted((" ".join(wa), " ".join(wb)), key=len)
    common = set(wa) & set(wb)
    c = sum(len(w) + 1 for w in common)
    t3_bound = fuzz.ratio(ja, jb) + 200 * c / (len(ja) + len(jb))
    t1 = 200 * (c - 1) / (c - 1 + len(ja)) if common else 0
    score = fuzz.token_set_ratio(a, b)
    assert score <= max(t3_bound, t1) + 1e-9
    if common:
        assert score >= t1 - 1e-9
    symbols = {w: chr(0x100 + n) for n, w in enumerate(sorted(set(wa) | set(wb)))}
    for step in (1, 3):

        def weight(words: list[str], step: int = step) -> str:
            return "".join(symbols[w] * -(-(len(w) + 1) // step) for w in words)

        shared = LCSseq.similarity(weight(wa), weight(wb))
        assert shared * step >= c
        if step == 1:
            assert shared == c


@settings(max_examples=examples(200), deadline=None)
@given(
    items=st.lists(
        st.tuples(key_strategy, st.integers(0, 2), st.sets(st.integers(0, 1), max_size=2)),
        max_size=16,
    ),
    threshold=st.floats(min_value=0.5, max_value=100),
    split=st.floats(min_value=0, max_value=100),
    step=st.integers(1, 9),
)
def test_both_ways_give_the_same_pairs_at_any_threshold(
    items: list[tuple[str, int, set[int]]], threshold: float, split: float, step: int
) -> None:
    """similar_pairs picks a way by threshold, but both are exact at every threshold, and δ
    and q only move work between the passes (the module docstring)."""
    keys = [k for k, _, _ in items]
    owners = [o for _, o, _ in items]
    groups = [g for _, _, g in items]
    expected = similar_pairs_exhaustive(keys, owners, groups, threshold)
    assert _by_split(keys, owners, groups, threshold, split, step) == expected
    assert _by_letters(keys, owners, groups, threshold) == expected


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="threshold must be above 0"):
        similar_pairs(["a"], [1], [(1,)], 0)
    with pytest.raises(ValueError, match="same length"):
        similar_pairs(["a", "b"], [1], [(1,)], 50)


def test_consensus_and_distinctive_by_theme() -> None:
    data = load_dataset(ANALYSIS)
    report = find_similar(data.candidates, data.themes)
    by_theme = {t.theme.id: t for t in report.themes}
    (group,) = by_theme["net-neutrality"].groups
    assert [(report.proposal(r)[0].id, report.proposal(r)[1].id) for r in group.members] == [
        ("ana", "neutralite"),
        ("ben", "neutralite"),
        ("cyd", "reseaux"),
    ]
    assert [(a, b, int(s)) for a, b, s in group.scores] == [(0, 2, 90), (0, 1, 77)]
    assert by_theme["net-neutrality"].distinctive == ()
    assert [report.proposal(r)[1].id for r in by_theme["open-government"].distinctive] == [
        "libre-ecole",
        "donnees",
        "algorithmes",
    ]
    assert report.pair_count() == 2
    # a higher threshold keeps only the closest pair; Ben's proposal becomes distinctive
    strict = find_similar(data.candidates, data.themes, threshold=80)
    net = {t.theme.id: t for t in strict.themes}["net-neutrality"]
    assert len(net.groups) == 1 and len(net.groups[0].members) == 2
    assert [strict.proposal(r)[0].id for r in net.distinctive] == ["ben"]


def test_only_the_themes_asked_for() -> None:
    data = load_dataset(ANALYSIS)
    theme = data.theme("free-software")
    report = find_similar(data.candidates, (theme,))
    assert [t.theme.id for t in report.themes] == ["free-software"]
    assert report.pair_count() == 0


def test_many_identical_proposals_are_scored_once_and_pairs_capped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two candidates with 300 identical proposals each: 90,000 similar pairs, one group. The
    texts are scored once (one class per candidate), the group lists its best pairs and counts
    the rest, and each proposal's best score is known (two files of 4,000 such proposals took
    164 s and 17 GB)."""
    from dataclasses import replace

    import progcmp.views.similar as similar_view

    data = load_dataset(ANALYSIS)
    ana, ben = data.candidates[0], data.candidates[1]
    summary = ana.proposals[0].summary
    many = [
        replace(
            c,
            proposals=tuple(
                replace(c.proposals[0], id=f"p{n}", summary=summary) for n in range(300)
            ),
        )
        for c in (ana, ben)
    ]
    scored: list[int] = []
    real = similarity_module.similar_pairs

    def counted(keys: list[str], *args: object) -> list[tuple[int, int, float]]:
        scored.append(len(keys))
        return real(keys, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(similar_view, "similar_pairs", counted)
    report = find_similar(many, [data.theme("net-neutrality")])
    assert scored == [2]
    (group,) = report.themes[0].groups
    assert len(group.members) == 600
    assert len(group.scores) == similar_view.MAX_LISTED_PAIRS
    assert group.more_pairs == 90_000 - similar_view.MAX_LISTED_PAIRS
    assert group.scores[:2] == ((0, 300, 100.0), (0, 301, 100.0))
    assert report.pair_count() == 90_000
    assert {group.best(m) for m in range(600)} == {100.0}
    assert report.themes[0].distinctive == ()
    records = report.to_records()
    assert len(records) == 600
