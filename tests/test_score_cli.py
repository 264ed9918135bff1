"""``samenwerk score`` as a facilitator and a CI job meet it, on the shipped examples."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import bank
from samenwerk_cli.scoring import batch
from samenwerk_cli.scoring.workers import Pool

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ROUND = EXAMPLES / "opleidingsschool-noord" / "2026-najaar"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "antwoorden"
    shutil.copytree(EXAMPLES, target)
    return target


def test_report_on_examples_reads_without_colour(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Overzicht van de partnerschappen" in out
    assert out.index("2026-voorjaar") < out.index("2026-najaar")  # rounds in time order
    assert "4 respondenten" in out and "Hogeschool Noord" in out
    assert "aandacht" in out and "zorg" in out  # band words, not colour alone
    assert "Ambitie = belofte × commitment × doen" in out
    assert "Zwakke plekken" in out and "→" in out
    assert "Per organisatie" in out and "Waar je staat" in out
    assert "Trend: 2026-voorjaar → 2026-najaar" in out
    assert "\x1b[" not in out


def test_json_has_the_documented_structure(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", str(EXAMPLES), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data)[:3] == ["formaat", "partnerschappen", "fouten"]
    assert data["formaat"] == "samenwerk-score/2" and data["fouten"] == []
    first, latest = data["partnerschappen"]
    assert list(latest) == [
        "partnerschap",
        "ronde",
        "respondenten",
        "onvolledig",
        "organisaties",
        "dimensies",
        "ambitie_index",
        "fase",
        "zwakke_plekken",
        "aandachtspunten",
        "balans",
        "spraakverwarring",
        "uiteenlopend",
        "organisaties_scores",
        "organisaties_zonder_kolom",
        "organisaties_verschil",
        "organisaties_verschil_stelling",
        "waarschuwingen",
        "patronen",
        "trend",
    ]
    assert (first["ronde"], latest["ronde"]) == ("2026-voorjaar", "2026-najaar")
    assert latest["respondenten"] == 4
    assert [d["id"] for d in latest["dimensies"]] == [
        "ambitie",
        "belangen",
        "relatie",
        "organisatie",
        "proces",
    ]
    for dim in latest["dimensies"]:
        assert list(dim) == ["id", "naam", "score", "band", "dekking", "rwg", "spraakverwarring"]
        assert 1 <= dim["score"] <= 5 and dim["score"] == round(dim["score"], 2)
    assert set(latest["fase"]) == {"huidig", "fases", "zelfbeeld", "overgeslagen", "vooruit"}
    assert latest["fase"]["vooruit"] == ["vormgeven", "uitvoeren"]  # the self-view warning
    assert [f["afgerond"] for f in latest["fase"]["fases"]] == [True, False, True, True, True]
    spot = latest["zwakke_plekken"][0]
    assert list(spot) == ["vraag", "dimensie", "fase", "score", "band", "advies", "neiging"]
    assert spot["band"] == "zorg" and {s["band"] for s in latest["aandachtspunten"]} == {"aandacht"}
    (lean,) = [b for b in latest["balans"] if b["vraag"] == "ambitie.halen-brengen"]
    assert set(lean) == {"vraag", "n", "positie", "neiging", "pool"}
    assert [o["n"] for o in latest["organisaties_scores"]] == [2, 2]
    gap = latest["organisaties_verschil"][0]
    assert gap["dimensie"] == "organisatie" and gap["verschil"] >= 1.0
    assert latest["trend"]["vorige_ronde"] == "2026-voorjaar"
    assert "trend" not in first


def test_fail_under_overall_and_per_dimension(runner: CliRunner) -> None:
    low = runner.invoke(app, ["score", str(ROUND), "--fail-under", "3.5"])
    assert low.exit_code == 1
    # belangen: the 15 item means of the four files sum to 589/12, so 589/180 = 3.272
    assert (
        "onder de drempel: Opleidingsschool Noord (2026-najaar): belangen 3,27 < 3,5" in low.stderr
    )
    assert "ambitie" not in low.stderr  # 779/216 = 3.606 is above
    ok = runner.invoke(app, ["score", str(ROUND), "--fail-under", "ambitie=3.5", "--json"])
    assert ok.exit_code == 0
    assert json.loads(ok.stdout)["onder_drempel"] == []
    override = runner.invoke(
        app,
        [
            "score",
            str(ROUND),
            "--fail-under",
            "3.5",
            "--fail-under",
            "belangen=3,0",
            "--fail-under",
            "organisatie=3.0",
        ],
    )
    assert override.exit_code == 0, override.stderr


@pytest.mark.parametrize("spec", ["hoog", "7", "durf=3"])
def test_bad_threshold_is_a_usage_error(runner: CliRunner, spec: str) -> None:
    result = runner.invoke(app, ["score", str(ROUND), "--fail-under", spec])
    assert result.exit_code == 2
    assert "--fail-under" in result.stderr


def test_bad_file_among_many_is_reported_and_the_rest_scored(
    runner: CliRunner, corpus: Path
) -> None:
    bad = corpus / "kapot.yaml"
    bad.write_text(
        "formaat: samenwerk-antwoorden/1\nvragenlijst: standaard\nversie: '2026.1'\n"
        "partnerschap: X\nantwoorden:\n  ambitie.meerwaarde: 9\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["score", str(corpus), "--json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert len(data["partnerschappen"]) == 2
    (error,) = data["fouten"]
    assert error["bestand"] == str(bad)
    assert error["melding"].startswith("regel 6: veld 'antwoorden.ambitie.meerwaarde'")
    assert f"fout: {bad}:6:" in result.stderr
    skipped = runner.invoke(app, ["score", str(corpus), "--skip-invalid"])
    assert skipped.exit_code == 0
    assert "fout:" in skipped.stderr


def test_single_bad_file_names_file_line_and_field(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "anna.yaml"
    text = (ROUND / "anna-de-vries.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("respondent:", "respondnet:"), encoding="utf-8")
    result = runner.invoke(app, ["score", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"fout: {bad}:")
    assert "veld 'respondnet'" in result.stderr
    assert "Traceback" not in result.output


def test_missing_path_and_empty_folder(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["score", str(tmp_path / "weg")])
    assert missing.exit_code == 2 and "niet gevonden" in missing.stderr
    empty = runner.invoke(app, ["score", str(tmp_path)])
    assert empty.exit_code == 2 and "geen antwoordbestanden" in empty.stderr


def test_two_respondents_show_answers_not_agreement(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("anna-de-vries.yaml", "carla-smit.yaml"):
        shutil.copy(ROUND / name, tmp_path / name)
    result = runner.invoke(app, ["score", str(tmp_path)])
    assert result.exit_code == 0
    assert "2 respondenten" in result.stdout
    assert "rwg" not in result.stdout
    assert "Twee respondenten" in result.stdout


def test_parallel_reading_gives_the_same_batch(corpus: Path, monkeypatch) -> None:
    loaded = bank.load()
    paths, _ = batch.discover([corpus])
    serial = batch.read_all(paths, loaded)
    monkeypatch.setattr(batch, "CHUNK", 3)
    with Pool(2, loaded) as pool:
        parallel = batch.read_all(paths, loaded, pool)
    assert [f.path for f in parallel.files] == [f.path for f in serial.files]
    assert [f.data for f in parallel.files] == [f.data for f in serial.files]


OLD_FILE = """\
formaat: samenwerk-antwoorden/1
vragenlijst: standaard
versie: "2026.1"
partnerschap: Opleidingsschool Noord
ronde: 2026-voorjaar
antwoorden:
  ambitie.meerwaarde: 4
  ambitie.gedeelde-ambitie: 1
  ambitie.doen: 3
  relatie.macht: 5
