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


def _block(lines: list[str], start: str) -> list[str]:
    """The panel lines from the first that starts with ``start`` up to the next empty line,
    without the border."""
    inner = [line[2:-1].rstrip() if line.startswith("│") else line for line in lines]
    first = next(i for i, line in enumerate(inner) if line.startswith(start))
    end = next(i for i in range(first, len(inner)) if not inner[i].strip())
    return inner[first:end]


@pytest.mark.parametrize("columns", [60, 80])
def test_wrapped_sub_items_keep_their_indent(columns: int) -> None:
    """On a narrow screen a long detail wraps under its own text, not back to the margin: the
    fase details, the patterns' figures, the items that diverge, the advice per dimension and
    the organisation gaps."""
    env = {"NO_COLOR": "1", "COLUMNS": str(columns), "SAMENWERK_VRAGEN": None}
    result = CliRunner(env=env).invoke(app, ["score", str(ONE.parent.parent)])  # two rounds
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()

    fase = _block(lines, "Fase:")
    assert len(fase) > 4  # the steps, the self-view and the warning wrap at these widths
    assert all(line.startswith("  ") and line[2] != " " for line in fase[1:])

    patterns = _block(lines, "Patronen over")
    figures = [i for i, line in enumerate(patterns) if line.startswith("    – ")]
    assert figures
    for i in figures:  # a figure's continuation sits under its text, two past the dash
        for line in patterns[i + 1 :]:
            if not line.startswith("      "):
                break
            assert line[6] != " "
        follower = patterns[i + 1]
        assert follower.startswith(("    – ", "      ", "  KANS: ")), follower

    divergent = _block(lines, "Waar de antwoorden")
    continued = 0
    in_sub_item = False
    for line in divergent[1:]:
        if line.startswith(("  – ", "• ")) or not line.startswith(" "):
            in_sub_item = line.startswith("  – ")
        elif in_sub_item:  # a sub-item's wrapped line: under its text, past the dash
            assert line.startswith("    ") and line[4] != " ", line
            continued += 1
    assert continued  # at these widths some item wraps

    advice = _block(lines, "→ ")
    assert len(advice) > 1 and all(line.startswith("  ") for line in advice[1:])

    orgs = _block(lines, "Per organisatie")
    gap = next(i for i, line in enumerate(orgs) if line.startswith("• "))
    assert orgs[gap + 1].startswith("  ") and orgs[gap + 1][2] != " "  # the gap's second line
