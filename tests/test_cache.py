"""The cache of parsed files, the loader's fast path, the progress bar, and the benchmark's corpus."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import json
import os
import shutil
import signal
import sqlite3
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from progcmp import DataError, load_dataset
from progcmp.data import cache as cache_module
from progcmp.data import yamlio
from progcmp.data.loader import _check, _sound, candidate_files, load_named
from progcmp.data.schema import CANDIDATE_FILE, THEMES_FILE
from progcmp.model import Candidate, Dataset
from progcmp.model.errors import UsageError
from progcmp.views.names import find_candidates

from .conftest import BUNDLED, INVALID, REPO, VALID, Run, examples


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(VALID, root)
    return root


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> object:
        raise AssertionError(f"parsed a file the cache holds:\n{text[:200]}")

    monkeypatch.setattr(yamlio, "parse_plain", refuse)
    monkeypatch.setattr("progcmp.data.loader.parse_plain", refuse)


def test_a_second_load_comes_from_the_cache_and_is_equal(
    data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uncached = load_dataset(data)
    first = load_dataset(data, cache=cache)
    assert [p.name for p in cache.iterdir()] == [Store_name(data)]
    _no_parsing(monkeypatch)
    second = load_dataset(data, cache=cache)
    assert second == first == uncached
    assert [c.path for c in second.candidates] == [c.path for c in first.candidates]


def test_the_bundled_data_comes_back_whole_boundary_rules_included(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "bundled"
    shutil.copytree(BUNDLED, root)
    uncached = load_dataset(root)
    assert any(t.boundaries for t in uncached.themes)
    load_dataset(root, cache=cache)
    _no_parsing(monkeypatch)
    assert load_dataset(root, cache=cache) == uncached


def Store_name(root: Path) -> str:
    return cache_module.Store(Path("/nonexistent"), root).path.name


def test_any_change_to_a_recent_file_is_seen_even_with_the_same_size_and_time(
    data: Path, cache: Path
) -> None:
    load_dataset(data, cache=cache)
    path = data / "fr-test-2027" / "zoe.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "Zoé Lefèvre" in text
    path.write_text(text.replace("Zoé Lefèvre", "Zoé Lefèbre"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    names = [c.name for c in load_dataset(data, cache=cache).candidates]
    assert "Zoé Lefèbre" in names and "Zoé Lefèvre" not in names


def test_a_new_catalogue_voids_the_candidates_entries(data: Path, cache: Path) -> None:
    load_dataset(data, cache=cache)
    themes = data / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    themes.write_text(text.replace("id: open-government", "id: open-gov"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data, cache=cache)
    assert any("unknown theme 'open-government'" in p.message for p in caught.value.problems)


def test_files_with_problems_are_never_cached(tmp_path: Path, cache: Path) -> None:
    root = tmp_path / "invalid"
    shutil.copytree(INVALID, root)
    with pytest.raises(DataError) as first:
        load_dataset(root, cache=cache)
    with pytest.raises(DataError) as second:
        load_dataset(root, cache=cache)
    assert second.value.problems == first.value.problems
    assert len(first.value.problems) == 3


# --- helpers: the cache file is SQLite; tests read and tamper with it the way a user could ------


def _path(data: Path, cache: Path) -> Path:
    return cache / Store_name(data)


def _db(data: Path, cache: Path) -> sqlite3.Connection:
    return sqlite3.connect(_path(data, cache), isolation_level=None)


def _index(data: Path, cache: Path) -> dict[str, list[Any]]:
    with contextlib.closing(_db(data, cache)) as db:
        found = json.loads(db.execute("SELECT value FROM meta WHERE key = 'index'").fetchone()[0])
    assert isinstance(found, dict)
    return found


def _set_index(data: Path, cache: Path, index: dict[str, list[Any]]) -> None:
    with contextlib.closing(_db(data, cache)) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'index'", (json.dumps(index),))


def _entry_data(data: Path, cache: Path, name: str) -> Any:
    row = _index(data, cache)[name][7]
    with contextlib.closing(_db(data, cache)) as db:
        return json.loads(db.execute("SELECT data FROM entries WHERE id = ?", (row,)).fetchone()[0])


def _set_entry_data(
    data: Path, cache: Path, name: str, value: Any, *, fix_digest: bool = True
) -> None:
    """Replace an entry's data; with ``fix_digest``, as someone who knows the format would."""
    index = _index(data, cache)
    raw = json.dumps(value).encode()
    with contextlib.closing(_db(data, cache)) as db:
        db.execute("UPDATE entries SET data = ? WHERE id = ?", (raw, index[name][7]))
    if fix_digest:
        index[name][8] = hashlib.sha256(raw).hexdigest()
        _set_index(data, cache, index)


