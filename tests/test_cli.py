"""The command line: exit codes, stdout/stderr split, output files, the error boundary."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from progcmp import compare, find_candidates, load_dataset

from .conftest import INVALID, VALID, Run, Started, error_line

D = ("--data", str(VALID))


def test_compare_prints_the_table(run: Run) -> None:
    result = run("compare", "zoe", "bob", *D, "--width", "100")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert "Zoé Lefèvre" in result.stdout and "a refusé de répondre" in result.stdout
    assert "\x1b" not in result.stdout


def test_json_output_equals_the_library(run: Run) -> None:
    result = run("compare", "zoe", "bob", *D, "--format", "json")
    data = load_dataset(VALID)
    assert (
        json.loads(result.stdout) == compare(data, find_candidates(data, ["zoe", "bob"])).to_dict()
    )


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (
            ("compare", "zoe", "nobody", *D),
            2,
            "progcmp: error: unknown name 'nobody'; see 'progcmp candidates'\n",
        ),
        (
            ("compare", "zoe", "zoe", *D),
            2,
            "progcmp: error: 'zoe' and 'zoe' both name zoe@fr-test-2027\n",
        ),
        (
            ("compare", "zoe", *D, "--theme", "helth"),
            2,
            "progcmp: error: unknown theme 'helth'; see 'progcmp themes'\n",
        ),
        (
            ("compare", "\x1b]52;c;eA==\x07", *D),
            2,
            "progcmp: error: unknown name '\\x1b]52;c;eA==\\x07'; see 'progcmp candidates'\n",
        ),
        (
            ("compare", "zoe", *D, "-o", "out.docx"),
            2,
            "progcmp: error: cannot tell the format from the name 'out.docx'; add --format\n",
        ),
    ],
)
def test_usage_errors(run: Run, args: tuple[str, ...], code: int, stderr: str) -> None:
    result = run(*args)
    assert (result.code, error_line(result.stderr), result.stdout) == (code, stderr, "")


def test_typer_usage_errors_exit_2(run: Run) -> None:
    assert run("compare", *D, "--format", "docx").code == 2
    assert run("nope").code == 2
    assert run().code == 2  # no arguments: help, exit 2


def test_invalid_data_lists_every_problem_and_exits_1(run: Run) -> None:
    result = run("compare", "x", "--data", str(INVALID))
    path = INVALID / "fr-test-2027" / "three-mistakes.yaml"
    assert result.code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}:8:10: 'url' must be an http(s) URL (got 'javascript:alert(1)')\n"
        f"{path}:13:14: unknown theme 'open-govenment' (did you mean 'open-government'?)\n"
        f"{path}:14:5: unknown field 'sumary' in proposal (did you mean 'summary'?)\n"
        "progcmp: error: 3 problems in 1 file\n"
    )
    assert "Traceback" not in result.stderr


def test_validate(run: Run) -> None:
    ok = run("validate", *D)
    assert (ok.code, ok.stderr) == (0, f"ok: {VALID}\n")
    bad = run("validate", str(INVALID / "fr-test-2027" / "three-mistakes.yaml"))
    assert bad.code == 1 and bad.stderr.count("three-mistakes.yaml:") == 3


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input holding ``data``."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_validate_reads_standard_input(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, (VALID / "fr-test-2027" / "zoe.yaml").read_bytes())
    ok = run("validate", "-", *D)
    assert (ok.code, ok.stdout, ok.stderr) == (0, "", "ok: <stdin>\n")
    path = INVALID / "fr-test-2027" / "three-mistakes.yaml"
    named = run("validate", path)
    feed(monkeypatch, path.read_bytes())
    piped = run("validate", "-", "--data", INVALID)
    assert piped.code == 1
    assert piped.stderr == named.stderr.replace(str(path), "<stdin>")
    assert piped.stderr.startswith("<stdin>:8:10: 'url' must be an http(s) URL")
    feed(monkeypatch, b"\xff")
    assert run("validate", "-", *D).stderr.startswith("<stdin>:1:1: not valid UTF-8 (byte 0xFF)")
    feed(monkeypatch, b"")
    assert run("validate", "-", *D).stderr.startswith("<stdin>:1:1: file is empty")
    twice = run("validate", "-", "-", *D)
    assert (twice.code, error_line(twice.stderr)) == (
        2,
        "progcmp: error: '-' (standard input) can be given only once\n",
    )


def test_import_from_standard_input_then_validate_it(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(monkeypatch, "# Programme\n\n## Numérique\n\n- Garantir la neutralité du net.\n".encode())
    drafted = run(
        "import", "-", "--name", "Jeanne Exemple", "--party", "Parti exemple",
        "--election", "fr-test-2027", "--url", "https://example.org/p", *D,
    )  # fmt: skip
    assert drafted.code == 0, drafted.stderr
    assert "from <stdin>" in drafted.stdout and "neutralit" in drafted.stdout
    feed(monkeypatch, drafted.stdout.encode())
    checked = run("validate", "-", *D)
    assert (checked.code, checked.stderr) == (0, "ok: <stdin>\n")


def test_problem_list_is_capped(run: Run, tmp_path: Path) -> None:
    (tmp_path / "e").mkdir()
    (tmp_path / "themes.yaml").write_bytes((VALID / "themes.yaml").read_bytes())
    for i in range(60):
        (tmp_path / "e" / f"c{i:02}.yaml").write_text("[", encoding="utf-8")
    result = run("validate", "--data", str(tmp_path))
    lines = result.stderr.splitlines()
    assert len(lines) == 51
    assert lines[-1] == "progcmp: error: 60 problems in 60 files (and 10 more not shown)"


def test_gaps_fail_on_gaps(run: Run) -> None:
    assert run("gaps", "zoe", *D).code == 0
    assert run("gaps", "zoe", *D, "--fail-on-gaps").code == 3
    assert run("gaps", "zoe", *D, "--theme", "free-software", "--fail-on-gaps").code == 0


def test_output_file_is_written_atomically_and_never_clobbered(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "cmp.md"
    first = run("compare", "zoe", "bob", *D, "-o", target)
    assert (first.code, first.stdout, first.stderr) == (0, "", "")
    assert target.read_text(encoding="utf-8").startswith("# Comparaison")
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    target.write_text("hand edited", encoding="utf-8")
    again = run("compare", "zoe", *D, "-o", target)
    assert (again.code, again.stderr) == (
        1,
        f"progcmp: error: {target} already exists; use --force to replace it\n",
    )
    assert target.read_text(encoding="utf-8") == "hand edited"
    forced = run("compare", "zoe", *D, "-o", target, "--force")
    assert forced.code == 0 and target.read_text(encoding="utf-8").startswith("# Comparaison")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cmp.md"]  # no temporary file left


def test_format_from_extension_and_dash_for_stdout(run: Run, tmp_path: Path) -> None:
    run("gaps", *D, "-o", tmp_path / "g.json")
    assert json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))["kind"] == "gaps"
    assert run("themes", *D, "-o", "-", "-f", "json").stdout.startswith("{")


def test_output_errors(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "x.md"
    assert (
        run("themes", *D, "-o", missing).stderr
        == f"progcmp: error: folder {missing.parent} does not exist\n"
    )


def test_invalid_data_writes_nothing(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    assert run("compare", "x", "--data", INVALID, "-o", target).code == 1
    assert not target.exists()


def test_data_location_order(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROGCMP_DATA", str(VALID))
    assert "zoe" in run("candidates", "-f", "json").stdout
    local = tmp_path / "programmes"
    (local / "x").mkdir(parents=True)
    (local / "themes.yaml").write_bytes((VALID / "themes.yaml").read_bytes())
    monkeypatch.delenv("PROGCMP_DATA")
    assert json.loads(run("candidates", "-f", "json").stdout)["candidates"] == []
    (local / "themes.yaml").unlink()
    (local / "x").rmdir()
    local.rmdir()
    bundled = json.loads(run("candidates", "-f", "json").stdout)["candidates"]
    assert {"melenchon", "macron"} <= {c["id"] for c in bundled}


def test_schema_describes_the_files(run: Run) -> None:
    import jsonschema
    import yaml

    schema = json.loads(run("schema").stdout)
    for path in sorted((VALID / "fr-test-2027").glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x"}, schema)
    themes_schema = json.loads(run("schema", "--themes").stdout)
    jsonschema.validate(
        yaml.safe_load((VALID / "themes.yaml").read_text(encoding="utf-8")), themes_schema
    )


def test_internal_errors_are_one_line_unless_debug(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("progcmp.views.compare.compare", boom)
    result = run("compare", "zoe", *D)
    assert (result.code, result.stderr) == (
        1,
        "progcmp: error: internal error (RuntimeError); re-run with --debug and report it\n",
    )
    with pytest.raises(RuntimeError):
        run("compare", "zoe", *D, "--debug")


def test_python_dash_m_and_version_start_light(version_child: Started) -> None:
    assert version_child.stdout == "progcmp 0.1.0\n"
    heavy = {"yaml", "rapidfuzz", "rich", "pydantic", "jinja2"}
    assert heavy & version_child.modules == set()
    helped = subprocess.run(
        [sys.executable, "-m", "progcmp", "--help"], capture_output=True, text=True, check=True
    )
    assert "compare" in helped.stdout and "gaps" in helped.stdout


def test_compare_imports_only_what_it_shows(tmp_path: Path) -> None:
    """A run builds only its command and imports only the view, builder and format it shows:
    with a warm cache, `compare --format markdown` reads no YAML and loads no other command."""
    code = (
        "import json, sys; from progcmp.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit: pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    args = ["compare", "zoe", "bob", "--format", "markdown", "--data", str(VALID)]
    env = {**os.environ, "PYTHONPATH": "", "PROGCMP_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
        )
    assert done.stdout.startswith("# ")
    modules = set(json.loads(done.stderr.splitlines()[-1]))
    assert {"typer", "progcmp.views.compare", "progcmp.render.markdown"} <= modules
    unneeded = {"yaml", "rich", "rapidfuzz", "jinja2", "pydantic", "importlib.resources"} | {
        f"progcmp.{name}"
        for name in (
            "cli.texts",
            "cli.data",
            "cli.new",
            "model.lexicon",
            "text.classify",
            "views.gaps",
            "views.tone",
            "views.similar",
            "views.diff",
            "render.document.texts",
            "render.document.gaps",
            "render.terminal",
        )
    }
    assert unneeded & modules == set()


def test_every_command_has_help_and_is_in_the_docs(run: Run) -> None:
    from typer.main import get_command

    from progcmp.cli import app

    readme = (Path(__file__).parents[1] / "docs" / "commands.md").read_text(encoding="utf-8")
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert commands
    for name, command in commands.items():
        assert command.help, name
        assert f"progcmp {name}" in readme, name
        assert run(name, "--help").code == 0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_shell_completion_offers_candidate_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    from progcmp.cli import _complete_candidates

    assert _complete_candidates("mel") == ["melenchon"]  # the bundled data
    monkeypatch.setenv("PROGCMP_DATA", str(VALID))
    assert _complete_candidates("") == ["bob", "empty", "zoe"]


def test_exports_infer_the_format_from_the_extension(run: Run, tmp_path: Path) -> None:
    import csv

    for name in ("c.csv", "c.html", "c.htm", "c.json", "c.md"):
        assert run("compare", "zoe", "bob", *D, "-o", tmp_path / name).code == 0
    with (tmp_path / "c.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["candidate"], r["theme"], r["kind"]) for r in rows[:3]] == [
        ("zoe", "free-software", "proposal"),
        ("zoe", "free-software", "proposal"),
        ("bob", "free-software", "declined"),
    ]
    assert (tmp_path / "c.html").read_bytes() == (tmp_path / "c.htm").read_bytes()
    assert (tmp_path / "c.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_csv_bom_for_excel(run: Run, tmp_path: Path) -> None:
    plain = run("themes", *D, "-f", "csv")
    assert plain.stdout.startswith('"id","label_fr",')
    target = tmp_path / "t.csv"
    assert run("themes", *D, "-o", target, "--csv-bom").code == 0
    assert target.read_bytes() == b"\xef\xbb\xbf" + plain.stdout.encode("utf-8")


def test_markdown_sections_layout(run: Run) -> None:
    table = run("compare", "zoe", "bob", *D, "-f", "markdown")
    sections = run("compare", "zoe", "bob", *D, "-f", "markdown", "--layout", "sections")
    assert "| Thème |" in table.stdout
    assert "| Thème |" not in sections.stdout
    assert "## Logiciel libre\n\n**Zoé Lefèvre**\n\n- Faire passer" in sections.stdout


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ("--layout", "sections", "-f", "json"),
            "progcmp: error: --layout applies to Markdown output only, not json\n",
        ),
        (
            ("--layout", "sections", "-o", "out.html"),
            "progcmp: error: --layout applies to Markdown output only, not html\n",
        ),
        (
            ("--csv-bom", "-o", "out.md"),
            "progcmp: error: --csv-bom applies to CSV output only, not markdown\n",
        ),
        (("--election", "1789", "-o", "out.md"), None),
    ],
)
def test_options_are_checked_before_anything_is_written(
    run: Run, tmp_path: Path, args: tuple[str, ...], stderr: str | None
) -> None:
    result = run("report", *D, *args)
    assert result.code == 2
    if stderr is not None:
        assert error_line(result.stderr) == stderr
    assert list(tmp_path.iterdir()) == []  # the working folder: nothing written, no temp file


def test_report_writes_a_page_once(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    first = run("report", *D, "-o", target)
    assert (first.code, first.stdout, first.stderr) == (0, "", "")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Rapport\u202f: fr-test-2027" in page
    again = run("report", *D, "-o", target)
    assert (again.code, again.stderr) == (
        1,
        f"progcmp: error: {target} already exists; use --force to replace it\n",
    )
    assert target.read_text(encoding="utf-8") == page
    assert run("report", *D, "-o", target, "--force", "--lang", "en").code == 0
    assert "Report: fr-test-2027" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_report_json_equals_the_library(run: Run) -> None:
    from progcmp.views.report import election_report

    result = run("report", *D, "-f", "json", "--theme", "free-software")
    data = load_dataset(VALID)
    expected = election_report(data, None, [data.theme("free-software")]).to_dict()
    assert json.loads(result.stdout) == expected
    assert expected["coverage"] == [
        {
            "theme": "free-software",
            "cells": [
                {"candidate": "bob", "proposals": 0, "gap": "declined", "contested": False},
                {"candidate": "empty", "proposals": 0, "gap": "not-reviewed", "contested": False},
                {"candidate": "zoe", "proposals": 2, "gap": None, "contested": False},
            ],
        }
    ]


def test_report_picks_the_election(run: Run, tmp_path: Path) -> None:
    from .conftest import write_candidate

    root = tmp_path / "data"
    for election in ("fr-pres-2022", "fr-pres-2027", "fr-leg-2027"):
        write_candidate(
            root,
            f"id: alice\nname: Alice\nparty: P\nelection: {election}\n"
            "sources: []\nreviewed: []\nproposals: []\n",
            election=election,
        )
    d = ("--data", root)
    assert error_line(run("report", *d).stderr) == (
        "progcmp: error: the data holds several elections (fr-leg-2027, fr-pres-2022, "
        "fr-pres-2027); choose one with --election\n"
    )
    assert error_line(run("report", *d, "-e", "2027").stderr) == (
        "progcmp: error: election '2027' is ambiguous: fr-leg-2027, fr-pres-2027; "
        "write one of these\n"
    )
    assert error_line(run("report", *d, "-e", "2017").stderr) == (
        "progcmp: error: unknown election '2017'; known: fr-leg-2027, fr-pres-2022, fr-pres-2027\n"
    )
    chosen = run("report", *d, "-e", "2022", "-f", "json")
    assert json.loads(chosen.stdout)["election"] == "fr-pres-2022"
    assert json.loads(run("report", *d, "-e", "fr-leg-2027", "-f", "json").stdout)["election"] == (
        "fr-leg-2027"
    )


def test_suggest_themes(run: Run) -> None:
    result = run("suggest-themes", "zoe", *D, "--format", "json")
    assert result.code == 0, result.stderr
    data = load_dataset(VALID)
    from progcmp.text.classify import suggest_themes

    expected = suggest_themes(data, find_candidates(data, ["zoe"])[0]).to_dict()
    assert json.loads(result.stdout) == expected
    only = json.loads(run("suggest-themes", "zoe", *D, "-f", "json", "--only-review").stdout)
    assert [p["status"] for p in only["proposals"]] == ["review"] * only["to_review"]
    assert run("suggest-themes", "nobody", *D).code == 2


@pytest.mark.parametrize("command", ["gaps", "matrix", "similar", "tone"])
def test_every_contender_means_one_election_never_a_mix(run: Run, command: str) -> None:
    """With no name, a command reads every contender of the only election; on the bundled data
    (three elections) it asks which, rather than mixing 63 contenders of three elections."""
    mixed = run(command)
    assert mixed.code == 2
    assert mixed.stderr.splitlines()[0] == (
        "progcmp: error: the data holds several elections (fr-euro-2024, fr-pres-2017, "
        "fr-pres-2022): name the contenders (NAME@ELECTION), or give --all --election ELECTION"
    )
    one = run(command, "--all", "--election", "2017", "-f", "json")
    assert (one.code, one.stderr) == (0, "")
    assert "fr-pres-2022" not in one.stdout and "fr-pres-2017" in one.stdout
    both = run(command, "macron@2017", "--all")
    assert both.code == 2
    assert "name the contenders or give --all, not both" in both.stderr
    alone = run(command, "macron@2017", "hamon", "--election", "2017")
    assert alone.code == 2
    assert "--election goes with --all" in alone.stderr
