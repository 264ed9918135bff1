"""The bank cache (formats/bank_cache.py): a kept bank is used only while it is exact, and
nothing that goes wrong with the cache stops a bank from loading."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats import bank_cache
from tests.testbank import AMBITIE, BANK_DIR, write_bank


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(bank_cache.CACHE_VAR, str(folder))
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every time the bank is parsed and checked from its files (a miss)."""
    seen: list[Path] = []
    real = bank_mod._read

    def counted(path: Path) -> bank_mod.Bank:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(bank_mod, "_read", counted)
    return seen


def test_a_second_load_comes_from_the_cache_and_is_the_same_bank(
    cache: Path, reads: list[Path], tmp_path: Path
) -> None:
    folder = write_bank(tmp_path / "vragen")
    first = bank_mod.load(folder)
    second = bank_mod.load(folder)
    assert reads == [folder]
    assert second == first and second is not first
    assert second.by_id["ambitie.belofte"].tekst == first.by_id["ambitie.belofte"].tekst
    assert second.path == folder
    [entry] = cache.iterdir()
    assert entry.stat().st_mode & 0o077 == 0  # the user's own: nobody else reads or writes it


def test_a_changed_file_is_read_again_even_with_the_same_size_and_time(
    cache: Path, reads: list[Path], tmp_path: Path
) -> None:
    """Same length, same modification time: the bytes decide, not the file's stamp."""
    folder = write_bank(tmp_path / "vragen")
    target = folder / "ambitie.yaml"
    before = os.stat(target)
    old, new = "iets beloofd.", "iets gezegd. "
    assert bank_mod.load(folder).by_id["ambitie.belofte"].tekst == f"We hebben elkaar {old}"
    target.write_text(AMBITIE.replace(old, new), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(target).st_size == before.st_size
    assert bank_mod.load(folder).by_id["ambitie.belofte"].tekst == "We hebben elkaar iets gezegd."
    assert reads == [folder, folder]


def test_a_bank_with_problems_is_never_kept(cache: Path, tmp_path: Path) -> None:
    folder = write_bank(tmp_path / "vragen", ambitie=AMBITIE.replace("soort: stelling", "soort: x"))
    for _ in range(2):
        with pytest.raises(SamenwerkError):
            bank_mod.load(folder)
    assert not cache.exists() or not any(cache.iterdir())


def test_two_folders_with_the_same_files_each_get_their_own_path(
    cache: Path, tmp_path: Path
) -> None:
    one = write_bank(tmp_path / "een")
    two = Path(shutil.copytree(one, tmp_path / "twee"))
    assert bank_mod.load(one).path == one
    assert bank_mod.load(two).path == two
    assert bank_mod.load(one).path == one


def test_a_damaged_cache_file_is_read_past_and_replaced(
    cache: Path, reads: list[Path], tmp_path: Path
) -> None:
    folder = write_bank(tmp_path / "vragen")
    expected = bank_mod.load(folder)
    [entry] = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:100])
    assert bank_mod.load(folder) == expected
    assert bank_mod.load(folder) == expected
    assert reads == [folder, folder]  # the damaged copy was replaced by a whole one


def test_a_cache_file_others_may_write_is_not_trusted(
    cache: Path, reads: list[Path], tmp_path: Path
) -> None:
    folder = write_bank(tmp_path / "vragen")
    bank_mod.load(folder)
    [entry] = cache.iterdir()
    entry.chmod(0o666)
    bank_mod.load(folder)
    assert reads == [folder, folder]


def test_another_version_reads_the_files(
    cache: Path, reads: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_bank(tmp_path / "vragen")
    bank_mod.load(folder)
    monkeypatch.setattr(bank_cache, "__version__", "99.0")
    bank_mod.load(folder)
    assert reads == [folder, folder]


def test_empty_setting_turns_the_cache_off(
    reads: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(bank_cache.CACHE_VAR, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = write_bank(tmp_path / "vragen")
    bank_mod.load(folder)
    bank_mod.load(folder)
    assert reads == [folder, folder]
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_the_users_cache_folder_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(bank_cache.CACHE_VAR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    bank_mod.load(BANK_DIR)
    assert [p.suffix for p in (tmp_path / "xdg" / "samenwerk").iterdir()] == [".pickle"]


def test_no_home_folder_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without $HOME (and no account entry) '~' stays '~': nothing may appear in the cwd."""
    monkeypatch.delenv(bank_cache.CACHE_VAR)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(bank_cache.os.path, "expanduser", lambda path: path)
    monkeypatch.chdir(tmp_path)
    assert bank_cache.folder() is None
    bank_mod.load(BANK_DIR)
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_written_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: list[Path]
) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar de map zou moeten staan", encoding="utf-8")
    monkeypatch.setenv(bank_cache.CACHE_VAR, str(blocker / "cache"))
    folder = write_bank(tmp_path / "vragen")
    assert bank_mod.load(folder) == bank_mod.load(folder)
    assert reads == [folder, folder]
