"""What every data command does: load the dataset, then render a view to stdout or a file.

The options that drive both are declared once: ``@shared_options()`` adds them to a command's
signature and hands the command one :class:`SharedOptions`, whose ``load()`` and ``emit()`` do
the rest.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import inspect
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from ..model.errors import ExitCode, UsageError
from ..render.locale import DEFAULT_LANGUAGE
from .console import say
from .options import (
    DEFAULT_WIDTH,
    MAX_WIDTH,
    MIN_WIDTH,
    CsvBomOpt,
    DataOpt,
    DebugOpt,
    EmbedOpt,
    FootnotesOpt,
    ForceOpt,
    Format,
    FormatOpt,
    Lang,
    LangOpt,
    Layout,
    LayoutOpt,
    NoCacheOpt,
    NoPagerOpt,
    OutputOpt,
    WidthOpt,
)

if TYPE_CHECKING:
    from ..data.loader import Resolve
    from ..model import Candidate, Dataset
    from ..render import RenderOptions
    from ..views import View

# Below this many files, loading takes well under a second: no progress bar. A module global
# read at each load, so that tests and the benchmark can lower it.
MIN_FILES_FOR_PROGRESS = 500

_T = TypeVar("_T")
STDOUT_NAMES = ("-", "/dev/stdout")  # --output values that mean the standard output

# The data folders this run read (set by load, reset by main): --output may not land there.
read_roots: list[Path] = []


def _data_credit() -> dict[str, str] | None:
    """The data's title, version and licence, as its catalogue declares them, for an HTML
    page's footer; None unless the run read one data folder whose catalogue says so."""
    from ..data.loader import catalogue_metadata
    from ..model.errors import ProgcmpError

    if len(set(read_roots)) != 1:
        return None
    try:
        return catalogue_metadata(read_roots[0]) or None
    except (ProgcmpError, OSError):  # read and checked by the load already: not this page's
        return None


def load(data: Path | None, no_cache: bool = False) -> Dataset:
    """The dataset of --data (or the default folder), with a progress bar on a terminal."""
    from ..data.loader import load_dataset

    return _loading(
        data,
        no_cache,
        lambda root, cache, progress: load_dataset(root, cache=cache, progress=progress),
    )


def load_named(
    data: Path | None, no_cache: bool, names: Sequence[str], resolve: Resolve
) -> tuple[Dataset, tuple[Candidate, ...]]:
    """The catalogue and only the candidates ``resolve`` picks for ``names`` (decoding only
    those from the cache: see :func:`progcmp.data.loader.load_named`)."""
    from ..data.loader import load_named as load_only

    return _loading(
        data,
        no_cache,
        lambda root, cache, progress: load_only(
            root, names, resolve, cache=cache, progress=progress
        ),
    )


def _loading(
    data: Path | None,
    no_cache: bool,
    loader: Callable[[Path, Path | None, Callable[[int, int], None] | None], _T],
) -> _T:
    from ..data.output import data_root

    root = data_root(data)
    read_roots.append(root)
    cache = None if no_cache else cache_dir()
    # The data lives until the process ends and holds no reference cycles: the cyclic garbage
    # collector is off while it loads, then the data is frozen out of its sight, so that it is
    # not walked again, millions of objects at a time, at every later collection.
    gc.disable()
    try:
        with ProgressBar("loading", threshold=MIN_FILES_FOR_PROGRESS) as bar:
            loaded = loader(root, cache, bar if bar.enabled else None)
        gc.freeze()
    finally:
        gc.enable()
    return loaded


def contenders(dataset: Dataset, names: Sequence[str]) -> tuple[Candidate, ...]:
    """The contenders named, saying on stderr which election was chosen where a name has
    several (see :func:`progcmp.views.names.find_candidates`)."""
    from ..views.names import find_candidates
    from .console import say

    notes: list[str] = []
    found = find_candidates(dataset, names, notes)
    for note in notes:
        say(f"progcmp: note: {note}")
    return found


