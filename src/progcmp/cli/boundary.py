"""``main``: the one place where errors become messages and exit codes.

Only the standard library is imported up front: ``progcmp --version`` answers before typer
and the commands are loaded.
"""

from __future__ import annotations

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
    notes = getattr(exc, "__notes__", [])
    if notes:
        say(f"progcmp: error: {escape_controls(str(exc))}")
        for note in notes:
            say(escape_controls(note))
        raise SystemExit(exc.exit_code)
    _fail(str(exc), exc.exit_code)


def _usage_error(exc: Exception) -> NoReturn:
    """A usage error click found, in the one error style: ``progcmp: error: ...``, then the
    command's usage line and where to find its help. What was typed is quoted, never obeyed."""
    from ..text import escape_controls

    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError":  # `progcmp` alone: the help, on stderr
        for line in exc.format_message().rstrip("\n").split("\n"):  # type: ignore[attr-defined]
            say(escape_controls(line))
        raise SystemExit(ExitCode.USAGE) from None
    say(f"progcmp: error: {escape_controls(_usage_message(exc))}")
    if ctx is not None:
        say(escape_controls(ctx.get_usage()))
        say(f"Try '{escape_controls(ctx.command_path)} --help' for help.")
    raise SystemExit(getattr(exc, "exit_code", ExitCode.USAGE)) from None


def _usage_message(exc: Exception) -> str:
    """click's message, reworded: ``invalid value for --format: 'pdf' is not one of ...``."""
    param = getattr(exc, "param", None)
    message = str(getattr(exc, "message", "") or exc)
    message = message.removeprefix("Value error, ").rstrip(".")
    if param is not None and type(exc).__name__ == "BadParameter":
        opts = getattr(param, "opts", None) or []
        name = opts[0] if opts and opts[0].startswith("-") else param.make_metavar(exc.ctx)  # type: ignore[attr-defined]
        return f"invalid value for {name}: {_lower_first(message)}"
    formatted = exc.format_message() if hasattr(exc, "format_message") else message
    return _lower_first(formatted.removeprefix("Value error, ").rstrip("."))


def _lower_first(text: str) -> str:
    """``No such option`` -> ``no such option``; ``Input should`` -> ``input should``."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _usage_hint_after(exc: ProgcmpError, command: object, args: list[str]) -> None:
    """Our own usage errors (an unknown theme, --layout with CSV...) end with the same hint
    as click's: where the command's help is."""
    commands = getattr(command, "commands", {})
    name = next((a for a in args if not a.startswith("-")), None)
    path = f"progcmp {name}" if name in commands else "progcmp"
    exc.add_note(f"Try '{path} --help' for help.")


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
    from .commands import app_for, invoked
    from .common import read_roots

    read_roots.clear()
    forget_reads()
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        _run(app_for(invoked(args)), args, debug)
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
        if exc.exit_code == ExitCode.USAGE:
            _usage_hint_after(exc, command, args)
        _report(exc)
    except typer.Abort:  # click's translation of Ctrl-C
        _fail("interrupted", ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.INTERRUPTED)
    except _Terminated:
        _fail("terminated", ExitCode.TERMINATED)
    except typer.TyperException as exc:  # usage errors found by click, in our words
        _usage_error(exc)
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
