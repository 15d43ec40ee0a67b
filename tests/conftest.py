"""Shared fixtures: data folders, an in-process CLI runner, and golden files."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from progcmp.cli import main

TESTS = Path(__file__).parent
VALID = TESTS / "data" / "valid"
INVALID = TESTS / "data" / "invalid"
ANALYSIS = TESTS / "data" / "analysis"  # matrix, similar, search and --blind
GOLDEN = TESTS / "golden"
REPO = TESTS.parent
BUNDLED = REPO / "programmes"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/* from the current output instead of comparing.",
    )


@pytest.fixture(autouse=True)
def _stable_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Same output whatever the developer's shell: no data override, fixed width, no colour,
    and a fresh cache folder outside the user's home."""
    monkeypatch.delenv("PROGCMP_DATA", raising=False)
    monkeypatch.delenv("PROGCMP_NO_CACHE", raising=False)
    monkeypatch.setenv("PROGCMP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)  # so ./programmes is never picked up by accident


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


Run = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the CLI in-process through its real entry point (error boundary included)."""

    def _run(*args: str | os.PathLike[str]) -> Result:
        capsys.readouterr()
        try:
            main([os.fspath(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        else:  # pragma: no cover - main always exits
            code = 0
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME byte for byte (or rewrite it with --update-golden)."""
    update = bool(request.config.getoption("--update-golden"))

    def _check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_bytes(text.encode("utf-8"))
            return
        assert path.exists(), f"missing golden file {name}: run pytest --update-golden"
        assert text == path.read_bytes().decode("utf-8"), (
            f"{name} differs from the golden file; if the change is intended, "
            "run pytest --update-golden and review the diff"
        )

    return _check


def write_candidate(
    root: Path,
    body: str,
    name: str = "alice",
    election: str = "fr-test-2027",
    themes: Path = VALID / "themes.yaml",
) -> Path:
    """Make a data folder holding the test catalogue and one candidate file; return the file."""
    (root / election).mkdir(parents=True, exist_ok=True)
    (root / "themes.yaml").write_bytes(themes.read_bytes())
    path = root / election / f"{name}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def error_line(stderr: str) -> str:
    """A usage error's message without the hint that follows it (the usage line and "Try
    'progcmp CMD --help' for help.")."""
    lines = stderr.splitlines(keepends=True)
    while lines and lines[-1].startswith(("Try 'progcmp", "Usage: progcmp")):
        lines.pop()
    return "".join(lines)
