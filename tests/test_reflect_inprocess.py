"""``samenwerk reflect`` run in-process: CliRunner with an injected Env (terminal, date, fake ask).

The same command a facilitator types, down to the files written and the report printed; only the
prompts are scripted. The pty tests cover the real prompts end to end.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.session.dialog import Nav
from samenwerk_cli.terminal.env import Env
from tests.testbank import Script, reflect_in_process, write_bank

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None}
TODAY = dt.date(2026, 11, 28)
META = [
    ("partnerschap", "Opleidingsschool Noord"),
    ("organisatie", "Hogeschool Noord"),
    ("respondent", "Anna de Vries"),
    ("rol", ""),
    ("ronde", "2026-najaar"),
    ("fase", "delen"),
]


@pytest.fixture
def bank_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_bank(tmp_path / "vragen")


def invoke(args: list[str], steps: list[tuple[str, object]]) -> tuple[Result, Script]:
    return reflect_in_process(args, steps, variables=ENV, today=TODAY)


def test_single_session_writes_the_file_and_reports_the_scores(
    bank_dir: Path, tmp_path: Path
) -> None:
    steps = [
        *META,
        ("item:ambitie.belofte", 4),
        ("item:ambitie.commitment", 5),
        ("item:ambitie.doen", 5),
        ("item:ambitie.halen-brengen", 3),  # the middle of a balans: scores 5
        ("item:ambitie.open", "Meer stageplaatsen."),
        ("item:relatie.vertrouwen", 5),
        ("item:relatie.omheen", 2),  # reversed: scores 6 - 2 = 4
        ("item:relatie.samen", 4),
        ("review", Nav.FINISH),
    ]
    result, script = invoke(["--questions", str(bank_dir)], steps)
    assert result.exit_code == 0, result.output
    assert not script.steps
    path = tmp_path / "opleidingsschool-noord-anna-de-vries-2026-11-28.yaml"
    assert f"Je antwoorden zijn bewaard in {path.name}" in result.stdout
    data = answers.read(path, bank_mod.load(bank_dir)).data
    assert data.compleet and data.datum == TODAY and data.ronde == "2026-najaar"
    # ambitie: (4 + 5 + 5 + 5) / 4 = 19/4 = 4.75; relatie: (5 + 4 + 4) / 3 = 13/3 = 4.33
    assert "4,75" in result.stdout and "4,33" in result.stdout
    assert "Opleidingsschool Noord · ronde 2026-najaar" in result.stdout
    # where the file goes, said before the first item; what to do with it, said at the end
    assert f"Je antwoorden komen in {path.name}." in result.stdout
    assert "bestond al" not in result.stdout
    assert "Stuur dit bestand naar de begeleider" in result.stdout
    assert f"samenwerk score {path.name} --questions {bank_dir}" in result.stdout


def test_a_taken_file_name_is_said_at_the_start(bank_dir: Path, tmp_path: Path) -> None:
    taken = tmp_path / "opleidingsschool-noord-anna-de-vries-2026-11-28.yaml"
    taken.write_text("iets anders\n", encoding="utf-8")
    steps = [*META, ("item:ambitie.belofte", KeyboardInterrupt())]
    result, _ = invoke(["--questions", str(bank_dir), "--quick"], steps)
    assert result.exit_code == 130
    assert (
        "Je antwoorden komen in opleidingsschool-noord-anna-de-vries-2026-11-28-2.yaml."
        in result.stdout
    )
    assert f"({taken.name} bestond al; daarom" in result.stdout
    assert taken.read_text(encoding="utf-8") == "iets anders\n"


def test_ctrl_c_exits_130_with_the_resume_command_and_resume_goes_on(
    bank_dir: Path, tmp_path: Path
) -> None:
    # the quick scan asks ambitie.belofte and relatie.vertrouwen; Ctrl-C at the second
    steps = [*META, ("item:ambitie.belofte", 4), ("item:relatie.vertrouwen", KeyboardInterrupt())]
    result, _ = invoke(["--questions", str(bank_dir), "--quick", "-o", "anna.yaml"], steps)
    assert result.exit_code == 130
    assert "Gestopt. Je antwoorden tot nu toe zijn bewaard in anna.yaml." in result.stderr
    assert f"samenwerk reflect --resume anna.yaml --questions {bank_dir} --quick" in result.stderr
    saved = answers.read(tmp_path / "anna.yaml", bank_mod.load(bank_dir)).data
    assert saved.antwoorden == {"ambitie.belofte": 4} and not saved.compleet

    resumed, _ = invoke(
        ["--questions", str(bank_dir), "--quick", "--resume", "anna.yaml"],
        [
            ("item:relatie.vertrouwen", 2),
            ("toelichting:relatie.vertrouwen", ""),
            ("review", Nav.FINISH),
        ],
    )
    assert resumed.exit_code == 0, resumed.output
    done = answers.read(tmp_path / "anna.yaml", bank_mod.load(bank_dir)).data
    assert done.antwoorden == {"ambitie.belofte": 4, "relatie.vertrouwen": 2} and done.compleet


def test_group_session_in_process(bank_dir: Path, tmp_path: Path) -> None:
    line = [("fase", "2 2 1")]
    items = [
        ("item:ambitie.belofte", "4 4 5"),
        ("samenvatting:ambitie.belofte", ""),
        ("item:relatie.vertrouwen", "2 4 ?"),
        ("samenvatting:relatie.vertrouwen", "Vertrouwen groeit."),
    ]
    result, script = invoke(
        [
            "--questions",
            str(bank_dir),
            "--quick",
            "--group",
            "Anna:Hogeschool Noord, Bram:De Linde, Carla:De Linde",
            "-p",
            "Noord",
            "--round",
            "2026-najaar",
            "-o",
            "team",
        ],
        line + items,
    )
    assert result.exit_code == 0, result.output
    assert not script.steps
    files = sorted((tmp_path / "team").iterdir())
    assert [f.name for f in files] == ["01-anna.yaml", "02-bram.yaml", "03-carla.yaml"]
    bank = bank_mod.load(bank_dir)
    carla = answers.read(files[2], bank).data
    assert carla.antwoorden == {"ambitie.belofte": 5, "relatie.vertrouwen": "weet niet"}
    assert carla.fase == "verkennen" and carla.compleet
    # ambitie: (4 + 4 + 5) / 3 = 4.33; relatie: (2 + 4) / 2 = 3.00 (weet niet is no score)
    assert "4,33" in result.stdout and "3,00" in result.stdout
    assert "De antwoorden van 3 deelnemers zijn bewaard in de map team" in result.stdout


def test_internal_error_is_one_dutch_line_exit_3(
    bank_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(question: object) -> object:
        raise ZeroDivisionError("division by zero")

    env = Env(stdin_isatty=True, today=TODAY, ask=broken)
    monkeypatch.delenv("SAMENWERK_DEBUG", raising=False)
    result = CliRunner(env=ENV).invoke(app, ["reflect", "--questions", str(bank_dir)], obj=env)
    assert result.exit_code == 3
    assert result.stderr.startswith("interne fout: ZeroDivisionError: division by zero")
    assert "Traceback" not in result.output
