"""Writing output files: atomic, never clobbering, nothing left behind on failure."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from progcmp import OutputError, write_file


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_utf8_with_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    old = os.umask(0o027)
    try:
        write_file(target, "é 🏛️\n")
    finally:
        os.umask(old)
    assert target.read_bytes() == "é 🏛️\n".encode()
    assert target.stat().st_mode & 0o777 == 0o640
    assert _listing(tmp_path) == ["a.md"]


def test_refuses_to_replace_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists; use --force to replace it"):
        write_file(target, "new")
    assert target.read_text(encoding="utf-8") == "mine"
    write_file(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert _listing(tmp_path) == ["a.md"]


def test_a_file_that_appears_during_the_write_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs at once: the one that finishes second refuses instead of clobbering."""
    target = tmp_path / "a.md"
    real_mkstemp = tempfile.mkstemp

    def racing_mkstemp(**kwargs: str | Path) -> tuple[int, str]:
        target.write_text("the other run", encoding="utf-8")  # lands after the check
        return real_mkstemp(**kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr("progcmp.data.output.tempfile.mkstemp", racing_mkstemp)
    with pytest.raises(OutputError, match="already exists"):
        write_file(target, "this run")
    assert target.read_text(encoding="utf-8") == "the other run"
    assert _listing(tmp_path) == ["a.md"]


def test_without_hard_links_it_still_checks_then_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: str, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("progcmp.data.output.os.link", no_links)
    target = tmp_path / "a.md"
    write_file(target, "text")
    assert target.read_text(encoding="utf-8") == "text"
    assert _listing(tmp_path) == ["a.md"]


@pytest.mark.parametrize("step", ["fsync", "chmod", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(f"progcmp.data.output.os.{step}", fail)
    target = tmp_path / "a.md"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError) as error:
        write_file(target, "new", force=True)
    assert str(error.value) == f"cannot write {target}: No space left on device"
    assert target.read_text(encoding="utf-8") == "old"
    assert _listing(tmp_path) == ["a.md"]


def test_a_failed_new_file_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("progcmp.data.output.os.link", fail)
    monkeypatch.setattr("progcmp.data.output.os.replace", fail)
    target = tmp_path / "a.md"
    with pytest.raises(OutputError, match="Input/output error"):
        write_file(target, "new")
    assert _listing(tmp_path) == []


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("progcmp.data.output.os.fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_file(tmp_path / "a.md", "new")
    assert _listing(tmp_path) == []


def test_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder; give a file name"):
        write_file(tmp_path, "x")
    with pytest.raises(OutputError, match="does not exist"):
        write_file(tmp_path / "missing" / "a.md", "x")
