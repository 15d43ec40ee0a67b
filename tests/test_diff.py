"""Programme diffs: pairing by id then similarity, per theme, from names or files."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from progcmp import DataError, find_candidate, load_dataset, select_themes
from progcmp.data.loader import load_candidate_file
from progcmp.model import Candidate, Proposal
from progcmp.text.similarity import placeholder
from progcmp.views.diff import DIFF_THRESHOLD, Change, ProposalChange, diff_programmes, similarity

from .conftest import TESTS, VALID, Run, error_line

HISTORY_DIR = TESTS / "data" / "history"
HISTORY = load_dataset(HISTORY_DIR)
OLD = find_candidate(HISTORY, "alice@2027")
NEW = find_candidate(HISTORY, "alice@2032")
D = ("--data", str(HISTORY_DIR))


def summary(
    changes: Iterable[ProposalChange],
) -> list[tuple[str, str | None, str | None, str | None, float | None]]:
    return [
        (
            str(c.change),
            c.old.id if c.old else None,
            c.new.id if c.new else None,
            c.matched_by,
            c.score,
        )
        for c in changes
    ]


def test_pairs_by_id_then_by_similarity() -> None:
    diff = diff_programmes(HISTORY, OLD, NEW)
    assert summary(diff.changes) == [
        ("reworded", "libre-admin", "libre-admin", "id", 78.3),
        ("reworded", "neutralite", "neutralite-constitution", "similarity", 81.3),
        ("unchanged", "open-data", "open-data", "id", 100.0),
        ("moved", "code-source", "code-source", "id", 100.0),
        ("added", None, "fonds-libre", None, None),
        ("removed", "zero-rating", None, None, None),
    ]


def test_changes_by_theme_in_catalogue_order() -> None:
    diff = diff_programmes(HISTORY, OLD, NEW)
    assert [(t.id, [str(c.change) for c in diff.on(t)]) for t in diff.themes] == [
        ("free-software", ["added", "reworded", "moved"]),
        ("open-government", ["moved", "unchanged"]),
        ("net-neutrality", ["removed", "reworded"]),
    ]
    assert diff.to_dict()["counts"] == {
        "added": 1,
        "removed": 1,
        "reworded": 2,
        "moved": 1,
        "unchanged": 1,
    }


def test_a_higher_threshold_pairs_less() -> None:
    strict = diff_programmes(HISTORY, OLD, NEW, threshold=90)
    assert ("added", None, "neutralite-constitution", None, None) in summary(strict.changes)
    assert ("removed", "neutralite", None, None, None) in summary(strict.changes)
    # pairs by id stay paired whatever their similarity
    assert ("reworded", "libre-admin", "libre-admin", "id", 78.3) in summary(strict.changes)


def test_the_theme_filter_keeps_changes_touching_a_theme() -> None:
    diff = diff_programmes(HISTORY, OLD, NEW, select_themes(HISTORY, ["net-neutrality"]))
    assert [str(c.change) for c in diff.changes] == ["reworded", "removed"]


def _candidate(summaries: list[str], election: str) -> Candidate:
    return Candidate(
        id="c",
        name="C",
        party="P",
        election=election,
        path=f"{election}.yaml",
        proposals=tuple(
            Proposal(id=f"{election}-{i}", themes=("free-software",), summary=s, source="s")
            for i, s in enumerate(summaries)
        ),
    )


def test_best_pairs_first_each_proposal_in_one_pair() -> None:
    old = _candidate(["Publier le code source.", "Publier le code source des logiciels."], "a")
    new = _candidate(["Publier le code source des logiciels publics."], "b")
    diff = diff_programmes(HISTORY, old, new)
    assert summary(diff.changes) == [
        ("reworded", "a-1", "b-0", "similarity", 90.0),
        ("removed", "a-0", None, None, None),
    ]


def test_equal_scores_pair_in_file_order() -> None:
    old = _candidate(["Soutenir le libre.", "Soutenir le libre."], "a")
    new = _candidate(["Soutenir le libre !", "Soutenir le libre !"], "b")
    changes = diff_programmes(HISTORY, old, new).changes
    assert [(c.old and c.old.id, c.new and c.new.id) for c in changes] == [
        ("a-0", "b-0"),
        ("a-1", "b-1"),
    ]


def test_similarity_ignores_accents_case_and_word_order() -> None:
    assert similarity("Données OUVERTES publiques", "publiques donnees ouvertes") == 100
    assert similarity("", "") == 100


def test_records_are_flat_strings() -> None:
    records = diff_programmes(HISTORY, OLD, NEW).to_records()
    assert records[1] == {
        "change": "reworded",
        "matched_by": "similarity",
        "score": "81.3",
        "id_reused": "false",
        "themes": "net-neutrality",
        "old_id": "neutralite",
        "new_id": "neutralite-constitution",
        "old_summary": "Inscrire la neutralité du net dans la loi.",
        "new_summary": "Inscrire la neutralité du net dans la Constitution.",
        "old_themes": "net-neutrality",
        "new_themes": "net-neutrality",
    }
    assert all(isinstance(v, str) for r in records for v in r.values())


# --- the command ----------------------------------------------------------------------------------


def test_cli_diff_by_names(run: Run, golden: Callable[[str, str], None]) -> None:
    result = run("diff", "alice@2027", "alice@2032", *D, "--width", "100")
    assert (result.code, result.stderr) == (0, "")
    golden("diff.cli.txt", result.stdout)


def test_cli_diff_json_equals_the_library(run: Run) -> None:
    result = run("diff", "alice@2027", "alice@2032", *D, "-f", "json")
    assert json.loads(result.stdout) == diff_programmes(HISTORY, OLD, NEW).to_dict()


def test_cli_diff_of_two_files_checked_against_the_catalogue(run: Run) -> None:
    old = HISTORY_DIR / "fr-test-2027" / "alice.yaml"
    new = HISTORY_DIR / "fr-test-2032" / "alice.yaml"
    by_path = run("diff", old, new, "--data", VALID, "-f", "json")
    assert by_path.code == 0, by_path.stderr
    assert (
        json.loads(by_path.stdout)["counts"]
        == diff_programmes(HISTORY, OLD, NEW).to_dict()["counts"]
    )


def test_a_file_kept_elsewhere_need_not_match_its_path(run: Run, tmp_path: Path) -> None:
    copy = tmp_path / "alice-v1.yml"
    shutil.copy(HISTORY_DIR / "fr-test-2027" / "alice.yaml", copy)
    assert load_candidate_file(copy, HISTORY.themes).id == "alice"
    result = run("diff", copy, "alice@2032", *D, "-f", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["old"]["path"] == str(copy)


def test_two_versions_of_one_file_are_named_by_path(run: Run, tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    text = (HISTORY_DIR / "fr-test-2032" / "alice.yaml").read_text(encoding="utf-8")
    old.write_text(text.replace("d'ici 2035", "d'ici 2040"), encoding="utf-8")
    result = run("diff", old, "alice@2032", *D, "--width", "200")
    assert result.stdout.splitlines()[0] == (
        f"Évolution du programme\u202f: Alice Martin ({old} → "
        f"{HISTORY_DIR / 'fr-test-2032' / 'alice.yaml'})"
    )


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ("alice", "alice@2032"),
            # alone, 'alice' is read in the latest election, and said so
            "progcmp: note: 'alice': fr-test-2032 (also in fr-test-2027; write NAME@ELECTION for another)\n"
            "progcmp: error: 'alice' and 'alice@2032' are the same programme\n",
        ),
        (
            ("alice@2032", "alice@fr-test-2032"),
            "progcmp: error: 'alice@2032' and 'alice@fr-test-2032' are the same programme\n",
        ),
        (
            ("alice@2027", "alice@2031"),
            "progcmp: error: unknown election '2031'; known: fr-test-2027, fr-test-2032\n",
        ),
    ],
)
def test_cli_diff_usage_errors(run: Run, args: tuple[str, ...], stderr: str) -> None:
    result = run("diff", *args, *D)
    assert (result.code, result.stdout, error_line(result.stderr)) == (2, "", stderr)


def test_cli_diff_of_an_invalid_file_lists_its_problems(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (HISTORY_DIR / "fr-test-2027" / "alice.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("[net-neutrality]", "[net-neutrallity]", 1), encoding="utf-8")
    result = run("diff", bad, "alice@2032", *D)
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{bad}:18:14: unknown theme 'net-neutrallity' (did you mean 'net-neutrality'?)\n"
        "progcmp: error: 1 problem in 1 file\n"
    )
    with pytest.raises(DataError):
        load_candidate_file(tmp_path / "missing.yaml", HISTORY.themes)


def test_cli_default_threshold_is_the_library_constant(run: Run) -> None:
    from typer.main import get_command

    from progcmp.cli import app

    command = get_command(app).commands["diff"]  # type: ignore[attr-defined]
    option = next(p for p in command.params if p.name == "threshold")
    assert option.default == DIFF_THRESHOLD
    assert isinstance(Change.REWORDED, str) and Change.REWORDED.value == "reworded"


def test_a_file_name_that_is_not_utf8_with_an_output_file(run: Run, tmp_path: Path) -> None:
    """A file name with a byte that is not UTF-8 (shown as '?' in the report, as on stdout)
    and -o: the report is written, never an internal error."""
    old = Path(os.fsdecode(bytes(tmp_path) + b"/old\xe9.yaml"))
    shutil.copy(HISTORY_DIR / "fr-test-2027" / "alice.yaml", old)
    result = run("diff", old, "alice@2032", *D, "-o", tmp_path / "d.json")
    assert (result.code, result.stderr) == (0, "")
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["old"]["path"].endswith(
        "/old?.yaml"
    )


def _reference_pairs(old: Candidate, new: Candidate, threshold: float) -> dict[int, int]:
    """The plain definition: every unpaired pair scored, best first, file order on ties; a
    placeholder (fewer than three words) is paired by id only."""
    old_ids = {o.id: i for i, o in enumerate(old.proposals)}
    pairs = {j: old_ids[p.id] for j, p in enumerate(new.proposals) if p.id in old_ids}
    taken = set(pairs.values())
    scored = sorted(
        (
            (-similarity(o.summary, n.summary), i, j)
            for j, n in enumerate(new.proposals)
            if j not in pairs and not placeholder(n.summary)
            for i, o in enumerate(old.proposals)
            if i not in taken and not placeholder(o.summary)
        )
    )
    for score, i, j in scored:
        if -score >= threshold and j not in pairs and i not in taken:
            pairs[j] = i
            taken.add(i)
    return pairs


def _programme(base: Candidate, summaries: list[str], prefix: str) -> Candidate:
    from dataclasses import replace

    proposal = base.proposals[0]
    return replace(
        base,
        proposals=tuple(
            replace(proposal, id=f"{prefix}{n}", summary=s) for n, s in enumerate(summaries)
        ),
    )


def test_pairing_matches_the_plain_definition() -> None:
    import random

    words = [
        "libre",
        "donnees",
        "reseau",
        "ecole",
        "fibre",
        "acces",
        "ouvert",
        "code",
        "public",
        "neutre",
    ]
    rng = random.Random(7)
    for _ in range(25):
        texts = [" ".join(rng.sample(words, rng.randint(2, 6))) for _ in range(12)]
        old = _programme(OLD, rng.sample(texts, 8), "o")
        new = _programme(OLD, [rng.choice(texts) for _ in range(9)], rng.choice(["o", "n"]))
        got = diff_programmes(HISTORY, old, new)
        pairs = {
            new.proposals.index(c.new): old.proposals.index(c.old)
            for c in got.changes
            if c.old is not None and c.new is not None
        }
        assert pairs == _reference_pairs(old, new, DIFF_THRESHOLD)
        assert got.compared_all


def test_many_proposals_take_bounded_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Identical texts under other ids are paired through a table, never scored pair by pair
    (two files of 4,000 proposals took 222 s and 4 GB); past MAX_COMPARISONS, proposals meet
    only those sharing a rare word, and the report says so."""
    import progcmp.views.diff as diff_view

    calls: list[int] = []
    real = diff_view.similarity

    def counted(a: str, b: str) -> float:
        calls.append(1)
        return real(a, b)

    monkeypatch.setattr(diff_view, "similarity", counted)
    same = [f"mesure numero {n} pour le logiciel libre" for n in range(2_000)]
    result = diff_programmes(HISTORY, _programme(OLD, same, "a"), _programme(OLD, same, "b"))
    assert calls == []
    assert {c.change for c in result.changes} == {Change.UNCHANGED}
    assert result.compared_all

    monkeypatch.setattr(diff_view, "MAX_COMPARISONS", 10)
    old = _programme(OLD, [f"ouvrir les donnees {n} publiques" for n in range(10)], "a")
    new = _programme(OLD, [f"ouvrir toutes les donnees {n} publiques" for n in range(10)], "b")
    limited = diff_programmes(HISTORY, old, new)
    assert not limited.compared_all
    assert [(c.change, c.old.id if c.old else None) for c in limited.changes] == [
        (Change.REWORDED, f"a{n}") for n in range(10)
    ]
    assert "rarest words" in limited_markdown(limited)


