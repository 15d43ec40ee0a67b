"""Shared fixtures: data folders, an in-process CLI runner, golden files, and the hypothesis
profiles.

The suite runs in parallel (pytest-xdist, ``-n auto`` in pyproject.toml): every test works in
its own ``tmp_path`` with its own cache folder, and nothing is written into the repository but
by ``--update-golden``.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.main
from hypothesis import settings

from progcmp.cli import main

TESTS = Path(__file__).parent
VALID = TESTS / "data" / "valid"
INVALID = TESTS / "data" / "invalid"
ANALYSIS = TESTS / "data" / "analysis"  # matrix, similar, search and --blind
GOLDEN = TESTS / "golden"
REPO = TESTS.parent
BUNDLED = REPO / "programmes"

# --- hypothesis: "ci" runs every property with the example counts written beside it; "dev" (the
# default outside CI) a fifth of them, for a quick run while working. HYPOTHESIS_PROFILE picks
# one by name (so does pytest's --hypothesis-profile); else CI=true (set by CI services) picks
# "ci". No deadline in either: on a shared two-core machine running the suite in parallel, a
# slow example says nothing about the code.
FULL_EXAMPLES = 100  # hypothesis's own default, which the "ci" profile keeps
settings.register_profile("ci", max_examples=FULL_EXAMPLES, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=FULL_EXAMPLES // 5, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").lower() not in ("", "0", "false") else "dev")
)


def examples(count: int) -> int:
    """``count`` examples under the "ci" profile, proportionally fewer under "dev" (at least
    one): for the properties that set their own ``max_examples``."""
    return max(1, count * settings().max_examples // FULL_EXAMPLES)


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
    a fresh cache folder outside the user's home, and a fixed day for the HTML footer
    (2026-01-01: SOURCE_DATE_EPOCH, as a reproducible build sets it)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.delenv("PROGCMP_DATA", raising=False)
    monkeypatch.delenv("PROGCMP_NO_CACHE", raising=False)
    monkeypatch.setenv("PROGCMP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)  # so ./programmes is never picked up by accident


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


Run = Callable[..., Result]


@pytest.fixture(scope="session")
def _one_click_command() -> Iterator[None]:
    """Build the click command from the typer app once per test process, as a real process
    does, instead of once per in-process run: building it (reading every command's signature
    and annotations) took four fifths of a run's time, and the suite runs the CLI thousands of
    times. The app is never changed by a test, so the command built is the same every time;
    ``progcmp`` started as a process (tests/test_bad_inputs.py, test_cli.py) still builds it."""
    patch = pytest.MonkeyPatch()
    patch.setattr(typer.main, "get_command", functools.cache(typer.main.get_command))
    yield
    patch.undo()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], _one_click_command: None) -> Run:
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


@dataclass(frozen=True)
class Started:
    """What ``progcmp --version`` printed in a fresh interpreter, and every module it loaded."""

    stdout: str
    modules: frozenset[str]


@pytest.fixture(scope="session")
def version_child() -> Started:
    """``progcmp --version`` in a child process (PYTHONPATH cleared), started once for the
    tests that check what start-up imports."""
    code = (
        "import json, sys; from progcmp.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit: pass\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
        check=True,
    )
    *printed, modules = out.stdout.splitlines(keepends=True)  # the last line is the modules'
    return Started("".join(printed), frozenset(json.loads(modules)))


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME byte for byte (or rewrite it with --update-golden)."""
    update = bool(request.config.getoption("--update-golden"))

    def _check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            if not path.exists() or path.read_bytes() != text.encode("utf-8"):
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
