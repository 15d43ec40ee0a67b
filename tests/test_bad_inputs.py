"""The corpus of bad and hostile inputs (tests/bad_inputs/, see its README.md): each case runs
through the real entry point and must give exactly the expected stderr and exit code, no
traceback, no temporary file, and leave every file as it was."""

from __future__ import annotations

import csv
import hashlib
import importlib
import io
import os
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NoReturn, overload

import pytest
import typer

import progcmp
from progcmp.cli import app
from progcmp.text import UNSAFE

from .conftest import Run

CORPUS = Path(__file__).parent / "bad_inputs"
BASE = CORPUS / "_base"
ANY_LINES = "<any lines>"  # in expected_stderr.txt: any number of lines here
HANG_GUARD_SECONDS = 60  # a case still running then has hung (say, reading a FIFO)
CATEGORIES: tuple[str, ...] = (
    "SYN",
    "TYP",
    "SCH",
    "ENC",
    "RES",
    "TERM",
    "MD",
    "CSV",
    "HTML",
    "JSON",
    "FS",
    "CLI",
)
CATEGORIES += ("CONC",)

_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))", re.DOTALL)
_SIMPLE = {"e": "\x1b", "n": "\n", "t": "\t", "r": "\r", "0": "\x00", "\\": "\\"}


@overload
def unescape(text: str, *, raw_bytes: Literal[True]) -> bytes: ...
@overload
def unescape(text: str, *, raw_bytes: Literal[False]) -> str: ...
def unescape(text: str, *, raw_bytes: bool) -> bytes | str:
    r"""Decode ``\e \n \t \r \0 \\ \xHH \uHHHH \UHHHHHHHH``. With ``raw_bytes``, ``\xHH`` is
    one byte (so a file can hold invalid UTF-8) and the result is bytes; else it is the
    character U+00HH."""
    out: list[bytes] = []
    pos = 0
    for match in _ESCAPE.finditer(text):
        out.append(text[pos : match.start()].encode("utf-8", "surrogatepass"))
        byte, short, long, simple = match.groups()
        if byte is not None:
            out.append(bytes([int(byte, 16)]) if raw_bytes else chr(int(byte, 16)).encode())
        elif short or long:
            out.append(chr(int(short or long, 16)).encode("utf-8", "surrogatepass"))
        else:
            out.append(_SIMPLE.get(simple, "\\" + simple).encode())
        pos = match.end()
    out.append(text[pos:].encode("utf-8", "surrogatepass"))
    data = b"".join(out)
    return data if raw_bytes else data.decode("utf-8", "surrogatepass")


@dataclass(frozen=True)
class Case:
    folder: Path

    @property
    def id(self) -> str:
        return self.folder.name

    @property
    def args(self) -> list[str]:
        lines = (self.folder / "args.txt").read_text(encoding="utf-8").splitlines()
        return [unescape(a, raw_bytes=False) for a in lines if a and not a.startswith("#")]

    def read(self, name: str) -> str | None:
        path = self.folder / name
        return path.read_text(encoding="utf-8") if path.exists() else None


def cases() -> list[Case]:
    return [Case(f) for f in sorted(CORPUS.iterdir()) if f.is_dir() and not f.name.startswith("_")]


def data_commands() -> dict[str, list[str]]:
    """Every command of the CLI that reads a data folder, with what fills its required
    arguments and options (``alice``): a case whose args start with ``*`` runs through each."""
    found: dict[str, list[str]] = {}
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        options = {opt for param in command.params for opt in param.opts}
        if "--data" not in options:
            continue
        fill: list[str] = []
        for param in command.params:
            if param.required and param.param_type_name == "argument":
                fill.append("alice")
            elif param.required:  # a required option
                fill += [param.opts[0], "alice"]
        found[name] = fill
    return found


# --- the workspace: data/ and out/ in a temporary folder, laid out per case -----------------


