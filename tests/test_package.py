"""The data as a reusable dataset: `progcmp package` (validated with frictionless), the
licences, the schemas' ids, the pre-commit hook and the GitHub Action, and the documentation of
every field of the data files."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import typer
import yaml

from progcmp._version import __version__
from progcmp.cli import app
from progcmp.data.loader import catalogue_metadata
from progcmp.data.output import bundled_data
from progcmp.data.schema import (
    CANDIDATE_FILE,
    THEMES_FILE,
    ListOf,
    Record,
    Spec,
)

from .conftest import VALID, Run

ROOT = Path(__file__).resolve().parent.parent
TABLES = {
    "contenders",
    "themes",
    "sources",
    "proposals",
    "proposal_themes",
    "annotations",
    "assessments",
    "assessment_themes",
    "gaps",
}


def frictionless_report(folder: Path) -> list[str]:
    """Every error frictionless finds in the package (types, keys, foreign keys, schemas)."""
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(folder / "datapackage.json"))
    errors = [f"{e.type}: {e.message}" for e in report.errors]
    errors += [f"{t.name}: {e.type}: {e.message}" for t in report.tasks for e in t.errors]
    return errors


def test_the_small_data_packages_into_a_valid_data_package(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "package"
    result = run("package", "-o", out, "--data", VALID)
    assert result.code == 0, result.stderr
    assert result.stderr == f"ok: {out}: 9 tables\n"
    assert {p.name for p in out.iterdir()} == {"datapackage.json", *(f"{t}.csv" for t in TABLES)}
    assert frictionless_report(out) == []
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "valid"
    assert "licenses" not in descriptor  # the test catalogue declares none
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert set(resources) == TABLES
    for resource in resources.values():
        assert all(f["description"] for f in resource["schema"]["fields"]), resource["name"]
    gaps = {f["name"]: f for f in resources["gaps"]["schema"]["fields"]}
    kinds = gaps["kind"]["constraints"]["enum"]
    assert kinds == ["none-found", "declined", "not-reviewed", "contested", "no-statement"]
    assert all(f"{kind}: " in gaps["kind"]["description"] for kind in kinds)
    with (out / "proposals.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["candidate"], r["id"]) for r in rows] == [
        ("bob", "neutralite"),
        ("zoe", "libre-admin"),
        ("zoe", "open-data"),
    ]
    text = (out / "themes.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == '"id","label_fr","label_en","description_fr","description_en"'


def test_the_bundled_data_packages_with_its_licence_and_sources(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "bundled"
    assert run("package", "-o", out, "--data", bundled_data()).code == 0
    assert frictionless_report(out) == []
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert descriptor["version"] == __version__
    urls = [s["path"] for s in descriptor["sources"]]
    assert urls == sorted(set(urls)) and len(urls) > 100
    assert (out / "LICENSE").read_bytes() == (bundled_data() / "LICENSE").read_bytes()
    again = tmp_path / "again"
    assert run("package", "-o", again, "--data", bundled_data()).code == 0
    for path in out.iterdir():  # deterministic
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_bundled_catalogue_declares_the_dataset_metadata() -> None:
    metadata = catalogue_metadata(bundled_data())
    assert metadata["license"] == "CC-BY-4.0"
    assert metadata["version"] == __version__  # the data's version follows the project's
    assert metadata["title"]


def test_package_refuses_a_non_empty_folder_and_replaces_only_a_package(
    run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = run("package", "-o", out, "--data", VALID)
    assert result.code == 1
    assert f"{out} already exists and is not empty; use --force" in result.stderr
    result = run("package", "-o", out, "--data", VALID, "--force")
    assert result.code == 1
    assert "holds no datapackage.json" in result.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    (out / "notes.txt").unlink()
    assert run("package", "-o", out, "--data", VALID).code == 0  # an empty folder is fine
    (out / "stale.csv").write_text("old\n", encoding="utf-8")
    assert run("package", "-o", out, "--data", VALID).code == 1
    assert run("package", "-o", out, "--data", VALID, "--force").code == 0
    assert not (out / "stale.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_package_never_writes_in_or_around_the_data_folder(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    for target in (data / "pkg", data, tmp_path):
        result = run("package", "-o", target, "--data", data, "--force")
        assert result.code == 1, target
        assert "progcmp never writes there" in result.stderr, result.stderr
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run("package", "-o", tmp_path / "file", "--data", data)
    assert result.code in (1, 2)  # typer refuses a file for a folder option (usage)


@pytest.mark.parametrize(
    ("flag", "urn"),
    [
        ((), "urn:progcmp:schema:candidate:1"),
        (("--themes",), "urn:progcmp:schema:themes:1"),
        (("--agenda",), "urn:progcmp:schema:agenda:1"),
        (("--lexicon",), "urn:progcmp:schema:lexicon:1"),
    ],
)
def test_every_printed_schema_has_a_stable_id(run: Run, flag: tuple[str, ...], urn: str) -> None:
    result = run("schema", *flag)
    assert result.code == 0
    schema = json.loads(result.stdout)
    assert schema["$id"] == urn
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def _commands() -> set[str]:
    return set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_pre_commit_hook_runs_validate_on_yaml_files(run: Run, tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "progcmp-validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    program, command = hook["entry"].split()
    assert (program, command in _commands()) == ("progcmp", True)
    files = re.compile(hook["files"])
    assert files.search("a/themes.yaml") and files.search("b/c.yml")
    assert not files.search("README.md")
    # What pre-commit passes: candidate files and the catalogue, together.
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    staged = [data / "themes.yaml", data / "fr-test-2027" / "bob.yaml"]
    assert run(command, *staged).code == 0
    (data / "fr-test-2027" / "bob.yaml").write_text("id: bob\n", encoding="utf-8")
    result = run(command, *staged)
    assert result.code == 1
    assert re.search(r"bob\.yaml:\d+:\d+: ", result.stderr)


def test_the_action_installs_progcmp_and_runs_commands_that_exist() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"data", "election"}
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    scripts = "\n".join(s.get("run", "") for s in steps)
    assert 'pip install "$GITHUB_ACTION_PATH"' in scripts
    assert "progcmp validate" in scripts and "(gaps --all --fail-on-gaps" in scripts
    assert {"validate", "gaps"} <= _commands()
    assert "${{" not in scripts  # inputs reach the scripts through env, never pasted in
    assert (ROOT / ".ci" / "github-annotations.sed").is_file()


@pytest.mark.skipif(shutil.which("sed") is None, reason="no sed")
def test_validate_messages_become_github_annotations() -> None:
    text = (
        "data/fr-x/a,b.yaml:4:11: 'kind' must be one of programme (got '100%')\n"
        "progcmp: error: 1 problem in 1 file\n"
    )
    done = subprocess.run(
        ["sed", "-E", "-f", str(ROOT / ".ci" / "github-annotations.sed")],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == (
        "::error file=data/fr-x/a%2Cb.yaml,line=4,col=11::'kind' must be one of programme "
        "(got '100%25')\n"
        "progcmp: error: 1 problem in 1 file\n"
    )


def _field_names(spec: Spec) -> set[str]:
    if isinstance(spec, ListOf):
        return _field_names(spec.item)
    if isinstance(spec, Record):
        names = set(spec.fields)
        for sub in spec.fields.values():
            names |= _field_names(sub)
        return names
    return set()


@pytest.mark.parametrize("spec", [CANDIDATE_FILE, THEMES_FILE])
def test_docs_data_format_names_every_field_of_the_files(spec: Spec) -> None:
    text = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    missing = sorted(n for n in _field_names(spec) if not re.search(rf"\b{n}:", text))
    assert missing == []


def test_the_licences_are_where_the_packaging_says() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name
    assert "Copyright (c) 2026 the progcmp contributors" in (ROOT / "LICENSE").read_text(
        encoding="utf-8"
    )
    data = (ROOT / "programmes" / "LICENSE").read_text(encoding="utf-8")
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in data
    assert "github.com/flothesof/presidentielles2017" in data


def test_the_readme_links_the_dataset_page() -> None:
    assert "docs/dataset.md" in (ROOT / "README.md").read_text(encoding="utf-8")