def _age(root: Path, seconds: int = 3600) -> None:
    """Make every file of a data folder look modified ``seconds`` ago (past the racy window)."""
    then = time.time_ns() - seconds * 10**9
    for path in root.rglob("*.yaml"):
        os.utime(path, ns=(then, then))


ZOE = "fr-test-2027/zoe.yaml"


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Count the data files read (their bytes, not their status)."""
    read: list[Path] = []
    real = yamlio.read_file

    def counting(path: Path, shown: str) -> Any:
        read.append(path)
        return real(path, shown)

    monkeypatch.setattr(yamlio, "read_file", counting)
    monkeypatch.setattr("progcmp.data.loader.read_file", counting)
    return read


# --- trusting status data, the way git's index does ---------------------------------------------


def test_files_older_than_the_racy_window_are_trusted_by_status_and_not_read(
    data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _age(data)
    first = load_dataset(data, cache=cache)
    read = _no_reading(monkeypatch)
    _no_parsing(monkeypatch)
    assert load_dataset(data, cache=cache) == first
    assert read == []


def test_racily_clean_files_are_hashed_until_a_later_run_verifies_them(
    data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _age(data, 0)  # just modified: within the window of the run that records them
    first = load_dataset(data, cache=cache)
    started = {n: e[4] for n, e in _index(data, cache).items()}
    read = _no_reading(monkeypatch)
    _no_parsing(monkeypatch)
    assert load_dataset(data, cache=cache) == first
    assert len(read) == 4  # the catalogue and the three candidate files: hashed, not parsed
    later = _index(data, cache)
    assert all(later[n][4] > started[n] for n in started)  # re-stamped by the run that verified


def _same_status_edit(path: Path, old: str, new: str) -> None:
    """Edit a file keeping its size and modification time, as an edit within one clock tick
    does (the change time cannot be set back: the caller puts it in the cache's entry)."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old.encode()) == len(new.encode())
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


def _as_if_same_tick(data: Path, cache: Path, name: str) -> None:
    """Make the cache's entry hold the file's current status (size, times, inode), as it
    would if the edit had happened in the same clock tick as the recording."""
    info = (data / name).stat()
    index = _index(data, cache)
    index[name][:4] = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    _set_index(data, cache, index)


def test_an_edit_within_the_granularity_keeping_size_and_times_is_seen(
    data: Path, cache: Path
) -> None:
    _age(data, 0)
    load_dataset(data, cache=cache)
    _same_status_edit(data / ZOE, "Zoé Lefèvre", "Zoé Lefèbre")
    _as_if_same_tick(data, cache, ZOE)
    names = [c.name for c in load_dataset(data, cache=cache).candidates]
    assert "Zoé Lefèbre" in names and "Zoé Lefèvre" not in names


def test_a_file_dated_in_the_future_is_hashed_on_every_run(
    data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clock skew (a network share's clock ahead of ours): never trusted by status."""
    _age(data)
    future = time.time_ns() + 86_400 * 10**9
    os.utime(data / ZOE, ns=(future, future))
    load_dataset(data, cache=cache)
    load_dataset(data, cache=cache)  # verified again, still in the future
    _same_status_edit(data / ZOE, "Zoé Lefèvre", "Zoé Lefèbre")
    _as_if_same_tick(data, cache, ZOE)
    read = _no_reading(monkeypatch)
    names = [c.name for c in load_dataset(data, cache=cache).candidates]
    assert "Zoé Lefèbre" in names and "Zoé Lefèvre" not in names
    assert [p.name for p in read] == ["zoe.yaml", "zoe.yaml"]  # hashed, then parsed


def test_an_entry_recorded_later_than_now_is_not_trusted(data: Path, cache: Path) -> None:
    """A clock set back since the recording: its start time proves nothing."""
    _age(data)
    load_dataset(data, cache=cache)
    _same_status_edit(data / ZOE, "Zoé Lefèvre", "Zoé Lefèbre")
    _as_if_same_tick(data, cache, ZOE)
    index = _index(data, cache)
    index[ZOE][4] = time.time_ns() + 86_400 * 10**9
    _set_index(data, cache, index)
    names = [c.name for c in load_dataset(data, cache=cache).candidates]
    assert "Zoé Lefèbre" in names


def test_a_file_replaced_by_rename_is_read_again(data: Path, cache: Path) -> None:
    _age(data)
    load_dataset(data, cache=cache)
    path = data / ZOE
    before = path.stat()
    text = path.read_text(encoding="utf-8").replace("Zoé Lefèvre", "Zoé Lefèbre")
    other = path.with_name(".zoe.tmp")
    other.write_text(text, encoding="utf-8")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, path)
    index = _index(data, cache)
    index[ZOE][2] = path.stat().st_ctime_ns  # only the inode tells them apart
    _set_index(data, cache, index)
    assert path.stat().st_ino != before.st_ino
    names = [c.name for c in load_dataset(data, cache=cache).candidates]
    assert "Zoé Lefèbre" in names


# --- the cache file is untrusted input --------------------------------------------------------


def _rewritten(data: Path, cache: Path, expected: object) -> None:
    """A load gives the data of the files, and leaves a sound cache file of ours behind."""
    assert load_dataset(data, cache=cache) == expected
    path = _path(data, cache)
    assert stat.S_ISREG(path.lstat().st_mode)
    with contextlib.closing(_db(data, cache)) as db:
        meta = dict(db.execute("SELECT key, value FROM meta"))
    assert meta["format"] == cache_module.FORMAT
    assert len(_index(data, cache)) == 4  # the catalogue and the three candidates


def _foreign_sqlite(path: Path) -> bytes:
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value);"
        "CREATE VIEW entries AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
        " SELECT i AS id, 'x' AS data FROM n;"
    )
    db.close()
    raw = path.read_bytes()
    path.unlink()
    return raw


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[1, 2]",
        b'{"format": 1}',
        b"\xff\xfe garbage",
        b"SQLite format 3\x00" + b"\x00" * 200,
        "foreign-sqlite",
    ],
)
def test_a_corrupt_or_foreign_cache_file_is_ignored_and_rewritten(
    data: Path, cache: Path, content: bytes | str
) -> None:
    expected = load_dataset(data)
    cache.mkdir(mode=0o700)
    path = _path(data, cache)
    path.write_bytes(_foreign_sqlite(cache / "x") if isinstance(content, str) else content)
    _rewritten(data, cache, expected)


