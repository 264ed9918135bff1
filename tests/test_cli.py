"""The CLI as a user meets it: version, help, questions list/check, template, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import answers, bank
from tests.testbank import AMBITIE, MODEL, write_bank


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("samenwerk ")


def test_version_fast_path_in_a_real_process() -> None:
    """``main()`` answers --version before building the app; the answer must be the same."""
    import subprocess
    import sys

    from samenwerk_cli import __version__

    for args in (["--version"], ["--version", "--help"]):
        result = subprocess.run(
            [sys.executable, "-m", "samenwerk_cli", *args], capture_output=True, text=True
        )
        assert result.returncode == 0
        assert result.stdout == f"samenwerk {__version__}\n"


def test_help_without_arguments_exits_zero(runner: CliRunner) -> None:
    for args in ([], ["--help"], ["questions"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, args
        assert result.stdout.startswith("Gebruik: ")


@pytest.mark.parametrize(
    "args",
    [[], ["questions"], ["questions", "list"], ["questions", "check"], ["template"], ["score"],
     ["reflect"], ["export"]],
)  # fmt: skip
def test_help_pages_are_dutch_throughout(runner: CliRunner, args: list[str]) -> None:
    """Not only our texts: the framework's frame too (usage, sections, notes, metavars)."""
    page = runner.invoke(app, [*args, "--help"], prog_name="samenwerk").stdout
    assert page.startswith(f"Gebruik: {' '.join(['samenwerk', *args])} [OPTIES]")
    assert "Opties:" in page and "Toon deze uitleg en stop." in page
    for english in ("Usage", "Options", "Arguments", "Commands", "Show this", "[default",
                    "[required", "<str>", "<path>", "<int", "OPTIONS", "COMMAND "):  # fmt: skip
        assert english not in page, (args, english)


def test_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    assert runner.invoke(app, ["bestaat-niet"]).exit_code == 2


