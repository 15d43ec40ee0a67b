"""Reference agendas: coverage per item and candidate, the file's errors, the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from progcmp import DataError, find_candidates, load_dataset, select_themes
from progcmp.data.loader import load_agenda
from progcmp.views.agenda import AgendaReport, measure_agenda

from .conftest import BUNDLED, TESTS, VALID, Run, error_line

AGENDAS = TESTS / "data" / "agendas"
EXAMPLE = AGENDAS / "exemple.yaml"
DATA = load_dataset(VALID)
AGENDA = load_agenda(EXAMPLE, DATA.themes)
D = ("--data", str(VALID))


def statuses(report: AgendaReport) -> list[tuple[str, str, str, list[str], list[str], list[str]]]:
    out = []
    for item, row in zip(report.items, report.rows, strict=True):
        for candidate, c in zip(report.candidates, row, strict=True):
            out.append(
                (
                    item.id,
                    candidate.id,
                    str(c.status),
                    [p.id for p in c.proposals],
                    [p.id for p in c.theme_only],
                    [f"{g.theme.id}:{g.kind}" for g in c.gaps],
                )
            )
    return out


def test_each_item_is_covered_on_the_theme_only_or_a_typed_gap() -> None:
    report = measure_agenda(DATA, AGENDA, find_candidates(DATA, ["zoe", "bob"]))
    assert statuses(report) == [
        ("libre-administration", "zoe", "covered", ["libre-admin"], ["open-data"], []),
        ("libre-administration", "bob", "gap", [], [], ["free-software:declined"]),
        ("donnees-ouvertes", "zoe", "covered", ["open-data"], [], []),
        ("donnees-ouvertes", "bob", "gap", [], [], ["open-government:none-found"]),
        ("neutralite", "zoe", "gap", [], [], ["net-neutrality:none-found"]),
        ("neutralite", "bob", "covered", ["neutralite"], [], []),
        ("code-public", "zoe", "theme-only", [], ["libre-admin", "open-data"], []),
        (
            "code-public",
            "bob",
            "gap",
            [],
            [],
            ["free-software:declined", "open-government:none-found"],
        ),
    ]
    assert report.count == 4
    assert [report.covered(n) for n in range(2)] == [2, 1]


def test_contested_themes_stay_visible_beside_the_proposals() -> None:
    report = measure_agenda(DATA, AGENDA, find_candidates(DATA, ["zoe"]))
    assert [[a.theme for a in row[0].contested] for row in report.rows] == [
        [],
        ["open-government"],
        [],
        ["open-government"],
    ]


def test_the_theme_filter_keeps_items_on_a_theme() -> None:
    report = measure_agenda(DATA, AGENDA, DATA.candidates, select_themes(DATA, ["open-government"]))
    assert [i.id for i in report.items] == ["donnees-ouvertes", "code-public"]
    assert [t.id for t in report.themes] == ["free-software", "open-government"]


def test_records_are_flat_strings() -> None:
    records = measure_agenda(DATA, AGENDA, find_candidates(DATA, ["bob"])).to_records()
    assert records[-1] == {
        "election": "fr-test-2027",
        "candidate": "bob",
        "candidate_name": "Bob Martin",
        "item": "code-public",
        "title": "Publier le code source des logiciels publics",
        "themes": "free-software\nopen-government",
        "status": "gap",
        "proposals": "",
        "theme_only": "",
        "gaps": "free-software: declined\nopen-government: none-found",
        "contested": "",
    }


# --- the agenda file ----------------------------------------------------------------------------

GOOD = """\
title: Agenda
items:
  - id: libre
    title: Du libre
    themes: [free-software]
    keywords: [libre*]
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "agenda.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_agenda(path, DATA.themes)
    return [f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("[free-software]", "[free-sofware, net-neutrality]"),
            ["5:14: unknown theme 'free-sofware' (did you mean 'free-software'?)"],
        ),
        (
            ("keywords: [libre*]", "keywords: [li*]"),
            [
                "6:16: stem 'li*' is too short: write at least 3 letters before '*' "
                "(or the whole word without '*')"
            ],
        ),
        (
            ("    title: Du libre\n", ""),
            ["3:5: missing required field 'title' in agenda item"],
        ),
        (
            ("title: Agenda\n", "title: Agenda\nurl: ftp://example.org\n"),
            ["2:6: 'url' must be an http(s) URL (got 'ftp://example.org')"],
        ),
        (
            ("title: Agenda\n", "title: Agenda\nwhen: 2027\n"),
            ["2:1: unknown field 'when' in agenda file"],
        ),
        (
            (
                "    keywords: [libre*]\n",
                "    keywords: [libre*]\n  - id: libre\n    title: x\n    themes: [net-neutrality]\n",
            ),
            ["7:9: duplicate item id 'libre' (first at line 3)"],
        ),
        (
            ("items:\n", "items: []\nx:\n"),
            ["2:8: 'items' needs at least 1 item(s)", "3:1: unknown field 'x' in agenda file"],
        ),
    ],
)
def test_agenda_errors_are_located(
    tmp_path: Path, change: tuple[str, str], expected: list[str]
) -> None:
    assert GOOD.count(change[0]) == 1
    assert problems(tmp_path, GOOD.replace(*change)) == expected