def check_selection(names: Sequence[str], every: bool, election: str | None) -> None:
    """Refuse names with --all, and --election without it (usage errors)."""
    from ..model.errors import UsageError

    if every and names:
        raise UsageError("name the contenders or give --all, not both")
    if election is not None and not every:
        raise UsageError("--election goes with --all (to name one contender: NAME@ELECTION)")


def chosen_contenders(
    dataset: Dataset, names: Sequence[str], every: bool, election: str | None
) -> tuple[Candidate, ...]:
    """The contenders a command works on: those named, or, with --all (or no name at all),
    every contender of one election in the official order. Never a mix of elections by
    default: with several in the data and no name, --election says which."""
    from ..model.errors import UsageError
    from ..views.names import select_all

    check_selection(names, every, election)
    if names:
        return contenders(dataset, names)
    if not every and len(dataset.elections) > 1:
        raise UsageError(
            f"the data holds several elections ({', '.join(dataset.elections)}): name the "
            "contenders (NAME@ELECTION), or give --all --election ELECTION"
        )
    return select_all(dataset, election)


def cache_dir() -> Path | None:
    """The cache folder, or None (no cache) where there is none to be had.

    With no HOME and no passwd entry for the uid (a container run with an arbitrary uid), the
    user's home is unknown: an absolute XDG_CACHE_HOME is still honoured, else the run goes
    without a cache, saying nothing (the cache only saves time).
    """
    from ..data.cache import default_dir

    try:
        return default_dir()
    except (RuntimeError, KeyError, OSError):  # Path.home(): no HOME and no passwd entry
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        return Path(xdg) / "progcmp" if os.path.isabs(xdg) and sys.platform != "win32" else None


