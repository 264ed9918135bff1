"""``samenwerk questions export`` for LimeSurvey, Google Forms and Microsoft Forms, and the round trip
LimeSurvey structure -> responses in LimeSurvey's CSV layout -> import -> the same scores."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import bank as bank_mod

CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,19}$")


def limesurvey_rows(runner: CliRunner, *args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["questions", "export", "--format", "limesurvey", *args])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))


def test_limesurvey_structure_has_valid_codes_and_every_item(runner: CliRunner) -> None:
    bank = bank_mod.load()
    rows = limesurvey_rows(runner)
    questions = [r for r in rows if r["class"] == "Q"]
    codes = [q["name"] for q in questions]
    assert len(codes) == len(set(codes))
    assert all(CODE.match(c) for c in codes), codes
    by_type: dict[str, list[str]] = {}
    current = None
    for row in rows:
        if row["class"] == "Q":
            current = row
            by_type.setdefault(row["type/scale"], []).append(row["text"])
        elif row["class"] == "SQ":
            assert current is not None and current["type/scale"] == "F"
            assert CODE.match(row["name"]), row["name"]
    subquestions = [r["text"] for r in rows if r["class"] == "SQ"]
    assert subquestions == [v.tekst for v in bank.vragen if v.soort == "stelling"]
    assert by_type["L"] == [v.tekst for v in bank.vragen if v.soort == "balans"]
    assert by_type["T"] == [v.tekst for v in bank.vragen if v.soort == "open"]
    assert by_type["S"] == ["Je naam (mag leeg blijven)", "Je organisatie"]
    arrays = len(bank.model.dimensies)
    answers = [r for r in rows if r["class"] == "A"]
    assert len(by_type["F"]) == arrays
    assert len(answers) == 6 * arrays + 5 * len(by_type["L"])
    first = answers[:6]
    assert [(a["name"], a["text"]) for a in first] == [
        ("1", "helemaal oneens"),
        ("2", "oneens"),
        ("3", "neutraal"),
        ("4", "eens"),
        ("5", "helemaal eens"),
        ("wn", "weet niet"),
    ]
    assert all(r["language"] == "nl" for r in rows if r["class"] != "S")


def test_export_quick_and_one_dimension(runner: CliRunner) -> None:
    bank = bank_mod.load()
    rows = limesurvey_rows(runner, "--quick", "-d", "relatie")
    texts = [r["text"] for r in rows if r["class"] in ("SQ",) or r["type/scale"] in ("L", "T")]
    assert texts == [v.tekst for v in bank.vragen if v.dimensie == "relatie" and v.kort]


def test_unknown_dimension(runner: CliRunner) -> None:
    result = runner.invoke(app, ["questions", "export", "-f", "google", "-d", "ambities"])
    assert result.exit_code == 2
    assert "onbekende dimensie 'ambities'" in result.stderr


def test_google_script_builds_a_grid_per_dimension(runner: CliRunner) -> None:
    bank = bank_mod.load()
    result = runner.invoke(app, ["questions", "export", "--format", "google"])
    assert result.exit_code == 0, result.output
    match = re.search(r"^var DATA = (\{.*?^\});$", result.stdout, re.S | re.M)
    assert match, result.stdout[:300]
    data = json.loads(match.group(1))
    assert data["labels"] == [*bank.model.schaal.labels, "weet niet"]
    assert [d["naam"] for d in data["dimensies"]] == [d.naam for d in bank.model.dimensies]
    grid = [s for d in data["dimensies"] for s in d["stellingen"]]
    assert grid == [v.tekst for v in bank.vragen if v.soort == "stelling"]
    first = next(d["balans"][0] for d in data["dimensies"] if d["balans"])
    assert first["keuzes"][2] == "3 · in evenwicht"
    assert "function maakFormulier()" in result.stdout
    assert "addGridItem" in result.stdout and "addParagraphTextItem" in result.stdout


def test_text_for_microsoft_forms_has_each_statement_on_its_own_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    bank = bank_mod.load()
    target = tmp_path / "forms.txt"
    result = runner.invoke(app, ["questions", "export", "-f", "tekst", "-o", str(target)])
    assert result.exit_code == 0, result.output
    lines = target.read_text("utf-8").splitlines()
    for v in bank.vragen:
        assert any(line.endswith(v.tekst) for line in lines), v.id
    statements = [v.tekst for v in bank.vragen if v.soort == "stelling"]
    assert sum(line in statements for line in lines) == len(statements)
    again = runner.invoke(app, ["questions", "export", "-f", "tekst", "-o", str(target)])
    assert again.exit_code == 2 and "--force" in again.stderr


def test_limesurvey_file_starts_with_a_bom(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "enquete.txt"
    result = runner.invoke(app, ["questions", "export", "-f", "limesurvey", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"\xef\xbb\xbfclass\ttype/scale\tname")


def test_round_trip_limesurvey_export_import_score(runner: CliRunner, tmp_path: Path) -> None:
    """The codes in the exported structure lead back to the items: importing LimeSurvey's
    response CSV scores exactly as the same answers written as answer files."""
    bank = bank_mod.load()
    by_text = {v.tekst: v for v in bank.vragen}
    rows = limesurvey_rows(runner)
    columns: list[tuple[str, str]] = []  # (CSV header, item id or naam/org)
    array = None
    for row in rows:
        if row["class"] == "Q":
            array = row["name"]
            if row["type/scale"] == "S":
                columns.append((row["name"], row["name"]))
            elif row["type/scale"] in ("L", "T"):
                columns.append((row["name"], by_text[row["text"]].id))
        elif row["class"] == "SQ":
            columns.append((f"{array}[{row['name']}]", by_text[row["text"]].id))
    assert len(columns) == 2 + len(bank.vragen)

    rng = random.Random(14)
    people = [("Anna", "Hogeschool Noord"), ("", "Hogeschool Noord"), ("Bram", "De Linde"),
              ("Carla", "De Linde"), ("Dirk", "Hogeschool Noord"), ("Eva", "De Linde")]  # fmt: skip
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed"] + [c for c, _ in columns]
    records, direct = [], tmp_path / "direct"
    direct.mkdir()
    for n, (name, org) in enumerate(people, 1):
        record = [str(n), f"2026-11-{20 + n} 10:00:00", "7", "nl", str(rng.randrange(10**9))]
        answers, notes = {}, {}
        for _, target in columns:
            if target == "naam":
                record.append(name)
                continue
            if target == "org":
                record.append(org)
                continue
            v = bank.by_id[target]
            if v.soort == "open":
                text = rng.choice(["", "Samen meer", "Regel een\nregel twee"])
                record.append(text)
                if text:
                    notes[target] = text
                continue
            value = rng.choice([1, 2, 3, 4, 5, 5, 4, "weet niet", None])
            answers[target] = value
            record.append("" if value is None else "wn" if value == "weet niet" else str(value))
        records.append(record)
        doc = {
            "formaat": "samenwerk-antwoorden/1", "vragenlijst": bank.naam, "versie": bank.versie,
            "partnerschap": "Opleidingsschool Noord", "ronde": "2026-najaar",
            "respondent": name or None, "organisatie": org, "datum": f"2026-11-{20 + n}",
            "antwoorden": answers, "toelichting": notes,
        }  # fmt: skip
        (direct / f"{n}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    export = tmp_path / "results-survey123456.csv"
    with export.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows([header, *records])

    out = tmp_path / "ingelezen"
    imported = runner.invoke(
        app,
        [
            "import",
            str(export),
            "-p",
            "Opleidingsschool Noord",
            "--round",
            "2026-najaar",
            "-o",
            str(out),
        ],
    )
    assert imported.exit_code == 0, imported.output
    assert "waarschuwing" not in imported.stderr
    assert len(list(out.glob("*.yaml"))) == len(people)

    via_form = runner.invoke(app, ["score", str(out), "--json"])
    as_files = runner.invoke(app, ["score", str(direct), "--json"])
    assert via_form.exit_code == as_files.exit_code == 0, via_form.output + as_files.output
    assert json.loads(via_form.stdout) == json.loads(as_files.stdout)
    assert json.loads(via_form.stdout)["partnerschappen"][0]["respondenten"] == len(people)


def test_dash_writes_to_the_screen(runner: CliRunner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["questions", "export", "-f", "tekst", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Reflectiemodel op samenwerken")
    assert list(tmp_path.iterdir()) == []


def test_two_questions_with_one_code_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    """A dimension ``ambitie-halen`` and an item ``ambitie.halen`` both become ``ambitieHalen``."""
    from tests.testbank import MODEL, write_bank

    model = MODEL.replace("  - id: relatie\n", "  - id: ambitie-halen\n")
    relatie = (Path(__file__).parent / "bank" / "relatie.yaml").read_text("utf-8")
    relatie = relatie.replace("dimensie: relatie", "dimensie: ambitie-halen").replace(
        "id: relatie.", "id: ambitie-halen."
    )
    ambitie = (Path(__file__).parent / "bank" / "ambitie.yaml").read_text("utf-8")
    ambitie = ambitie.replace("id: ambitie.halen-brengen", "id: ambitie.halen")
    bank = write_bank(tmp_path / "vragen", model=model, ambitie=ambitie, relatie=relatie)
    result = runner.invoke(app, ["questions", "export", "-f", "limesurvey", "-q", str(bank)])
    assert result.exit_code == 2, result.output
    assert "twee vragen krijgen dezelfde LimeSurvey-code 'ambitieHalen'" in result.stderr
