"""The shipped dataset: valid, every claim sourced, no accidental duplicates, the founding case kept.

Two presidential elections share candidates (melenchon, macron, le-pen...), so names are
written ``name@election`` here: a bare name reads the latest election."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from rapidfuzz import fuzz

from progcmp import GapKind, compare, find_candidate, find_candidates, find_gaps, load_dataset
from progcmp.text import fold

from .conftest import BUNDLED, Run

DATA = load_dataset(BUNDLED)
DUPLICATE_SCORE = 90  # token_sort_ratio on folded summaries: above this, two proposals say the same
SHARED = BUNDLED.parent.parent / "shared"
SHARED_CSV = SHARED / "data" / "presidentielles2017"
FACTS_2017 = SHARED / "research" / "programmes-2017-facts.md"
OP_ED = SHARED / "seed" / "carnets-de-campagne-melenchon-2017.md"
COPIED_RUN = (
    60  # characters in a row shared with a source sentence: that is copying, not summarising
)
NO_CSV = pytest.mark.skipif(
    not SHARED_CSV.is_dir(), reason="the 2017 source texts (../shared) are not beside the project"
)
CANDIDATES_2017 = [c for c in DATA.candidates if c.election == "fr-pres-2017"]


def test_bundled_data_validates_and_covers_the_2017_candidates() -> None:
    ids = {c.id for c in DATA.candidates if c.election == "fr-pres-2017"}
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
    assert find_candidate(DATA, "jadot@fr-pres-2017").status == "withdrew"
    assert find_candidate(DATA, "valls@fr-pres-2017").status == "lost-primary"
    assert find_candidate(DATA, "jadot@fr-pres-2022").status == "candidate"


def test_candidates_with_nothing_found_say_so_honestly() -> None:
    for name in ("poutou@fr-pres-2017", "cheminade@fr-pres-2017"):
        candidate = find_candidate(DATA, name)
        assert candidate.proposals == ()
        report = find_gaps(DATA, [candidate])
        assert len(report.gaps[0]) == len(DATA.themes)
        assert candidate.note


def test_the_open_government_claim_is_contested_by_the_programme() -> None:
    """The op-ed finds no strong national Open Government commitment in Mélenchon's programme;
    his section 83 makes open data systematic for local authorities: partly contradicted."""
    melenchon = find_candidate(DATA, "Mélenchon@fr-pres-2017")
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
    assert "en partie contredit" in annotation.note


@pytest.mark.skipif(
    not OP_ED.is_file(), reason="the op-ed (../shared/seed) is not beside the project"
)
def test_what_the_op_ed_is_quoted_as_saying_is_in_the_op_ed() -> None:
    """Words put in « » as the op-ed's are its exact words."""
    import re

    op_ed = " ".join(OP_ED.read_text(encoding="utf-8").replace("*", "").split())
    melenchon = find_candidate(DATA, "Mélenchon@fr-pres-2017")
    annotation = melenchon.annotation_on("open-government")
    assert annotation is not None
    texts = [annotation.note] + [
        f"{a.summary} « {a.quote} »" for a in melenchon.assessments if a.source == annotation.source
    ]
    quoted = [q.strip() for text in texts for q in re.findall(r"«\s*([^»]+?)\s*»", text)]
    assert "d'engagements nationaux forts en matière d'Open Government" in quoted
    assert [q for q in quoted if q not in op_ed] == []


def test_the_headline_comparison_has_sourced_proposals_on_most_themes() -> None:
    names = ["melenchon", "macron", "fillon", "hamon"]
    view = compare(DATA, find_candidates(DATA, [f"{n}@fr-pres-2017" for n in names]))
    covered = sum(1 for row in view.rows for cell in row if cell.proposals)
    assert covered >= 0.6 * len(view.rows) * 4