class ProgressBar:
    """A transient progress bar on stderr, on a terminal only (never piped), shown once the
    work has ``threshold`` items or more. Called as ``bar(done, total)``."""

    def __init__(self, label: str, *, threshold: int = 0) -> None:
        self.label = label
        self.threshold = threshold
        self.enabled = _is_terminal(sys.stderr)
        self.bar: Any = None
        self.task: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.threshold:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn(self.label),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
                auto_refresh=False,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        if done - self.shown >= max(1, total // 100) or done == total:
            self.bar.update(self.task, completed=done, refresh=True)
            self.shown = done

    def steps(self, total: int) -> Callable[[int], None]:
        """A callback for work that reports steps (``advance(1)``) rather than a count done."""
        done = 0

        def advance(step: int) -> None:
            nonlocal done
            done += step
            self(done, total)

        return advance

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _is_terminal(stream: Any) -> bool:
    """Whether a stream is a terminal; a closed (``2>&-``: None) or broken one is not."""
    try:
        return stream is not None and bool(stream.isatty())
    except (OSError, ValueError):
        return False


def blinded(
    dataset: Dataset, chosen: tuple[Candidate, ...], blind: bool, lang: Lang
) -> tuple[Dataset, tuple[Candidate, ...]]:
    """The dataset and candidates to show: anonymised copies with --blind."""
    if not blind:
        return dataset, chosen
    from ..render.locale import get_locale
    from ..views.blind import anonymise

    return anonymise(dataset, chosen, get_locale(lang.value).blind)


def check_output(output: Path, *, new_data: bool = False) -> None:
    """Refuse early (before the work of rendering) an output :func:`write_output` would refuse."""
    from ..data.output import check_target

    check_target(output, force=True, data_roots=_data_roots(), new_data=new_data)


def write_output(output: Path, text: str | bytes, *, force: bool, new_data: bool = False) -> None:
    """The CLI's one writer of output files: atomic, and never over a file this run read nor a
    file of its data folders, with or without --force (see :func:`progcmp.data.output.write_file`;
    ``new_data``: a new .yaml file may go in a data folder, as an imported candidate does)."""
    from ..data.output import write_file

    write_file(output, text, force=force, data_roots=_data_roots(), new_data=new_data)


def check_output_folder(output: Path, *, force: bool) -> None:
    """Refuse early a folder :func:`write_output_folder` would refuse."""
    from ..data.output import check_folder

    check_folder(output, force=force, data_roots=_data_roots())


def write_output_folder(output: Path, files: dict[str, str | bytes], *, force: bool) -> None:
    """The CLI's one writer of output folders: the files of a temporary folder beside
    ``output``, which then takes its name (see :func:`progcmp.data.output.write_folder`)."""
    from ..data.output import write_folder

    write_folder(output, files, force=force, data_roots=_data_roots())


def _data_roots() -> list[Path]:
    """The data folders this run read, or the default one if it read none (``schema``)."""
    from ..data.output import data_root

    return read_roots or [data_root()]


def use_colour(tty: bool, env: Mapping[str, str]) -> bool:
    """Colour on a terminal, as the conventions say: ``NO_COLOR`` (when not empty) turns it
    off, ``FORCE_COLOR`` or ``CLICOLOR_FORCE`` (when not empty nor ``0``) turns it on even in a
    pipe, and a ``TERM=dumb`` terminal gets none."""
    if env.get("NO_COLOR"):
        return False
    if any(env.get(name, "") not in ("", "0") for name in ("FORCE_COLOR", "CLICOLOR_FORCE")):
        return True
    return tty and env.get("TERM") != "dumb"


def terminal_width(tty: bool, env: Mapping[str, str]) -> int:
    """The terminal's width on a terminal; in a pipe, ``COLUMNS`` if it is a number in
    range, else :data:`DEFAULT_WIDTH`."""
    if tty:
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    columns = env.get("COLUMNS", "")
    if columns.isdigit() and MIN_WIDTH <= int(columns) <= MAX_WIDTH:
        return int(columns)
    return DEFAULT_WIDTH


DEFAULT_PAGER = "less -FRX"  # quit if one screen, keep colours, leave the text on screen


def page(text: str) -> bool:
    """Show a text taller than the terminal through the pager, as git and gh do: ``PAGER``, else
    ``less -FRX``. Only when stdout is a terminal; ``PAGER=cat`` (or empty) means none. Returns
    whether the pager showed it (if it cannot start, the caller writes the text itself)."""
    import shlex
    import signal
    import subprocess

    if not _is_terminal(sys.stdout):
        return False
    if text.count("\n") < shutil.get_terminal_size((80, 24)).lines:
        return False
    command = os.environ.get("PAGER", DEFAULT_PAGER)
    try:
        argv = shlex.split(command)
    except ValueError:
        return False
    if not argv or argv == ["cat"]:
        return False
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX"), "LESSCHARSET": "utf-8"}
    try:
        pager = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search), not to us.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert pager.stdin is not None
        with contextlib.suppress(BrokenPipeError):  # the reader quit early: not an error
            encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
            pager.stdin.write(text.encode(encoding, "replace"))
            pager.stdin.close()
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True


def write_stdout(text: str | bytes) -> None:
    """Write to stdout; a closed or failing stdout is an error, not a crash. Characters the
    stream's encoding cannot show become '?', rather than failing half-way. Bytes (a binary
    format) go to the stream's bytes as they are."""
    from ..model.errors import OutputError

    if isinstance(text, str):
        write_stdout_lines((text,))
        return
    stream = _stdout()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        raise OutputError("cannot write binary data to this standard output; use --output")
    with _stdout_errors(stream):
        stream.flush()
        buffer.write(text)
        buffer.flush()


def write_stdout_lines(lines: Iterable[str]) -> None:
    """Write text to stdout piece by piece, each as soon as it is made (NDJSON, a record a
    line, as sqlite-utils' ``--nl``): a reader gets the first records before the last are
    made, and the whole text is never held. Characters the stream's encoding cannot show
    become '?'."""
    import codecs

    stream = _stdout()
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        buffer = None
    # The bytes are written as they are, rather than encoded a second time by the stream (70 MB
    # of JSON: 0.1 s), where the stream has bytes beneath it and would not translate newlines.
    with _stdout_errors(stream):
        if buffer is not None and os.linesep == "\n":
            stream.flush()
            write = buffer.write
            for line in lines:  # the buffer goes out each time it fills
                write(line.encode(encoding, "replace"))
            buffer.flush()
        else:
            for line in lines:
                stream.write(line)
            stream.flush()


