"""Hostile and broken input (issue 12): no traceback, no raw control character, every file scored
that can be, and a Dutch message naming file and line for the rest."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import answers, yamlio
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.scoring import batch
from samenwerk_cli.scoring.workers import Pool
from tests.testbank import mini_answers, write_bank

NESTED_KEYS = "rol:\n" + "? " * 1000 + "a\n"  # complex keys nest without any bracket


def answer_text(**fields) -> str:
    return answers.to_yaml(mini_answers(**fields))


def good_file(folder: Path, name: str = "anna.yaml", **fields) -> Path:
    path = folder / name
    path.write_text(answer_text(antwoorden={"ambitie.belofte": 4}, **fields), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of answer files beside (not around) the mini bank."""
    path = tmp_path / "antwoorden"
    path.mkdir()
    return path


def score(runner: CliRunner, bank: Path, *args: str):
    result = runner.invoke(app, ["score", "-q", str(bank), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# --- 1. every YAML construct counts toward the depth limit --------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (NESTED_KEYS, "te diep genest"),
        ("rol:\n  " + "? " * 200 + "a\n", "een sleutel moet een tekst zijn"),
        ("rol:\n  ? " + "[" * 200 + "]" * 200 + "\n", "een sleutel moet een tekst zijn"),
        ("rol: " + "[" * 200 + "]" * 200 + "\n", "te diep genest"),
    ],
)
def test_nested_complex_keys_are_refused_not_a_crash(text: str, words: str) -> None:
    with pytest.raises(SamenwerkError) as info:
        yamlio.parse(text, "f.yaml")
    (only,) = info.value.problems
    assert words in only.message and only.line in (1, 2)


