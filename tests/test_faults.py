"""Faults from the machine, not the user: full or read-only disks, file-size limits, long names,
closed pipes and legacy code pages. Each ends in one Dutch line and a documented exit code."""

from __future__ import annotations

import datetime as dt
import errno
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli import files
from samenwerk_cli.cli.app import app
from samenwerk_cli.session.dialog import Nav
from samenwerk_cli.terminal.env import Env
from tests.testbank import Script, write_bank

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ENV = {"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None}
FAULTS = [errno.ENOSPC, errno.EROFS, errno.EFBIG, errno.ENAMETOOLONG]
SAMENWERK = [sys.executable, "-m", "samenwerk_cli"]


def in_bank_cache(path: object) -> bool:
    """The bank cache writes with os.replace too; the counting fakes below let it through."""
    return str(path).startswith(os.environ["SAMENWERK_CACHE"])


def failing_after(saves: int, code: int):
    """os.replace that works for the first ``saves`` saves of the session, then fails."""
    real_replace = os.replace
    done = {"n": 0}

    def replace(src: str, dst: str) -> None:
        if not in_bank_cache(dst):
            done["n"] += 1
            if done["n"] > saves:
                raise OSError(code, os.strerror(code), dst)
        real_replace(src, dst)

    return replace


def failing(code: int):
    def replace(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code), str(dst))

    return replace


