"""``samenwerk score`` on a laptop (80 columns) and a projector (100): nothing cut, nothing wider."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.terminal.report import short_labels

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ONE = EXAMPLES / "opleidingsschool-noord" / "2026-najaar" / "anna-de-vries.yaml"


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """Seven partnerships, one with a very long name, one with two rounds."""
    source = ONE.read_text(encoding="utf-8")
    for i in range(1, 7):
        name = f"Samenwerkingsverband {i}" + (" met een heel erg lange naam" * 3 if i == 1 else "")
        text = source.replace("partnerschap: Opleidingsschool Noord", f"partnerschap: {name}")
        (tmp_path / f"p{i}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("columns", [80, 100])
def test_overview_fits_and_cuts_no_number(columns: int, many: Path) -> None:
    env = {"NO_COLOR": "1", "COLUMNS": str(columns), "SAMENWERK_VRAGEN": None}
    result = CliRunner(env=env).invoke(app, ["score", str(EXAMPLES), str(many)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert not re.search(r"\d,?…", result.stdout), "a number was cut"
    overview = result.stdout[: result.stdout.index("n = aantal respondenten")]
    header = next(line for line in lines if " Amb " in line)
    table = lines[lines.index(header) + 2 : lines.index("") if "" in lines else None]
    names = re.sub(r"\s+", " ", " ".join(line[: header.index(" n ")] for line in table))
    assert "Samenwerkingsverband 1" + " met een heel erg lange naam" * 3 + " · 2026-najaar" in names
    assert "Opleidingsschool Noord · 2026-voorjaar" in names
    assert header.split()[-6:] == ["Amb", "Bel", "Rel", "Org", "Pro", "fase"]
    # the band beside each score: examples 2026-voorjaar belangen 2,33 is zorg (○)
    assert "2,33○" in overview
    assert "zwakste" not in overview


def test_short_labels_are_unique_prefixes() -> None:
    assert short_labels(["ambitie", "belangen", "relatie"]) == ["Amb", "Bel", "Rel"]
    assert short_labels(["organisatie", "organisme", "proces"]) == ["Organisa", "Organism", "Pro"]


def test_a_name_with_colons_stays_text(tmp_path: Path) -> None:
    """rich reads ``:smile:`` as an emoji code even in escaped text; a name is never a picture."""
    text = ONE.read_text(encoding="utf-8").replace(
        "partnerschap: Opleidingsschool Noord", 'partnerschap: ":smile: Noord"'
    )
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    result = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100"}).invoke(
        app, ["score", str(tmp_path)]
    )
    assert ":smile: Noord" in result.stdout and "😄" not in result.stdout
