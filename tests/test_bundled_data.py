"""The shipped dataset: valid, every claim sourced, no accidental duplicates, the founding case kept."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from rapidfuzz import fuzz

from progcmp import GapKind, compare, find_candidate, find_candidates, find_gaps, load_dataset
from progcmp.text import fold

from .conftest import BUNDLED

DATA = load_dataset(BUNDLED)
DUPLICATE_SCORE = 90  # token_sort_ratio on folded summaries: above this, two proposals say the same


def test_bundled_data_validates_and_covers_the_2017_candidates() -> None:
    ids = {c.id for c in DATA.candidates}
    assert {
        "melenchon",
        "macron",
        "fillon",
        "hamon",
        "le-pen",
        "dupont-aignan",
        "jadot",
        "valls",
    } <= ids
    assert {"poutou", "arthaud", "asselineau", "lassalle", "cheminade"} <= ids
    assert 15 <= len(DATA.themes) <= 20


@pytest.mark.parametrize("candidate", DATA.candidates, ids=lambda c: c.id)
def test_every_claim_rests_on_a_declared_http_source(candidate: object) -> None:
    from progcmp.model import Candidate

    assert isinstance(candidate, Candidate)
    declared = {s.id: s for s in candidate.sources}
    cited = [p.source for p in candidate.proposals] + [a.source for a in candidate.assessments]
    cited += [a.source for a in candidate.annotations if a.source]
    for source_id in cited + list(candidate.reviewed):
        assert urlsplit(declared[source_id].url).scheme in ("http", "https")
    unused = set(declared) - set(cited) - set(candidate.reviewed)
    assert not unused, f"declared but neither cited nor reviewed: {sorted(unused)}"


@pytest.mark.parametrize("candidate", DATA.candidates, ids=lambda c: c.id)
def test_no_two_proposals_of_a_candidate_are_near_duplicates(candidate: object) -> None:
    from progcmp.model import Candidate

    assert isinstance(candidate, Candidate)
    texts = [(p.id, fold(p.summary)) for p in candidate.proposals]
    close = [
        (a, b)
        for i, (a, ta) in enumerate(texts)
        for b, tb in texts[i + 1 :]
        if fuzz.token_sort_ratio(ta, tb) >= DUPLICATE_SCORE
    ]
    assert not close


def test_withdrawn_and_defeated_candidates_are_marked() -> None:
    assert find_candidate(DATA, "jadot").status == "withdrew"
    assert find_candidate(DATA, "valls").status == "lost-primary"


def test_candidates_with_nothing_found_say_so_honestly() -> None:
    for name in ("poutou", "cheminade"):
        candidate = find_candidate(DATA, name)
        assert candidate.proposals == ()
        report = find_gaps(DATA, [candidate])
        assert len(report.gaps[0]) == len(DATA.themes)
        assert candidate.note


def test_the_open_government_claim_is_contested_by_the_programme() -> None:
    """The op-ed found nothing on Open Government for Mélenchon; his section 83 has open data."""
    melenchon = find_candidate(DATA, "Mélenchon")
    annotation = melenchon.annotation_on("open-government")
    assert annotation is not None and annotation.kind is GapKind.CONTESTED
    assert annotation.source is not None and "silicon.fr" in melenchon.source(annotation.source).url
    section_83 = [
        p
        for p in melenchon.proposals_on("open-government")
        if "/section/83/" in melenchon.source(p.source).url
    ]
    assert section_83
    assert any(
        a.author == "Guy Mamou-Mani" and "open-government" in a.themes
        for a in melenchon.assessments
    )
    assert not any(p.source == annotation.source for p in melenchon.proposals), (
        "a verdict is not a proposal"
    )


def test_the_headline_comparison_has_sourced_proposals_on_most_themes() -> None:
    view = compare(DATA, find_candidates(DATA, ["melenchon", "macron", "fillon", "hamon"]))
    covered = sum(1 for row in view.rows for cell in row if cell.proposals)
    assert covered >= 0.6 * len(view.rows) * 4


SHARED_CSV = BUNDLED.parent.parent / "shared" / "data" / "presidentielles2017"
COPIED_RUN = (
    60  # characters in a row shared with a source sentence: that is copying, not summarising
)


@pytest.mark.skipif(
    not SHARED_CSV.is_dir(), reason="the 2017 source texts (../shared) are not beside the project"
)
def test_summaries_are_in_our_own_words() -> None:
    import csv

    source_text = []
    for path in sorted(SHARED_CSV.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            source_text += [fold(row["proposition"]) for row in csv.DictReader(handle)]
    haystack = " | ".join(source_text)
    copied = [
        f"{c.id}/{p.id}"
        for c in DATA.candidates
        for p in c.proposals
        for text in [fold(p.summary)]
        if any(
            text[i : i + COPIED_RUN] in haystack for i in range(0, len(text) - COPIED_RUN + 1, 5)
        )
    ]
    assert not copied


def test_the_whole_2017_report_exports_cleanly() -> None:
    """The published artefacts of the shipped data: valid Markdown, CSV and HTML."""
    from progcmp import RenderOptions, render
    from progcmp.views.report import election_report

    from .test_render import check_csv, check_html, check_markdown

    report = election_report(DATA, "2017")
    check_html(render(report, "html"))
    check_csv(report, render(report, "csv"))
    check_markdown(render(report, "markdown"))
    check_markdown(render(report, "markdown", RenderOptions(layout="sections")))
    table = compare(DATA, find_candidates(DATA, ["melenchon", "macron"]))
    check_csv(table, render(table, "csv"))


# --- the 2024 European election: 38 lists, most of them read only in part -----------------------

EURO = sorted(
    (c for c in DATA.candidates if c.election == "fr-euro-2024"), key=lambda c: c.ballot or 0
)
EURO_NOTES = BUNDLED.parent.parent / "shared" / "research" / "programmes-eu2024-facts.md"
# Heads of list the research notes leave unknown or unconfirmed (their ballot numbers).
EURO_HEAD_UNCONFIRMED = {22, 23, 24, 25, 26, 28, 30, 32, 36}


def test_the_2024_european_election_has_38_lists_in_the_official_order() -> None:
    from progcmp.model import ContenderKind

    assert len(EURO) == 38
    assert [c.ballot for c in EURO] == list(range(1, 39))
    assert all(c.kind is ContenderKind.LIST for c in EURO)


def test_every_2024_list_has_a_head_unless_the_notes_leave_it_unconfirmed() -> None:
    headless = {c.ballot for c in EURO if not c.leader}
    assert headless == EURO_HEAD_UNCONFIRMED
    for c in EURO:
        if not c.leader:
            assert c.note and "non confirmée" in c.note, c.id


def test_2024_names_do_not_capture_a_2017_candidate() -> None:
    """A bare name typed for 2017 (``arthaud``, ``lo``, ``asselineau``) still finds 2017."""
    old = [c for c in DATA.candidates if c.election == "fr-pres-2017"]
    taken = {fold(n) for c in old for n in (c.id, c.name, *c.aliases)}
    for c in EURO:
        assert not taken & {fold(n) for n in (c.id, c.name, *c.aliases)}, c.id
    for c in old:
        for name in (c.id, c.name, *c.aliases):
            assert find_candidate(DATA, name) is c


def test_2024_lists_with_nothing_read_are_not_reviewed_never_silent() -> None:
    unread = [c for c in EURO if not c.reviewed]
    # 6 lists a source says have digital proposals (content not read), and n°38, admitted after
    # the only source that could show its absence may have been written.
    assert sorted(c.ballot or 0 for c in unread) == [8, 13, 18, 24, 33, 35, 38]
    for c in unread:
        assert c.proposals == () and c.note
        (gaps,) = find_gaps(DATA, [c]).gaps
        assert len(gaps) == len(DATA.themes)
        assert {g.kind for g in gaps} == {GapKind.NOT_REVIEWED}


def test_every_2024_source_was_read_only_in_part_and_says_so() -> None:
    from progcmp.model import Reading

    for c in EURO:
        for s in c.sources:
            assert s.read is Reading.PARTIAL, f"{c.id}/{s.id}"
        if c.reviewed:
            assert c.note and "partie" in c.note, c.id


def test_2024_figures_the_readme_gives() -> None:
    assert sum(len(c.proposals) for c in EURO) == 35
    assert sum(1 for c in EURO if c.proposals) == 9
    assert sum(1 for c in EURO if c.reviewed) == 31
    assert len({s.url for c in EURO for s in c.sources}) == 22


def _same_host(url: str) -> str:
    """The notes quote one page with a trailing dot on its host name (``linuxfr.org.``)."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.rstrip(".")).geturl()


