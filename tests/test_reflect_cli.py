"""``samenwerk reflect`` without a terminal, its helpers, and the lazy import of questionary."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.files import slug
from samenwerk_cli.formats.answers import FORMAT, Antwoorden
from samenwerk_cli.session.storage import default_output, resume_command
from samenwerk_cli.terminal.env import Env
from tests.testbank import write_bank

ENV = {"NO_COLOR": "1", "COLUMNS": "120", "SAMENWERK_VRAGEN": None}


def test_not_a_terminal_points_to_template_and_score(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "vragen")
    result = CliRunner(env=ENV).invoke(app, ["reflect", "--questions", str(bank)], input="4\n")
    assert result.exit_code == 2
    assert "geen terminal" in result.stderr
    assert "samenwerk template" in result.stderr and "samenwerk score" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_reflect_help_is_dutch() -> None:
    result = CliRunner(env=ENV).invoke(app, ["reflect", "--help"])
    assert result.exit_code == 0
    for option in ("--resume", "--quick", "--dimension", "--output", "--partnership", "--round"):
        assert option in result.stdout


@pytest.mark.timeout(30)
def test_cli_import_does_not_load_questionary() -> None:
    code = (
        "import sys, samenwerk_cli.cli.app\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('questionary', 'prompt_toolkit'))\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def data(partnerschap: str, respondent: str | None) -> Antwoorden:
    return Antwoorden(
        formaat=FORMAT,
        vragenlijst="x",
        versie="1",
        partnerschap=partnerschap,
        respondent=respondent,
        datum=dt.date(2026, 11, 28),
    )


def test_slug() -> None:
    assert slug("Opleidingsschool Noord / Zuid") == "opleidingsschool-noord-zuid"
    assert slug("  Hogeschool  Één & Co. ") == "hogeschool-een-co"
    assert slug("---") == ""


def test_default_output_never_overwrites(tmp_path: Path) -> None:
    first = default_output(data("Opleidingsschool Noord", "Anna de Vries"), tmp_path)
    assert first == tmp_path / "opleidingsschool-noord-anna-de-vries-2026-11-28.yaml"
    first.write_text("")
    second = default_output(data("Opleidingsschool Noord", "Anna de Vries"), tmp_path)
    assert second.name == "opleidingsschool-noord-anna-de-vries-2026-11-28-2.yaml"
    second.write_text("")
    assert default_output(data("Opleidingsschool Noord", "Anna de Vries"), tmp_path).name.endswith(
        "-3.yaml"
    )
    assert default_output(data("Noord", None), tmp_path).name == "noord-anoniem-2026-11-28.yaml"
    assert default_output(data("???", ""), tmp_path).name == "partnerschap-anoniem-2026-11-28.yaml"


def test_resume_command_repeats_the_filters() -> None:
    assert (
        resume_command(Path("a b.yaml"), None, False, []) == "samenwerk reflect --resume 'a b.yaml'"
    )
    assert resume_command(Path("a.yaml"), Path("vragen"), True, ["ambitie", "relatie"]) == (
        "samenwerk reflect --resume a.yaml --questions vragen --quick"
        " --dimension ambitie --dimension relatie"
    )


# --- the group session's input errors: all found before the first prompt ----------------------


def never_asked(question: object) -> None:
    raise AssertionError(f"asked {question} although the input was wrong")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--group", "Anna"], "--group: een groep heeft minstens 2 deelnemers"),
        (["--group", "Anna, anna"], "de naam 'anna' komt twee keer voor"),
        (["--group", "A, B", "--group-file", "team.yaml"], "gebruik --group of --group-file"),
        (["--group", "A, B", "--respondent", "Anna"], "--respondent hoort bij één deelnemer"),
        (["--group", "A, B", "-o", "oud"], "in deze map staan al antwoorden"),
        (["--resume", "oud", "--group", "A, B"], "zonder --group"),
        (["--resume", "leeg"], "hier staat geen groepssessie"),
        (["--group-file", "team.yaml"], "team.yaml:4: veld 'deelnemers[2].leeftijd'"),
        (["-d", "onbekend", "--group", "A, B"], "onbekende dimensie 'onbekend'"),
    ],
)
def test_group_input_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    bank = write_bank(tmp_path / "vragen")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "team.yaml").write_text(
        "deelnemers:\n  - naam: Anna\n  - naam: Bram\n    leeftijd: 40\n", encoding="utf-8"
    )
    (tmp_path / "oud").mkdir()
    (tmp_path / "oud" / "01-a.yaml").write_text("formaat: x\n", encoding="utf-8")
    (tmp_path / "leeg").mkdir()
    terminal = Env(stdin_isatty=True, ask=never_asked)  # these runs stop before any prompt
    result = CliRunner(env=ENV).invoke(
        app, ["reflect", "--questions", str(bank), *args], obj=terminal
    )
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stderr.startswith("fout: ")
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("*-groep-*"))  # nothing written
