"""Per organisation, a balans item compares mean raw positions and names the poles (docs/model.md,
"Per organisatie"); a stelling keeps comparing scores.

A balans score 5 − 2·|x − 3| is the same at both poles, so comparing scores hid two organisations
at opposite ends and showed "5,00" for "in balance". Every expected figure is computed by hand.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import answers as answers_mod
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.scoring import groups as scoring
from tests.testbank import BANK, answer_file

ITEM = "organisatie.onder-over"  # built-in bank: "Hoeveel afspraken en overleg heeft onze samenwerking?"
TOO_FEW = "Te weinig: afspraken en overleg ontbreken"
TOO_MANY = "Te veel: afspraken en overleg remmen het werk"
STELLING = "ambitie.meerwaarde"  # a stelling, not reversed: its score is the answer
NOORD, LINDE = "Hogeschool Noord", "Basisschool De Linde"


def _write(directory: Path, people: list[tuple[str, dict[str, int]]]) -> Path:
    directory.mkdir()
    bank = bank_mod.load(None)
    for i, (org, answers) in enumerate(people):
        data = answers_mod.Antwoorden(
            formaat=answers_mod.FORMAT,
            vragenlijst=bank.naam,
            versie=bank.versie,
            partnerschap="Opleidingsschool Noord",
            ronde="2026-najaar",
            respondent=f"R{i}",
            organisatie=org,
            antwoorden=answers,
        )
        answers_mod.save(directory / f"r{i}.yaml", data)
    return directory


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").replace("*", "").split())


def _reports(directory: Path, tmp_path: Path) -> list[str]:
    """The terminal report of ``score`` and the markdown and HTML of ``export``."""
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "200", "SAMENWERK_VRAGEN": None})
    out = []
    for args, file in (
        (["score", str(directory)], None),
        (["export", str(directory), "-o", str(tmp_path / "r.md")], tmp_path / "r.md"),
        (
            ["export", str(directory), "-f", "html", "-o", str(tmp_path / "r.html")],
            tmp_path / "r.html",
        ),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        out.append(_flat(file.read_text(encoding="utf-8") if file else result.stdout))
    return out


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The examples' 2026-najaar case: Hogeschool Noord answers 3 and 3 on afspraken en overleg,
    De Linde 4 and 5. On the stelling Noord answers 5 and 4, De Linde 2 and 2."""
    return _write(
        tmp_path / "antwoorden",
        [
            (NOORD, {ITEM: 3, STELLING: 5}),
            (NOORD, {ITEM: 3, STELLING: 4}),
            (LINDE, {ITEM: 4, STELLING: 2}),
            (LINDE, {ITEM: 5, STELLING: 2}),
        ],
    )


def test_the_example_names_positions_and_poles_in_every_report(
    example: Path, tmp_path: Path
) -> None:
    # Positions: Noord (3 + 3)/2 = 3, in balance (2.5 to 3.5); De Linde (4 + 5)/2 = 9/2, above 3.5:
    # towards the second pole. Difference 9/2 − 3 = 3/2: flagged (1.5 or more). The scores would
    # have been 5 and (3 + 1)/2 = 2, a "difference" of 3 that reads as "Noord: te veel".
    assert Fraction(4 + 5, 2) - Fraction(3 + 3, 2) == Fraction(3, 2)
    # The stelling still compares scores: Noord (5 + 4)/2 = 9/2, De Linde 2; difference 5/2.
    assert Fraction(5 + 4, 2) - 2 == Fraction(5, 2)
    balans = (
        f"Hoeveel afspraken en overleg heeft onze samenwerking? — {NOORD} in evenwicht (3,0)"
        f" · {LINDE} neigt naar ‘{TOO_MANY}’ (4,5) (verschil 1,5)"
    )
    for text in _reports(example, tmp_path):
        assert "Stellingen waarop organisaties verschillen (2)" in text
        assert balans in text
        assert f"{NOORD} 4,50 tegenover {LINDE} 2,00 (verschil 2,50)" in text
        assert f"samenwerking? — {NOORD} 5,00 tegenover" not in text  # the old item scores


