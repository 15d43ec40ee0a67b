"""A cache of parsed, validated files, so that a run over unchanged data skips YAML altogether.

One JSON file per data folder, in the user's cache folder (never in the data folder). An entry
holds a sound file's data, keyed by the file's path, size, modification time and SHA-256 of its
bytes: the bytes are read and hashed on every run, so any change to a file, even one that keeps
its size and time, makes it parsed and checked again. Entries are only used when the cache was
written by the same version of the same loader code, and candidate entries only with the same
catalogue. A cache file that cannot be read or understood is ignored and rewritten; writes go to
a temporary file renamed into place. Files with problems are never cached: they are read again,
and their problems reported, on every run.

Where: ``$PROGCMP_CACHE_DIR`` if set, else the platform's cache folder (``$XDG_CACHE_HOME`` or
``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows) plus
``progcmp``. ``PROGCMP_NO_CACHE=1`` (or ``--no-cache``) turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from .._version import __version__
from ..model import (
    Annotation,
    Assessment,
    Boundary,
    Candidate,
    ContenderKind,
    GapKind,
    Localized,
    Proposal,
    Reading,
    Source,
    SourceKind,
    Status,
    Theme,
)

CACHE_ENV = "PROGCMP_CACHE_DIR"
NO_CACHE_ENV = "PROGCMP_NO_CACHE"
FORMAT = 2  # the layout of the cache file; the code key below covers the rest
# The modules whose code decides what a file means: any change to them voids the cache.
_CODE = (
    "data/cache.py",
    "data/loader.py",
    "model/__init__.py",
    "data/schema.py",
    "text/__init__.py",
    "data/yamlio.py",
    "text/matching.py",
)

FileKey = tuple[int, int, str]  # size, modification time (ns), SHA-256 of the bytes
Domain = tuple[tuple[str, ...], tuple[str, ...]]  # the catalogue's domain words: French, English


def default_dir() -> Path | None:
    """The cache folder from the environment and platform, or None if caching is off."""
    if os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    if explicit := os.environ.get(CACHE_ENV):
        return Path(explicit)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else home / ".cache"
    return base / "progcmp"


def file_key(raw: bytes, info: os.stat_result) -> FileKey:
    return (info.st_size, info.st_mtime_ns, hashlib.sha256(raw).hexdigest())


def _code_key() -> str:
    digest = hashlib.sha256(f"{FORMAT} {__version__}".encode())
    here = Path(__file__).parent.parent  # progcmp/
    for name in _CODE:
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # e.g. run from a zip: the version alone then decides
            digest.update(name.encode())
    return digest.hexdigest()


class Store:
    """The cache of one data folder, for one run: look up entries, record new ones, save."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.root = root.resolve()
        self.path = folder / f"data-{hashlib.sha256(os.fsencode(self.root)).hexdigest()[:20]}.json"
        self.code = _code_key()
        self.old_themes: list[Any] | None = None
        self.old_files: dict[str, list[Any]] = {}
        self.themes: list[Any] | None = None
        self.files: dict[str, list[Any]] = {}
        self.dirty = False
        self.usable = not _inside(folder, self.root)  # never write into the data folder
        if self.usable:
            self._read()

    def _read(self) -> None:
        try:
            with open(self.path, encoding="utf-8") as handle:
                saved = json.load(handle)
            if (
                not isinstance(saved, dict)
                or saved.get("format") != FORMAT
                or saved.get("code") != self.code
                or saved.get("root") != os.fsdecode(self.root)
            ):
                return
            themes, files = saved.get("themes"), saved.get("files")
            if isinstance(themes, list) and isinstance(files, dict):
                self.old_themes, self.old_files = themes, files
        except (OSError, ValueError):  # missing, unreadable or corrupt: start afresh
            return

    @staticmethod
    def _name(path: Path) -> str:
        """A candidate file's name in the cache: ``election/file`` (where the loader finds it)."""
        return f"{path.parent.name}/{path.name}"

    # An entry is [size, mtime_ns, sha256, data]; the themes entry also gives the catalogue
    # digest that candidate entries were checked against.

    def get_themes(self, key: FileKey) -> tuple[dict[str, Theme], Domain] | None:
        """The catalogue (themes by id, domain words) if cached for exactly these bytes; else
        None (and every candidate entry is dropped: they were checked against another one)."""
        if not self.usable:
            return None
        entry = self.old_themes
        if entry is not None and tuple(entry[:3]) == key:
            with contextlib.suppress(TypeError, ValueError, IndexError, KeyError):
                themes = {row[0]: _theme(row) for row in entry[3]}
                domain = (tuple(entry[4]), tuple(entry[5]))
                self.themes = entry
                return themes, domain
        self.old_files = {}
        return None

    def put_themes(self, key: FileKey, themes: dict[str, Theme], domain: Domain) -> None:
        if self.usable:
            self.themes = [*key, [_theme_row(t) for t in themes.values()], *domain]
            self.dirty = True

    def get(self, path: Path, key: FileKey, shown: str) -> Candidate | None:
        """The candidate if cached for exactly these bytes, else None."""
        if not self.usable or self.themes is None:
            return None
        name = self._name(path)
        entry = self.old_files.get(name)
        if entry is None or tuple(entry[:3]) != key:
            return None
        try:
            candidate = _candidate(entry[3], shown)
        except (TypeError, ValueError, IndexError, KeyError):
            return None
        self.files[name] = entry
        return candidate

    def put(self, path: Path, key: FileKey, candidate: Candidate) -> None:
        if self.usable and self.themes is not None:
            self.files[self._name(path)] = [*key, _candidate_row(candidate)]
            self.dirty = True

    def save(self) -> None:
        """Write the entries used or made in this run, if anything changed (best effort)."""
        if not self.usable or self.themes is None:
            return
        if not self.dirty and self.files.keys() == self.old_files.keys():
            return
        payload = {
            "format": FORMAT,
            "code": self.code,
            "root": os.fsdecode(self.root),
            "themes": self.themes,
            "files": self.files,
        }
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".data-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise


