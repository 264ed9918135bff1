"""``samenwerk export`` as a team uses it: a report folder, one report, CSV and JSON, bad files."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.render.spreadsheet import HEADER
from tests.testbank import mini_answers

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAJAAR = EXAMPLES / "opleidingsschool-noord" / "2026-najaar"


@pytest.fixture
def two_partnerships(tmp_path: Path) -> Path:
    """The examples, plus a copy of the latest round renamed to a second partnership."""
    target = tmp_path / "antwoorden"
    shutil.copytree(EXAMPLES, target)
    other = target / "zuid"
    other.mkdir()
    for path in NAJAAR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("Opleidingsschool Noord", "Zorgketen Zuid-Oost & Één")
        (other / path.name).write_text(text, encoding="utf-8")
    return target


def test_folder_of_reports_with_charts_and_an_index(
    runner: CliRunner, two_partnerships: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rapport"
    result = runner.invoke(app, ["export", str(two_partnerships), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 rapporten met grafiek, en index.md" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "index.md",
        "opleidingsschool-noord.md",
        "opleidingsschool-noord.svg",
        "zorgketen-zuid-oost-een.md",
        "zorgketen-zuid-oost-een.svg",
    ]
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "(opleidingsschool-noord.md)" in index and "(zorgketen-zuid-oost-een.md)" in index
    noord = (out / "opleidingsschool-noord.md").read_text(encoding="utf-8")
    assert (
        "![Radar van de scores per dimensie, schaal 1 tot 5](opleidingsschool-noord.svg)" in noord
    )
    assert "## Ontwikkeling sinds 2026-voorjaar" in noord  # two rounds: a trend
    zuid = (out / "zorgketen-zuid-oost-een.md").read_text(encoding="utf-8")
    assert "Ontwikkeling" not in zuid  # one round: none
    assert zuid.startswith("# Samenwerkingsreflectie: Zorgketen Zuid-Oost &amp; Één\n")
    ET.parse(out / "zorgketen-zuid-oost-een.svg")  # well-formed


def test_one_partnership_to_a_file_puts_the_chart_beside_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["export", str(EXAMPLES), "-o", str(tmp_path / "rapport.md")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.md", "rapport.svg"]
    assert "](rapport.svg)" in (tmp_path / "rapport.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "args", "written"),
    [
        ("pagina.htm", ["-f", "html"], ["pagina.htm"]),
        ("RAPPORT.MD", [], ["RAPPORT.MD", "RAPPORT.svg"]),
    ],
)
def test_a_report_file_keeps_the_name_it_was_given(
    runner: CliRunner, tmp_path: Path, name: str, args: list[str], written: list[str]
) -> None:
    """-o page.htm stays page.htm (an accepted suffix is not rewritten); its chart beside it."""
    result = runner.invoke(app, ["export", str(EXAMPLES), *args, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == written


def test_trailing_slash_names_a_new_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(NAJAAR), "-o", f"{tmp_path}/r/"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r" / "index.md").exists()
    assert (tmp_path / "r" / "opleidingsschool-noord.svg").exists()


def test_without_output_one_report_goes_to_the_screen(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", str(NAJAAR)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Samenwerkingsreflectie: Opleidingsschool Noord")
    assert ".svg" not in result.stdout  # no chart without a place to put it


def test_several_partnerships_need_a_folder(runner: CliRunner, two_partnerships: Path) -> None:
    result = runner.invoke(app, ["export", str(two_partnerships)])
    assert result.exit_code == 2
    assert "2 partnerschappen gevonden: geef met -o een map op" in result.stderr


def test_json_equals_score_json(runner: CliRunner) -> None:
    exported = runner.invoke(app, ["export", str(EXAMPLES), "--format", "json"])
    scored = runner.invoke(app, ["score", str(EXAMPLES), "--json"])
    assert exported.exit_code == scored.exit_code == 0
    assert exported.stdout == scored.stdout
    assert json.loads(exported.stdout)["formaat"] == "samenwerk-score/2"


def test_csv_round_trip(runner: CliRunner, tmp_path: Path, mini_bank: Path) -> None:
    folder = tmp_path / "antwoorden"
    folder.mkdir()
    for name, org, answers_given in (
        (
            "Zoë Één",
            "Hogeschool Noord",
            {"ambitie.belofte": 4, "relatie.vertrouwen": 2, "relatie.omheen": 2},
        ),
        (None, "Basisschool De Linde, locatie Zuid", {"ambitie.doen": "weet niet"}),
    ):
        data = mini_answers(
            ronde="2026-najaar",
            respondent=name,
            organisatie=org,
            antwoorden=answers_given,
            toelichting={"ambitie.open": 'Meer "stageplaatsen";\nen rust'} if name else {},
        )
        answers.save(folder / f"{org[:5]}.yaml", data)
    out = tmp_path / "antwoorden.csv"
    result = runner.invoke(
        app, ["export", str(folder), "-f", "csv", "-o", str(out), "-q", str(mini_bank)]
    )
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.decode("utf-8")  # UTF-8, accents intact
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert list(rows[0]) == list(HEADER)
    assert [(r["respondent"], r["vraag"], r["antwoord"], r["score"]) for r in rows] == [
        ("anoniem 1", "ambitie.doen", "weet niet", ""),  # files in name order: Basis, Hoges
        ("Zoë Één", "ambitie.belofte", "4", "4"),
        ("Zoë Één", "ambitie.open", 'Meer "stageplaatsen";\nen rust', ""),
        ("Zoë Één", "relatie.vertrouwen", "2", "2"),
        ("Zoë Één", "relatie.omheen", "2", "4"),  # reversed item: 6 - 2 = 4
    ]
    assert rows[0]["organisatie"] == "Basisschool De Linde, locatie Zuid"
    assert {r["dimensie"] for r in rows} == {"ambitie", "relatie"}
    assert rows[1]["fase"] == "verkennen" and rows[2]["fase"] == ""


def test_csv_counts_every_answer_of_the_examples(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", str(EXAMPLES), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    bank = bank_mod.load(None)
    expected = 0
    for path in EXAMPLES.rglob("*.yaml"):
        data = answers.read(path, bank).data
        expected += sum(v is not None for v in data.antwoorden.values())
        expected += sum(1 for k, v in data.toelichting.items() if v and not bank.by_id[k].scored)
    assert len(rows) == expected
    assert {r["ronde"] for r in rows} == {"2026-voorjaar", "2026-najaar"}


def test_a_bad_file_is_reported_and_the_rest_exported(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "antwoorden"
    shutil.copytree(NAJAAR, folder)
    (folder / "kapot.yaml").write_text("formaat: samenwerk-antwoorden/1\n: :\n", encoding="utf-8")
    out = tmp_path / "rapport.md"
    result = runner.invoke(app, ["export", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    assert "kapot.yaml" in result.stderr
    assert out.exists()
    skipped = runner.invoke(
        app, ["export", str(folder), "-o", str(out), "--skip-invalid", "--force"]
    )
    assert skipped.exit_code == 0


def test_a_filled_in_report_is_never_overwritten_unasked(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "rapport"
    assert runner.invoke(app, ["export", str(EXAMPLES), "-o", f"{out}/"]).exit_code == 0
    report = out / "opleidingsschool-noord.md"
    report.write_text(report.read_text(encoding="utf-8") + "| Stageplan | Anna | maart |\n")
    chart = (out / "opleidingsschool-noord.svg").stat().st_mtime_ns
    again = runner.invoke(app, ["export", str(EXAMPLES), "-o", f"{out}/"])
    assert again.exit_code == 2
    assert "opleidingsschool-noord.md: bestaat al; kies een andere naam of gebruik --force" in (
        again.stderr
    )
    assert "Stageplan" in report.read_text(encoding="utf-8")
    assert (out / "opleidingsschool-noord.svg").stat().st_mtime_ns == chart  # nothing written
    forced = runner.invoke(app, ["export", str(EXAMPLES), "-o", f"{out}/", "--force"])
    assert forced.exit_code == 0
    assert "Stageplan" not in report.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "bestaat/niet/rapport.md"], "deze map bestaat niet"),
        (["-f", "csv", "-o", "bestaat/niet/"], "deze map bestaat niet"),
        (["-f", "pdf"], "'pdf' is geen van"),
    ],
)
def test_output_errors(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", str(NAJAAR), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("suffix", ["", "/"])
def test_a_file_where_a_folder_is_needed(
    runner: CliRunner, two_partnerships: Path, tmp_path: Path, suffix: str
) -> None:
    taken = tmp_path / "rapport"
    taken.write_text("iets anders\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(two_partnerships), "-o", f"{taken}{suffix}"])
    assert result.exit_code == 2, result.output
    assert f"fout: {taken}: is een bestand; geef voor meerdere rapporten een map op" in (
        result.stderr
    )
    assert "Traceback" not in result.output
    assert taken.read_text(encoding="utf-8") == "iets anders\n"


def test_csv_text_is_never_a_formula(runner: CliRunner, tmp_path: Path, mini_bank: Path) -> None:
    """Formula injection: names and open answers a spreadsheet would evaluate stay text."""
    folder = tmp_path / "antwoorden"
    folder.mkdir()
    data = mini_answers(
        partnerschap='=HYPERLINK("http://x","klik")',
        respondent="@SUM(A1)",
        organisatie="+31 Noord",
        antwoorden={"ambitie.belofte": 4},
        toelichting={"ambitie.open": "- meer rust\n- minder uitval"},
    )
    answers.save(folder / "a.yaml", data)
    result = runner.invoke(app, ["export", str(folder), "-f", "csv", "-q", str(mini_bank)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [(r["vraag"], r["antwoord"], r["score"]) for r in rows] == [
        ("ambitie.belofte", "4", "4"),
        ("ambitie.open", "'- meer rust\n- minder uitval", ""),
    ]
    assert rows[0]["partnerschap"] == '\'=HYPERLINK("http://x","klik")'
    assert (rows[0]["respondent"], rows[0]["organisatie"]) == ("'@SUM(A1)", "'+31 Noord")


def test_a_report_file_name_for_several_partnerships_is_refused(
    runner: CliRunner, two_partnerships: Path, tmp_path: Path
) -> None:
    """`-o rapport.md` must not become a folder called rapport.md."""
    result = runner.invoke(app, ["export", str(two_partnerships), "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 2
    assert "2 partnerschappen gevonden: geef met -o een map op" in result.stderr
    assert not (tmp_path / "r.md").exists()


def test_the_screen_report_says_how_to_get_the_chart(runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", str(NAJAAR)])
    assert result.exit_code == 0
    assert "met -o rapport.md komt de radargrafiek" in result.stderr