def test_opposite_poles_score_alike_but_stand_apart(tmp_path: Path) -> None:
    # Noord 1 and 1, De Linde 5 and 5: every answer scores 5 − 2·2 = 1, so the scores do not
    # differ at all. Positions (1 + 1)/2 = 1 (below 2.5: te weinig) and (5 + 5)/2 = 5 (above 3.5:
    # te veel): a difference of 4, flagged.
    assert Fraction(5 + 5, 2) - Fraction(1 + 1, 2) == 4
    folder = _write(
        tmp_path / "antwoorden",
        [(NOORD, {ITEM: 1}), (NOORD, {ITEM: 1}), (LINDE, {ITEM: 5}), (LINDE, {ITEM: 5})],
    )
    expected = (
        f"{NOORD} neigt naar ‘{TOO_FEW}’ (1,0) · {LINDE} neigt naar ‘{TOO_MANY}’ (5,0)"
        " (verschil 4,0)"
    )
    for text in _reports(folder, tmp_path):
        assert "Stellingen waarop organisaties verschillen (1)" in text
        assert expected in text


def test_the_same_position_is_no_difference_even_when_the_scores_differ(tmp_path: Path) -> None:
    # Noord 3 and 3 (scores 5, 5: mean 5), De Linde 2 and 4 (scores 3, 3: mean 3): the scores
    # differ by 2, yet both stand at (3 + 3)/2 = (2 + 4)/2 = 3. No flag.
    assert Fraction(3 + 3, 2) == Fraction(2 + 4, 2)
    folder = _write(
        tmp_path / "antwoorden",
        [(NOORD, {ITEM: 3}), (NOORD, {ITEM: 3}), (LINDE, {ITEM: 2}), (LINDE, {ITEM: 4})],
    )
    for text in _reports(folder, tmp_path):
        assert "Stellingen waarop organisaties verschillen" not in text
        assert "in evenwicht (3,0)" not in text and "tegenover" in text
        # The dimension still compares scores, as every dimension does: organisatie is this one
        # item, Noord 5 against De Linde 3, a gap of 2 (1.0 or more).
        assert f"{NOORD} 5,00 tegenover {LINDE} 3,00 (verschil 2,00)" in text


def test_scoring_compares_positions_exactly_at_the_threshold() -> None:
    # Test bank, ambitie.halen-brengen (polen: brengen / halen). A: 2 and 2 -> 2 (links);
    # B: 3, 4 and 4 -> 11/3, above 3.5 (rechts); 11/3 − 2 = 5/3 >= 3/2: flagged. C: 3 and 4 -> 7/2,
    # in balance; with A: 7/2 − 2 = 3/2, exactly the threshold: flagged too.
    def case(b_answers: list[int]):
        people = [("A", 2), ("A", 2)] + [("B", x) for x in b_answers]
        files = [
            answer_file({"ambitie.halen-brengen": x}, f"r{i}.yaml", organisatie=org)
            for i, (org, x) in enumerate(people)
        ]
        return scoring.score_group(files, BANK).organisaties_stelling

    (gap,) = case([3, 4, 4])
    assert (gap.maat, gap.hoog, gap.laag) == ("positie", "B", "A")
    assert gap.hoog_score == pytest.approx(float(Fraction(11, 3)))
    assert gap.laag_score == 2.0
    assert gap.verschil == pytest.approx(float(Fraction(5, 3)))
    assert (gap.hoog_neiging, gap.laag_neiging) == ("rechts", "links")
    (edge,) = case([3, 4])
    assert edge.verschil == 1.5 and edge.hoog_neiging is None
    # B: 3, 3 and 3 -> 3; 3 − 2 = 1 < 3/2: no flag.
    assert case([3, 3, 3]) == ()


def test_score_json_carries_positions_leans_and_poles(example: Path) -> None:
    runner = CliRunner(env={"NO_COLOR": "1", "SAMENWERK_VRAGEN": None})
    result = runner.invoke(app, ["score", str(example), "--json"])
    assert result.exit_code == 0, result.stderr
    (group,) = json.loads(result.stdout)["partnerschappen"]
    gaps = {g["vraag"]: g for g in group["organisaties_verschil_stelling"]}
    assert gaps[ITEM] == {
        "vraag": ITEM,
        "maat": "positie",
        "hoog": {"organisatie": LINDE, "positie": 4.5, "neiging": "rechts", "pool": TOO_MANY},
        "laag": {"organisatie": NOORD, "positie": 3.0, "neiging": None, "pool": None},
        "verschil": 1.5,
    }
    assert gaps[STELLING] == {
        "vraag": STELLING,
        "maat": "score",
        "hoog": {"organisatie": NOORD, "score": 4.5},
        "laag": {"organisatie": LINDE, "score": 2.0},
        "verschil": 2.5,
    }
