"""``main``: the one place where errors become messages and exit codes.

Only the standard library is imported up front: ``progcmp --version`` answers before typer
and the commands are loaded.
"""

from __future__ import annotations

import io
import signal
import sys
from typing import TYPE_CHECKING, NoReturn

from .._version import __version__
from ..model.errors import DataError, ExitCode, ProgcmpError
from .console import say

if TYPE_CHECKING:
    import typer

MAX_PROBLEMS_SHOWN = 50


def _fail(message: str, code: int) -> NoReturn:
    from ..text import escape_controls

    say(f"progcmp: error: {escape_controls(message)}")
    raise SystemExit(code)


def _report(exc: ProgcmpError) -> NoReturn:
    """Print a known error: each data problem on its own line, capped; else one line.

    What a message quotes (a file name, a value) is shown, never obeyed: control and invisible
    characters appear as escapes, so a line stays one line and the terminal stays untouched.
    """
    from ..text import escape_controls

    if isinstance(exc, DataError):
        shown = exc.problems[:MAX_PROBLEMS_SHOWN]
        for problem in shown:
            say(escape_controls(str(problem)))
        more = len(exc.problems) - len(shown)
        files = len({p.path for p in exc.problems})
        summary = (
            f"{len(exc.problems)} problem{'s' * (len(exc.problems) != 1)} in {files} "
            f"file{'s' * (files != 1)}"
        )
        _fail(summary + (f" (and {more} more not shown)" if more else ""), exc.exit_code)
    _fail(str(exc), exc.exit_code)


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so that temporary files are removed on the way out."""


def _on_sigterm(signum: int, frame: object) -> NoReturn:
    raise _Terminated


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: the one place where errors become messages and exit codes."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # the option's answer, without building every command first
        sys.stdout.write(f"progcmp {__version__}\n")
        raise SystemExit(ExitCode.OK)
    debug = "--debug" in args
    # Loaded before SIGTERM is caught: a SIGTERM while the commands load ends the process the
    # default way (143), not with a traceback.
    from ..data.output import forget_reads
    from .commands import app
    from .common import read_roots

    read_roots.clear()
    forget_reads()
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        _run(app, args, debug)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(app: typer.Typer, args: list[str], debug: bool) -> NoReturn:
    import typer

    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="progcmp", standalone_mode=False)
    except ProgcmpError as exc:
        if debug:
            raise
        _report(exc)
    except typer.Abort:  # click's translation of Ctrl-C
        _fail("interrupted", ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.INTERRUPTED)
    except _Terminated:
        _fail("terminated", ExitCode.TERMINATED)
    except typer.TyperException as exc:  # usage errors, worded by click
        # They quote what was typed: escape what a terminal would obey, as in our messages.
        from ..text import escape_controls

        buffer = io.StringIO()
        exc.show(file=buffer)  # type: ignore[attr-defined]
        for line in buffer.getvalue().rstrip("\n").split("\n"):
            say(escape_controls(line))
        raise SystemExit(getattr(exc, "exit_code", ExitCode.USAGE)) from None
    except Exception as exc:
        if debug:
            raise
        _fail(
            f"internal error ({type(exc).__name__}); re-run with --debug and report it",
            ExitCode.DATA_ERROR,
        )
    if code == ExitCode.INTERRUPTED:  # typer's translation of Ctrl-C in a command
        _fail("interrupted", ExitCode.INTERRUPTED)
    raise SystemExit(code if isinstance(code, int) else ExitCode.OK)