def test_questions_list_json(runner: CliRunner, mini_bank: Path) -> None:
    result = runner.invoke(app, ["questions", "list", "--json", "--questions", str(mini_bank)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["vragenlijst"] == {"naam": "mini", "versie": "1.10"}
    first = data["vragen"][0]
    assert list(first) == [
        "id",
        "dimensie",
        "fase",
        "thema",
        "soort",
        "tekst",
        "kort",
        "omgekeerd",
        "polen",
    ]
    assert first["id"] == "ambitie.belofte"
    balans = next(v for v in data["vragen"] if v["soort"] == "balans")
    assert balans["polen"] == ["We brengen meer dan we halen", "We halen meer dan we brengen"]


def test_questions_list_quick_table(runner: CliRunner, mini_bank: Path) -> None:
    result = runner.invoke(app, ["questions", "list", "--quick", "-q", str(mini_bank)])
    assert result.exit_code == 0
    assert "ambitie.belofte" in result.stdout and "relatie.vertrouwen" in result.stdout
    assert "ambitie.doen" not in result.stdout


def test_questions_check_valid_bank(runner: CliRunner, mini_bank: Path) -> None:
    result = runner.invoke(app, ["questions", "check", str(mini_bank)])
    assert result.exit_code == 0
    assert "geldig" in result.stdout
    # ambitie: verkennen, delen, overeenkomen; relatie: verkennen, delen, vormgeven; of 2 x 4
    assert "6 van de 8 cellen" in result.stdout
    assert "niet elke combinatie" in result.stderr


def test_questions_check_lists_every_problem(runner: CliRunner, tmp_path: Path) -> None:
    broken = AMBITIE.replace("fase: overeenkomen\n    thema: doen", "fase: later\n    thema: niets")
    directory = write_bank(tmp_path, ambitie=broken)
    result = runner.invoke(app, ["questions", "check", str(directory)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"fout: {directory / 'ambitie.yaml'}:") for line in lines)
    assert "Traceback" not in result.output


def test_questions_check_names_a_retired_id_that_is_still_an_item(
    runner: CliRunner, tmp_path: Path
) -> None:
    model = MODEL.replace("fases:\n", "vervallen: [ambitie.doen]\nfases:\n")
    directory = write_bank(tmp_path, model=model)
    result = runner.invoke(app, ["questions", "check", str(directory)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"fout: {directory / 'model.yaml'}:26:")
    assert "'ambitie.doen' staat als vervallen, maar is nog een vraag" in result.stderr


def test_questions_check_missing_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["questions", "check", str(tmp_path / "nergens")])
    assert result.exit_code == 2
    assert "bestaat niet" in result.stderr


def test_builtin_bank_fills_every_cell(runner: CliRunner) -> None:
    result = runner.invoke(app, ["questions", "check"])
    assert result.exit_code == 0, result.output
    assert "25 van de 25 cellen" in result.stdout
    data = json.loads(runner.invoke(app, ["questions", "list", "--json"]).stdout)
    scored = [v for v in data["vragen"] if v["soort"] != "open"]
    assert len(scored) >= 50
    assert 10 <= sum(v["kort"] for v in scored) <= 15


def test_template_to_file_then_fill_and_read(
    runner: CliRunner, mini_bank: Path, tmp_path: Path
) -> None:
    out = tmp_path / "anna.yaml"
    args = [
        "template",
        "-o",
        str(out),
        "--partnership",
        "Noord",
        "--organisation",
        "Hogeschool",
        "--questions",
        str(mini_bank),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "organisatie: Hogeschool" in text
    out.write_text(text.replace("ambitie.doen:", "ambitie.doen: 3"), encoding="utf-8")
    read = answers.read(out, bank.load(mini_bank))
    assert read.given == {"ambitie.doen": 3}
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "bestaat al" in again.stderr
    assert "ambitie.doen: 3" in out.read_text(encoding="utf-8")


def test_template_to_stdout_quick(runner: CliRunner, mini_bank: Path) -> None:
    result = runner.invoke(app, ["template", "--quick", "-q", str(mini_bank)])
    assert result.exit_code == 0
    assert "  ambitie.belofte:" in result.stdout and "ambitie.doen" not in result.stdout


def test_ctrl_c_anywhere_exits_130(runner: CliRunner, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(bank, "load", interrupted)
    result = runner.invoke(app, ["questions", "list"])
    assert result.exit_code == 130
    assert "onderbroken" in result.stderr


def test_usage_errors_are_in_dutch(runner: CliRunner) -> None:
    cases = {
        ("scor",): "onbekend commando 'scor'. Bedoel je 'score'?",
        ("score", "x", "--foo"): "onbekende optie: --foo",
        ("score",): "PAD... ontbreekt",
        ("score", "x", "--fail-under"): "optie --fail-under heeft een waarde nodig",
        ("score", "x", "-j", "veel"): "'veel' is geen geheel getal",
        ("questions", "check", "a", "b"): "onverwacht extra argument: b",
    }
    for args, words in cases.items():
        result = runner.invoke(app, list(args), prog_name="samenwerk")
        assert result.exit_code == 2, args
        assert words in result.stderr, (args, result.stderr)
        assert "Error" not in result.stderr and "Usage" not in result.stderr


COMMANDS = [
    ["reflect"],
    ["import"],
    ["score"],
    ["export"],
    ["template"],
    ["questions"],
    ["questions", "list"],
    ["questions", "check"],
    ["questions", "export"],
    [],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "samenwerk")
@pytest.mark.parametrize("columns", ["80", "100"])
def test_every_help_ends_with_examples_and_fits(command: list[str], columns: str) -> None:
    result = CliRunner(env={"NO_COLOR": "1", "COLUMNS": columns}).invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    lines = result.stdout.rstrip("\n").splitlines()
    examples = lines.index("Voorbeelden:")
    shown = [line.strip() for line in lines[examples + 1 :] if line.startswith("  samenwerk")]
    assert 2 <= len(shown) <= 3
    assert all(len(line) <= int(columns) for line in lines)
    cut = [line for line in lines[1:] if line.rstrip().endswith(("...", "…"))]
    assert not cut, cut  # no description cut short


def test_commands_in_the_order_a_facilitator_meets_them(runner: CliRunner) -> None:
    out = runner.invoke(app, ["--help"]).stdout
    section = out[out.index("Commando's:") : out.index("Voorbeelden:")]
    names = [
        line.split()[0]
        for line in section.splitlines()[1:]
        if line.startswith("  ") and line[2] != " "
    ]
    assert names == ["reflect", "score", "export", "import", "template", "questions"]


def test_dutch_spelling_of_the_options(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["template", "--partnerschap", "Noord", "--organisatie", "De Linde", "--quick"]
    )
    assert result.exit_code == 0, result.output
    assert "partnerschap: Noord" in result.stdout
    assert "organisatie: De Linde" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["questions", "export"],
        ["questions", "export", "-f", "pdf"],
        ["import"],
        ["export", "examples", "-f", "pdf"],
        ["score", "--jobs", "x", "examples"],
        ["score"],
        ["bestaatniet"],
    ],
)
def test_usage_errors_are_dutch(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    english = ("Missing", "Choose", "Invalid", "Usage", "Error", "No such", "Try ")
    assert not [w for w in english if w in result.stderr], result.stderr
    assert "fout: " in result.stderr
