"""Odd files and folders (issue 12): pipes, devices, unreadable folders, lock files, --force,
bank values out of range and groups of a hundred; and the one helper that shows control
characters."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.clean import visible
from samenwerk_cli.session import storage
from tests.testbank import MODEL, mini_answers, write_bank

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


def good_file(folder: Path, name: str = "anna.yaml", **fields) -> Path:
    path = folder / name
    data = mini_answers(antwoorden={"ambitie.belofte": 4}, **fields)
    path.write_text(answers.to_yaml(data), encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "antwoorden"
    path.mkdir()
    return path


# --- 3. the helper -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x1b]52;c;aGk=\x07", "\\x1b]52;c;aGk=\\x07"),
        ("a\x00b\x0bc\x7f", "a\\x00b\\x0bc\\x7f"),
        ("\x9b31m", "\\x9b31m"),
        ("abc\u202edcba\u2066", "abc\\u202edcba\\u2066"),
        ("regel\nregel\ttab\r", "regel\\nregel\\ttab\\r"),
        ("Één & Co. — 2026²", "Één & Co. — 2026²"),
    ],
)
def test_visible_writes_out_what_would_act_on_a_terminal(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_visible_can_keep_line_breaks_and_tabs() -> None:
    assert visible("a\n\tb\r\x1b", keep_lines=True) == "a\n\tb\\r\\x1b"


@given(st.text())
def test_visible_leaves_nothing_invisible_and_is_idempotent(text: str) -> None:
    shown = visible(text)
    assert all(c.isprintable() or c == " " or ord(c) > 0x9F for c in shown)
    assert not any(c in shown for c in "\n\t\r\x1b\u202e")
    assert visible(shown) == shown


# --- 9. pipes, devices, unreadable folders, lock files --------------------------------------------


@posix_only
@pytest.mark.timeout(10)
def test_a_named_fifo_or_device_is_refused_without_reading(
    runner: CliRunner, mini_bank: Path, folder: Path
) -> None:
    fifo = folder / "pijp.yaml"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "pipe"), (Path("/dev/zero"), "apparaat")):
        result = run(runner, "score", "-q", str(mini_bank), str(path))
        assert result.exit_code == 2
        assert f"fout: {path}: dit is een {kind}" in result.stderr


@posix_only
@pytest.mark.timeout(10)
def test_a_fifo_or_a_link_to_one_in_a_folder_is_reported_and_the_rest_scored(
    runner: CliRunner, mini_bank: Path, folder: Path
) -> None:
    good_file(folder)
    os.mkfifo(folder / "pijp.yaml")
    (folder / "link.yaml").symlink_to(folder / "pijp.yaml")
    (folder / "weg.yaml").symlink_to(folder / "bestaat-niet.yaml")
    result = run(runner, "score", "-q", str(mini_bank), str(folder))
    assert result.exit_code == 2
    assert "1 respondent" in result.stdout
    assert f"fout: {folder / 'link.yaml'}: dit is een pipe" in result.stderr
    assert f"fout: {folder / 'pijp.yaml'}: dit is een pipe" in result.stderr
    assert f"fout: {folder / 'weg.yaml'}: koppeling naar een bestand dat niet bestaat" in (
        result.stderr
    )


def test_an_unreadable_subfolder_is_reported(
    runner: CliRunner, mini_bank: Path, folder: Path, monkeypatch
) -> None:
    good_file(folder)
    locked = folder / "dicht"
    locked.mkdir()
    good_file(locked, "bram.yaml")
    real_scandir = os.scandir

    def scandir(path="."):  # chmod 000 does not stop root, so the refusal is simulated
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run(runner, "score", "-q", str(mini_bank), str(folder))
    assert result.exit_code == 2
    assert "1 respondent" in result.stdout
    assert f"fout: {locked}: map overgeslagen: geen toestemming" in result.stderr


@posix_only
def test_editor_lock_and_hidden_files_in_a_bank_are_ignored(tmp_path: Path) -> None:
    bank_dir = write_bank(tmp_path / "vragen")
    (bank_dir / ".#ambitie.yaml").symlink_to("anna@laptop.1234:1700000000")  # emacs's lock
    (bank_dir / ".relatie.yaml.swp.yaml").write_text("kapot: [", encoding="utf-8")
    assert [v.id for v in bank_mod.load(bank_dir).vragen][:1] == ["ambitie.belofte"]


@posix_only
@pytest.mark.timeout(10)
def test_a_fifo_in_a_bank_is_refused_without_reading(tmp_path: Path) -> None:
    bank_dir = write_bank(tmp_path / "vragen")
    os.mkfifo(bank_dir / "extra.yaml")
    with pytest.raises(SamenwerkError) as info:
        bank_mod.load(bank_dir)
    assert "pipe" in str(info.value)


# --- 12. --force replaces a regular file only ----------------------------------------------------


@posix_only
@pytest.mark.timeout(10)
def test_force_does_not_replace_a_fifo(runner: CliRunner, mini_bank: Path, folder: Path) -> None:
    good_file(folder)
    target = folder.parent / "rapport.md"
    os.mkfifo(target)
    result = run(runner, "export", "-q", str(mini_bank), str(folder), "-o", str(target), "--force")
    assert result.exit_code == 2
    assert f"fout: {target}: is geen gewoon bestand" in result.stderr
    assert target.is_fifo()
    regular = folder.parent / "gewoon.md"
    regular.write_text("oud\n", encoding="utf-8")
    result = run(runner, "export", "-q", str(mini_bank), str(folder), "-o", str(regular), "--force")
    assert result.exit_code == 0, result.output
    assert regular.read_text(encoding="utf-8").startswith("#")


# --- 13. questions check refuses what scoring cannot use -----------------------------------------


@pytest.mark.parametrize(
    ("override", "words"),
    [
        (
            {
                "ambitie": "formaat: samenwerk-vragen/1\ndimensie: ambitie\nvragen:\n"
                '  - {id: "ambitie.belofte\\n", soort: open, tekst: Wat?}\n'
            },
            "ongeldige id",
        ),
        ({"model": MODEL + "drempels:\n  dekking: 2\n"}, "hoogstens 1"),
        ({"model": MODEL + "drempels:\n  trend: -0.5\n"}, "minstens 0"),
        ({"model": MODEL + "drempels:\n  rwg: -1\n  ad: -1\n"}, "minstens 0"),
        ({"model": MODEL.replace("id: relatie", 'id: "relatie\\n"')}, "ongeldige id"),
    ],
)
def test_questions_check_refuses_bad_ids_and_thresholds(
    runner: CliRunner, tmp_path: Path, override: dict[str, str], words: str
) -> None:
    bank_dir = write_bank(tmp_path / "vragen", **override)
    result = run(runner, "questions", "check", str(bank_dir))
    assert result.exit_code == 2, result.output
    assert words in result.stderr
    assert "\\n" in result.stderr or "drempels" in result.stderr


def test_two_bad_thresholds_are_both_reported(tmp_path: Path) -> None:
    bank_dir = write_bank(tmp_path / "vragen", model=MODEL + "drempels:\n  rwg: -1\n  ad: -1\n")
    with pytest.raises(SamenwerkError) as info:
        bank_mod.load(bank_dir)
    assert [p.field for p in info.value.problems] == ["drempels.rwg", "drempels.ad"]


# --- 14. a group of a hundred keeps its typing order --------------------------------------------


def test_a_group_of_more_than_a_hundred_keeps_its_order(tmp_path: Path) -> None:
    names = [f"P{i}" for i in range(1, 106)]
    for i, naam in enumerate(names, 1):
        (tmp_path / storage.file_name(i, naam)).write_text("x", encoding="utf-8")
    (tmp_path / ".#p1.yaml").write_text("x", encoding="utf-8")
    found = storage.answer_files(tmp_path)
    assert [p.name for p in found[8:11]] == ["09-p9.yaml", "10-p10.yaml", "11-p11.yaml"]
    assert [p.name for p in found[98:101]] == ["99-p99.yaml", "100-p100.yaml", "101-p101.yaml"]
    assert len(found) == 105


def test_a_resumed_group_of_a_hundred_reads_back_in_order(tmp_path: Path, mini_bank: Path) -> None:
    loaded = bank_mod.load(mini_bank)
    saver = storage.FolderSaver(tmp_path / "groep")
    saver([mini_answers(respondent=f"P{i}") for i in range(1, 103)])
    _, files, _ = storage.read(tmp_path / "groep", loaded)
    assert [f.respondent for f in files] == [f"P{i}" for i in range(1, 103)]


@posix_only
@pytest.mark.timeout(10)
def test_template_force_does_not_replace_a_fifo(runner: CliRunner, mini_bank: Path, tmp_path):
    target = tmp_path / "leeg.yaml"
    os.mkfifo(target)
    result = run(runner, "template", "-q", str(mini_bank), "-o", str(target), "--force")
    assert result.exit_code == 2
    assert f"fout: {target}: dit is een pipe (FIFO), geen gewoon bestand; niet overschreven" in (
        result.stderr
    )
    assert target.is_fifo()
