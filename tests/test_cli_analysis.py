"""The commands matrix, similar and search: wiring, options and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from progcmp import RenderOptions, load_dataset, render
from progcmp.views.matrix import salience
from progcmp.views.search import search
from progcmp.views.similar import find_similar

from .conftest import ANALYSIS, Run, error_line

D = ("--data", str(ANALYSIS))
DATA = load_dataset(ANALYSIS)


def test_json_output_equals_the_library(run: Run) -> None:
    assert json.loads(run("matrix", *D, "-f", "json").stdout) == (
        salience(DATA, DATA.candidates).to_dict()
    )
    assert json.loads(run("similar", *D, "-f", "json", "--threshold", "80").stdout) == (
        find_similar(DATA.candidates, DATA.themes, 80).to_dict()
    )
    assert json.loads(run("search", "logiciel", "libre", *D, "-f", "json").stdout) == (
        search(DATA.candidates, DATA.themes, "logiciel libre").to_dict()
    )


def test_matrix_names_and_themes(run: Run, tmp_path: Path) -> None:
    result = run("matrix", "cyd", "ana", *D, "--theme", "net-neutrality", "-o", tmp_path / "m.md")
    assert (result.code, result.stdout, result.stderr) == (0, "", "")
    table = (tmp_path / "m.md").read_text(encoding="utf-8").split("\n\n")[-1]
    assert table == (
        "| Thème | Cyd Noir (1) | Ana Durand (3) |\n"
        "| --- | --- | --- |\n"
        "| **Neutralité du net** | 1 · 100\xa0% | 1 · 33\xa0% |\n"
    )


def test_matrix_colours_only_on_a_colour_terminal() -> None:
    view = salience(DATA, DATA.candidates)
    plain = render(view, "terminal", RenderOptions(color=False))
    coloured = render(view, "terminal", RenderOptions(color=True))
    assert "\x1b[" not in plain
    assert "\x1b[1;37;44m1 · 100\xa0%" in coloured  # 30 % or more: the deepest level
    assert "\x1b[2m0\x1b[0m" in coloured  # no proposal: dim


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ("similar", "ana"),
            "progcmp: error: give at least two candidates to compare, or none for all of them\n",
        ),
        (
            ("search", "?!"),
            "progcmp: error: the query '?!' has no letter or digit to search for\n",
        ),
        (
            ("search", "libre", "--candidate", "nobody"),
            "progcmp: error: unknown name 'nobody'; see 'progcmp candidates'\n",
        ),
    ],
)
def test_usage_errors(run: Run, args: tuple[str, ...], stderr: str) -> None:
    result = run(*args, *D)
    assert (result.code, error_line(result.stderr), result.stdout) == (2, stderr, "")


def test_cli_and_library_share_the_default_threshold() -> None:
    from progcmp.cli import SIMILAR_THRESHOLD
    from progcmp.views.similar import DEFAULT_THRESHOLD

    assert SIMILAR_THRESHOLD == DEFAULT_THRESHOLD


def test_out_of_range_options_exit_2(run: Run) -> None:
    assert run("similar", *D, "--threshold", "0").code == 2
    assert run("similar", *D, "--threshold", "101").code == 2
    assert run("search", "libre", *D, "--limit", "0").code == 2


def test_similar_threshold(run: Run) -> None:
    default = run("similar", *D, "-f", "markdown").stdout
    assert "2 paires proches, sur 1 thème" in default and "1–2\u202f: 77" in default
    strict = run("similar", "ana", "ben", "cyd", *D, "-f", "markdown", "--threshold", "80")
    assert "1 paire proche\n" in strict.stdout and "Seuil\u202f: 80." in strict.stdout
    english = run("similar", *D, "-f", "markdown", "--threshold", "95", "--lang", "en").stdout
    assert "no similar pair\n" in english and "Threshold: 95." in english


def test_search_filters(run: Run) -> None:
    result = run("search", "neutralite", *D, "-c", "cyd", "-c", "ben", "-f", "json")
    hits = json.loads(result.stdout)["hits"]
    assert [(h["candidate"], h["proposal"]["id"]) for h in hits] == [
        ("cyd", "reseaux"),
        ("ben", "neutralite"),
    ]
    none = run("search", "neutralite", *D, "--theme", "free-software")
    assert (none.code, none.stdout) == (
        0,
        "Recherche\u202f: «\u202fneutralite\u202f»\naucune proposition trouvée\n",
    )
    limited = run("search", "neutralite", *D, "-n", "1", "-f", "markdown").stdout
    assert "3 propositions trouvées\u202f; la première ci-dessous" in limited