def _copy_tree(source: Path, target: Path) -> None:
    """Copy a folder; ``NAME.esc`` files are written as NAME, their escapes decoded."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if path.is_dir():
            (target / relative).mkdir(parents=True, exist_ok=True)
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".esc":
            data = unescape(path.read_text(encoding="utf-8"), raw_bytes=True)
            destination.with_suffix("").write_bytes(data)
        else:
            destination.write_bytes(path.read_bytes())


def _setup(workspace: Path, script: str) -> None:
    """Directives, one per line: ``symlink LINK TARGET``, ``hardlink LINK TARGET`` (TARGET in
    the workspace), ``fifo PATH``, ``mkdir PATH``, ``rm PATH``, ``sparse PATH BYTES`` (a file
    that size, made instantly), ``append PATH COUNT TEXT`` (TEXT, escapes decoded, COUNT
    times)."""
    for line in script.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        verb, *words = (unescape(w, raw_bytes=False) for w in shlex.split(line))
        path = workspace / words[0]
        if verb == "symlink":
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() or path.is_symlink():
                path.unlink()
            path.symlink_to(words[1].replace("{tmp}", str(workspace)))
        elif verb == "hardlink":
            if path.exists():
                path.unlink()
            path.hardlink_to(workspace / words[1])
        elif verb == "fifo":
            if path.exists():
                path.unlink()
            os.mkfifo(path)
        elif verb == "mkdir":
            path.mkdir(parents=True, exist_ok=True)
        elif verb == "rm":
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        elif verb == "sparse":
            with open(path, "wb") as handle:
                handle.truncate(int(words[1]))
        elif verb == "append":
            chunk = words[2].encode("utf-8", "surrogateescape")
            with open(path, "ab") as handle:
                handle.write(chunk * int(words[1]))
        else:  # pragma: no cover - a typo in a case
            raise AssertionError(f"unknown setup directive {verb!r}")


def make_workspace(case: Case, workspace: Path) -> None:
    _copy_tree(BASE, workspace / "data")
    (workspace / "out").mkdir()
    for part in ("data", "out"):
        if (case.folder / part).is_dir():
            _copy_tree(case.folder / part, workspace / part)
    if (script := case.read("setup.txt")) is not None:
        _setup(workspace, script)


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under ``root``: its kind and content hash, link target or mode."""
    entries: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            info = path.lstat()
            key = str(path.relative_to(root))
            if stat.S_ISLNK(info.st_mode):
                entries[key] = "link " + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                entries[key] = f"file {oct(info.st_mode)} {digest}"
            else:
                entries[key] = f"other {oct(info.st_mode)}"
    return entries


