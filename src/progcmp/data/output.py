"""Finding the data, and writing output files safely.

Writes go to a temporary file in the target's folder, then replace the target in one rename,
so a crash or a concurrent run never leaves a torn file, and an existing file is only
replaced with ``force``. No write ever replaces a file that was read (every reader of this
package notes what it read, by device and inode) nor a file of a data folder it is told of.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..model.errors import OutputError

DATA_ENV = "PROGCMP_DATA"
DATA_SUFFIXES = (".yaml", ".yml")  # what the loader reads: never written into a data folder

FileId = tuple[int, int]  # (device, inode): one file, whatever its names and links
# Every file read since forget_reads(), with the name it was read by: a write never replaces
# one of them (`gaps --agenda a.yaml -o a.yaml --force` would destroy the agenda it measured).
_read: dict[FileId, str] = {}


def note_read(info: os.stat_result, shown: str) -> None:
    """Record that a file (the status of the opened file) was read, by the name ``shown``."""
    _read.setdefault((info.st_dev, info.st_ino), shown)


def forget_reads() -> None:
    """Forget the files read so far (the CLI calls it at the start of each run)."""
    _read.clear()


def data_root(explicit: Path | None = None) -> Path:
    """Where the data comes from: ``--data``, then ``$PROGCMP_DATA``, then ``./programmes``,
    then the dataset shipped with the package."""
    if explicit is not None:
        return explicit
    if env := os.environ.get(DATA_ENV):
        return Path(env)
    local = Path("programmes")
    if (local / "themes.yaml").is_file():
        return local
    return bundled_data()


def bundled_data() -> Path:
    """The shipped dataset: inside the installed package, or beside the sources in a checkout."""
    package = Path(__file__).resolve().parent.parent  # progcmp/, above progcmp/data/
    installed = package / "programmes"
    return installed if installed.is_dir() else package.parent.parent / "programmes"


def write_file(
    path: Path,
    text: str | bytes,
    *,
    force: bool = False,
    data_roots: Iterable[Path] = (),
    new_data: bool = False,
) -> None:
    """Write ``text`` as UTF-8 (or bytes as they are: a binary format) to ``path`` atomically.

    The text goes to a temporary file in the same folder, is flushed to disk, gets the mode
    the umask gives new files, and then takes the target's name in one step: a crash, an error
    or a concurrent run never leaves a torn file, and no temporary file is left behind. Without
    ``force`` that last step is a hard link, which fails if the name appeared meanwhile (two
    runs at once: the second refuses); where the file system has no hard links, a rename after
    the existence check.

    Even with ``force``, a symbolic link is never replaced nor written through (it may point
    anywhere: the user names the real file), and nothing but a regular file is ever replaced
    (``/dev/null`` or a FIFO would be swapped for a file). Nor is a file that was read (see
    :func:`note_read`) or a file in one of ``data_roots`` ever replaced, and no new ``.yaml``
    file is put in a data folder (it would be read as data) unless ``new_data``: see
    :func:`check_target`.

    Characters UTF-8 cannot hold (lone surrogates, which stand for the undecodable bytes of a
    command-line argument or a file name) are written ``?``, as on the standard output.

    Raises:
        OutputError: if the file exists and ``force`` is false, the path is a link, a folder
            or another non-regular file, a file that was read or a data file, the folder is
            missing, or the write fails (the old file, if any, is then untouched).
    """
    check_target(path, force=force, data_roots=data_roots, new_data=new_data)
    data = text if isinstance(text, bytes) else text.encode("utf-8", "replace")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; follow the umask like open()
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # already gone after a rename; the temporary name after a link


def check_target(
    path: Path, *, force: bool, data_roots: Iterable[Path] = (), new_data: bool = False
) -> None:
    """Refuse what :func:`write_file` may not write, before anything is written.

    Raises:
        OutputError: see :func:`write_file`.
    """
    try:
        _check_target(path, force, list(data_roots), new_data)
    except OSError as exc:  # e.g. a name too long for the file system
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except RuntimeError as exc:  # a loop of symbolic links in a folder of the path
        raise OutputError(f"cannot write {path}: {exc}") from exc


def _check_target(path: Path, force: bool, roots: list[Path], new_data: bool) -> None:
    if path.is_symlink():
        raise OutputError(
            f"{path} is a symbolic link; progcmp never writes through or replaces a link "
            "(give the path of the file itself)"
        )
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name")
    if path.exists() and not path.is_file():
        raise OutputError(f"{path} is not a regular file; give the name of a file to write")
    if not path.parent.is_dir():
        if path.parent.exists():
            raise OutputError(f"{path.parent} is not a folder")
        raise OutputError(f"folder {path.parent} does not exist")
    _check_not_an_input(path, roots, new_data)
    if path.exists() and not force:
        raise _exists(path)


def _check_not_an_input(path: Path, roots: list[Path], new_data: bool) -> None:
    """Refuse a file that was read, a file of a data folder, and (unless ``new_data``) a new
    ``.yaml`` file in a data folder. Files are compared by device and inode, so neither
    another name (a hard link, a link to a folder, a case-insensitive file system) nor
    another mount of the same folder gets round it."""
    roots = [r for r in roots if r.is_dir()]
    info = os.stat(path) if path.exists() else None
    inside = next((r for r in roots if _within(path, r)), None)
    if inside is not None and (info is not None or path.suffix.lower() in DATA_SUFFIXES):
        if info is None and new_data:
            return
        if info is None or path.suffix.lower() in DATA_SUFFIXES:
            what = "is a data file" if info is not None else "would be read as data"
            raise OutputError(
                f"{path} {what} (it is in the data folder {inside}); "
                "progcmp never writes there: choose another name"
            )
        raise OutputError(
            f"{path} is a file of the data folder {inside}; progcmp never replaces one, "
            "even with --force: choose another name"
        )
    if info is None:
        return
    key = (info.st_dev, info.st_ino)
    never = "progcmp never replaces a file it reads, even with --force: choose another name"
    if (shown := _read.get(key)) is not None:
        if shown == os.fspath(path):
            raise OutputError(f"{path} is an input of this command; {never}")
        raise OutputError(
            f"{path} is the same file as {shown}, which is an input of this command; {never}"
        )
    for root in roots:
        if (name := _data_files(root).get(key)) is not None:
            raise OutputError(
                f"{path} is the same file as {name}, a file of the data folder {root}; "
                "progcmp never replaces one, even with --force: choose another name"
            )


def _within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is in ``folder``, by name or, for a case-insensitive file system or
    another mount of the same folder, by identity."""
    target = path.resolve()
    if target.is_relative_to(folder.resolve()):
        return True
    identity = folder.stat()
    return any(p.is_dir() and os.path.samestat(p.stat(), identity) for p in target.parents)


