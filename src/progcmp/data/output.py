"""Finding the data, and writing output files safely.

Writes go to a temporary file in the target's folder, then replace the target in one rename,
so a crash or a concurrent run never leaves a torn file, and an existing file is only
replaced with ``force``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..model.errors import OutputError

DATA_ENV = "PROGCMP_DATA"


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


def write_file(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically.

    The text goes to a temporary file in the same folder, is flushed to disk, gets the mode
    the umask gives new files, and then takes the target's name in one step: a crash, an error
    or a concurrent run never leaves a torn file, and no temporary file is left behind. Without
    ``force`` that last step is a hard link, which fails if the name appeared meanwhile (two
    runs at once: the second refuses); where the file system has no hard links, a rename after
    the existence check.

    Even with ``force``, a symbolic link is never replaced nor written through (it may point
    anywhere: the user names the real file), and nothing but a regular file is ever replaced
    (``/dev/null`` or a FIFO would be swapped for a file).

    Raises:
        OutputError: if the file exists and ``force`` is false, the path is a link, a folder
            or another non-regular file, the folder is missing, or the write fails (the old
            file, if any, is then untouched).
    """
    try:
        _check_target(path, force)
    except OSError as exc:  # e.g. a name too long for the file system
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    data = text.encode("utf-8")
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


def _check_target(path: Path, force: bool) -> None:
    """Refuse what may not be written, before anything is."""
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
    if path.exists() and not force:
        raise _exists(path)


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
