"""Every example in README.md, CONTRIBUTING.md and docs/ runs, and shows what it prints.

- In a ```console block, each ``$ progcmp …`` line is run against the bundled data and what
  follows it, up to the next ``$`` line, must be its exact output (stdout, then stderr). A line
  ``…`` stands for any number of lines. An output that is only ``…`` is a placeholder:
  ``pytest --update-golden`` writes the real output there, and rewrites every output that has no
  ``…`` in it.
- In a ```sh block, each line that starts with ``progcmp`` is run in an empty folder and must
  succeed (or end with ``# exit N``); other lines (installs, git) are not run.
"""

from __future__ import annotations

import re
import shlex
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import BUNDLED, REPO, Run

PAGES = sorted(
    p
    for p in [REPO / "README.md", REPO / "CONTRIBUTING.md", *(REPO / "docs").glob("*.md")]
    if p.is_file()
)
FENCE = re.compile(r"^```(console|sh)\n(.*?)^```$", re.M | re.S)
ELLIPSIS = "…"
SHARED = REPO.parent / "shared"


@dataclass(frozen=True)
class Example:
    page: Path
    line: int
    command: str
    expected: str | None  # None: a command of a ```sh block, whose output is not shown
    exit_code: int = 0

    def __str__(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"


def blocks() -> list[list[Example]]:
    """The examples, block by block: a block's commands run in order, in one folder."""
    found: list[list[Example]] = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in FENCE.finditer(text):
            kind, body = block.group(1), block.group(2)
            first = text.count("\n", 0, block.start(2)) + 1
            if kind == "console":
                found.append(_console(page, first, body))
            else:
                found.append([])
                for offset, line in enumerate(body.splitlines()):
                    command, _, comment = line.partition("  #")
                    if command.startswith("progcmp ") and not command.rstrip().endswith("\\"):
                        wanted = re.match(r"\s*exit (\d+)", comment)
                        code = int(wanted.group(1)) if wanted else 0
                        found[-1].append(Example(page, first + offset, command.strip(), None, code))
    return [b for b in found if b]


def _console(page: Path, first: int, body: str) -> list[Example]:
    """``$ progcmp …`` lines and their output; ``$ echo $?`` gives the one before's exit code."""
    found: list[Example] = []
    lines = body.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        expected = "\n".join(lines[i + 1 : end])
        if lines[i].startswith("$ mkdir "):  # the one shell command examples may need
            found.append(Example(page, first + i, lines[i][2:], None))
        elif lines[i] == "$ echo $?":
            last = found.pop()
            found.append(Example(last.page, last.line, last.command, last.expected, int(expected)))
        else:
            found.append(Example(page, first + i, lines[i][2:], expected))
    return found


def matches(expected: str, actual: str) -> bool:
    """``expected`` with each ``…`` line standing for any lines (none included)."""
    # A glob match, part by part: a regular expression of nested repeats backtracks for minutes
    # on an output that does not match.
    if ELLIPSIS not in expected:
        return actual == expected
    first, *middle, last = expected.split(ELLIPSIS)
    if not actual.startswith(first) or len(actual) < len(first) + len(last):
        return False
    position, end = len(first), len(actual) - len(last)
    for part in middle:
        position = actual.find(part, position, end)
        if position < 0:
            return False
        position += len(part)
    return actual.endswith(last)


BLOCKS = blocks()


def test_the_pages_have_examples() -> None:
    shown = [e for block in BLOCKS for e in block if e.expected is not None]
    assert len(shown) >= 2
    assert any(
        e.page.name == "README.md" and e.command.startswith("progcmp compare") for e in shown
    )


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: str(b[0]))
def test_examples(
    block: list[Example],
    run: Run,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Run from an empty folder (files an example writes land there) that sees the repository's
    # folders, so that paths such as tests/data/... in an example work as they do in a clone,
    # with ../shared beside it where the reference material is.
    clone = tmp_path / "clone"
    clone.mkdir()
    for name in ("programmes", "tests", "docs", "src"):
        (clone / name).symlink_to(REPO / name, target_is_directory=True)
    if any("../shared/" in example.command for example in block):
        if not SHARED.is_dir():
            pytest.skip("needs ../shared beside the clone")
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    monkeypatch.chdir(clone)
    for example in block:
        _check(example, run, request)


def _check(example: Example, run: Run, request: pytest.FixtureRequest) -> None:
    words = shlex.split(example.command)
    if words[0] == "mkdir":
        for folder in words[1:]:
            Path(folder).mkdir(parents=True)
        return
    assert words[0] == "progcmp"
    result = run(*words[1:])
    assert result.code == example.exit_code, f"{example}: {example.command}\n{result.stderr}"
    if example.expected is None:
        return
    actual = (result.stdout + result.stderr).rstrip("\n")
    if request.config.getoption("--update-golden") and (
        example.expected.strip() == ELLIPSIS or ELLIPSIS not in example.expected
    ):
        _rewrite(example, actual)
        return
    assert matches(example.expected, actual), (
        f"{example}: the output of `{example.command}` changed; run pytest --update-golden "
        f"(or edit the page). It prints:\n{actual}"
    )


def _rewrite(example: Example, actual: str) -> None:
    """Put ``actual`` in place of the example's output, found by its command line and old
    output (earlier rewrites may have moved it)."""
    with _one_writer(example.page):
        lines = example.page.read_text(encoding="utf-8").split("\n")
        old = example.expected.split("\n") if example.expected else []
        at = next(
            i + 1
            for i, line in enumerate(lines)
            if line == f"$ {example.command}" and lines[i + 1 : i + 1 + len(old)] == old
        )
        lines[at : at + len(old)] = actual.split("\n")
        example.page.write_text("\n".join(lines), encoding="utf-8")


@contextmanager
def _one_writer(page: Path, patience: float = 30.0) -> Iterator[None]:
    """The blocks of one page may run in two test processes (pytest-xdist): one rewrites the
    page at a time, or the second would write back what it read before the first wrote. A
    folder is the lock (making one is atomic everywhere)."""
    lock = page.with_name(f".{page.name}.lock")
    deadline = time.monotonic() + patience
    while True:
        try:
            lock.mkdir()
            break
        except FileExistsError:
            assert time.monotonic() < deadline, f"{lock} is still there: remove it if stale"
            time.sleep(0.01)
    try:
        yield
    finally:
        lock.rmdir()


def test_the_csv_field_table_of_commands_md_is_the_real_header(run: Run) -> None:
    """docs/commands.md lists each command's CSV fields: they are the header it writes."""
    page = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    rows = re.findall(r"^  \| (`[^|]+`) \| [^|]+ \| `([^`]+)`", page, re.MULTILINE)
    assert len(rows) == 4, rows
    samples = {
        "compare": ("compare", "melenchon@2017"),
        "show": ("show", "melenchon@2017"),
        "report": ("report", "--election", "2017"),
        "gaps": ("gaps", "melenchon@2017"),
        "candidates": ("candidates",),
        "themes": ("themes",),
    }
    for commands, fields in rows:
        for command in re.findall(r"`(\w+)`", commands):
            header = run(*samples[command], "--data", BUNDLED, "-f", "csv").stdout.splitlines()[0]
            assert header == ",".join(f'"{f}"' for f in fields.split(", ")), command
