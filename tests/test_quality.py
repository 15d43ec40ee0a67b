"""The code stays ruff- and mypy --strict-clean: checked here so that CI enforces it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import REPO


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(REPO / ".venv" / "bin")) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return path


def test_ruff() -> None:
    for args in (
        ["check", "src", "tests", "benchmarks"],
        ["format", "--check", "src", "tests", "benchmarks"],
    ):
        out = subprocess.run([_tool("ruff"), *args], cwd=REPO, capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


def test_ci_runs_the_readme_test_command() -> None:
    command = (REPO / ".ci" / "run").read_text(encoding="utf-8").rstrip().splitlines()[-1]
    assert command in (REPO / "README.md").read_text(encoding="utf-8").splitlines()


def test_mypy_strict() -> None:
    out = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