def _inside(folder: Path, root: Path) -> bool:
    folder = Path(os.path.abspath(folder)).resolve()
    return folder == root or root in folder.parents


# --- rows: the models as compact JSON lists -----------------------------------------------------


def _theme_row(t: Theme) -> list[Any]:
    return [
        t.id,
        t.label.fr,
        t.label.en,
        t.description.fr,
        t.description.en,
        t.keywords_fr,
        t.keywords_en,
        [[b.keywords, b.goes_to, b.unless] for b in t.boundaries],
    ]


def _theme(r: list[Any]) -> Theme:
    boundaries = tuple(Boundary(tuple(k), g, tuple(u)) for k, g, u in r[7])
    return Theme(
        r[0], Localized(r[1], r[2]), Localized(r[3], r[4]), tuple(r[5]), tuple(r[6]), boundaries
    )


def _candidate_row(c: Candidate) -> list[Any]:
    return [
        c.id,
        c.name,
        c.party,
        c.election,
        c.aliases,
        c.status.value,
        c.note,
        [
            [
                *(s.id, s.title, s.url, s.kind.value, s.publisher, s.date, s.note),
                *(s.archived, s.accessed, s.read and s.read.value),
            ]
            for s in c.sources
        ],
        c.reviewed,
        [[p.id, p.themes, p.summary, p.source, p.quote, p.locator, p.note] for p in c.proposals],
        [[a.theme, a.kind.value, a.note, a.source] for a in c.annotations],
        [[a.id, a.author, a.source, a.themes, a.summary, a.quote] for a in c.assessments],
        c.kind.value,
        c.leader,
        c.ballot,
    ]


_STATUS = {s.value: s for s in Status}
_KINDS = {k.value: k for k in SourceKind}
_GAPS = {k.value: k for k in GapKind}
_CONTENDERS = {k.value: k for k in ContenderKind}
_READ: dict[str | None, Reading | None] = {None: None, **{r.value: r for r in Reading}}


def _candidate(r: list[Any], path: str) -> Candidate:
    # Positional arguments and list comprehensions: this runs for every cached file.
    return Candidate(
        r[0],
        r[1],
        r[2],
        r[3],
        path,
        tuple(r[4]),
        _STATUS[r[5]],
        r[6],
        tuple(
            [
                Source(s[0], s[1], s[2], _KINDS[s[3]], s[4], s[5], s[6], s[7], s[8], _READ[s[9]])
                for s in r[7]
            ]
        ),
        tuple(r[8]),
        tuple([Proposal(p[0], tuple(p[1]), p[2], p[3], p[4], p[5], p[6]) for p in r[9]]),
        tuple([Annotation(a[0], _GAPS[a[1]], a[2], a[3]) for a in r[10]]),
        tuple([Assessment(a[0], a[1], a[2], tuple(a[3]), a[4], a[5]) for a in r[11]]),
        _CONTENDERS[r[12]],
        r[13],
        r[14],
    )
