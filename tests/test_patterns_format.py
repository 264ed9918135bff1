"""The rule format of patterns (``patronen`` in model.yaml), checked like the rest of the bank:
every problem named with file, line and field, in Dutch, exit 2 from ``questions check``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import bank
from samenwerk_cli.scoring.groups import score_group
from tests.testbank import MODEL, answer_file, write_bank

HEAD = MODEL.count("\n")  # the first line of the patterns block is HEAD + 1


def with_patterns(tmp_path: Path, block: str) -> Path:
    return write_bank(tmp_path / "vragen", model=MODEL + block)


def problems(tmp_path: Path, block: str) -> list:
    with pytest.raises(SamenwerkError) as info:
        bank.load(with_patterns(tmp_path, block))
    return info.value.problems


PATTERN = """\
patronen:
  - id: eigen
    naam: Eigen patroon
    uitleg: Wat het risico is.
    kans: Wat je eraan doet.
    alle:
{rule}
"""


def rule(*lines: str) -> str:
    return PATTERN.format(rule="\n".join(f"      {line}" for line in lines))


def test_an_own_bank_defines_and_triggers_its_own_pattern(tmp_path: Path) -> None:
    block = rule(
        "- {dimensie: ambitie, band: zorg}",
        "- een_van:",
        "    - {thema: relatie.vertrouwen, vanaf: 3.5}",
        "    - {vraag: ambitie.halen-brengen, neiging: rechts}",
    )
    loaded = bank.load(with_patterns(tmp_path, block))
    assert [p.id for p in loaded.model.patronen] == ["eigen"]
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "200", "SAMENWERK_VRAGEN": None})
    checked = runner.invoke(app, ["questions", "check", str(loaded.path)])
    assert "1 patroon: eigen." in checked.stdout
    # ambitie.belofte 2 and ambitie.doen 2: ambitie 2 (zorg); relatie.vertrouwen 4 and the
    # reversed relatie.omheen answered 2 (scores 4): the theme is 4 (≥ 3,5). With
    # ambitie.belofte 4 instead, ambitie is 3 and the pattern is gone.
    low = {"ambitie.belofte": 2, "ambitie.doen": 2, "relatie.vertrouwen": 4, "relatie.omheen": 2}
    hits = score_group([answer_file(low)], loaded).patronen
    assert [(h.id, h.naam, h.kans) for h in hits] == [
        ("eigen", "Eigen patroon", "Wat je eraan doet.")
    ]
    assert score_group([answer_file(low | {"ambitie.belofte": 4})], loaded).patronen == ()


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ("- {dimensie: ambitei, band: zorg}", "alle[1].dimensie", "onbekende dimensie 'ambitei'"),
        ("- {thema: ambitie.gedeeld, onder: 3}", "alle[1].thema", "'gedeeld' is geen thema"),
        ("- {thema: vertrouwen, onder: 3}", "alle[1].thema", "schrijf dimensie.thema"),
        ("- {vraag: ambitie.nergens, band: zorg}", "alle[1].vraag", "onbekende vraag"),
        ("- {fase: uitvoeren, afgerond: true}", "alle[1].fase", "onbekende fase 'uitvoeren'"),
        ("- {organisatie_laag: geld, band: zorg}", "alle[1].organisatie_laag", "onbekende dimensie"),
        ("- {vraag: ambitie.doen, neiging: links}", "alle[1].neiging", "geen balans-vraag"),
        ("- {vraag: ambitie.open, band: zorg}", "alle[1].vraag", "open vraag"),
        ("- {thema: ambitie.doen, afgerond: true}", "alle[1].afgerond", "past niet bij thema"),
        ("- {dimensie: ambitie}", "alle[1]", "geen toets"),
        ("- {band: zorg}", "alle[1]", "geen onderwerp"),
        ("- {dimensie: ambitie, fase: delen, band: zorg}", "alle[1]", "meer dan één onderwerp"),
        ("- {een_van: [], band: zorg}", "alle[1]", "kies één"),
    ],
)  # fmt: skip
def test_a_wrong_rule_is_named_with_its_line(
    tmp_path: Path, line: str, field: str, message: str
) -> None:
    (found,) = [p for p in problems(tmp_path, rule(line)) if message in p.message]
    assert found.file.endswith("model.yaml")
    assert found.line == HEAD + 7  # the rule's line
    assert found.field == f"patronen[1].{field}"  # counted from 1, as everywhere


def test_unknown_keys_and_values_are_refused(tmp_path: Path) -> None:
    (found,) = problems(tmp_path, rule("- {dimensie: ambitie, boven: 3}"))
    assert found.field == "patronen[1].alle[1].boven" and "geen bekend veld" in found.message
    (found,) = problems(tmp_path, rule("- {dimensie: ambitie, band: matig}"))
    assert "matig" in found.message and found.line == HEAD + 7


def test_a_pattern_needs_a_rule_texts_and_a_unique_id(tmp_path: Path) -> None:
    block = PATTERN.format(rule="      - {dimensie: ambitie, band: zorg}") + (
        "  - id: eigen\n    naam: Tweede\n    uitleg: ' '\n    kans: k\n"
    )
    found = {(p.field, p.message) for p in problems(tmp_path, block)}
    assert ("patronen[2].id", "patroon 'eigen' komt twee keer voor") in found
    assert ("patronen[2].uitleg", "mag niet leeg zijn") in found
    assert ("patronen[2]", "een patroon heeft een regel nodig: alle of een_van") in found


def test_questions_check_reports_a_wrong_rule_and_exits_2(tmp_path: Path) -> None:
    directory = with_patterns(tmp_path, rule("- {fase: later, afgerond: false}"))
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "200", "SAMENWERK_VRAGEN": None})
    result = runner.invoke(app, ["questions", "check", str(directory)])
    assert result.exit_code == 2
    assert f"model.yaml:{HEAD + 7}" in result.stderr
    assert "onbekende fase 'later'" in result.stderr
    assert "Traceback" not in result.output