@pytest.mark.parametrize("key, value", [("format", 999), ("code", "0" * 64), ("root", b"/else")])
def test_a_cache_of_another_version_or_folder_is_not_used(
    data: Path, cache: Path, key: str, value: object
) -> None:
    """Written by a newer progcmp (another format), other code, or for another folder."""
    load_dataset(data, cache=cache)
    _set_entry_data(data, cache, ZOE, ["tampered"])
    with contextlib.closing(_db(data, cache)) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    _rewritten(data, cache, load_dataset(data))


def test_a_fifo_in_place_of_the_cache_does_not_hang(data: Path, cache: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    cache.mkdir(mode=0o700)
    os.mkfifo(_path(data, cache))

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("the load hung on the FIFO")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        _rewritten(data, cache, load_dataset(data))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("target", ["/dev/zero", "elsewhere"])
def test_a_symbolic_link_in_place_of_the_cache_is_not_followed_and_is_replaced(
    data: Path, cache: Path, tmp_path: Path, target: str
) -> None:
    if target == "/dev/zero" and not Path(target).exists():
        pytest.skip("no /dev/zero here")
    expected = load_dataset(data)
    elsewhere = tmp_path / "elsewhere.sqlite"
    if target == "elsewhere":  # a sound cache, but not in its place
        load_dataset(data, cache=cache)
        _path(data, cache).rename(elsewhere)
    cache.mkdir(mode=0o700, exist_ok=True)
    _path(data, cache).symlink_to(target if target == "/dev/zero" else elsewhere)
    _rewritten(data, cache, expected)
    assert not _path(data, cache).is_symlink()


def test_a_huge_cache_file_is_not_read(data: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    with open(_path(data, cache), "wb") as handle:  # sparse: no disk space used
        handle.truncate(3 * 1024**3)
    started = time.perf_counter()
    _rewritten(data, cache, load_dataset(data))
    assert time.perf_counter() - started < 10


def _tampered(data: Path, cache: Path) -> None:
    """A sound cache whose entry for zoe.yaml says another name, digest and index included."""
    _age(data)
    load_dataset(data, cache=cache)
    row = _entry_data(data, cache, ZOE)
    row[1] = "Tampered Name"
    _set_entry_data(data, cache, ZOE, row)
    index = _index(data, cache)
    index[ZOE][9][1] = "Tampered Name"
    _set_index(data, cache, index)
    assert "Tampered Name" in {c.name for c in load_dataset(data, cache=cache).candidates}


needs_owners = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing owners needs root"
)


@needs_owners
def test_a_cache_file_owned_by_someone_else_is_not_read(data: Path, cache: Path) -> None:
    _tampered(data, cache)
    os.chown(_path(data, cache), 12345, 12345)
    _rewritten(data, cache, load_dataset(data))
    assert _path(data, cache).stat().st_uid == os.geteuid()


@needs_owners
def test_a_cache_folder_owned_by_someone_else_is_neither_read_nor_written(
    data: Path, cache: Path
) -> None:
    _tampered(data, cache)
    os.chown(cache, 12345, 12345)
    before = _path(data, cache).read_bytes()
    assert load_dataset(data, cache=cache) == load_dataset(data)
    assert _path(data, cache).read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no file owners on this platform")
@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_cache_folder_others_can_write_to_is_neither_read_nor_written(
    data: Path, cache: Path, mode: int
) -> None:
    _tampered(data, cache)
    cache.chmod(mode)
    before = _path(data, cache).read_bytes()
    assert load_dataset(data, cache=cache) == load_dataset(data)
    assert _path(data, cache).read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no file owners on this platform")
def test_a_cache_folder_under_a_folder_others_can_write_to_is_not_used(
    data: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # no sticky bit: anyone could swap the cache folder
    cache = shared / "cache"
    load_dataset(data, cache=cache)
    assert not any(cache.glob("*.sqlite"))


def test_an_edited_entry_is_never_served(data: Path, cache: Path) -> None:
    """Its data no longer matches the digest the index recorded."""
    _age(data)
    load_dataset(data, cache=cache)
    row = _entry_data(data, cache, ZOE)
    row[1] = "Tampered Name"
    _set_entry_data(data, cache, ZOE, row, fix_digest=False)
    assert load_dataset(data, cache=cache) == load_dataset(data)


def test_an_entry_that_disagrees_with_its_index_is_never_served(data: Path, cache: Path) -> None:
    _age(data)
    load_dataset(data, cache=cache)
    row = _entry_data(data, cache, ZOE)
    row[1] = "Tampered Name"
    _set_entry_data(data, cache, ZOE, row)  # digest fixed, the index's names not
    assert load_dataset(data, cache=cache) == load_dataset(data)


def _retype(row: list[Any], where: tuple[int, ...], value: Any) -> list[Any]:
    target = row
    for i in where[:-1]:
        target = target[i]
    target[where[-1]] = value
    return row


@pytest.mark.parametrize(
    "where, value",
    [
        ((0,), 42),  # id
        ((4,), "alias"),  # aliases as text, not a list
        ((5,), "elected"),  # an unknown status
        ((7, 0, 3), "tweet"),  # an unknown source kind
        ((7, 0), ["s1", "title"]),  # a source too short
        ((9, 0, 1), "open-government"),  # a proposal's themes as text
        ((9, 0, 2), None),  # a proposal without summary
        ((9, 0, 4), {"quote": 1}),  # a quote as a mapping
        ((9,), {"p1": 1}),  # proposals as a mapping
        ((14,), "3"),  # the ballot as text
        ((14,), True),  # the ballot as a boolean
        ((), None),  # a whole entry of the wrong type
    ],
)
def test_an_entry_of_the_wrong_types_or_shape_is_dropped(
    data: Path, cache: Path, where: tuple[int, ...], value: Any
) -> None:
    """Even with a digest that matches (written by someone who knows the format)."""
    _age(data)
    load_dataset(data, cache=cache)
    row = _entry_data(data, cache, ZOE)
    _set_entry_data(data, cache, ZOE, _retype(row, where, value) if where else value)
    assert load_dataset(data, cache=cache) == load_dataset(data)


@pytest.mark.parametrize(
    "name, where, value",
    [
        (ZOE, (0,), "12"),  # a size as text
        (ZOE, (9,), "zoe"),  # names as text
        (ZOE, (9, 9), [1, 2]),  # folded names as numbers
        (ZOE, (9, 8), "1"),  # the ballot as text
        (ZOE, (9, 6), "person"),  # an unknown kind
        (ZOE, (7,), "1"),  # the row as text
        (ZOE, (), {"a": 1}),  # an entry as a mapping
        ("themes.yaml", (9,), ["x", "y", "z", "w", [], []]),  # the catalogue as a candidate
        ("themes.yaml", (), None),
    ],
)
def test_an_index_entry_of_the_wrong_types_or_shape_is_dropped(
    data: Path, cache: Path, name: str, where: tuple[int, ...], value: Any
) -> None:
    _age(data)
    load_dataset(data, cache=cache)
    index = _index(data, cache)
    index[name] = _retype(index[name], where, value) if where else value
    _set_index(data, cache, index)
    assert load_dataset(data, cache=cache) == load_dataset(data)


def test_a_catalogue_entry_of_the_wrong_shape_is_dropped(data: Path, cache: Path) -> None:
    _age(data)
    load_dataset(data, cache=cache)
    row = _entry_data(data, cache, "themes.yaml")
    row[0][0][5] = "privacy"  # keywords as text
    _set_entry_data(data, cache, "themes.yaml", row)
    assert load_dataset(data, cache=cache) == load_dataset(data)


def test_validate_reads_the_files_themselves_never_the_cache(
    run: Run, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cli-cache"
    monkeypatch.setenv("PROGCMP_CACHE_DIR", str(folder))
    _tampered(data, folder)
    _same_status_edit(data / ZOE, "name: Zoé Lefèvre", "nome: Zoé Lefèvre")
    _as_if_same_tick(data, folder, ZOE)
    index = _index(data, folder)
    index[ZOE][4] = index[ZOE][1] + 10 * cache_module.RACY_NS  # trusted by status

    _set_index(data, folder, index)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validate opened the cache")

    monkeypatch.setattr(cache_module.Store, "__init__", refuse)
    result = run("validate", "--data", data)
    assert result.code == 1 and "unknown field 'nome'" in result.stderr + result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="file names are any bytes here")
def test_a_data_folder_under_a_path_that_is_not_utf8(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / os.fsdecode(b"caf\xe9") / "data"
    shutil.copytree(VALID, root)
    _age(root)
    first = load_dataset(root, cache=cache)
    assert [p.suffix for p in cache.iterdir()] == [".sqlite"]
    read = _no_reading(monkeypatch)
    assert load_dataset(root, cache=cache) == first
    assert read == []


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROGCMP_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert cache_module.default_dir() is None


# --- loading only the candidates named --------------------------------------------------------


def _decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the candidates decoded from the cache's data (not from its index)."""
    decoded: list[str] = []
    real = cache_module._candidate

    def counting(row: Any, path: str) -> Any:
        decoded.append(Path(path).name)
        return real(row, path)

    monkeypatch.setattr(cache_module, "_candidate", counting)
    return decoded


def _zoe(dataset: Dataset) -> Candidate:
    return next(c for c in dataset.candidates if c.id == "zoe")


def test_load_named_decodes_only_the_candidates_named(
    data: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _age(data)
    whole = load_dataset(data)
    load_dataset(data, cache=cache)
    decoded = _decoded(monkeypatch)
    read = _no_reading(monkeypatch)
    dataset, chosen = load_named(data, ["zoe"], find_candidates, cache=cache)
    assert chosen == (_zoe(whole),) == dataset.candidates
    assert chosen[0].proposals and dataset.themes == whole.themes
    assert decoded == ["zoe.yaml"] and read == []
    assert load_named(data, ["zoe"], find_candidates) == (dataset, chosen)  # no cache: the same


def test_load_named_still_checks_every_file(tmp_path: Path, cache: Path) -> None:
    root = tmp_path / "invalid"
    shutil.copytree(INVALID, root)
    for _ in range(2):
        with pytest.raises(DataError) as caught:
            load_named(root, ["x"], find_candidates, cache=cache)
        assert len(caught.value.problems) == 3


def test_load_named_reads_the_file_when_the_entry_turns_out_unusable(
    data: Path, cache: Path
) -> None:
    _age(data)
    whole = load_dataset(data)
    load_dataset(data, cache=cache)
    _set_entry_data(data, cache, ZOE, ["edited"], fix_digest=False)
    assert load_named(data, ["zoe"], find_candidates, cache=cache)[1] == (_zoe(whole),)
    with pytest.raises(UsageError):
        load_named(data, ["nobody at all"], find_candidates, cache=cache)


def test_the_cache_is_never_written_inside_the_data_folder(data: Path) -> None:
    inside = data / "fr-test-2027" / ".cache"
    load_dataset(data, cache=inside)
    load_dataset(data, cache=data)
    assert not inside.exists()
    assert sorted(p.name for p in data.iterdir()) == ["fr-test-2027", "themes.yaml"]


def test_where_the_cache_goes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PROGCMP_CACHE_DIR", str(tmp_path / "here"))
    assert cache_module.default_dir() == tmp_path / "here"
    monkeypatch.setenv("PROGCMP_NO_CACHE", "1")
    assert cache_module.default_dir() is None
    monkeypatch.setenv("PROGCMP_NO_CACHE", "0")
    monkeypatch.delenv("PROGCMP_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert cache_module.default_dir() == tmp_path / "xdg" / "progcmp"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
        assert cache_module.default_dir() == Path.home() / ".cache" / "progcmp"


def test_the_command_line_uses_the_cache_unless_told_not_to(
    run: Run, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cli-cache"
    monkeypatch.setenv("PROGCMP_CACHE_DIR", str(folder))
    assert run("candidates", "--data", data, "--no-cache").code == 0
    assert not folder.exists()
    monkeypatch.setenv("PROGCMP_NO_CACHE", "1")
    assert run("candidates", "--data", data).code == 0
    assert not folder.exists()
    monkeypatch.delenv("PROGCMP_NO_CACHE")
    first = run("candidates", "--data", data, "--format", "json")
    assert [p.name for p in folder.iterdir()] == [Store_name(data)]
    assert run("candidates", "--data", data, "--format", "json") == first


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_load_shows_a_progress_bar_on_a_terminal_only(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("progcmp.cli.common.MIN_FILES_FOR_PROGRESS", 2)
    piped = run("candidates", "--data", VALID, "--no-cache")
    assert (piped.code, piped.stderr) == (0, "")  # piped: nothing at all
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    result = run("candidates", "--data", VALID, "--no-cache")
    assert result.code == 0
    assert "loading" in terminal.getvalue() and "3/3" in terminal.getvalue()


# --- the fast path reads exactly what the careful one reads -------------------------------------


def _files() -> list[Path]:
    roots = [VALID, INVALID, BUNDLED]
    return [
        *(r / "themes.yaml" for r in roots),
        *(f for r in roots for f in candidate_files(r)),
    ]


def _agree(text: str) -> None:
    """parse_plain + _sound accept only what parse + _check accept, with the same data."""
    careful = yamlio.parse(text, "f.yaml")
    plain = yamlio.parse_plain(text)
    if plain is None:
        return
    assert isinstance(careful, yamlio.Located), careful
    assert not careful.problems
    assert plain == careful.data
    for spec in (CANDIDATE_FILE, THEMES_FILE):
        found: list[object] = []
        _check(careful.data, spec, (), careful, found)  # type: ignore[arg-type]
        assert _sound(plain, spec) == (not found)


@pytest.mark.parametrize("path", _files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_and_careful_readings_agree_on_every_test_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _agree(text)
    if "valid" in path.parts or "programmes" in path.parts:
        assert yamlio.parse_plain(text) is not None


@settings(max_examples=examples(300), deadline=None)
@given(
    st.sampled_from([p.read_text(encoding="utf-8") for p in _files() if p.stat().st_size < 20_000]),
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from(
        [
            "&a ",
            "*a",
            "<<: ",
            "!!str ",
            "!!binary ",
            "\t",
            "\n",
            ": x\n",
            "- ",
            "~",
            "\x07",
            "\u202e",
            "\u200b",
            "'",
            '"',
            "[",
            "{",
            "id: x\n",
            "  ",
            "\\t",
            "#",
            "---\n",
        ]
    ),
)
def test_fast_and_careful_readings_agree_on_damaged_files(
    text: str, where: int, insert: str
) -> None:
    at = where % (len(text) + 1)
    _agree(text[:at] + insert + text[at:])


# --- the benchmark's corpus (the benchmark itself does not run in the tests) --------------------


def test_the_benchmark_corpus_is_valid_and_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:  # scripts, not a package: imported by name from their folder
        corpus = importlib.import_module("corpus")
        importlib.import_module("run")  # the benchmark script at least imports
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    one = corpus.generate(tmp_path / "one", 12, seed=7)
    two = corpus.generate(tmp_path / "two", 12, seed=7)
    other = corpus.generate(tmp_path / "other", 12, seed=8)
    files = sorted(p.relative_to(one.root) for p in one.root.rglob("*.yaml"))
    assert len(files) == 13 and one.proposals > 12 * 15
    assert all((one.root / f).read_bytes() == (two.root / f).read_bytes() for f in files)
    assert files != sorted(p.relative_to(other.root) for p in other.root.rglob("*.yaml"))
    dataset = load_dataset(one.root)
    assert len(dataset.candidates) == 12
    assert {t for c in dataset.candidates for p in c.proposals for t in p.themes} <= {
        t.id for t in dataset.themes
    }