toelichting:
  relatie.macht: De hogeschool beslist.
"""


def test_an_answer_file_of_the_previous_bank_still_scores(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Version 2026.1 had ids that 2026.2 retired: they are left out with one warning."""
    (tmp_path / "oud.yaml").write_text(OLD_FILE, encoding="utf-8")
    result = runner.invoke(app, ["score", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 2  # the other version, and the retired ids
    assert "ingevuld met versie 2026.1, gescoord met 2026.2" in warnings[0]
    assert warnings[1].startswith(f"waarschuwing: {tmp_path / 'oud.yaml'}:8:")
    assert warnings[1].endswith("2 vragen bestaan niet meer in versie 2026.2 van de vragenlijst "
                                "en tellen niet mee: ambitie.gedeelde-ambitie, relatie.macht")  # fmt: skip
    (found,) = json.loads(result.stdout)["partnerschappen"]
    dims = {d["id"]: d for d in found["dimensies"]}
    assert dims["ambitie"]["score"] == 3.5  # (4 + 3) / 2: the retired 1 does not count
    assert dims["relatie"]["score"] is None  # its only answer was to a retired item


def test_fail_under_judges_the_latest_round_unless_asked_for_all(runner: CliRunner) -> None:
    # 2026-voorjaar (the older round) has belangen and proces below 3.0; 2026-najaar has none.
    latest = runner.invoke(app, ["score", str(EXAMPLES), "--fail-under", "3.0"])
    assert latest.exit_code == 0, latest.stderr
    assert "onder de drempel" not in latest.stderr
    every = runner.invoke(app, ["score", str(EXAMPLES), "--fail-under", "3.0", "--alle-rondes"])
    assert every.exit_code == 1
    assert "Opleidingsschool Noord (2026-voorjaar): belangen" in every.stderr
    assert "< 3,0" in every.stderr and "2026-najaar" not in every.stderr


def test_an_organisation_needs_two_respondents_for_a_column(runner: CliRunner) -> None:
    # The 2026-najaar round has two organisations with two respondents each: both get a column.
    # With --min-per-organisatie 3 neither does, and the report says why.
    shown = runner.invoke(app, ["score", str(ROUND)])
    assert "Hogeschool Noord (n=2)" in shown.stdout
    hidden = runner.invoke(app, ["score", str(ROUND), "--min-per-organisatie", "3"])
    assert hidden.exit_code == 0, hidden.stderr
    flat = " ".join(hidden.stdout.replace("│", " ").split())
    assert "(n=2)" not in flat
    assert "Hogeschool Noord (2 respondenten) heeft geen eigen kolom" in flat
    assert "pas vanaf 3 respondenten" in flat