def limited_markdown(view: object) -> str:
    from progcmp.render import RenderOptions, render
    from progcmp.render.locale import get_locale

    options = RenderOptions(locale=get_locale("en"), width=100)
    return render(view, "markdown", options)  # type: ignore[arg-type]


def _invented(election: str, proposals: list[tuple[str, str, str]]) -> Candidate:
    """An invented programme: (id, theme, summary) per proposal."""
    return Candidate(
        id="c",
        name="C",
        party="P",
        election=election,
        path=f"{election}.yaml",
        proposals=tuple(
            Proposal(id=pid, themes=(theme,), summary=s, source="s") for pid, theme, s in proposals
        ),
    )


def test_an_id_reused_on_another_theme_pairs_by_similarity_not_by_id() -> None:
    """The same id for an unrelated proposal on another theme is not one proposal reworded."""
    old = _invented(
        "a",
        [
            ("mesure-1", "free-software", "Financer les logiciels libres des écoles."),
            ("mesure-2", "net-neutrality", "Interdire le bridage des débits par les opérateurs."),
        ],
    )
    new = _invented(
        "b",
        [
            # mesure-1 now names a proposal on another theme; the old one became mesure-7
            ("mesure-1", "open-government", "Publier les comptes des collectivités en ligne."),
            ("mesure-7", "free-software", "Financer les logiciels libres des écoles publiques."),
            ("mesure-2", "net-neutrality", "Interdire tout bridage des débits par les opérateurs."),
        ],
    )
    diff = diff_programmes(HISTORY, old, new)
    assert [
        (*row, c.id_reused) for row, c in zip(summary(diff.changes), diff.changes, strict=True)
    ] == [
        ("added", None, "mesure-1", None, None, True),
        ("reworded", "mesure-1", "mesure-7", "similarity", 88.9, True),
        ("reworded", "mesure-2", "mesure-2", "id", 92.2, False),
    ]
    as_json = diff.to_dict()
    assert as_json["method"]["id_needs_shared_theme"] is True
    assert [c["id_reused"] for c in as_json["changes"]] == [True, True, False]
    assert [r["id_reused"] for r in diff.to_records()] == ["true", "true", "false"]


def test_the_text_says_how_each_pair_was_paired(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(HISTORY_DIR, data)
    new = data / "fr-test-2032" / "alice.yaml"
    text = new.read_text(encoding="utf-8")
    # the 2032 file reuses the id 'zero-rating' for an invented proposal on another theme
    new.write_text(text.replace("id: fonds-libre", "id: zero-rating"), encoding="utf-8")
    fr = run("diff", "alice@2027", "alice@2032", "--data", data, "--width", "300")
    assert fr.code == 0, fr.stderr
    lines = fr.stdout.splitlines()
    assert any(
        "ajoutée (id repris ailleurs pour une autre proposition, sur d’autres thèmes)" in line
        and "Créer un fonds public" in line
        for line in lines
    )
    assert any("retirée (id repris ailleurs" in line and "zero rating" in line for line in lines)
    assert any("reformulée (par similarité, 81,3)" in line for line in lines)
    assert any("reformulée (par id, 78,3)" in line for line in lines)
    md = run("diff", "alice@2027", "alice@2032", "--data", data, "-f", "markdown", "--lang", "en")
    assert "**\\+ added (id used elsewhere for another proposal, on other themes):**" in md.stdout
