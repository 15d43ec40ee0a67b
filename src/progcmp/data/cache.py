"""A cache of parsed, validated files, so that a run over unchanged data skips YAML altogether.

One SQLite file per data folder (standard library ``sqlite3``), in the user's cache folder,
never in the data folder. It works like git's index:

- **What is trusted.** Each entry records the file's size, modification and change times (ns),
  inode and SHA-256, and the wall-clock time at which the run that recorded it started. A file
  whose ``stat`` still gives the same four figures, and whose modification time is older than
  that start by more than :data:`RACY_NS` (the coarsest timestamp granularity of common file
  systems, plus margin), is taken as unchanged without being read. A file modified within that
  window of the recording ("racily clean": a later edit in the same clock tick would keep the
  same times), or whose time is in the future (clock skew), is read and its SHA-256 compared on
  every run, until a run that verified it starts late enough for its time to be safely past.
- **An index.** The ids, names, aliases (also folded) of all candidates are kept apart from
  their data, so that a command about two candidates reads the index and two entries
  (:func:`progcmp.data.loader.load_named`), not 10,000.
- **Untrusted input.** The cache file is read only if it is a regular file owned by the user,
  under the size limit, in a folder owned by the user that no one else may write to (as ssh
  checks its keys; on a platform without file owners this check is skipped). Its schema must be
  exactly ours, its format, code key and data folder ours. Each entry's data must match the
  digest recorded in the index (an edited entry is never served), and is checked for types and
  shapes as it is decoded; any mismatch drops the entry and the file is read instead. Nothing
  is ever unpickled: entries are JSON.
- **Writes.** A new or foreign cache is built in a temporary file renamed into place; a valid one
  is updated in place in one transaction. Entries are only used with the same version of the
  loader code, and candidate entries only with the same catalogue. Files with problems are never
  cached: they are read again, and their problems reported, on every run.

Where: ``$PROGCMP_CACHE_DIR`` if set, else the platform's cache folder (``$XDG_CACHE_HOME`` or
``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows) plus
``progcmp``. ``PROGCMP_NO_CACHE=1`` (or ``--no-cache``) turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import json.scanner
import os
import sqlite3
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .._version import __version__
from ..model import (
    DEFAULT_LANGUAGE,
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
    Stance,
    Status,
    Theme,
)

CACHE_ENV = "PROGCMP_CACHE_DIR"
NO_CACHE_ENV = "PROGCMP_NO_CACHE"
FORMAT = 6  # the layout of the cache file; the code key below covers the rest
SUFFIX = ".sqlite"
# A file modified less than this before the run that recorded it started is re-hashed: FAT
# keeps times to 2 s, most others to 1 s or finer; the margin also absorbs a little clock skew.
RACY_NS = 3_000_000_000
# 10,000 candidate files make about 120 MB; a cache file over this is not opened.
MAX_CACHE_BYTES = 2 * 1024**3
# One entry's data: a candidate file is at most 5 MiB of YAML, its JSON no more than twice that.
MAX_ENTRY_BYTES = 16 * 1024**2
# Any one value SQLite will read: the index is the largest, about 300 bytes a file.
MAX_VALUE_BYTES = 64 * 1024**2
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
_SCHEMA = (
    ("table", "meta", "CREATE TABLE meta (key TEXT PRIMARY KEY, value)"),
    ("index", "sqlite_autoindex_meta_1", None),
    ("table", "entries", "CREATE TABLE entries (id INTEGER PRIMARY KEY, data BLOB NOT NULL)"),
)
CATALOGUE = "themes.yaml"  # the catalogue's name in the index; candidates are "election/file"
_scan = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]  # C if any

FileKey = tuple[int, int, int, int, str]  # size, mtime (ns), ctime (ns), inode, SHA-256
# A catalogue's domain words (or a theme's keywords): per language tag, its words.
Domain = tuple[tuple[str, tuple[str, ...]], ...]
Folded = tuple[str, ...]  # a candidate's id, name and aliases as text.fold makes them


class _Bad(Exception):
    """A cache entry that is not what this code writes."""


def default_dir() -> Path | None:
    """The cache folder from the environment and platform, or None if caching is off (or no
    folder can be found: no ``HOME`` and no user entry, say)."""
    if os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    if explicit := os.environ.get(CACHE_ENV):
        return Path(explicit)
    try:
        if sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA")
            base = Path(local) if local else Path.home() / "AppData" / "Local"
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Caches"
        else:
            xdg = os.environ.get("XDG_CACHE_HOME", "")
            base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    except (RuntimeError, KeyError, OSError):  # no home folder to be found: no cache
        return None
    return base / "progcmp"


def file_key(raw: bytes, info: os.stat_result) -> FileKey:
    return (*_stat_key(info), hashlib.sha256(raw).hexdigest())


def _stat_key(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _code_key() -> str:
    digest = hashlib.sha256(f"{FORMAT} {__version__}".encode())
    here = Path(__file__).parent.parent  # progcmp/
    for name in _CODE:
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # e.g. run from a zip: the version alone then decides
            digest.update(name.encode())
    return digest.hexdigest()


def private_folder(folder: Path) -> bool:
    """True if ``folder`` is a folder of the user's that no one else can write to, and each
    folder above it is the user's or root's and not writable by others (a shared folder with
    the sticky bit, such as /tmp, is fine above it: others cannot move what is in it).

    Always true where the platform has no file owners (Windows)."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        return True
    uid = geteuid()
    try:
        info = os.stat(folder)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid or info.st_mode & 0o022:
            return False
        for parent in Path(os.path.abspath(folder)).parents:
            above = os.stat(parent)
            if above.st_uid not in (uid, 0):
                return False
            if above.st_mode & 0o022 and not above.st_mode & stat.S_ISVTX:
                return False
    except (OSError, ValueError):
        return False
    return True


