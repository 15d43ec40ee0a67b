"""Exit codes, problems and the project's exceptions.

Every error a user can cause is a :class:`ProgcmpError`; its ``str()`` is shown verbatim and its
``exit_code`` is what the process returns. Anything else reaching the CLI is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import ClassVar


class ExitCode(IntEnum):
    """Process exit codes (documented in docs/guarantees.md)."""

    OK = 0
    DATA_ERROR = 1  # invalid or unreadable data, I/O error, refused write
    USAGE = 2  # bad command line: unknown option, candidate or theme
    GAPS_FOUND = 3  # only with `gaps --fail-on-gaps`
    INTERRUPTED = 130  # Ctrl-C (SIGINT)
    TERMINATED = 143  # SIGTERM


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One problem in one file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class ProgcmpError(Exception):
    """Base class; ``str(exc)`` is shown to the user verbatim."""

    exit_code: ClassVar[ExitCode] = ExitCode.DATA_ERROR


class DataError(ProgcmpError):
    """The data could not be loaded; carries every problem found, sorted by position."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(ProgcmpError):
    """The command line names something that does not exist or is ambiguous."""

    exit_code = ExitCode.USAGE


class OutputError(ProgcmpError):
    """An output file could not or may not be written."""