def _stdout() -> Any:
    from ..model.errors import OutputError

    if sys.stdout is None:  # started with stdout closed
        raise OutputError("cannot write to the standard output: it is closed")
    return sys.stdout


@contextlib.contextmanager
def _stdout_errors(stream: Any) -> Iterator[None]:
    """A closed or failing stdout as an error; a reader gone away as success."""
    from ..model.errors import OutputError

    try:
        yield
    except BrokenPipeError:
        # The reader went away (`progcmp report | head`): not an error. Point stdout at
        # devnull so that the interpreter's final flush does not fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        raise typer.Exit(ExitCode.OK) from None
    except (OSError, ValueError) as exc:  # ENOSPC, EIO; ValueError: closed meanwhile
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        raise OutputError(f"cannot write to the standard output: {reason}") from exc


@dataclass(frozen=True, slots=True)
class SharedOptions:
    """The options every table command shares: where the data is, and how its view goes out.

    ``--debug`` is not here: ``main`` reads it from the command line before parsing it.
    """

    format: Format | None
    output: Path | None
    force: bool
    data: Path | None
    lang: Lang
    width: int | None
    no_cache: bool
    no_pager: bool = False
    layout: Layout = Layout.AUTO
    csv_bom: bool = False
    footnotes: bool = False
    embed: bool = False

    def load(self) -> Dataset:
        """The dataset of --data (see :func:`load`)."""
        return load(self.data, self.no_cache)

    def load_named(
        self, names: Sequence[str], resolve: Resolve
    ) -> tuple[Dataset, tuple[Candidate, ...]]:
        """The catalogue and the candidates named (see :func:`load_named`)."""
        return load_named(self.data, self.no_cache, names, resolve)

    def emit(self, view: View) -> None:
        """Render a view and send it to stdout or, atomically, to --output.

        Every option is checked and the whole text rendered before anything is written, but
        for NDJSON piped or redirected, which is written a record a line as it is made.
        """
        from ..render import BINARY_FORMATS, RenderOptions, format_for
        from ..render.locale import get_locale

        output, fmt, width = self.output, self.format, self.width
        to_stdout = output is None or str(output) in STDOUT_NAMES
        if fmt is None and not to_stdout:
            assert output is not None
            implied = format_for(output)
            if implied is None:
                raise UsageError(
                    f"cannot tell the format from the name {str(output)!r}; add --format"
                )
            fmt = Format(implied)
        fmt = fmt or Format.TERMINAL
        if fmt is Format.MD:
            fmt = Format.MARKDOWN
        if self.layout is not Layout.AUTO and fmt is not Format.MARKDOWN:
            raise UsageError(f"--layout applies to Markdown output only, not {fmt.value}")
        if self.footnotes and fmt is not Format.MARKDOWN:
            raise UsageError(f"--footnotes applies to Markdown output only, not {fmt.value}")
        if self.embed and fmt is not Format.HTML:
            raise UsageError(f"--embed applies to HTML output only, not {fmt.value}")
        if self.csv_bom and fmt is not Format.CSV:
            raise UsageError(f"--csv-bom applies to CSV output only, not {fmt.value}")
        tty = to_stdout and _is_terminal(sys.stdout)
        binary = fmt.value in BINARY_FORMATS
        if binary and tty:
            raise UsageError(
                f"{fmt.value} is a binary format, not for a terminal: "
                f"write it to a file with --output FILE.{fmt.value} (or pipe it)"
            )
        color = fmt is Format.TERMINAL and to_stdout and use_colour(tty, os.environ)
        if width is None:
            width = terminal_width(tty, os.environ)
        options = RenderOptions(
            locale=get_locale(self.lang.value),
            width=width,
            color=color,
            layout=self.layout.value,
            csv_bom=self.csv_bom,
            footnotes=self.footnotes,
            embed=self.embed,
            credit=_data_credit() if fmt is Format.HTML else None,
            notify=lambda line: say(f"progcmp: {line}"),
        )
        if not to_stdout:
            assert output is not None
            check_output(output)
        # The view and the text made from it hold no reference cycles, and the run ends soon
        # after: the cyclic collector, which would walk the million objects of a large
        # report's to_dict() again and again (a third of the time), is paused meanwhile.
        paused = gc.isenabled()
        gc.disable()
        try:
            self._write(view, fmt, options, output, to_stdout=to_stdout, tty=tty)
        finally:
            if paused:
                gc.enable()

    def _write(
        self,
        view: View,
        fmt: Format,
        options: RenderOptions,
        output: Path | None,
        *,
        to_stdout: bool,
        tty: bool,
    ) -> None:
        from ..render import BINARY_FORMATS, render, render_bytes

        binary = fmt.value in BINARY_FORMATS
        if binary:
            data = render_bytes(view, fmt.value, options)
            if to_stdout:
                write_stdout(data)
            else:
                assert output is not None
                write_output(output, data, force=self.force)
            return
        if fmt is Format.NDJSON and to_stdout and not tty:
            from ..render.ndjson import lines

            # Streamed, a record a line, as made: not held whole, first lines out at once.
            write_stdout_lines(lines(view))
            return
        if fmt is Format.JSON and to_stdout and not tty:
            from ..render.json import chunks

            # Made whole first (so that nothing is written if it fails), but written in pieces:
            # never held as one text and its bytes besides.
            write_stdout_lines(chunks(view))
            return
        text = render(view, fmt.value, options)
        if to_stdout:
            if self.no_pager or not page(text):
                write_stdout(text)
        else:
            assert output is not None
            write_output(output, text, force=self.force)


