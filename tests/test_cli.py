"""The command line: exit codes, stdout/stderr split, output files, the error boundary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from progcmp import compare, find_candidates, load_dataset

from .conftest import INVALID, VALID, Run

D = ("--data", str(VALID))


def test_compare_prints_the_table(run: Run) -> None:
    result = run("compare", "zoe", "bob", *D, "--width", "100")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert "Zoé Lefèvre" in result.stdout and "a refusé de répondre (declined)" in result.stdout
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
            "progcmp: error: unknown candidate 'nobody'; see 'progcmp candidates'\n",
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
            "progcmp: error: unknown candidate '\\x1b]52;c;eA==\\x07'; see 'progcmp candidates'\n",
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
    assert (result.code, result.stderr, result.stdout) == (code, stderr, "")


def test_typer_usage_errors_exit_2(run: Run) -> None:
    assert run("compare", *D, "--format", "xlsx").code == 2
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

    monkeypatch.setattr("progcmp.analysis.compare", boom)
    result = run("compare", "zoe", *D)
    assert (result.code, result.stderr) == (
        1,
        "progcmp: error: internal error (RuntimeError); re-run with --debug and report it\n",
    )
    with pytest.raises(RuntimeError):
        run("compare", "zoe", *D, "--debug")


def test_python_dash_m_and_version_start_light() -> None:
    env = {**os.environ, "PYTHONPATH": ""}
    code = (
        "import sys; from progcmp.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit: pass\n"
        "heavy = [m for m in ('yaml', 'rapidfuzz', 'rich', 'pydantic', 'jinja2') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.splitlines() == ["progcmp 0.1.0", "[]"]
    helped = subprocess.run(
        [sys.executable, "-m", "progcmp", "--help"], capture_output=True, text=True, check=True
    )
    assert "compare" in helped.stdout and "gaps" in helped.stdout


def test_every_command_has_help_and_is_in_the_readme(run: Run) -> None:
    from typer.main import get_command

    from progcmp.cli import app

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
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