def _own_regular_file(info: os.stat_result) -> bool:
    geteuid = getattr(os, "geteuid", None)
    return (
        stat.S_ISREG(info.st_mode)
        and (geteuid is None or info.st_uid == geteuid())
        and info.st_size <= MAX_CACHE_BYTES
    )


class Store:
    """The cache of one data folder, for one run: look up entries, record new ones, save.

    ``headers``: candidates are served without their lists (sources, proposals, annotations,
    assessments; see :meth:`full`), for a command that then needs only a few of them.
    """

    def __init__(self, folder: Path, root: Path, *, headers: bool = False) -> None:
        self.started = time.time_ns()  # before any data file is looked at
        self.root = root.resolve()
        self.folder = folder
        digest = hashlib.sha256(os.fsencode(self.root)).hexdigest()[:20]
        self.path = folder / f"data-{digest}{SUFFIX}"
        self.headers = headers
        self.code = _code_key()
        self.db: sqlite3.Connection | None = None
        self.old: dict[str, Any] = {}  # the index read: name -> entry (a list, unchecked)
        self.new: dict[str, list[Any]] = {}  # the index to write: entries used or made
        self.rows: dict[int, bytes] = {}  # entry data, read at once for a whole load
        self.pending: dict[str, bytes] = {}  # data of new entries, by name
        self.folded: dict[str, Folded] = {}  # every candidate's folded names, by path shown
        self.served: dict[str, Candidate] = {}  # headers served, by path shown
        self.catalogue: str | None = None  # SHA-256 of the catalogue the candidates rest on
        self.dirty = False
        self.usable = not _inside(folder, self.root)  # never write into the data folder
        if self.usable:
            self.usable = not os.path.lexists(folder) or private_folder(folder)
        if self.usable:
            self._open()

    # --- reading the cache file ---------------------------------------------------------------

    def _open(self) -> None:
        """Open the cache file if it is safe and ours; else leave it to be replaced."""
        try:
            before = os.lstat(self.path)
        except OSError:
            return
        if not _own_regular_file(before):
            return  # a FIFO, a link, a device, someone else's or a huge file: never read
        db = None
        try:
            db = sqlite3.connect(os.fsencode(self.path), timeout=0.5, isolation_level=None)
            after = os.lstat(self.path)
            if (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino):
                raise _Bad("swapped while opening")
            db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
            db.execute("PRAGMA trusted_schema = OFF")
            db.execute("PRAGMA cell_size_check = ON")
            schema = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY rowid")
            if tuple(schema.fetchall()) != _SCHEMA:
                raise _Bad("not our schema")
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if (
                meta.get("format") != FORMAT
                or meta.get("code") != self.code
                or meta.get("root") != os.fsencode(self.root)
            ):
                raise _Bad("another version or folder")
            index = json.loads(meta.get("index") or "")
            if not isinstance(index, dict):
                raise _Bad("no index")
            if not self.headers:
                self.rows = dict(db.execute("SELECT id, data FROM entries").fetchall())
        except (sqlite3.Error, OSError, ValueError, TypeError, _Bad):
            if db is not None:
                db.close()
            self.rows = {}
            return
        self.db, self.old = db, index

    def _entry(self, name: str, info: os.stat_result) -> list[Any] | None:
        """The index entry for a file whose status is ``info``, if well formed and made from
        exactly this file as far as its status tells."""
        entry = self.old.get(name)
        if entry.__class__ is not list or len(entry) != 10:
            return None
        size, mtime, ctime, inode, seen, sha, catalogue, row, digest, _ = entry
        if (
            size != info.st_size
            or mtime != info.st_mtime_ns
            or ctime != info.st_ctime_ns
            or inode != info.st_ino
            or seen.__class__ is not int
            or row.__class__ is not int
            or sha.__class__ is not str
            or catalogue.__class__ is not str
            or digest.__class__ is not str
        ):
            return None
        return entry

    def _unchanged(self, name: str, entry: list[Any], path: Path) -> bool:
        """Whether the file still holds the bytes the entry was made from: told by its status
        alone unless it is racily clean, else by reading it and comparing its SHA-256."""
        if entry[1] + RACY_NS <= entry[4] <= self.started:  # (a later "seen": a clock set back)
            return True
        from .yamlio import read_file

        read = read_file(path, os.fspath(path))
        if isinstance(read, tuple) and file_key(*read) == (*entry[:4], entry[5]):
            entry = self.new.setdefault(name, list(entry))
            entry[4] = self.started  # verified now: safely past once time moves on
            self.dirty = True
            return True
        return False

    def _data(self, entry: list[Any]) -> Any:
        """An entry's decoded data, if it is what the index says was written (its digest)."""
        row = self.rows.pop(entry[7], None)  # each is decoded once: let it go
        if row is None and self.db is not None and self.headers:
            with contextlib.suppress(sqlite3.Error):
                found = self.db.execute("SELECT data FROM entries WHERE id = ?", (entry[7],))
                row = (found.fetchone() or (None,))[0]
        if (
            row.__class__ is not bytes
            or len(row) > MAX_ENTRY_BYTES
            or hashlib.sha256(row).hexdigest() != entry[8]
        ):
            raise _Bad("edited or missing")
        # The scanner itself, without json.loads's wrappers (encoding detection, white space):
        # what this code writes is compact UTF-8 JSON, and anything else is refused.
        try:
            text = row.decode("utf-8")
            value, end = _scan(text, 0)
        except StopIteration:  # not even the start of a JSON value
            raise _Bad("not JSON") from None
        if end != len(text):
            raise _Bad("more than one value")
        return value

    @staticmethod
    def _name(path: Path) -> str:
        """A candidate file's name in the cache: ``election/file`` (where the loader finds it)."""
        return f"{path.parent.name}/{path.name}"

    # --- the catalogue --------------------------------------------------------------------------

    def get_themes(
        self, path: Path, info: os.stat_result
    ) -> tuple[dict[str, Theme], Domain] | None:
        """The catalogue (themes by id, domain words) if cached for exactly this file; else
        None (and every candidate entry is set aside: they were checked against another)."""
        if self.usable and (entry := self._entry(CATALOGUE, info)) is not None:
            try:
                if entry[9] is not None or not self._unchanged(CATALOGUE, entry, path):
                    raise _Bad("changed")
                rows, words = _list(self._data(entry), 2)
                themes = {t.id: t for t in map(_theme, _list(rows))}
                domain = _per_language(words)
            except (_Bad, ValueError, TypeError, IndexError, KeyError, RecursionError):
                pass
            else:
                self.new.setdefault(CATALOGUE, entry)
                self.catalogue = entry[5]
                return themes, domain
        return None

    def put_themes(self, key: FileKey, themes: dict[str, Theme], domain: Domain) -> None:
        if self.usable:
            row = [[_theme_row(t) for t in themes.values()], domain]
            self._put(CATALOGUE, key, None, row)
            self.catalogue = key[4]

    # --- candidates -----------------------------------------------------------------------------

    def get(self, path: Path, info: os.stat_result, shown: str) -> Candidate | None:
        """The candidate if cached for exactly this file (a header only, in ``headers`` mode),
        else None."""
        if not self.usable or self.catalogue is None:
            return None
        folder, file_name = os.path.split(shown)  # (as _name, without making Path objects)
        name = f"{os.path.basename(folder)}/{file_name}"
        entry = self._entry(name, info)
        if entry is None or entry[6] != self.catalogue:
            return None
        try:
            head = _head(entry[9])
            if not self._unchanged(name, entry, path):
                return None
            if self.headers:
                candidate = self.served[shown] = _header(head, shown)
            else:
                candidate = _candidate(self._data(entry), shown)
                if _names(candidate) != head[:9]:
                    return None  # the index and the data disagree
        except (_Bad, ValueError, TypeError, IndexError, KeyError, RecursionError):
            return None
        self.new.setdefault(name, entry)
        self.folded[shown] = head[9]
        return candidate

    def is_header(self, candidate: Candidate) -> bool:
        """Whether ``candidate`` is a header served by :meth:`get`, without its data."""
        return self.served.get(candidate.path) is candidate

    def full(self, header: Candidate) -> Candidate | None:
        """The whole candidate that a header (from :meth:`get`) stands for, or None if its
        entry cannot be used after all (the file is then to be read)."""
        entry = self.new.get(self._name(Path(header.path)))
        if entry is None or entry[9] is None:
            return None
        try:
            candidate = _candidate(self._data(entry), header.path)
        except (_Bad, ValueError, TypeError, IndexError, KeyError, RecursionError):
            return None
        return candidate if _names(candidate) == _names(header) else None

    def put(self, path: Path, key: FileKey, candidate: Candidate, folded: Folded) -> None:
        if self.usable and self.catalogue is not None:
            head = [
                candidate.id,
                candidate.name,
                candidate.party,
                candidate.election,
                list(candidate.aliases),
                candidate.status.value,
                candidate.kind.value,
                candidate.leader,
                candidate.ballot,
                list(folded),
            ]
            self._put(self._name(path), key, head, _candidate_row(candidate))
            self.folded[candidate.path] = folded

    def _put(self, name: str, key: FileKey, head: list[Any] | None, row: list[Any]) -> None:
        try:
            data = json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (ValueError, TypeError):  # not expected of validated data; not worth a failure
            return
        if len(data) > MAX_ENTRY_BYTES:
            return
        digest = hashlib.sha256(data).hexdigest()
        catalogue = "" if head is None else self.catalogue or ""
        self.new[name] = [*key[:4], self.started, key[4], catalogue, -1, digest, head]
        self.pending[name] = data
        self.dirty = True

    # --- writing --------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the entries used or made in this run, if anything changed (best effort: a
        cache that cannot be written is simply not written). The file stays open for
        :meth:`full` until :meth:`close`."""
        if not self.usable or self.catalogue is None:
            return
        if not self.dirty and self.new.keys() == self.old.keys():
            return
        with contextlib.suppress(sqlite3.Error, OSError, ValueError, TypeError):
            if self.db is not None:
                self._update(self.db)
            else:
                self._create()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def _write(self, db: sqlite3.Connection) -> None:
        """Insert the new entries' data, point the index at it, drop what nothing points at."""
        for name, data in self.pending.items():
            found = db.execute("INSERT INTO entries (data) VALUES (?)", (data,))
            self.new[name][7] = found.lastrowid
        index = json.dumps(self.new, separators=(",", ":"))  # ASCII: file names may not be UTF-8
        db.execute("INSERT OR REPLACE INTO meta VALUES ('index', ?)", (index,))
        kept = {entry[7] for entry in self.new.values()}
        stale = [(i,) for (i,) in db.execute("SELECT id FROM entries") if i not in kept]
        db.executemany("DELETE FROM entries WHERE id = ?", stale)

    def _update(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            self._write(db)
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    def _create(self) -> None:
        """Build a new cache file beside the old one, then rename it into place."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not private_folder(self.folder):
            return
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".data-", suffix=".tmp")
        os.close(fd)
        try:
            db = sqlite3.connect(os.fsencode(tmp), isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode = OFF")  # a new file: nothing to roll back to
                db.execute("PRAGMA synchronous = OFF")
                db.execute("BEGIN")
                for _, _, sql in _SCHEMA:
                    if sql is not None:
                        db.execute(sql)
                db.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [("format", FORMAT), ("code", self.code), ("root", os.fsencode(self.root))],
                )
                self._write(db)
                db.execute("COMMIT")
            finally:
                db.close()
            # A journal left by an older file would be played back into this one.
            for leftover in (f"{self.path}-journal", self.path.with_suffix(".json")):
                with contextlib.suppress(OSError):
                    if _own_regular_file(os.lstat(leftover)):
                        os.unlink(leftover)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _inside(folder: Path, root: Path) -> bool:
    folder = Path(os.path.abspath(folder)).resolve()
    return folder == root or root in folder.parents


# --- rows: the models as compact JSON lists, checked as they are read back ----------------------
#
# A row read back is input like any other: every value's type and every list's length is
# checked (a mismatch raises, and the entry is not used). Checks are written out, not driven by
# a schema: this runs for every proposal of every cached file.


def _list(value: Any, length: int | None = None) -> list[Any]:
    if value.__class__ is not list or (length is not None and len(value) != length):
        raise _Bad("not a list of the right length")
    return value


def _text(value: Any) -> str:
    if value.__class__ is not str:
        raise _Bad("not text")
    return value


def _optional(value: Any) -> str | None:
    if value is not None and value.__class__ is not str:
        raise _Bad("not text")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if value.__class__ is not list:
        raise _Bad("not a list")
    for v in value:
        if v.__class__ is not str:
            raise _Bad("not text")
    return tuple(value)


def _head(head: Any) -> tuple[Any, ...]:
    """A candidate's header from the index, checked: id, name, party, election, aliases,
    status, kind, leader, ballot (the fields of a Candidate but its lists), then its folded
    names."""
    i, name, party, election, aliases, status, kind, leader, ballot, folded = _list(head, 10)
    if ballot is not None and ballot.__class__ is not int:
        raise _Bad("not a number")
    return (
        _text(i),
        _text(name),
        _text(party),
        _text(election),
        _texts(aliases),
        _STATUS[_text(status)],
        _CONTENDERS[_text(kind)],
        _optional(leader),
        ballot,
        _texts(folded),
    )


def _names(c: Candidate) -> tuple[Any, ...]:
    """What a header holds of a candidate (see :func:`_head`)."""
    return c.id, c.name, c.party, c.election, c.aliases, c.status, c.kind, c.leader, c.ballot


def _header(head: tuple[Any, ...], path: str) -> Candidate:
    """A candidate with its names but without its lists, for name resolution."""
    i, name, party, election, aliases, status, kind, leader, ballot, _ = head
    # As _candidate builds it (a draft given its class): one for each of 10,000 files.
    candidate = _new(_CandidateDraft)
    candidate.id = i
    candidate.name = name
    candidate.party = party
    candidate.election = election
    candidate.path = path
    candidate.aliases = aliases
    candidate.status = status
    candidate.note = None
    candidate.sources = candidate.reviewed = candidate.proposals = ()
    candidate.annotations = candidate.assessments = ()
    candidate.kind = kind
    candidate.leader = leader
    candidate.ballot = ballot
    candidate.language = DEFAULT_LANGUAGE
    candidate.__class__ = Candidate
    result: Candidate = candidate
    return result


def _theme_row(t: Theme) -> list[Any]:
    return [
        t.id,
        t.language,
        t.label.texts,
        t.description.texts,
        t.keywords,
        [[b.keywords, b.goes_to, b.unless] for b in t.boundaries],
    ]


def _theme(r: Any) -> Theme:
    i, language, label, text, keywords, rules = _list(r, 6)
    return Theme(
        _text(i),
        _localized(label, _text(language)),
        _localized(text, _text(language)),
        _per_language(keywords),
        tuple(_boundary(b) for b in _list(rules)),
    )


def _localized(r: Any, language: str) -> Localized:
    """Texts per language tag, checked as read: pairs of non-empty texts."""
    texts = tuple((_text(lang), _text(value)) for lang, value in map(_pair, _list(r)))
    if not texts:
        raise _Bad("no text")
    return Localized(texts, language)


def _per_language(r: Any) -> Domain:
    return tuple((_text(lang), _texts(words)) for lang, words in map(_pair, _list(r)))


def _pair(r: Any) -> tuple[Any, Any]:
    first, second = _list(r, 2)
    return first, second


def _boundary(r: Any) -> Boundary:
    keywords, goes_to, unless = _list(r, 3)
    return Boundary(_texts(keywords), _text(goes_to), _texts(unless))


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
        [
            [
                p.id,
                p.themes,
                p.summary,
                p.source,
                p.quote,
                p.locator,
                p.note,
                p.stance and p.stance.value,
                p.text,
            ]
            for p in c.proposals
        ],
        [
            [a.theme, a.kind.value, a.note, a.source, a.stance and a.stance.value]
            for a in c.annotations
        ],
        [[a.id, a.author, a.source, a.themes, a.summary, a.quote] for a in c.assessments],
        c.kind.value,
        c.leader,
        c.ballot,
    ]


_STATUS = {s.value: s for s in Status}
_KINDS = {k.value: k for k in SourceKind}
_GAPS = {k.value: k for k in GapKind}
_CONTENDERS = {k.value: k for k in ContenderKind}
_READ: dict[Any, Reading | None] = {None: None, **{r.value: r for r in Reading}}
_STANCES: dict[Any, Stance | None] = {None: None, **{s.value: s for s in Stance}}


# Proposals and sources are most of the objects a load makes, and a candidate has 17 fields:
# they are built without calling the dataclass's __init__, whose frozen-class assignments
# (object.__setattr__ by name, one per field) cost several times a plain attribute store. Each
# is made as an instance of a plain class with exactly the same slots (a "draft", whose
# attributes are stored directly), then given its frozen class: the same frozen instance as
# __init__ makes (no __post_init__ to run), a third faster than setting each slot through its
# descriptor, which it replaced. benchmarks/run.py (row 9b) measures the difference.
_new = object.__new__


def _draft(cls: Any, fields: str) -> Any:
    """A plain class with ``cls``'s slots, whose instances may become ``cls`` instances.

    ``fields``: the fields the code below sets, every one: a field added to the model fails
    here, at import, rather than leaving a slot unset."""
    if tuple(cls.__slots__) != tuple(fields.split()):
        raise TypeError(f"{cls.__name__}'s fields changed: update progcmp.data.cache")
    draft = type(f"_{cls.__name__}Draft", (), {"__slots__": cls.__slots__})
    probe: Any = _new(draft)
    probe.__class__ = cls  # TypeError here too if the layouts ever differ
    return draft


_SourceDraft: Any = _draft(Source, "id title url kind publisher date note archived accessed read")
_ProposalDraft: Any = _draft(Proposal, "id themes summary source quote locator note stance text")
_CandidateDraft: Any = _draft(
    Candidate,
    "id name party election path aliases status note sources reviewed proposals annotations "
    "assessments kind leader ballot language",
)


def _source(s: Any) -> Source:
    if s.__class__ is not list or len(s) != 10:
        raise _Bad("not a source")
    i, title, url, kind, publisher, date, note, archived, accessed, read = s
    if not (
        i.__class__ is str
        and title.__class__ is str
        and url.__class__ is str
        and (publisher is None or publisher.__class__ is str)
        and (date is None or date.__class__ is str)
        and (note is None or note.__class__ is str)
        and (archived is None or archived.__class__ is str)
        and (accessed is None or accessed.__class__ is str)
        and (read is None or read.__class__ is str)
        and kind.__class__ is str
    ):
        raise _Bad("not a source")
    source = _new(_SourceDraft)
    source.id = i
    source.title = title
    source.url = url
    source.kind = _KINDS[kind]
    source.publisher = publisher
    source.date = date
    source.note = note
    source.archived = archived
    source.accessed = accessed
    source.read = _READ[read]
    source.__class__ = Source
    result: Source = source
    return result


def _proposal(p: Any) -> Proposal:
    if p.__class__ is not list or len(p) != 9:
        raise _Bad("not a proposal")
    i, themes, summary, source, quote, locator, note, stance, text = p
    if not (
        i.__class__ is str
        and summary.__class__ is str
        and source.__class__ is str
        and (quote is None or quote.__class__ is str)
        and (locator is None or locator.__class__ is str)
        and (note is None or note.__class__ is str)
        and (text is None or text.__class__ is str)
        and themes.__class__ is list
    ):
        raise _Bad("not a proposal")
    for theme in themes:
        if theme.__class__ is not str:
            raise _Bad("not text")
    proposal = _new(_ProposalDraft)
    proposal.id = i
    proposal.themes = tuple(themes)
    proposal.summary = summary
    proposal.source = source
    proposal.quote = quote
    proposal.locator = locator
    proposal.note = note
    proposal.stance = _STANCES[stance]
    proposal.text = text
    proposal.__class__ = Proposal
    result: Proposal = proposal
    return result


def _annotation(a: Any) -> Annotation:
    theme, kind, note, source, stance = _list(a, 5)
    return Annotation(
        _text(theme), _GAPS[_text(kind)], _text(note), _optional(source), _STANCES[stance]
    )


def _assessment(a: Any) -> Assessment:
    i, author, source, themes, summary, quote = _list(a, 6)
    return Assessment(
        _text(i), _text(author), _text(source), _texts(themes), _text(summary), _optional(quote)
    )


def _candidate(r: Any, path: str) -> Candidate:
    (
        i,
        name,
        party,
        election,
        aliases,
        status,
        note,
        sources,
        reviewed,
        proposals,
        annotations,
        assessments,
        kind,
        leader,
        ballot,
    ) = _list(r, 15)
    if ballot is not None and ballot.__class__ is not int:
        raise _Bad("not a number")
    candidate = _new(_CandidateDraft)
    candidate.id = _text(i)
    candidate.name = _text(name)
    candidate.party = _text(party)
    candidate.election = _text(election)
    candidate.path = path
    candidate.aliases = _texts(aliases)
    candidate.status = _STATUS[_text(status)]
    candidate.note = _optional(note)
    candidate.sources = tuple(map(_source, _list(sources)))
    candidate.reviewed = _texts(reviewed)
    candidate.proposals = tuple(map(_proposal, _list(proposals)))
    candidate.annotations = tuple(map(_annotation, _list(annotations)))
    candidate.assessments = tuple(map(_assessment, _list(assessments)))
    candidate.kind = _CONTENDERS[_text(kind)]
    candidate.leader = _optional(leader)
    candidate.ballot = ballot
    candidate.language = DEFAULT_LANGUAGE  # the loader gives it its catalogue's
    candidate.__class__ = Candidate
    result: Candidate = candidate
    return result