@pytest.mark.skipif(
    not EURO_NOTES.is_file(),
    reason="the 2024 research notes (../shared) are not beside the project",
)
def test_every_2024_source_and_quote_is_in_the_research_notes() -> None:
    import re

    notes = EURO_NOTES.read_text(encoding="utf-8")
    urls = {_same_host(u) for u in re.findall(r"https?://[^\s)>`]+", notes)}
    missing = [f"{c.id}/{s.id}" for c in EURO for s in c.sources if _same_host(s.url) not in urls]
    assert not missing
    quoted = [p.quote for c in EURO for p in c.proposals if p.quote]
    assert quoted
    assert all(quote in notes for quote in quoted)


@pytest.mark.skipif(
    not EURO_NOTES.is_file(),
    reason="the 2024 research notes (../shared) are not beside the project",
)
def test_2024_summaries_do_not_copy_the_quoted_source_text() -> None:
    import re

    notes = EURO_NOTES.read_text(encoding="utf-8")
    haystack = " | ".join(fold(q) for q in re.findall(r"«([^»]*)»", notes))
    copied = [
        f"{c.id}/{p.id}"
        for c in EURO
        for p in c.proposals
        for text in [fold(p.summary)]
        if any(
            text[i : i + COPIED_RUN] in haystack for i in range(0, len(text) - COPIED_RUN + 1, 5)
        )
    ]
    assert not copied
