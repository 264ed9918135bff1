"""``samenwerk import`` on exports laid out as Microsoft Forms, Google Forms and LimeSurvey write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from tests import forms_fixtures as fx

BASE = {"formaat": "samenwerk-antwoorden/1", "vragenlijst": "mini", "versie": "1.10"}


def run_import(runner: CliRunner, bank: Path, *args: str):
    return runner.invoke(app, ["import", *args, "--questions", str(bank)])


def test_microsoft_forms_xlsx_english_account(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = fx.ms_forms_xlsx(tmp_path / "Samenwerking(1-2).xlsx")
    out = tmp_path / "antwoorden"
    result = run_import(
        runner,
        mini_bank,
        str(export),
        "-p",
        "Opleidingsschool Noord",
        "--round",
        "2026-najaar",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert fx.read_folder(out) == {
        "samenwerking-1-2-002-anna-de-vries.yaml": {
            **BASE,
            "partnerschap": "Opleidingsschool Noord",
            "ronde": "2026-najaar",
            "respondent": "Anna de Vries",
            "organisatie": "Hogeschool Noord",
            "datum": dt.date(2026, 11, 24),
            "compleet": True,
            "bron": "Samenwerking(1-2).xlsx, rij 2",
            # Mee oneens = 2, Helemaal mee eens = 5, Neutraal = 3, "2 · neigt naar 1" = 2
            "antwoorden": {
                "ambitie.belofte": 5,
                "ambitie.doen": 3,
                "ambitie.halen-brengen": 2,
                "relatie.vertrouwen": 2,
            },
            "toelichting": {"ambitie.open": "Meer studenten\nvasthouden"},
        },
        "samenwerking-1-2-003.yaml": {  # Email "anonymous", no name: no respondent
            **BASE,
            "partnerschap": "Opleidingsschool Noord",
            "ronde": "2026-najaar",
            "organisatie": "De Linde",
            "datum": dt.date(2026, 11, 25),
            "compleet": True,
            "bron": "Samenwerking(1-2).xlsx, rij 3",
            "antwoorden": {
                "ambitie.belofte": 4,
                "ambitie.doen": 1,
                "ambitie.halen-brengen": 3,
                "relatie.vertrouwen": "weet niet",
            },
        },
    }
    assert "waarschuwing" not in result.stderr
    assert "Geschreven: 2 antwoordbestanden" in result.stderr


def test_microsoft_forms_dutch_account_excel_csv(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = fx.ms_forms_dutch_csv(tmp_path / "antwoorden.csv")
    out = tmp_path / "uit"
    result = run_import(runner, mini_bank, str(export), "-p", "PS Zuid", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Windows-1252" in result.stderr  # the fallback is said, not silent
    files = fx.read_folder(out)
    assert sorted(files) == ["antwoorden-002-bram-jansen.yaml", "antwoorden-003-zoe-bakker.yaml"]
    bram, zoe = files.values()
    assert bram["organisatie"] == "De Linde; locatie Zuid"
    assert bram["datum"] == dt.date(2026, 11, 24)  # 24-11-2026: day first
    assert bram["antwoorden"] == {"ambitie.belofte": 4, "ambitie.doen": 5, "relatie.vertrouwen": 2}
    assert zoe["respondent"] == "Zoë Bakker"
    assert zoe["datum"] == dt.date(2026, 11, 26)
    assert zoe["antwoorden"] == {"ambitie.belofte": 3, "ambitie.doen": 1, "relatie.vertrouwen": 4}


@pytest.mark.parametrize("stamp", ["Timestamp", "Tijdstempel"])
def test_google_forms_csv_with_grids(
    runner: CliRunner, mini_bank: Path, tmp_path: Path, stamp: str
) -> None:
    export = fx.google_forms_csv(tmp_path / "Reflectie (Responses) - Form Responses 1.csv", stamp)
    out = tmp_path / "uit"
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out))
    assert result.exit_code == 0, result.output
    carla, second = fx.read_folder(out).values()
    assert carla["respondent"] == "Carla"
    assert carla["datum"] == dt.date(2026, 11, 24)
    # helemaal eens = 5, eens = 4, "5 · We halen meer dan we brengen" = 5, oneens = 2
    assert carla["antwoorden"] == {
        "ambitie.belofte": 5,
        "ambitie.doen": 4,
        "ambitie.halen-brengen": 5,
        "relatie.vertrouwen": 2,
    }
    assert carla["toelichting"] == {"ambitie.open": "Regel een\nregel twee"}
    assert "respondent" not in second
    assert second["datum"] == dt.date(2026, 11, 25)
    # an empty grid row is asked but not answered: a null, so coverage counts it as asked
    assert second["antwoorden"] == {
        "ambitie.belofte": "weet niet",
        "ambitie.doen": 3,
        "ambitie.halen-brengen": None,
        "relatie.vertrouwen": None,
    }


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("11/24/2026 9:14:40", dt.date(2026, 11, 24)),  # Sheets download, English account
        ("24-11-2026 9:14:40", dt.date(2026, 11, 24)),  # Sheets download, Dutch account
        ("2026/09/27 3:00:00 PM GMT+3", dt.date(2026, 9, 27)),
    ],
)
def test_google_sheets_date_formats(
    runner: CliRunner, mini_bank: Path, tmp_path: Path, cell: str, expected: dt.date
) -> None:
    export = tmp_path / "sheet.csv"
    export.write_text(f"Timestamp,{fx.BELOFTE}\r\n{cell},Eens\r\n", encoding="utf-8")
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "uit"))
    assert result.exit_code == 0, result.output
    (only,) = fx.read_folder(tmp_path / "uit").values()
    assert only["datum"] == expected


def test_limesurvey_codes_export(runner: CliRunner, mini_bank: Path, tmp_path: Path) -> None:
    export = fx.limesurvey_codes_csv(tmp_path / "results-survey945827.csv")
    out = tmp_path / "uit"
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out))
    assert result.exit_code == 0, result.output
    unfinished, dirk = fx.read_folder(out).values()
    assert unfinished["antwoorden"] == {
        "ambitie.belofte": 2,
        "ambitie.doen": None,
        "ambitie.halen-brengen": None,
        "relatie.vertrouwen": None,
    }
    assert "compleet" not in unfinished and "datum" not in unfinished  # empty submitdate
    assert dirk["respondent"] == "Dirk"
    assert dirk["compleet"] is True
    assert "datum" not in dirk  # 1980-01-01 is LimeSurvey's "no date kept"
    # 5 = 5, wn = weet niet, 3 = 3, N/A = no answer
    assert dirk["antwoorden"] == {
        "ambitie.belofte": 5,
        "ambitie.doen": "weet niet",
        "ambitie.halen-brengen": 3,
        "relatie.vertrouwen": None,
    }
    assert dirk["toelichting"] == {"ambitie.open": 'Samen "echt" meer'}
    # the timing columns are LimeSurvey's own, not unknown questions; the unfinished one is said
    warnings = [line for line in result.stderr.splitlines() if line.startswith("waarschuwing")]
    assert warnings == [
        f"waarschuwing: {export}: rij 2: niet afgerond in het formulier; ingelezen wat er is"
    ]


def test_limesurvey_remote_api_export(runner: CliRunner, mini_bank: Path, tmp_path: Path) -> None:
    export = fx.limesurvey_remote_csv(tmp_path / "export.csv")
    out = tmp_path / "uit"
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out))
    assert result.exit_code == 0, result.output
    (only,) = fx.read_folder(out).values()
    assert only["datum"] == dt.date(2026, 11, 27)
    assert only["organisatie"] == "Hogeschool Noord"
    assert only["antwoorden"] == {"ambitie.belofte": 1, "ambitie.doen": 2, "relatie.vertrouwen": 4}


def test_limesurvey_full_text_headings_and_labels(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = fx.limesurvey_full_text_csv(tmp_path / "results-full.csv")
    out = tmp_path / "uit"
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out))
    assert result.exit_code == 0, result.output
    (only,) = fx.read_folder(out).values()
    assert only["organisatie"] == "De Linde"
    assert only["datum"] == dt.date(2026, 11, 28)
    assert only["antwoorden"] == {"ambitie.belofte": 5, "ambitie.doen": "weet niet"}


def test_tsv_with_english_labels(runner: CliRunner, mini_bank: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.tsv"
    export.write_text(
        f"Name\tOrganisation\t{fx.BELOFTE}\t{fx.DOEN}\t{fx.VERTROUWEN}\n"
        "Eve\tNoord\tStrongly agree\tDisagree\tNeither agree nor disagree\n",
        encoding="utf-8",
    )
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "uit"))
    assert result.exit_code == 0, result.output
    (only,) = fx.read_folder(tmp_path / "uit").values()
    assert only["respondent"] == "Eve" and only["organisatie"] == "Noord"
    assert only["antwoorden"] == {"ambitie.belofte": 5, "ambitie.doen": 2, "relatie.vertrouwen": 3}


def test_several_exports_at_once_and_the_hybrid_team(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    """Form answers and a file from the room (reflect or the group session) make one team."""
    out = tmp_path / "team"
    exports = [
        str(fx.ms_forms_xlsx(tmp_path / "ms.xlsx")),
        str(fx.google_forms_csv(tmp_path / "g.csv")),
    ]
    result = run_import(runner, mini_bank, *exports, "-p", "Opleidingsschool Noord", "-o", str(out))
    assert result.exit_code == 0, result.output
    (out / "zaal-anna.yaml").write_text(
        "formaat: samenwerk-antwoorden/1\nvragenlijst: mini\nversie: '1.10'\n"
        "partnerschap: opleidingsschool noord\nrespondent: Piet\norganisatie: De Linde\n"
        "antwoorden:\n  ambitie.belofte: 1\n",
        encoding="utf-8",
    )
    import json

    scored = runner.invoke(app, ["score", str(out), "--json", "--questions", str(mini_bank)])
    assert scored.exit_code == 0, scored.output
    (team,) = json.loads(scored.stdout)["partnerschappen"]
    assert team["respondenten"] == 5  # 2 from Microsoft, 2 from Google, 1 in the room