def _data_files(root: Path) -> dict[FileId, str]:
    """Every file under a data folder (links followed to their file), by identity."""
    found: dict[FileId, str] = {}
    for folder, _, names in os.walk(root):
        for name in names:
            full = os.path.join(folder, name)
            with contextlib.suppress(OSError):
                info = os.stat(full)
                found.setdefault((info.st_dev, info.st_ino), full)
    return found


def _link_new(tmp: str, path: Path) -> None:
    """Give the finished file its name only if that name is still free."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some network or FAT file systems)
        if path.exists() or path.is_symlink():
            raise FileExistsError(path) from None
        os.replace(tmp, path)


def _exists(path: Path) -> OutputError:
    return OutputError(f"{path} already exists; use --force to replace it")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# A folder --force may replace: one that holds this file, i.e. a package written before. Any
# other non-empty folder is refused even with --force (`-o ~ --force` must not empty a home).
FOLDER_MARK = "datapackage.json"


def write_folder(
    path: Path,
    files: dict[str, str | bytes],
    *,
    force: bool = False,
    data_roots: Iterable[Path] = (),
) -> None:
    """Write a folder of ``files`` (name: text) at ``path`` as one step.

    The files go, each by :func:`write_file`, into a temporary folder beside ``path``, which
    then takes its name in one rename: a crash or an error leaves no half-written folder.
    An existing empty folder is replaced; a non-empty one only with ``force`` and only if it
    holds a ``datapackage.json`` (a package written before). Never a link, a data folder, a
    folder inside or around one, nor a folder holding a file that was read.

    Raises:
        OutputError: for any of these refusals, or if a write fails (``path`` is then as it
            was).
    """
    roots = [r for r in data_roots if r.is_dir()]
    check_folder(path, force=force, data_roots=roots)
    try:
        tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    old: Path | None = None
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700; follow the umask like mkdir
        for name, text in files.items():
            write_file(tmp / name, text, data_roots=roots)
        if path.exists():
            old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
            os.replace(path, old)  # an empty folder (just made) is replaced by the old one
        try:
            os.rename(tmp, path)
        except OSError:
            if old is not None:
                os.replace(old, path)  # put the old folder back
                old = None
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def check_folder(path: Path, *, force: bool, data_roots: Iterable[Path] = ()) -> None:
    """Refuse what :func:`write_folder` may not write, before anything is written.

    Raises:
        OutputError: see :func:`write_folder`.
    """
    try:
        _check_folder(path, force, [r for r in data_roots if r.is_dir()])
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except RuntimeError as exc:  # a loop of symbolic links
        raise OutputError(f"cannot write {path}: {exc}") from exc


def _check_folder(path: Path, force: bool, roots: list[Path]) -> None:
    if path.is_symlink():
        raise OutputError(
            f"{path} is a symbolic link; progcmp never writes through or replaces a link "
            "(give the path of the folder itself)"
        )
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path} is not a folder; give the name of a folder to write")
    if not path.parent.is_dir():
        if path.parent.exists():
            raise OutputError(f"{path.parent} is not a folder")
        raise OutputError(f"folder {path.parent} does not exist")
    for root in roots:
        if _within(path, root) or (path.exists() and _within(root, path)):
            raise OutputError(
                f"{path} is or holds the data folder {root}; progcmp never writes there, "
                "even with --force: choose another folder"
            )
    if not path.exists():
        return
    if next(path.iterdir(), None) is None:
        return
    if not force:
        raise OutputError(f"{path} already exists and is not empty; use --force to replace it")
    if not (path / FOLDER_MARK).is_file():
        raise OutputError(
            f"{path} is not empty and holds no {FOLDER_MARK}; progcmp replaces only a package "
            "it wrote, even with --force: choose another folder"
        )
    never = "progcmp never replaces a file it reads, even with --force: choose another folder"
    for key, name in _data_files(path).items():
        if key in _read:
            raise OutputError(f"{path} holds {name}, an input of this command; {never}")