def temporary_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.tmp"))


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail, rather than hang the suite, if a case blocks (it must not)."""

    def hung(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def matches(expected: str, actual: str) -> bool:
    """Exact, but for ``<any lines>`` lines, which stand for any number of lines."""
    if ANY_LINES not in expected.splitlines():
        return expected == actual
    parts = [re.escape(part) for part in expected.split(ANY_LINES + "\n")]
    return re.fullmatch("(?:.*\n)*?".join(parts), actual) is not None


def runs_of(case: Case) -> list[list[str]]:
    args = case.args
    if args[:1] != ["*"]:
        return [args]
    return [[name, *fill, *args[1:]] for name, fill in data_commands().items()]


# --- the test -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.id)
def test_bad_input(
    case: Case,
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    make_workspace(case, workspace)
    monkeypatch.chdir(workspace)
    before = snapshot(workspace)
    stale = temporary_files(workspace)  # a case may start with some (CONC-05)
    allowed = set((case.read("changes.txt") or "").split())
    outcomes: dict[tuple[int, str], list[str]] = {}
    for args in runs_of(case):
        with hang_guard(HANG_GUARD_SECONDS):
            result = run(*args)
        stderr = result.stderr.replace(str(workspace), "{tmp}")
        assert "Traceback" not in result.stderr + result.stdout, (args, result.stderr)
        assert temporary_files(workspace) == stale, args
        after = snapshot(workspace)
        changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        assert changed <= allowed, (args, sorted(changed - allowed))
        if result.code not in (0, 3):
            assert result.stdout == "", (args, result.stdout[:300])  # data only on success
        check_stdout(case, result.stdout, args)
        outcomes.setdefault((result.code, stderr), []).append(" ".join(args[:1]))
    if request.config.getoption("--update-golden"):
        assert len(outcomes) == 1, f"commands disagree: {outcomes}"
        ((code, stderr),) = outcomes
        (case.folder / "expected_exit").write_text(f"{code}\n", encoding="utf-8")
        expected = case.read("expected_stderr.txt")
        if expected is None or not matches(expected, stderr):  # keep <any lines> that still fit
            (case.folder / "expected_stderr.txt").write_text(stderr, encoding="utf-8")
        return
    expected_code = int((case.read("expected_exit") or "-1").strip())
    expected_stderr = case.read("expected_stderr.txt")
    assert expected_stderr is not None, "missing expected_stderr.txt: run pytest --update-golden"
    for (code, stderr), commands in outcomes.items():
        assert code == expected_code, (commands, stderr)
        assert matches(expected_stderr, stderr), (commands, stderr)


def check_stdout(case: Case, stdout: str, args: list[str]) -> None:
    """``stdout_contains.txt`` and ``stdout_lacks.txt``: one text per line, escapes decoded."""
    for line in (case.read("stdout_contains.txt") or "").splitlines():
        if line:
            text = unescape(line, raw_bytes=False)
            assert text in stdout, (args, text, stdout[:2000])
    for line in (case.read("stdout_lacks.txt") or "").splitlines():
        if line:
            text = unescape(line, raw_bytes=False)
            assert text not in stdout, (args, text, stdout[:2000])


# --- the corpus itself ---------------------------------------------------------------------------


def test_every_category_of_the_catalogue_has_cases() -> None:
    seen = {c.id.split("-")[0] for c in cases()}
    assert set(CATEGORIES) <= seen, sorted(set(CATEGORIES) - seen)


def test_the_corpus_holds_no_raw_control_bytes() -> None:
    """Control and invisible characters are written with escapes (in .esc files, args.txt and
    the stdout_*.txt files): diffs and reviews of the corpus stay safe to read."""
    for path in CORPUS.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8")  # raw bytes too are escaped
            found = {c for c in UNSAFE.findall(text) if c != "\n"}
            assert not found, (path, found)


def test_every_case_is_complete() -> None:
    for case in cases():
        names = {p.name for p in case.folder.iterdir()}
        assert {"args.txt", "expected_exit", "expected_stderr.txt"} <= names, case.id
        description = case.read("args.txt") or ""
        assert description.startswith("# "), f"{case.id}: args.txt must start with '# what'"


def test_unescape() -> None:
    assert (
        unescape(r"a\e[2J\x00\u202e\\n\xe9", raw_bytes=True) == b"a\x1b[2J\x00\xe2\x80\xae\\n\xe9"
    )
    assert unescape(r"\xe9\udcff", raw_bytes=False) == "é\udcff"


# --- cases that need a process, a signal or a patch ------------------------------------------------

PYTHON = [sys.executable, "-c"]
# Runs the CLI in a child whose os.fsync (the last step before the rename) announces itself on
# stderr and then waits: the test knows the write is under way and signals it there.
STALLED_WRITE = """
import os, sys, time
from progcmp.data import output
def stalled(fd):
    sys.stderr.write("writing\\n"); sys.stderr.flush(); time.sleep(60)
output.os.fsync = stalled
from progcmp.cli import main
main(sys.argv[1:])
"""


def workspace_with(tmp_path: Path, out: dict[str, str] | None = None) -> Path:
    workspace = tmp_path / "ws"
    _copy_tree(BASE, workspace / "data")
    (workspace / "out").mkdir()
    for name, text in (out or {}).items():
        (workspace / "out" / name).write_text(text, encoding="utf-8")
    return workspace


def default_signals() -> None:
    """Run in the child before Python starts (``preexec_fn``): SIGINT and SIGTERM as a terminal
    would give them. A non-interactive shell starts a background job (``pytest ... &``) with
    SIGINT ignored, children inherit that, and Python then leaves it ignored (it installs its
    KeyboardInterrupt handler only over the default): the child would never see the signal."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)