@pytest.mark.parametrize("code", FAULTS)
def test_export_folder_fault_is_one_dutch_line_and_leaves_nothing(
    code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files.os, "replace", failing(code))
    out = tmp_path / "rapport"
    result = CliRunner(env=ENV).invoke(app, ["export", str(EXAMPLES), "-o", f"{out}/"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: ")
    assert "Traceback" not in result.output
    assert not out.exists()  # the half-written folder is gone
    assert not list(tmp_path.glob("**/*.tmp"))


def test_template_fault_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.os, "replace", failing(errno.ENOSPC))
    target = tmp_path / "leeg.yaml"
    result = CliRunner(env=ENV).invoke(app, ["template", "-o", str(target)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"fout: {target}: de schijf is vol; maak ruimte vrij en probeer het opnieuw\n"
    )


@pytest.mark.parametrize("code", FAULTS)
def test_reflect_fault_keeps_the_answers_so_far_and_shows_how_to_go_on(
    code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bank = write_bank(tmp_path / "vragen")
    # the metadata and the first answer are saved, then the disk fails
    monkeypatch.setattr(files.os, "replace", failing_after(2, code))
    script = Script(
        [
            ("partnerschap", "Noord"),
            ("organisatie", ""),
            ("respondent", ""),
            ("rol", ""),
            ("ronde", ""),
            ("fase", "delen"),
            ("item:ambitie.belofte", 4),
            ("item:relatie.vertrouwen", 3),
        ]
    )
    env = Env(stdin_isatty=True, today=dt.date(2026, 11, 28), ask=script)
    result = CliRunner(env=ENV).invoke(
        app, ["reflect", "--questions", str(bank), "--quick", "-o", "a.yaml"], obj=env
    )
    assert result.exit_code == 2, result.output
    assert "staan veilig in a.yaml" in result.stderr
    assert f"samenwerk reflect --resume a.yaml --questions {bank} --quick" in result.stderr
    assert "ambitie.belofte: 4" in (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "Traceback" not in result.output


def test_group_session_fault_keeps_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bank = write_bank(tmp_path / "vragen")
    # two files after the metadata, two after the phase line
    monkeypatch.setattr(files.os, "replace", failing_after(4, errno.ENOSPC))
    script = Script([("fase", "1 2"), ("item:ambitie.belofte", "4 5")])
    env = Env(stdin_isatty=True, today=dt.date(2026, 11, 28), ask=script)
    args = ["reflect", "--questions", str(bank), "--quick", "-g", "Anna, Bram", "-p", "N"]
    result = CliRunner(env=ENV).invoke(app, [*args, "--ronde", "", "-o", "team"], obj=env)
    assert result.exit_code == 2, result.output
    assert "de schijf is vol" in result.stderr
    assert "samenwerk reflect --resume team" in result.stderr
    assert sorted(p.name for p in (tmp_path / "team").iterdir()) == ["01-anna.yaml", "02-bram.yaml"]


def test_a_300_character_name_is_shortened_in_file_names(tmp_path: Path) -> None:
    long_name = "Samenwerkingsverband " * 15  # 315 characters
    assert len(files.slug(long_name)) <= files.SLUG_MAX
    assert files.slug("a" * 300) == "a" * files.SLUG_MAX
    source = (EXAMPLES / "opleidingsschool-noord" / "2026-najaar" / "anna-de-vries.yaml").read_text(
        encoding="utf-8"
    )
    answers_dir = tmp_path / "antwoorden"
    answers_dir.mkdir()
    (answers_dir / "a.yaml").write_text(
        source.replace(
            "partnerschap: Opleidingsschool Noord", f"partnerschap: {long_name.strip()}"
        ),
        encoding="utf-8",
    )
    (answers_dir / "b.yaml").write_text(source, encoding="utf-8")
    result = CliRunner(env=ENV).invoke(app, ["export", str(answers_dir), "-o", f"{tmp_path}/r/"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "r").iterdir())
    assert all(len(n) < 80 for n in names)
    long_report = next(p for p in (tmp_path / "r").glob("samenwerkingsverband*.md"))
    assert long_name.strip() in long_report.read_text(encoding="utf-8")  # full name inside


def test_proc_is_no_place_for_a_report(tmp_path: Path) -> None:
    result = CliRunner(env=ENV).invoke(
        app, ["export", str(EXAMPLES / "opleidingsschool-noord"), "-o", "/proc/x.md"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("fout: ") and "Traceback" not in result.output


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # then a write gets EFBIG instead of a kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


@pytest.mark.skipif(sys.platform == "win32", reason="ulimit is POSIX")
def test_ulimit_f_gives_efbig_as_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [*SAMENWERK, "export", str(EXAMPLES), "-o", "rapport.md", "--format", "csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
    )
    assert result.returncode == 2, result.stderr
    assert "groter dan hier mag" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command", [["score", str(EXAMPLES)], ["score", str(EXAMPLES), "--json"], ["questions", "list"]]
)
def test_a_closed_pipe_ends_quietly(command: list[str]) -> None:
    proc = subprocess.Popen([*SAMENWERK, *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=30) in (0, 141)
    assert "Traceback" not in stderr and "Exception ignored" not in stderr


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize(
    "command",
    [
        ["score", str(EXAMPLES)],
        ["export", str(EXAMPLES / "opleidingsschool-noord")],
        ["questions", "list"],
        ["questions", "check"],
        ["template", "-p", "Één & Co"],
        ["--help"],
    ],
)
def test_legacy_code_pages_never_crash(encoding: str, command: list[str]) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "COLUMNS": "100"}
    result = subprocess.run([*SAMENWERK, *command], capture_output=True, env=env)
    assert result.returncode == 0, result.stderr.decode(encoding, "replace")
    assert b"Traceback" not in result.stderr
    result.stdout.decode(encoding)  # what was written is valid in that code page


def test_dash_means_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    one = str(EXAMPLES / "opleidingsschool-noord")
    result = CliRunner(env=ENV).invoke(app, ["export", one, "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert "radargrafiek" in result.stderr  # says the chart is left out, and how to get it
    assert list(tmp_path.iterdir()) == []
    blank = CliRunner(env=ENV).invoke(app, ["template", "-o", "-"])
    assert blank.exit_code == 0 and blank.stdout.startswith("# ")
    csv = CliRunner(env=ENV).invoke(app, ["export", one, "-o", "-", "--format", "csv"])
    assert csv.exit_code == 0 and csv.stdout.startswith("partnerschap")
    assert list(tmp_path.iterdir()) == []


def test_finished_session_exits_zero_through_the_seam(tmp_path: Path) -> None:
    """The seam maps a command's return value; OK stays 0 (regression guard for the seam)."""
    bank = write_bank(tmp_path / "vragen")
    script = Script(
        [
            ("partnerschap", "N"),
            ("organisatie", ""),
            ("respondent", ""),
            ("rol", ""),
            ("ronde", ""),
            ("fase", "delen"),
            ("item:ambitie.belofte", 4),
            ("item:relatie.vertrouwen", 4),
            ("review", Nav.FINISH),
        ]
    )
    env = Env(stdin_isatty=True, today=dt.date(2026, 11, 28), ask=script)
    out = tmp_path / "a.yaml"
    result = CliRunner(env=ENV).invoke(
        app, ["reflect", "--questions", str(bank), "--quick", "-o", str(out)], obj=env
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("fmt", "name"), [("csv", "antwoorden.csv"), ("xlsx", "scores.xlsx"), ("json", "scores.json")]
)
def test_a_folder_as_target_gets_a_file_inside(fmt: str, name: str, tmp_path: Path) -> None:
    existing = tmp_path / "bestaand"
    existing.mkdir()
    for target, folder in ((f"{existing}", existing), (f"{tmp_path}/nieuw/", tmp_path / "nieuw")):
        result = CliRunner(env=ENV).invoke(
            app, ["export", str(EXAMPLES), "--format", fmt, "-o", target]
        )
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in folder.iterdir()) == [name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestaand", "nieuw"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "md", "html"])
def test_a_missing_suffix_is_added_never_replaced(fmt: str, tmp_path: Path) -> None:
    one = str(EXAMPLES / "opleidingsschool-noord")
    result = CliRunner(env=ENV).invoke(
        app, ["export", one, "--format", fmt, "-o", str(tmp_path / "rapport.v2")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"rapport.v2.{fmt}").is_file()


def test_a_bug_on_one_file_is_exit_3_and_the_others_are_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from samenwerk_cli.scoring import batch

    najaar = EXAMPLES / "opleidingsschool-noord" / "2026-najaar"
    real_read = batch.answers.read

    def read(path: Path, bank: object) -> object:
        if path.name == "anna-de-vries.yaml":
            raise ZeroDivisionError("division by zero")
        return real_read(path, bank)

    monkeypatch.setattr(batch.answers, "read", read)
    result = CliRunner(env=ENV).invoke(app, ["score", str(najaar), "--skip-invalid"])
    assert result.exit_code == 3  # a bug is never skipped as an invalid file
    assert "interne fout bij het lezen (ZeroDivisionError)" in result.stderr
    assert "3 respondenten" in result.stdout  # the other three files still count