def test_a_file_with_nested_keys_does_not_stop_the_others(
    runner: CliRunner, mini_bank: Path, folder: Path
) -> None:
    good_file(folder)
    (folder / "kwaad.yaml").write_text(answer_text() + NESTED_KEYS.replace("rol:", "ronde:"))
    result = score(runner, mini_bank, str(folder), "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [p["respondenten"] for p in data["partnerschappen"]] == [1]
    (error,) = data["fouten"]
    assert error["bestand"].endswith("kwaad.yaml") and "te diep genest" in error["melding"]


def test_parallel_reading_survives_a_bad_file(mini_bank: Path, folder: Path, monkeypatch) -> None:
    for i in range(4):
        good_file(folder, f"p{i}.yaml")
    (folder / "p9-kwaad.yaml").write_text(NESTED_KEYS)
    monkeypatch.setattr(batch, "CHUNK", 2)
    paths, _ = batch.discover([folder])
    bank = bank_mod.load(mini_bank)
    with Pool(2, bank) as pool:
        result = batch.read_all(paths, bank, pool)
    assert len(result.files) == 4
    assert [p.file for p in result.errors] == [str(folder / "p9-kwaad.yaml")]


def test_a_bank_file_with_nested_keys_is_a_problem(tmp_path: Path) -> None:
    bank_dir = write_bank(
        tmp_path / "vragen", relatie="formaat: samenwerk-vragen/1\n" + NESTED_KEYS
    )
    with pytest.raises(SamenwerkError) as info:
        bank_mod.load(bank_dir)
    assert any("te diep genest" in p.message for p in info.value.problems)


# --- 2. round names with digits int() cannot read -----------------------------------------------


def test_superscript_and_circled_round_names_are_scored(
    runner: CliRunner, mini_bank: Path, folder: Path
) -> None:
    for i, ronde in enumerate(["2026²", "ronde ①", "2026", "ronde ٣"]):
        good_file(folder, f"r{i}.yaml", ronde=ronde)
    result = score(runner, mini_bank, str(folder), "--json")
    assert result.exit_code == 0, result.output
    rondes = [p["ronde"] for p in json.loads(result.stdout)["partnerschappen"]]
    assert sorted(rondes) == sorted(["2026²", "ronde ①", "2026", "ronde ٣"])


# --- 3. control characters in messages and in text from files ------------------------------------


def test_control_characters_in_a_file_reach_no_message_raw(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    path = tmp_path / "esc.yaml"
    text = answer_text(antwoorden={"ambitie.belofte": 4})
    path.write_text(text + '  "ambitie.\\e[2J\\e]52;c;aGk=\\a\\x9b\\u202e": 3\n', encoding="utf-8")
    result = score(runner, mini_bank, str(path))
    assert result.exit_code == 2
    assert "onbekende vraag 'ambitie.\\x1b[2J\\x1b]52;c;aGk=\\x07\\x9b\\u202e'" in result.stderr
    assert not any(c in result.output for c in "\x1b\x07\x9b\u202e")


def test_text_read_from_a_file_has_its_control_characters_shown() -> None:
    doc = yamlio.parse('a: "x\\e[2Jy\\0\\v\\x85\\u2066"\nb: |\n  regel 1\n  \tregel 2\n')
    assert doc.data == {"a": "x\\x1b[2Jy\\x00\\x0b\\x85\\u2066", "b": "regel 1\n\tregel 2\n"}


# --- 6. at most twenty problems per file ---------------------------------------------------------


def test_an_error_flood_is_capped_in_terminal_and_json(
    runner: CliRunner, mini_bank: Path, folder: Path
) -> None:
    good_file(folder)
    flood = folder / "vloed.yaml"
    flood.write_text(answer_text(antwoorden={f"ambitie.x{i}": 3 for i in range(60)}))
    result = score(runner, mini_bank, str(folder), "--json")
    assert result.exit_code == 2
    errors = json.loads(result.stdout)["fouten"]
    assert len(errors) == 21
    assert errors[-1]["melding"] == "… en nog 40 problemen"
    assert result.stderr.count("onbekende vraag") == 20
    assert f"fout: {flood}: … en nog 40 problemen" in result.stderr


# --- 7 and 8. Dutch, every problem in one run, by line -------------------------------------------

FOUR_MISTAKES = """\
formaat: samenwerk-antwoorden/1
vragenlijst: mini
versie: "1.10"
partnerschap: X
respondnet: Anna
datum: 24-11-2026
antwoorden:
  ambitie.belofte: 9
  ambitie.bestaat-niet: 3
"""


def test_every_problem_of_a_file_is_reported_by_line(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    path = tmp_path / "vier.yaml"
    path.write_text(FOUR_MISTAKES, encoding="utf-8")
    result = score(runner, mini_bank, str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert [line.split(f"{path}:")[1].split(":")[0] for line in lines] == ["5", "6", "8", "9"]
    assert "veld 'respondnet': is geen bekend veld" in lines[0]
    assert "schrijf de datum als 2026-11-24" in lines[1]
    assert "niet '9'" in lines[2]
    assert "onbekende vraag 'ambitie.bestaat-niet'" in lines[3]


def test_every_problem_of_a_bank_file_is_reported(tmp_path: Path) -> None:
    bank_dir = write_bank(
        tmp_path / "vragen",
        relatie="""\
        formaat: samenwerk-vragen/1
        dimensie: relatie
        vragen:
          - id: relatie.vertrouwen
            soort: stelling
            fase: verkennen
            thema: vertrouwen
            tekst: Eerlijk.
            omgekeerd: misschien
          - id: relatie.twee
            soort: vraag
            tekst: Twee.
        """,
    )
    with pytest.raises(SamenwerkError) as info:
        bank_mod.load(bank_dir)
    found = [(p.line, p.field) for p in info.value.problems]
    assert found == [(9, "vragen[1].omgekeerd"), (11, "vragen[2].soort")]


ENGLISH = ("found", "expected", "Expected", "Invalid", "Object", "allowed", "could not", "line")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a:\n\tb: 1\n", 2, "gebruik spaties in plaats van tabs"),
        ("a:\n  b: 1\n\t c: 2\n", 3, "gebruik spaties in plaats van tabs"),
        ("a: 1\nb: \x1b[2J\n", 2, "stuurteken \\x1b"),
        ("a: 1\x00\n", 1, "stuurteken \\x00"),
        ("%FOO bar\n---\na: 1\n", 1, "'%'"),
        ("%YAML 3.0\n---\na: 1\n", 1, "%YAML"),
        ('a: "\\q"\n', 1, "escape"),
        ('a: "\\xZZ"\n', 1, "escape"),
        ("a: !<x\n", 1, "tag"),
        ("a: @b\n", 1, "aanhalingstekens"),
        ("a: - b\n", 1, "lijstregel"),
        ("a: 1\n...\nb: 2\n", 3, "tweede document"),
        ("a: [b\n", 2, "niet gesloten"),
        ("a: &\n", 1, "&"),
        ("a: |0\n  x\n", 1, "0"),
        ("a: 'x'y\n", 1, "sluitend aanhalingsteken"),
    ],
)
def test_parser_complaints_are_dutch_with_a_hint(text: str, line: int, words: str) -> None:
    with pytest.raises(SamenwerkError) as info:
        yamlio.parse(text, "f.yaml")
    (found,) = info.value.problems
    assert (found.file, found.line) == ("f.yaml", line)
    assert words in found.message, found.message
    assert not any(word in found.message for word in ENGLISH), found.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "het bestand is leeg"),
        ("# alleen commentaar\n", "het bestand is leeg"),
        (FOUR_MISTAKES.replace("24-11-2026", "2026-02-30"), "schrijf de datum als 2026-11-24"),
        (FOUR_MISTAKES.replace("respondnet: Anna", "compleet: misschien"), "true of false"),
        (FOUR_MISTAKES.replace("respondnet: Anna", "rol: [a, b]"), "moet een tekst of leeg zijn"),
        (FOUR_MISTAKES + '"": 1\n', "een sleutel zonder naam"),
        (FOUR_MISTAKES.replace("samenwerk-antwoorden/1", "[a, b]"), "niet een lijst"),
    ],
)
def test_schema_complaints_are_dutch(tmp_path: Path, mini_bank: Path, text: str, words) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(text.encode())
    with pytest.raises(SamenwerkError) as info:
        answers.read(path, bank_mod.load(mini_bank))
    messages = [p.message for p in info.value.problems]
    assert any(words in m for m in messages), messages
    assert not any(word in m for m in messages for word in ENGLISH), messages


def test_not_utf8_says_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(SamenwerkError) as info:
        yamlio.load_file(path)
    assert "sla het bestand op als UTF-8" in str(info.value)


def test_a_path_that_is_not_readable_is_said_in_dutch(
    runner: CliRunner, mini_bank: Path, tmp_path: Path, monkeypatch
) -> None:
    path = good_file(tmp_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: str(p) != str(path) and real_access(p, mode))
    result = score(runner, mini_bank, str(path))
    assert result.exit_code == 2
    assert f"'{path}' is niet leesbaar" in result.stderr
    assert "not readable" not in result.stderr
