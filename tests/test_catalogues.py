"""An election folder may carry its own catalogue: gaps are only counted against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from progcmp import DataError, find_candidates, find_gaps, load_dataset
from progcmp.views.compare import compare

from .conftest import VALID, write_candidate

OWN_CATALOGUE = """\
themes:
  - id: these-1
    label: {fr: Thèse 1, en: Thesis 1}
    description: {fr: La première thèse., en: The first thesis.}
  - id: free-software
    label: {fr: Logiciel libre, en: Free software}
    description: {fr: Logiciels libres., en: Free software.}
"""

PARTY = """\
id: {id}
name: {name}
party: {name}
kind: party
election: {election}
sources:
  - id: prog
    title: Programme
    url: https://example.org/p
    kind: programme
reviewed: [prog]
proposals:
  - id: p1
    themes: [{theme}]
    summary: Une proposition.
    source: prog
"""


@pytest.fixture
def two_elections(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    write_candidate(
        root,
        PARTY.format(id="a", name="Alpha", election="de-btw-2021", theme="free-software"),
        "a",
        "de-btw-2021",
    )
    write_candidate(
        root,
        PARTY.format(id="b", name="Beta", election="de-btw-2025", theme="these-1"),
        "b",
        "de-btw-2025",
    )
    (root / "de-btw-2025" / "themes.yaml").write_text(OWN_CATALOGUE, encoding="utf-8")
    return root


def test_gaps_count_only_the_elections_own_themes(two_elections: Path) -> None:
    data = load_dataset(two_elections)
    shared = [t.id for t in load_dataset(VALID).themes]
    alpha, beta = find_candidates(data, ["alpha", "beta"])
    report = find_gaps(data, [alpha, beta])
    assert [g.theme.id for g in report.gaps[0]] == [t for t in shared if t != "free-software"]
    assert [g.theme.id for g in report.gaps[1]] == ["free-software"]  # not the 2021-only themes
    assert [t.id for t in compare(data, [beta]).themes] == ["free-software", "these-1"]


def test_an_elections_catalogue_is_not_a_candidate_and_is_checked(two_elections: Path) -> None:
    (two_elections / "de-btw-2025" / "b.yaml").write_text(
        PARTY.format(id="b", name="Beta", election="de-btw-2025", theme="net-neutrality"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(two_elections)
    # net-neutrality is in the shared catalogue, not in this election's
    assert [str(p) for p in caught.value.problems] == [
        f"{two_elections / 'de-btw-2025' / 'b.yaml'}:14:14: unknown theme 'net-neutrality'"
    ]
