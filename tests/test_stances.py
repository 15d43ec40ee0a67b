"""Stances (agree, disagree, neutral) and answers without a statement, on the invented
questionnaire fixture (tests/data/questionnaire, written by its make.py)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from progcmp import load_dataset
from progcmp.data.loader import validate_paths
from progcmp.data.schema import json_schema
from progcmp.model import Dataset, GapKind, Stance
from progcmp.text.similarity import placeholder
from progcmp.views.gaps import find_gaps
from progcmp.views.matrix import salience
from progcmp.views.similar import find_similar

from .conftest import TESTS, Run

QUESTIONNAIRE = TESTS / "data" / "questionnaire"
ELECTION = QUESTIONNAIRE / "de-test-2029"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(QUESTIONNAIRE)


def test_the_fixture_is_a_questionnaire_with_stances_everywhere(dataset: Dataset) -> None:
    assert len(dataset.candidates) >= 30
    for c in dataset.candidates:
        assert all(p.stance is not None for p in c.proposals)
        answered = {t for p in c.proposals for t in p.themes} | {a.theme for a in c.annotations}
        assert answered == {t.id for t in dataset.themes}  # a stance on every thesis
        assert all(a.kind is GapKind.NO_STATEMENT and a.stance for a in c.annotations)
    assert any(c.annotations for c in dataset.candidates)


def test_similar_never_pairs_opposite_stances(dataset: Dataset) -> None:
    report = find_similar(dataset.candidates, dataset.themes, threshold=50)
    for theme in report.themes:
        for group in theme.groups:
            for a, b, _ in group.scores:
                sa = report.proposal(group.members[a])[1]
                sb = report.proposal(group.members[b])[1]
                assert sa.stance is not None and not sa.stance.opposes(sb.stance)
                assert not placeholder(sa.summary) and not placeholder(sb.summary)
        # every thesis has parties on both sides: listed apart, whatever their wording
        (opposition,) = theme.oppositions
        assert opposition.stances == (Stance.AGREE, Stance.DISAGREE)
        for stance, side in zip(opposition.stances, opposition.sides, strict=True):
            assert side and all(report.proposal(r)[1].stance is stance for r in side)
    document = report.to_dict()
    assert document["themes"][0]["oppositions"][0]["stances"] == ["agree", "disagree"]
    kinds = {row["kind"] for row in report.to_records()}
    assert "opposed" in kinds


def test_placeholders_are_never_alike() -> None:
    assert all(placeholder(t) for t in ("-", "—", "n/a", "N/A", "", "Ja, klar."))
    assert not placeholder("Freie Software für alle Behörden")


def test_matrix_counts_stances(dataset: Dataset, run: Run) -> None:
    matrix = salience(dataset, dataset.candidates)
    total = sum(k for row in matrix.stances for cell in row for _, k in cell)
    assert total == sum(len(c.proposals) for c in dataset.candidates)
    result = run("matrix", "partei-01", "partei-02", "--data", QUESTIONNAIRE, "--no-cache")
    assert result.code == 0
    assert "(1 contre)" in result.stdout and "(1 pour)" in result.stdout
    cells = json.loads(
        run("matrix", "partei-01", "--data", QUESTIONNAIRE, "-f", "json", "--no-cache").stdout
    )["rows"][0]["cells"]
    assert cells[0]["stances"] == {"disagree": 1}


def test_compare_shows_stances_and_no_statement_notes_in_every_format(run: Run) -> None:
    args = ("compare", "partei-01", "partei-07", "-t", "these-1", "--data", QUESTIONNAIRE)
    note = "Die Partei hat geantwortet, aber keine Begründung geschrieben."
    terminal = run(*args, "--width", "200", "--no-cache").stdout
    assert "contre · Gegen freie Software" in terminal
    assert "Pflicht zu freier Software" not in terminal  # compact: the summary, not the text
    assert "a répondu sans motiver (neutre)" in terminal and "Begründung" in terminal
    english = run(*args, "--lang", "en", "--width", "200", "--no-cache").stdout
    assert "disagree · Gegen freie Software" in english
    assert "answered without a statement" in english
    for fmt in ("markdown", "html"):
        out = run(*args, "-f", fmt, "--no-cache").stdout
        assert "contre" in out and "a répondu sans motiver" in out and note in out
    rows = list(csv.DictReader(io.StringIO(run(*args, "-f", "csv", "--no-cache").stdout)))
    assert [(r["kind"], r["stance"]) for r in rows] == [
        ("proposal", "disagree"),
        ("no-statement", "neutral"),
    ]
    assert rows[0]["text"].startswith("Die Verwaltung soll keine Pflicht")
    data = json.loads(run(*args, "-f", "json", "--no-cache").stdout)
    cells = data["rows"][0]["cells"]
    assert cells[0]["proposals"][0]["stance"] == "disagree"
    assert cells[0]["proposals"][0]["text"].startswith("Die Verwaltung soll keine Pflicht")
    assert cells[1]["gap"] == {
        "theme": "these-1",
        "kind": "no-statement",
        "note": note,
        "sources": ["fragebogen"],
        "stance": "neutral",
    }
    shown = run("show", "partei-07", "--data", QUESTIONNAIRE, "--width", "200", "--no-cache")
    assert "contre · Gegen eine Pflicht" in shown.stdout and "(neutre)" in shown.stdout


def test_no_statement_is_a_gap_with_its_note_and_stance(dataset: Dataset, run: Run) -> None:
    party = next(c for c in dataset.candidates if c.id == "partei-07")
    (gap,) = find_gaps(dataset, [party]).gaps[0]
    assert (gap.kind, gap.stance) == (GapKind.NO_STATEMENT, Stance.NEUTRAL)
    out = run("gaps", "partei-07", "--data", QUESTIONNAIRE, "--width", "200", "--no-cache")
    assert "a répondu sans motiver (neutre)" in out.stdout and "Begründung" in out.stdout


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "q"
    shutil.copytree(QUESTIONNAIRE, root, ignore=shutil.ignore_patterns("make.py"))
    return root


def test_an_unknown_stance_is_reported_where_it_is_with_a_guess(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "de-test-2029" / "partei-01.yaml"
    path.write_text(path.read_text("utf-8").replace("stance: agree", "stance: agre", 1), "utf-8")
    (problem,) = validate_paths([root], root)
    assert problem.path.endswith("partei-01.yaml") and problem.line > 1
    assert "must be one of agree, disagree, neutral (got 'agre')" in problem.message
    assert problem.message.endswith("(did you mean 'agree'?)")


def test_only_no_statement_annotations_have_a_stance(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "de-test-2029" / "partei-07.yaml"
    path.write_text(
        path.read_text("utf-8").replace("kind: no-statement", "kind: not-reviewed", 1), "utf-8"
    )
    (problem,) = validate_paths([root], root)
    assert "only an annotation of kind 'no-statement' has a stance" in problem.message


def test_the_json_schema_declares_stances() -> None:
    proposal = json_schema()["properties"]["proposals"]["items"]["properties"]
    assert proposal["stance"]["enum"] == ["agree", "disagree", "neutral"]
    annotation = json_schema()["properties"]["annotations"]["items"]["properties"]
    assert "no-statement" in annotation["kind"]["enum"]


def test_stances_come_back_whole_from_the_cache(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    uncached = load_dataset(root)
    load_dataset(root, cache=tmp_path / "cache")
    cached = load_dataset(root, cache=tmp_path / "cache")
    assert cached == uncached
    assert any(a.stance for c in cached.candidates for a in c.annotations)


def test_every_command_runs_on_the_questionnaire(run: Run) -> None:
    data = ("--data", QUESTIONNAIRE, "--no-cache")
    for args in (
        ("validate", QUESTIONNAIRE),
        ("candidates", *data),
        ("themes", *data),
        ("report", "-f", "html", *data),
        ("similar", "partei-01", "partei-02", "partei-03", "-f", "markdown", *data),
        ("diff", "partei-01", "partei-02", *data),
        ("search", "Glasfaser", *data),
    ):
        result = run(*args)
        assert result.code == 0, (args, result.stderr)


def test_a_blind_reading_keeps_the_stances(dataset: Dataset) -> None:
    from progcmp.render.locale import get_locale
    from progcmp.views.blind import anonymise

    _, blind = anonymise(dataset, dataset.candidates, get_locale("fr").blind)
    seen = [p.stance for c in dataset.candidates for p in c.proposals]
    assert [p.stance for c in blind for p in c.proposals] == seen
    assert any(seen)