def child_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PROGCMP_DATA", "COLUMNS")}
    return env | {"NO_COLOR": "1", "PYTHONPATH": str(Path(progcmp.__file__).parent.parent)}


@pytest.mark.parametrize(
    ("signum", "code", "message"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
    ids=["CLI-10-sigint", "CLI-10-sigterm"],
)
def test_a_signal_during_a_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, signum: int, code: int, message: str
) -> None:
    """CLI-10, FS-02: Ctrl-C (or a kill) while the export is being written: exit 130 (143),
    one line, no traceback, the old file untouched, no temporary file."""
    workspace = workspace_with(tmp_path, {"r.md": "the old report\n"})
    before = snapshot(workspace)
    args = ["report", "--data", "data", "-o", "out/r.md", "--force"]
    with subprocess.Popen(
        [*PYTHON, STALLED_WRITE, *args],
        cwd=workspace,
        env=child_environment(),
        preexec_fn=default_signals,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stderr is not None
        assert child.stderr.readline() == "writing\n"
        assert temporary_files(workspace) != []  # caught in the act
        child.send_signal(signum)
        stdout, stderr = child.communicate(timeout=60)
    assert (child.returncode, stdout, stderr) == (code, "", f"progcmp: error: {message}\n")
    assert snapshot(workspace) == before
    assert temporary_files(workspace) == []


def test_two_writers_and_a_reader_on_one_export(tmp_path: Path) -> None:
    """CONC-01, CONC-02: two processes replace one file over and over while this one reads
    it: every read is one whole version, never a mix or a cut; no temporary file remains."""
    target = tmp_path / "report.md"
    versions = {"a": "A" * 200_000 + "\n", "b": "B" * 150_000 + "\n"}
    writer = (
        "import sys; from pathlib import Path; from progcmp.data.output import write_file\n"
        "text = sys.argv[2] * int(sys.argv[3]) + '\\n'\n"
        "for _ in range(300): write_file(Path(sys.argv[1]), text, force=True)\n"
    )
    children = [
        subprocess.Popen(
            [*PYTHON, writer, str(target), letter.upper(), str(len(text) - 1)],
            env=child_environment(),
        )
        for letter, text in versions.items()
    ]
    reads = 0
    try:
        while any(child.poll() is None for child in children) and reads < 100_000:
            try:
                seen = target.read_text(encoding="utf-8")
            except FileNotFoundError:
                continue  # not written yet
            reads += 1
            assert seen in versions.values(), f"torn read: {len(seen)} characters"
    finally:
        for child in children:
            assert child.wait(timeout=120) == 0
    assert reads > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        ("closed", "cannot write to the standard output: it is closed"),
        ("full", "cannot write to the standard output: No space left on device"),
    ],
    ids=["CLI-11-stdout-closed", "CLI-11-stdout-full"],
)
def test_a_standard_output_that_cannot_be_written(
    tmp_path: Path, redirect: str, message: str
) -> None:
    if redirect == "full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    workspace = workspace_with(tmp_path)
    with open("/dev/full" if redirect == "full" else os.devnull, "w") as sink:
        stdout = sink if redirect == "full" else subprocess.DEVNULL
        args = [*PYTHON, "from progcmp.cli import main; main()", "candidates", "--data", "data"]
        if redirect == "closed":  # the child starts with no file descriptor 1 at all
            args = ["sh", "-c", '"$@" >&-', "sh", *args]
        done = subprocess.run(
            args,
            cwd=workspace,
            env=child_environment(),
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (done.returncode, done.stderr) == (1, f"progcmp: error: {message}\n")


def test_a_closed_reader_is_not_an_error(tmp_path: Path) -> None:
    """`progcmp report | head -1`: the reader leaves early; no traceback, exit 0."""
    workspace = workspace_with(tmp_path)
    with subprocess.Popen(
        [*PYTHON, "from progcmp.cli import main; main()", "report", "--data", "data"],
        cwd=workspace,
        env=child_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()  # before the child writes anything
        stderr = child.stderr.read()
    assert (child.returncode, stderr) == (0, "")


def permission_denied(*args: object, **kwargs: object) -> NoReturn:
    raise PermissionError(13, "Permission denied")


@pytest.mark.parametrize(
    ("target", "args", "expected"),
    [
        (
            "progcmp.data.output.tempfile.mkstemp",
            ["-o", "out/r.md"],
            "progcmp: error: cannot write out/r.md: Permission denied\n",
        ),
        (
            "progcmp.data.output.os.replace",
            ["-o", "out/old.md", "--force"],
            "progcmp: error: cannot write out/old.md: Permission denied\n",
        ),
        (
            "progcmp.data.yamlio.os.open",
            [],
            "data/fr-test-2027/alice.yaml:1:1: cannot read file: Permission denied\n"
            "data/fr-test-2027/bob.yaml:1:1: cannot read file: Permission denied\n"
            "data/themes.yaml:1:1: cannot read file: Permission denied\n"
            "progcmp: error: 3 problems in 3 files\n",
        ),
        (
            "pathlib.Path.iterdir",
            [],
            "data:1:1: cannot read: Permission denied\nprogcmp: error: 1 problem in 1 file\n",
        ),
    ],
    ids=["FS-06-new-file", "FS-06-replace", "FS-06-read-file", "FS-06-read-folder"],
)
def test_permission_denied(
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    args: list[str],
    expected: str,
) -> None:
    """FS-06: CI runs as root, where chmod stops nothing: the refusals are simulated."""
    workspace = workspace_with(tmp_path, {"old.md": "old\n"})
    monkeypatch.chdir(workspace)
    before = snapshot(workspace)
    monkeypatch.setattr(target, permission_denied)
    result = run("show", "alice", "--data", "data", *args)
    monkeypatch.undo()
    assert (result.code, result.stdout, result.stderr) == (1, "", expected)
    assert snapshot(workspace) == before
    assert temporary_files(workspace) == []


def test_a_bug_is_one_line_and_writes_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CLI-09: an unexpected exception: one line, exit 1, nothing written; --debug shows it."""
    workspace = workspace_with(tmp_path)
    monkeypatch.chdir(workspace)

    def bug(*args: object, **kwargs: object) -> NoReturn:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(importlib.import_module("progcmp.render.html"), "render", bug)
    result = run("report", "--data", "data", "-o", "out/r.html")
    assert (result.code, result.stdout, result.stderr) == (
        1,
        "",
        "progcmp: error: internal error (ZeroDivisionError); re-run with --debug and report it\n",
    )
    assert list((workspace / "out").iterdir()) == []
    with pytest.raises(ZeroDivisionError):
        run("report", "--data", "data", "-o", "out/r.html", "--debug")


def test_matches_allows_any_lines_only_where_marked() -> None:
    assert matches("a\n<any lines>\nz\n", "a\nb\nc\nz\n")
    assert matches("a\n<any lines>\nz\n", "a\nz\n")
    assert not matches("a\n<any lines>\nz\n", "a\nb\n")
    assert not matches("a\nz\n", "a\nb\nz\n")


# A child with no home: HOME unset, and no passwd entry for its uid (a container run with an
# arbitrary uid), simulated by a pwd that knows no one.
HOMELESS = """
import pwd, sys
def nobody(uid):
    raise KeyError(f"getpwuid(): uid not found: {uid}")
pwd.getpwuid = nobody
from progcmp.cli import main
main(sys.argv[1:])
"""


@pytest.mark.parametrize("xdg", [True, False], ids=["with-xdg-cache-home", "no-cache-folder"])
def test_no_home_and_no_passwd_entry(tmp_path: Path, xdg: bool) -> None:
    """CLI-12: no HOME, no passwd entry: the command runs; with XDG_CACHE_HOME the cache goes
    there, with nothing it runs without a cache, silently."""
    workspace = workspace_with(tmp_path)
    env = {k: v for k, v in child_environment().items() if k not in ("HOME", "XDG_CACHE_HOME")}
    env.pop("PROGCMP_CACHE_DIR", None)
    if xdg:
        env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    done = subprocess.run(
        [*PYTHON, HOMELESS, "candidates", "--data", "data", "-f", "json", "-o", "out/c.json"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert (workspace / "out" / "c.json").is_file()
    assert (tmp_path / "xdg" / "progcmp").is_dir() is xdg


@pytest.mark.parametrize(
    "args",
    [
        ["candidates", "--data", "data", "-o", "out/r.md"],
        [
            "import",
            "p.csv",
            "--name",
            "Carol",
            "--party",
            "P",
            "--election",
            "fr-test-2027",
            "--data",
            "data",
            "-o",
            "out/carol.yaml",
        ],
    ],
    ids=["candidates", "import"],
)
def test_a_closed_stderr_still_runs(tmp_path: Path, args: list[str]) -> None:
    """CLI-11: `progcmp ... 2>&-`: nothing can be said, but the work is done (the progress
    bar does not ask a missing stderr whether it is a terminal)."""
    workspace = workspace_with(tmp_path)
    (workspace / "p.csv").write_text(
        "proposition,source\nLogiciel libre partout,https://example.org/p\n", encoding="utf-8"
    )
    done = subprocess.run(
        ["sh", "-c", '"$@" 2>&-', "sh", *PYTHON, "from progcmp.cli import main; main()", *args],
        cwd=workspace,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert (workspace / args[args.index("-o") + 1]).is_file()


QUOTED_CELLS = re.compile(r'(?:"(?:[^"]|"")*"[,\n])+')  # every cell of every row quoted
FORMULA_START = re.compile(r"[\s\"]*[=+\-@\uff1d\uff0b\uff0d\uff20]")
HOSTILE_CANDIDATE = """\
id: alice
name: "Alice;=1+2"
party: "Parti,@SUM(1)"
election: fr-test-2027
sources:
  - id: prog
    title: "Programme;\\u00a0=2+3"
    url: https://example.org/p
    kind: programme
reviewed: [prog]
proposals:
  - id: p1
    themes: [free-software, open-government]
    summary: "Texte;=1+2;@SUM(1) libre, -3+4"
    quote: "\\u3000=HYPERLINK(\\"https://evil.example\\")"
    source: prog
"""


def test_every_csv_is_quoted_and_safe_after_any_separator(run: Run, tmp_path: Path) -> None:
    """CSV-05: every command that writes CSV quotes every cell, and no piece of a line split
    on ',' ';' or a tab (the separators a spreadsheet may use, whatever the file's) starts a
    formula, even after a no-break or ideographic space."""
    workspace = workspace_with(tmp_path)
    (workspace / "data" / "fr-test-2027" / "alice.yaml").write_text(HOSTILE_CANDIDATE, "utf-8")
    fills = {
        "suggest-themes": ["alice"],
        "diff": ["alice", "bob"],
        "show": ["alice"],
        "compare": ["--all"],
    }
    csv_commands = [
        (name, fills.get(name, fill))
        for name, fill in data_commands().items()
        if name not in ("import", "validate", "package")
    ]
    assert len(csv_commands) == 12, csv_commands
    outputs = []
    for name, fill in csv_commands:
        args = [name, *fill, "--data", str(workspace / "data"), "-f", "csv"]
        if name == "search":
            args[1] = "texte"
        result = run(*args)
        assert (result.code, result.stderr) == (0, ""), args
        outputs.append((name, result.stdout))
    # package writes a folder of CSV files, by the same rules
    package = tmp_path / "package"
    assert run("package", "-o", package, "--data", workspace / "data").code == 0
    outputs += [(p.name, p.read_text("utf-8")) for p in sorted(package.glob("*.csv"))]
    for name, text in outputs:
        assert QUOTED_CELLS.fullmatch(text), (name, text[:500])
        assert all(csv.reader(io.StringIO(text))), name
        for line in text.splitlines():
            for separator in ",;\t":
                for piece in line.split(separator):
                    assert not FORMULA_START.match(piece), (name, separator, piece, line)