def _csv_rows() -> list[dict[str, str]]:
    import csv

    rows: list[dict[str, str]] = []
    for path in sorted(SHARED_CSV.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += csv.DictReader(handle)
    return rows


@NO_CSV
def test_summaries_are_in_our_own_words() -> None:
    """No summary shares a run of 60 characters (accents, case and punctuation aside) with the
    campaign texts, at any offset."""
    haystack = " | ".join(fold(row["proposition"]) for row in _csv_rows())
    runs = {
        f"{c.id}/{p.id}": text[i : i + COPIED_RUN]
        for c in DATA.candidates
        for p in c.proposals
        for text in [fold(p.summary)]
        for i in range(len(text) - COPIED_RUN + 1)
        if text[i : i + COPIED_RUN] in haystack
    }
    assert not runs


def test_2017_coverage() -> None:
    """The figures programmes/README.md gives for 2017."""
    proposals = [p for c in CANDIDATES_2017 for p in c.proposals]
    assert len(CANDIDATES_2017) == 13
    assert len(proposals) == 273
    environment = [
        (c.id, p.id) for c in CANDIDATES_2017 for p in c.proposals_on("digital-environment")
    ]
    assert environment == [("jadot", "filiere-dechets-electroniques")]


@pytest.mark.parametrize("candidate", CANDIDATES_2017, ids=lambda c: c.id)
def test_every_reviewed_2017_source_says_how_much_was_read(candidate: object) -> None:
    from progcmp.model import Candidate, Reading

    assert isinstance(candidate, Candidate)
    for source_id in candidate.reviewed:
        source = candidate.source(source_id)
        # only the campaign-site pages of the 2017 extraction were read whole
        assert source.read is (Reading.FULL if source.kind == "programme" else Reading.PARTIAL), (
            source_id
        )


@NO_CSV
def test_2017_sources_are_those_of_the_research_notes_or_the_campaign_texts() -> None:
    pages = {row["source"] for row in _csv_rows()}
    notes = FACTS_2017.read_text(encoding="utf-8").replace("issuu.com./", "issuu.com/")
    unknown = [
        f"{c.id}/{s.id}"
        for c in CANDIDATES_2017
        for s in c.sources
        if s.url not in pages and s.url not in notes
    ]
    assert not unknown
    read_whole = {s.url for c in CANDIDATES_2017 for s in c.sources if s.read == "full"}
    assert read_whole <= pages, "only the extracted campaign pages were read in full"


def test_no_bundled_proposal_breaks_a_boundary_rule_of_the_catalogue() -> None:
    from progcmp.text.classify import breaches, classifier_for

    classifier = classifier_for(DATA)
    broken = {
        f"{c.id}/{p.id}": found
        for c in DATA.candidates
        for p in c.proposals
        if (found := breaches(classifier, p))
    }
    assert not broken


@pytest.mark.parametrize(
    ("summary", "tag", "goes_to"),
    [
        (
            "Doter la fonction publique d'un système d'exploitation souverain.",
            "free-software",
            "data-sovereignty",
        ),
        (
            "Ne taxer les robots que dans les entreprises qui réduisent leurs effectifs.",
            "artificial-intelligence",
            "platform-work",
        ),
        ("Taxer la richesse produite par les robots.", "artificial-intelligence", "platform-work"),
        ("Intensifier la lutte contre le cyber-djihadisme.", "cybersecurity", "online-speech"),
        ("Remettre en cause l'accord avec Microsoft.", "digital-education", "free-software"),
    ],
)
def test_the_boundary_rules_catch_the_tags_they_were_written_for(
    summary: str, tag: str, goes_to: str
) -> None:
    from progcmp.model import Proposal
    from progcmp.text.classify import audit_proposal, breaches, classifier_for

    classifier = classifier_for(DATA)
    proposal = Proposal("p", (tag,), summary, "s")
    assert [(b.theme, b.goes_to) for b in breaches(classifier, proposal)] == [(tag, goes_to)]
    audit = audit_proposal(classifier, proposal)
    assert tag in audit.unsupported and goes_to in audit.missing
    assert tag not in [s.theme for s in audit.suggestion.themes]
    free = Proposal("p", ("free-software",), "Un système d'exploitation souverain et libre.", "s")
    assert not breaches(classifier, free)


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
    table = compare(DATA, find_candidates(DATA, ["melenchon@fr-pres-2017", "macron@fr-pres-2017"]))
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
    # A person who stood again in 2022 is read, by a bare name, in 2022: leave those names out.
    again = {
        fold(n)
        for c in DATA.candidates
        if c.election == "fr-pres-2022"
        for n in (c.id, c.name, *c.aliases)
    }
    for c in old:
        for name in (c.id, c.name, *c.aliases):
            if fold(name) not in again:
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


def test_the_boundary_rules_come_back_from_the_cache(tmp_path: Path) -> None:
    load_dataset(BUNDLED, cache=tmp_path)
    cached = load_dataset(BUNDLED, cache=tmp_path)
    assert cached.themes == DATA.themes
    assert any(t.boundaries for t in cached.themes)


# --- fr-pres-2022 -------------------------------------------------------------------------------

PRES_2022 = "fr-pres-2022"
# The Conseil constitutionnel's order, which the research notes follow and `ballot` records.
OFFICIAL_ORDER_2022 = (
    "arthaud",
    "roussel",
    "macron",
    "lassalle",
    "le-pen",
    "zemmour",
    "melenchon",
    "hidalgo",
    "jadot",
    "pecresse",
    "poutou",
    "dupont-aignan",
)
NOTES_2022 = BUNDLED.parent.parent / "shared" / "research" / "programmes-2022-facts.md"
needs_notes_2022 = pytest.mark.skipif(
    not NOTES_2022.is_file(),
    reason="the 2022 research notes (../shared) are not beside the project",
)
# Hosts the notes name as mirrors, proxies, translations or republications: a source on one of
# them must say so in its note (the original is to be found before publication).
MIRROR_HOSTS = {
    "www.staging.libe.io": "copie",
    "clubi.cc": "lien court",
    "meilu.jpshuntong.com": "proxy",
    "ec2-52-90-15-253.compute-1.amazonaws.com": "traduction",
    "lesfrancais.press": "republication",
    "www.societe.com": "republication",
    "www.cbanque.com": "republication",
    "a4perspectives.com": "republication",
}


def _candidates_2022() -> list[object]:
    return [c for c in DATA.candidates if c.election == PRES_2022]


def _squeezed(text: str) -> str:
    """Whitespace runs as one space: the notes wrap their lines, quotes among them."""
    return " ".join(text.split())


def test_2022_has_the_twelve_first_round_candidates_in_the_official_order() -> None:
    from progcmp.model import Candidate

    candidates = [c for c in _candidates_2022() if isinstance(c, Candidate)]
    assert len(candidates) == 12
    by_ballot = sorted(candidates, key=lambda c: c.ballot or 0)
    assert tuple(c.id for c in by_ballot) == OFFICIAL_ORDER_2022
    assert [c.ballot for c in by_ballot] == list(range(1, 13))
    assert all(c.status == "candidate" for c in candidates)


def test_2022_candidates_who_ran_in_2017_keep_their_2017_id() -> None:
    ids_2017 = {c.id for c in DATA.candidates if c.election == "fr-pres-2017"}
    returning = {"arthaud", "macron", "lassalle", "le-pen", "melenchon", "jadot", "poutou"}
    returning.add("dupont-aignan")
    assert returning <= ids_2017 & set(OFFICIAL_ORDER_2022)
    for name in sorted(returning):
        old = find_candidate(DATA, f"{name}@fr-pres-2017")
        new = find_candidate(DATA, f"{name}@{PRES_2022}")
        assert old.name == new.name


def test_a_2022_proposal_keeps_its_2017_id_only_for_the_same_measure_on_the_same_themes() -> None:
    """Recurring measures share an id with 2017 (so diff pairs them by id), themes included."""
    shared = 0
    for new in _candidates_2022():
        from progcmp.model import Candidate

        assert isinstance(new, Candidate)
        old = next(
            (c for c in DATA.candidates if c.election == "fr-pres-2017" and c.id == new.id), None
        )
        if old is None:
            continue
        old_themes = {p.id: set(p.themes) for p in old.proposals}
        for proposal in new.proposals:
            if proposal.id in old_themes:
                shared += 1
                assert set(proposal.themes) == old_themes[proposal.id], (new.id, proposal.id)
    assert shared >= 5  # Mélenchon's recurring measures, Lassalle's and Dupont-Aignan's


def test_every_2022_reviewed_source_says_how_much_of_it_was_read() -> None:
    """The notes read every page only in part, but for one short brief read whole."""
    from progcmp.model import Candidate, Reading

    whole = set()
    for candidate in _candidates_2022():
        assert isinstance(candidate, Candidate)
        assert candidate.reviewed, candidate.id
        for source_id in candidate.reviewed:
            source = candidate.source(source_id)
            assert source.read is not None, (candidate.id, source_id)
            if source.read is Reading.FULL:
                whole.add(source.url)
    assert whole == {
        "https://www.nextinpact.com/lebrief/49824/un-numerique-tres-souverain-dans-programme-deric-zemmour"
    }


def test_second_hand_2022_proposals_say_where_they_come_from() -> None:
    from progcmp.model import Candidate, SourceKind

    for candidate in _candidates_2022():
        assert isinstance(candidate, Candidate)
        assert candidate.note
        for proposal in candidate.proposals:
            if candidate.source(proposal.source).kind is SourceKind.PRESS:
                assert proposal.note, (candidate.id, proposal.id)


def test_2022_mirrors_and_proxies_are_flagged() -> None:
    from progcmp.model import Candidate

    seen = set()
    for candidate in _candidates_2022():
        assert isinstance(candidate, Candidate)
        for source in candidate.sources:
            host = urlsplit(source.url).hostname or ""
            if host in MIRROR_HOSTS:
                seen.add(host)
                assert source.note and MIRROR_HOSTS[host] in source.note.lower(), source.url
    assert len(seen) == len(MIRROR_HOSTS)  # each one is cited somewhere, and flagged there


def test_poutou_2022_has_one_measure_and_no_questionnaire_answer_taken_for_a_refusal() -> None:
    poutou = find_candidate(DATA, f"poutou@{PRES_2022}")
    assert [p.themes for p in poutou.proposals] == [("platform-work",)]
    assert poutou.annotation_on("cybersecurity") is None  # no answer is not a declared refusal
    report = find_gaps(DATA, [poutou])
    kinds = {gap.theme.id: gap.kind for gap in report.gaps[0]}
    assert kinds["cybersecurity"] is GapKind.NONE_FOUND
    assert kinds["free-software"] is GapKind.NOT_REVIEWED


@needs_notes_2022
def test_every_2022_source_url_comes_from_the_research_notes() -> None:
    from progcmp.model import Candidate

    notes = NOTES_2022.read_text(encoding="utf-8")
    missing = []
    for candidate in _candidates_2022():
        assert isinstance(candidate, Candidate)
        missing += [f"{candidate.id}: {s.url}" for s in candidate.sources if s.url not in notes]
    assert not missing


@needs_notes_2022
def test_every_2022_quote_is_verbatim_from_the_research_notes() -> None:
    from progcmp.model import Candidate

    notes = _squeezed(NOTES_2022.read_text(encoding="utf-8"))
    not_found = []
    for candidate in _candidates_2022():
        assert isinstance(candidate, Candidate)
        quoted = [(p.id, p.quote) for p in candidate.proposals]
        quoted += [(a.id, a.quote) for a in candidate.assessments]
        not_found += [f"{candidate.id}/{i}" for i, q in quoted if q and _squeezed(q) not in notes]
    assert not not_found


@needs_notes_2022
def test_2022_summaries_are_in_our_own_words() -> None:
    """No summary or note shares a run of 60 characters with the notes (quotes included)."""
    from progcmp.model import Candidate

    haystack = fold(_squeezed(NOTES_2022.read_text(encoding="utf-8")))
    copied = []
    for candidate in _candidates_2022():
        assert isinstance(candidate, Candidate)
        texts = [(p.id, p.summary) for p in candidate.proposals]
        texts += [(a.id, a.summary) for a in candidate.assessments]
        texts += [(p.id, p.note) for p in candidate.proposals if p.note]
        texts += [(a.theme, a.note) for a in candidate.annotations]
        texts += [("note", candidate.note or "")]
        for item_id, raw in texts:
            text = fold(_squeezed(raw))
            if any(
                text[i : i + COPIED_RUN] in haystack
                for i in range(0, len(text) - COPIED_RUN + 1, 5)
            ):
                copied.append(f"{candidate.id}/{item_id}")
    assert not copied


def test_the_melenchon_diff_pairs_recurring_measures_by_id() -> None:
    from progcmp.views.diff import Change, diff_programmes

    old = find_candidate(DATA, "melenchon@fr-pres-2017")
    new = find_candidate(DATA, f"melenchon@{PRES_2022}")
    result = diff_programmes(DATA, old, new)
    by_id = {c.new.id for c in result.changes if c.matched_by == "id" and c.new}
    assert {
        "logiciels-libres-administrations",
        "neutralite-du-net",
        "moderation-controle-judiciaire",
        "maitrise-publique-infrastructures",
        "requalification-travailleurs-plateformes",
    } <= by_id
    added = {c.new.id for c in result.changes if c.change is Change.ADDED and c.new}
    assert "agence-publique-logiciel-libre" in added


def test_the_whole_2022_report_exports_cleanly() -> None:
    from progcmp import RenderOptions, render
    from progcmp.views.report import election_report

    from .test_render import check_csv, check_html, check_markdown

    report = election_report(DATA, "2022")
    assert len(report.comparison.candidates) == 12
    check_html(render(report, "html"))
    check_csv(report, render(report, "csv"))
    check_markdown(render(report, "markdown", RenderOptions(layout="sections")))


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("macron@2022", "les 23 sources examinées, toutes lues en partie"),
        ("macron@2017", "les 37 sources examinées, dont une lue en partie"),
    ],
)
def test_a_gap_says_how_much_of_its_sources_was_read(run: Run, name: str, said: str) -> None:
    result = run("gaps", name, "--theme", "net-neutrality", "--width", "200")
    assert (result.code, result.stderr) == (0, "")
    assert said in result.stdout


def test_the_answer_first_list_says_what_each_gap_rests_on(run: Run) -> None:
    result = run("gaps", "--all", "--election", "2024", "-t", "free-software", "-f", "markdown")
    assert (result.code, result.stderr) == (0, "")
    assert "Free Palestine — *rien trouvé* (1 source, lue en partie)" in result.stdout
    assert "(0 source)" not in result.stdout
    assert "*sources non examinées*<br>" in result.stdout