Command = Callable[..., None]

# The shared options, in the order --help lists them, after the command's own: (name, option
# declaration, default). --layout and --csv-bom are left out by shared_options(layout=False).
_SHARED: tuple[tuple[str, Any, Any], ...] = (
    ("format", FormatOpt, None),
    ("output", OutputOpt, None),
    ("force", ForceOpt, False),
    ("layout", LayoutOpt, Layout.AUTO),
    ("footnotes", FootnotesOpt, False),
    ("csv_bom", CsvBomOpt, False),
    ("embed", EmbedOpt, False),
    ("data", DataOpt, None),
    ("lang", LangOpt, Lang(DEFAULT_LANGUAGE)),
    ("width", WidthOpt, None),
    ("no_cache", NoCacheOpt, False),
    ("no_pager", NoPagerOpt, False),
    ("debug", DebugOpt, False),
)
_LAYOUT = ("layout", "footnotes", "csv_bom")


def shared_options(*, layout: bool = True) -> Callable[[Command], Command]:
    """Give a command the shared options, after its own, and one :class:`SharedOptions`.

    The command ends with a keyword-only parameter annotated ``SharedOptions``::

        @shared_options()
        def candidates(*, shared: SharedOptions) -> None:
            shared.emit(CandidateList(...))

    typer reads a command's parameters from ``inspect.signature()`` (which honours
    ``__signature__``) and its types from ``typing.get_type_hints()`` (``__annotations__``):
    the function returned declares the command's own parameters followed by the shared ones,
    and builds the ``SharedOptions`` from them. ``layout=False`` leaves out ``--layout`` and
    ``--csv-bom``.
    """
    shared = [entry for entry in _SHARED if layout or entry[0] not in _LAYOUT]

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        own = list(signature.parameters.values())
        last = own.pop() if own else None
        if (
            last is None
            or last.kind is not last.KEYWORD_ONLY
            or last.annotation is not SharedOptions
        ):
            raise TypeError(
                f"{command.__name__}: the last parameter must be '*, NAME: SharedOptions'"
            )
        target = last.name
        added = [
            inspect.Parameter(name, last.KEYWORD_ONLY, default=default, annotation=annotation)
            for name, annotation, default in shared
        ]

        @functools.wraps(command)
        def with_shared_options(**values: Any) -> None:
            options = {name: values.pop(name) for name, _, _ in shared}
            del options["debug"]  # main has read it already
            command(**values, **{target: SharedOptions(**options)})

        parameters = [*own, *added]
        with_shared_options.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=parameters
        )
        with_shared_options.__annotations__ = {p.name: p.annotation for p in parameters} | {
            "return": None
        }
        return with_shared_options

    return decorate