# --- the command ----------------------------------------------------------------------------------


def test_cli_gaps_with_an_agenda(run: Run) -> None:
    result = run("gaps", "--agenda", EXAMPLE, "zoe", "bob", *D, "-f", "json")
    assert result.code == 0, result.stderr
    expected = measure_agenda(DATA, AGENDA, find_candidates(DATA, ["zoe", "bob"])).to_dict()
    assert json.loads(result.stdout) == expected


def test_cli_fail_on_gaps_counts_agenda_gaps(run: Run) -> None:
    assert run("gaps", "--agenda", EXAMPLE, "zoe", *D, "--fail-on-gaps").code == 3
    only_covered = run(
        "gaps", "--agenda", EXAMPLE, "bob", *D, "--theme", "net-neutrality", "--fail-on-gaps"
    )
    assert only_covered.code == 0, only_covered.stderr


def test_cli_agenda_errors(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "agenda.yaml"
    bad.write_text(GOOD.replace("[free-software]", "[libre]"), encoding="utf-8")
    result = run("gaps", "--agenda", bad, *D)
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{bad}:5:14: unknown theme 'libre'\nprogcmp: error: 1 problem in 1 file\n"
    )
    missing = run("gaps", "--agenda", tmp_path / "none.yaml", *D)
    assert missing.stderr == (
        f"{tmp_path / 'none.yaml'}:1:1: agenda file not found\nprogcmp: error: 1 problem in 1 file\n"
    )


def test_the_bundled_example_agenda_loads_on_the_bundled_catalogue(run: Run) -> None:
    data = load_dataset(BUNDLED)
    agenda = load_agenda(AGENDAS / "exemple-2017.yaml", data.themes)
    assert agenda.url is None  # invented: it cites nothing
    result = run("gaps", "--agenda", AGENDAS / "exemple-2017.yaml", "melenchon@2017", "macron@2017")
    assert result.code == 0, result.stderr
    assert (
        "Points couverts\u202f: Jean-Luc Mélenchon 4 sur 4 · Emmanuel Macron 2 sur 4"
        in result.stdout
    )


def test_schemas_describe_the_agenda_and_lexicon_files(run: Run) -> None:
    import jsonschema
    import yaml

    from progcmp.views.tone import bundled_lexicon_path

    agenda_schema = json.loads(run("schema", "--agenda").stdout)
    assert agenda_schema["title"] == "progcmp agenda file"
    for path in sorted(AGENDAS.glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), agenda_schema)
    lexicon_schema = json.loads(run("schema", "--lexicon").stdout)
    jsonschema.validate(
        yaml.safe_load(bundled_lexicon_path().read_text(encoding="utf-8")), lexicon_schema
    )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"defensive": {"fr": ["in*terdit"]}}, lexicon_schema)
    both = run("schema", "--agenda", "--lexicon")
    assert (both.code, error_line(both.stderr)) == (
        2,
        "progcmp: error: give at most one of --themes, --agenda and --lexicon\n",
    )
