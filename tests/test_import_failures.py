"""``samenwerk import`` is all or nothing: every problem one Dutch line with row and column, exit 2,
nothing written; what it cannot place it says, and --dry-run only shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from tests import forms_fixtures as fx
from tests.testbank import RELATIE, write_bank


def run_import(runner: CliRunner, bank: Path, *args: str):
    return runner.invoke(app, ["import", *args, "--questions", str(bank)])


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("fout:")]


def google(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "google.csv"
    header = f'"Timestamp","Je organisatie","Ambitie van betekenis [{fx.BELOFTE}]","{fx.DOEN}"'
    path.write_text("\r\n".join([header, *rows]) + "\r\n", encoding="utf-8")
    return path


def test_unknown_label_is_one_line_with_row_and_column(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = google(
        tmp_path,
        '"2026/11/24 9:14:40 AM CET","Noord","eens","eens"',
        '"2026/11/24 9:20:00 AM CET","Noord","Soms","eens"',
    )
    out = tmp_path / "uit"
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out))
    assert result.exit_code == 2
    (line,) = errors(result.stderr)
    assert line.startswith(f"fout: {export}: rij 3, kolom C ('Ambitie van betekenis [We hebben")
    assert "'Soms' is geen antwoord" in line
    assert not out.exists()  # the good row is not written either


def test_every_problem_is_listed_and_nothing_written_into_an_existing_folder(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = google(
        tmp_path,
        '"2026/11/24 9:14:40 AM CET","Noord","Soms","eens"',
        '"gisteren","Noord","eens","Vaak"',
    )
    out = tmp_path / "uit"
    out.mkdir()
    (out / "anna.yaml").write_text("from the room\n", encoding="utf-8")
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out))
    assert result.exit_code == 2
    lines = errors(result.stderr)
    assert len(lines) == 3
    assert "rij 2, kolom C" in lines[0] and "'Soms'" in lines[0]
    assert "rij 3, kolom D" in lines[1] and "'Vaak'" in lines[1]
    assert "rij 3, kolom A ('Timestamp'): 'gisteren' is geen datum" in lines[2]
    assert [p.name for p in out.iterdir()] == ["anna.yaml"]
    assert "Traceback" not in result.output


def test_a_cut_off_header_that_fits_two_statements_is_ambiguous(
    runner: CliRunner, tmp_path: Path
) -> None:
    relatie = RELATIE.replace(
        "    tekst: Er zijn onderwerpen waar we omheen praten.",
        "    tekst: We hebben elkaar leren kennen buiten het overleg.",
    )
    bank = write_bank(tmp_path / "vragen", relatie=relatie)
    export = tmp_path / "ms.csv"
    export.write_text("ID,Name,We hebben elkaar…\n1,Anna,Eens\n", encoding="utf-8")
    result = run_import(runner, bank, str(export), "-p", "PS", "-o", str(tmp_path / "uit"))
    assert result.exit_code == 2
    (line,) = errors(result.stderr)
    assert "kolom C ('We hebben elkaar…')" in line
    assert "past bij meer dan één vraag (ambitie.belofte, relatie.omheen)" in line
    assert not (tmp_path / "uit").exists()


def test_a_statement_in_two_columns(runner: CliRunner, mini_bank: Path, tmp_path: Path) -> None:
    export = tmp_path / "ls.csv"
    export.write_text(f'"id","ambitie[doen]","{fx.DOEN}"\n"1","4","4"\n', encoding="utf-8")
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "uit"))
    assert result.exit_code == 2
    (line,) = errors(result.stderr)
    assert (
        "kolom C ('We doen wat we afspreken.'): vraag ambitie.doen staat ook al in kolom B" in line
    )


def test_unknown_columns_are_a_warning_not_dropped_silently(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = tmp_path / "ms.csv"
    export.write_text(f"ID,Hoe oud ben je?,{fx.BELOFTE}\n1,44,Eens\n", encoding="utf-8")
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "uit"))
    assert result.exit_code == 0, result.output
    assert (
        f"waarschuwing: {export}: kolom B ('Hoe oud ben je?'): geen vraag of bekend veld; "
        "niet ingelezen" in result.stderr
    )
    (only,) = fx.read_folder(tmp_path / "uit").values()
    assert only["antwoorden"] == {"ambitie.belofte": 4}


def test_dry_run_shows_the_columns_and_writes_nothing(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = fx.ms_forms_xlsx(tmp_path / "ms.xlsx")
    out = tmp_path / "uit"
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "kolom C ('Completion time') → datum" in result.stdout
    assert "kolom E ('Name') → respondent" in result.stdout
    assert "kolom G ('Je organisatie') → organisatie" in result.stdout
    assert "kolom J ('We doen wat we afspr…') → ambitie.doen" in result.stdout
    assert "kolom L ('Wat willen we bereiken?') → ambitie.open" in result.stdout
    assert "2 antwoordbestanden zouden worden geschreven" in result.stdout
    assert not out.exists()


def test_dry_run_still_reports_bad_cells(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = google(tmp_path, '"2026/11/24 9:14:40 AM CET","Noord","Soms","eens"')
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "--dry-run")
    assert result.exit_code == 2
    assert "kolom C" in result.stdout  # the plan is shown first
    assert len(errors(result.stderr)) == 1


def test_importing_again_is_refused_unless_forced(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = fx.google_forms_csv(tmp_path / "g.csv")
    out = tmp_path / "uit"
    assert run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out)).exit_code == 0
    again = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out))
    assert again.exit_code == 2
    assert "2 bestanden bestaan al" in again.stderr and "--force" in again.stderr
    forced = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert len(list(out.iterdir())) == 2


def test_mapping_file_names_columns_and_labels(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = tmp_path / "eigen.csv"
    export.write_text("Vraag 1,Afdeling,Vraag 2\nSoms,Noord,Altijd\n", encoding="utf-8")
    koppeling = tmp_path / "koppeling.yaml"
    koppeling.write_text(
        "kolommen:\n  vraag 1: ambitie.belofte\n  Afdeling: organisatie\n  Vraag 2: ambitie.doen\n"
        "labels:\n  soms: 3\n  Altijd: 5\n",
        encoding="utf-8",
    )
    result = run_import(
        runner,
        mini_bank,
        str(export),
        "-p",
        "PS",
        "-o",
        str(tmp_path / "uit"),
        "--mapping",
        str(koppeling),
    )
    assert result.exit_code == 0, result.output
    (only,) = fx.read_folder(tmp_path / "uit").values()
    assert only["organisatie"] == "Noord"
    assert only["antwoorden"] == {"ambitie.belofte": 3, "ambitie.doen": 5}


def test_bad_mapping_names_file_line_and_field(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = tmp_path / "eigen.csv"
    export.write_text("Vraag 1\nEens\n", encoding="utf-8")
    koppeling = tmp_path / "koppeling.yaml"
    koppeling.write_text("kolommen:\n  Vraag 1: ambitie.beloftes\n", encoding="utf-8")
    result = run_import(
        runner,
        mini_bank,
        str(export),
        "-p",
        "PS",
        "-o",
        str(tmp_path / "uit"),
        "--mapping",
        str(koppeling),
    )
    assert result.exit_code == 2
    (line,) = errors(result.stderr)
    assert line.startswith(f"fout: {koppeling}:2: veld 'kolommen.Vraag 1': 'ambitie.beloftes'")


def test_two_organisation_columns_need_a_choice(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = tmp_path / "ms.csv"
    export.write_text(
        f"Organisatie,Organisatie van je leidinggevende,{fx.BELOFTE}\nNoord,Zuid,Eens\n",
        encoding="utf-8",
    )
    out = tmp_path / "uit"
    refused = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out))
    assert refused.exit_code == 2
    assert "meer dan één kolom voor de organisatie" in refused.stderr
    chosen = run_import(
        runner, mini_bank, str(export), "-p", "PS", "-o", str(out),
        "--organisation-column", "Organisatie van je leidinggevende",
    )  # fmt: skip
    assert chosen.exit_code == 0, chosen.output
    (only,) = fx.read_folder(out).values()
    assert only["organisatie"] == "Zuid"
    missing = run_import(
        runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "niet"),
        "--organisation-column", "Afdeling",
    )  # fmt: skip
    assert missing.exit_code == 2  # never quietly another column than the one asked for
    assert "geen kolom 'Afdeling' (--organisation-column)" in missing.stderr
    assert not (tmp_path / "niet").exists()


def test_the_chosen_organisation_column_wins_over_the_forms_own_question(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    from samenwerk_cli.forms.codes import ORG_CODE

    export = tmp_path / "ls.csv"
    export.write_text(
        f'"id","{ORG_CODE}","Afdeling","ambitie[belofte]"\n"1","Noord","Bovenbouw","4"\n',
        encoding="utf-8",
    )
    asked = run_import(
        runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "a"),
        "--organisation-column", "Afdeling",
    )  # fmt: skip
    assert asked.exit_code == 0, asked.output
    (only,) = fx.read_folder(tmp_path / "a").values()
    assert only["organisatie"] == "Bovenbouw"
    missing = run_import(
        runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "b"),
        "--organisation-column", "Sectie",
    )  # fmt: skip
    assert missing.exit_code == 2, missing.output
    assert "geen kolom 'Sectie' (--organisation-column)" in missing.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "oud.xls",
            b"\xd0\xcf\x11\xe0",
            ".xls-bestanden worden niet gelezen; sla op als .xlsx of .csv",
        ),
        ("kapot.xlsx", b"geen zip", "geen leesbaar Excel-bestand"),
        ("leeg.csv", b"\r\n\r\n", "het bestand is leeg"),
        ("los.csv", b"a,b\n1,2\n", "geen enkele kolom is een vraag uit de vragenlijst"),
        ("notities.pdf", b"%PDF", "kies een .xlsx-, .csv- of .tsv-bestand"),
    ],
)
def test_unreadable_exports_are_a_dutch_error(
    runner: CliRunner, mini_bank: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    export = tmp_path / name
    export.write_bytes(content)
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "uit"))
    assert result.exit_code == 2
    (line,) = errors(result.stderr)
    assert line.startswith(f"fout: {export}: ") and message in line


def test_missing_output_and_missing_file(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = fx.google_forms_csv(tmp_path / "g.csv")
    no_output = run_import(runner, mini_bank, str(export), "-p", "PS")
    assert no_output.exit_code == 2 and "-o MAP" in no_output.stderr
    missing = run_import(
        runner,
        mini_bank,
        str(tmp_path / "weg.csv"),
        str(export),
        "-p",
        "PS",
        "-o",
        str(tmp_path / "u"),
    )
    assert missing.exit_code == 2
    assert errors(missing.stderr) == [f"fout: {tmp_path / 'weg.csv'}: bestand niet gevonden"]


def test_partnership_is_required(runner: CliRunner, mini_bank: Path, tmp_path: Path) -> None:
    export = fx.google_forms_csv(tmp_path / "g.csv")
    result = run_import(runner, mini_bank, str(export), "-o", str(tmp_path / "uit"))
    assert result.exit_code == 2
    assert errors(result.stderr) == ["fout: geef het partnerschap op met --partnership NAAM"]


def test_limesurvey_timing_columns_with_full_headings_are_metadata(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = tmp_path / "ls.csv"
    export.write_text(
        f'"Response ID","Date submitted","{fx.BELOFTE}","Total time","Group time: Ambitie",'
        '"Question time: ambitie"\n"1","2026-11-24 10:00:00","eens","12","5","3"\n',
        encoding="utf-8",
    )
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(tmp_path / "uit"))
    assert result.exit_code == 0, result.output
    assert "waarschuwing" not in result.stderr


def test_control_characters_in_a_header_are_shown_not_sent_to_the_terminal(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    export = tmp_path / "ms.csv"
    export.write_text(f"\x1b[2JWist\x07,{fx.BELOFTE}\n1,Eens\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = run_import(runner, mini_bank, str(export), "-p", "PS", "-o", str(out), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b[2JWist" in result.stdout and "\\x1b[2JWist" in result.stderr
