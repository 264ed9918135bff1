"""``export --format xlsx``: a workbook Excel opens as it is, with numbers stored as numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.render.workbook import visible

ENV = {"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None}


def answer_file(name: str, org: str, meerwaarde: int, juich: int, comment: str) -> str:
    return f"""\
formaat: samenwerk-antwoorden/1
vragenlijst: standaard
versie: "2026.2"
partnerschap: Noord
ronde: 2026-najaar
respondent: {name}
organisatie: {org}
antwoorden:
  ambitie.meerwaarde: {meerwaarde}
  ambitie.juichbegrippen: {juich}
  relatie.vertrouwen: weet niet
toelichting:
  ambitie.meerwaarde: "{comment}"
"""


@pytest.fixture
def workbook(tmp_path: Path) -> openpyxl.Workbook:
    folder = tmp_path / "antwoorden"
    folder.mkdir()
    (folder / "a.yaml").write_text(answer_file("Anna", "Hogeschool", 4, 2, "=1+1"), "utf-8")
    (folder / "b.yaml").write_text(answer_file("Bram", "De Linde", 2, 5, "- minder \\e"), "utf-8")
    out = tmp_path / "rapport.xlsx"
    result = CliRunner(env=ENV).invoke(
        app, ["export", str(folder), "--format", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def test_answers_sheet_has_numbers_and_comments(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames[:2] == ["Antwoorden", "Dimensies"]
    rows = list(workbook["Antwoorden"].iter_rows(values_only=True))
    assert rows[0][-2:] == ("score", "toelichting")
    anna = {r[4]: r for r in rows[1:] if r[2] == "Anna"}
    assert anna["ambitie.meerwaarde"][7:10] == (4, 4, "=1+1")  # a formula stays text
    assert anna["ambitie.juichbegrippen"][7:9] == (2, 4)  # reversed: 6 - 2 = 4
    assert anna["relatie.vertrouwen"][7:9] == ("weet niet", None)
    bram = {r[4]: r for r in rows[1:] if r[2] == "Bram"}
    assert bram["ambitie.meerwaarde"][9] == "- minder \\x1b"  # shown, not dropped


def test_dimensions_per_organisation_and_a_chart(workbook: openpyxl.Workbook) -> None:
    rows = list(workbook["Dimensies"].iter_rows(values_only=True))
    assert rows[0][:4] == ("partnerschap", "ronde", "organisatie", "n")
    team = rows[1]
    assert team[2:4] == ("(heel het team)", 2)
    # ambitie: Anna (4 + 4) / 2 = 4, Bram (2 + 1) / 2 = 1.5 -> team (4 + 4 + 2 + 1) / 4 = 11/4
    assert team[4] == pytest.approx(11 / 4)
    chart_sheet = workbook["Noord"]
    assert len(chart_sheet._charts) == 1
    assert chart_sheet["A2"].value == rows[0][4]  # the first dimension's name


def test_xlsx_needs_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "a.yaml").write_text(answer_file("Anna", "H", 4, 2, "x"), "utf-8")
    result = CliRunner(env=ENV).invoke(app, ["export", str(folder), "--format", "xlsx"])
    assert result.exit_code == 2
    assert "geef -o antwoorden.xlsx" in result.stderr


def test_control_characters_are_shown() -> None:
    assert visible("a\x00b\x1b[2Jc") == "a\\x00b\\x1b[2Jc"
    assert visible("één\ttab\nregel") == "één\ttab\nregel"
