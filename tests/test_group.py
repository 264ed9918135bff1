"""Group sessions, the pure parts: who takes part, one typed line of scores, the "bespreken" mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats.group_file import Deelnemer, load_group_file, parse_spec
from samenwerk_cli.session.lines import (
    GO_BACK,
    bespreken,
    format_line,
    line_problem,
    parse_line,
    verdeling,
)

# --- who takes part -----------------------------------------------------------------------------


def test_spec_names_and_organisations() -> None:
    assert parse_spec("Anna:Hogeschool Noord, Bram:Basisschool De Linde,  Carla ,") == (
        Deelnemer("Anna", "Hogeschool Noord"),
        Deelnemer("Bram", "Basisschool De Linde"),
        Deelnemer("Carla", None),
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("Anna", "minstens 2 deelnemers"),
        ("Anna:Noord, anna :Zuid", "de naam 'anna' komt twee keer voor (deelnemer 1 en 2)"),
        ("Anna, :Zuid", "deelnemer 2 heeft geen naam of label"),
    ],
)
def test_spec_errors(spec: str, message: str) -> None:
    with pytest.raises(SamenwerkError) as exc:
        parse_spec(spec)
    text = str(exc.value.problems[0])
    assert text.startswith("--group: ") or "--group" in text
    assert message in text


def test_group_file(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(
        "formaat: samenwerk-groep/1\n"
        "partnerschap: Opleidingsschool Noord\n"
        "ronde: 2026-najaar\n"
        "deelnemers:\n"
        "  - {naam: Anna, organisatie: Hogeschool Noord, rol: opleider}\n"
        "  - naam: P2\n"
        "    organisatie: Basisschool De Linde\n",
        encoding="utf-8",
    )
    groep = load_group_file(path)
    assert groep.partnerschap == "Opleidingsschool Noord"
    assert groep.ronde == "2026-najaar"
    assert groep.deelnemers == (
        Deelnemer("Anna", "Hogeschool Noord", "opleider"),
        Deelnemer("P2", "Basisschool De Linde"),
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("deelnemers:\n  - naam: Anna\n  - naam: anna\n", 3, "komt twee keer voor"),
        ("deelnemers:\n  - naam: Anna\n", 1, "minstens 2 deelnemers"),
        ("deelnemers:\n  - naam: Anna\n  - naam: Bram\n    leeftijd: 40\n", 4, "leeftijd"),
        ("deelnemers:\n  - naam: Anna\n  - organisatie: Noord\n", 3, "naam"),
        (
            "formaat: samenwerk-groep/9\ndeelnemers: [{naam: A}, {naam: B}]\n",
            1,
            "samenwerk-groep/1",
        ),
    ],
)
def test_group_file_errors_name_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SamenwerkError) as exc:
        load_group_file(path)
    problem = exc.value.problems[0]
    assert problem.file == str(path)
    assert problem.line == line
    assert message in str(problem)


# --- one line of scores -------------------------------------------------------------------------


def test_a_line_of_scores() -> None:
    assert parse_line("4 5 2 ?", 4) == (4, 5, 2, None)
    assert parse_line(" 4,5;  1 ", 3) == (4, 5, 1)
    assert parse_line("v", 4) is GO_BACK
    assert parse_line(" V ", 4) is GO_BACK


def test_a_line_without_spaces_is_one_digit_per_person() -> None:
    assert parse_line("2345", 4) == (2, 3, 4, 5)
    assert parse_line("2?45", 4) == (2, None, 4, 5)
    assert (
        line_problem("234", 4) == "3 antwoorden getypt voor 4 deelnemers: typ er één per persoon."
    )
    assert line_problem("2365", 4) == "'6' is geen antwoord: typ 1–5, of ? voor weet niet."
    assert line_problem("2³45", 4) is not None  # a superscript digit is no answer


@pytest.mark.parametrize(
    ("text", "can_go_back", "reason"),
    [
        ("4 5 2", True, "3 antwoorden getypt voor 4 deelnemers"),
        ("4 5 2 3 1", True, "5 antwoorden getypt voor 4 deelnemers"),
        ("4 6 2 3", True, "'6' is geen antwoord"),
        ("4 x 2 3", True, "'x' is geen antwoord"),
        ("4 ٣ 2 3", True, "is geen antwoord"),  # an Arabic-Indic digit is not 1-5
        ("4 0 2 3", True, "'0' is geen antwoord"),
        ("v 4 5 2", True, "Typ v alleen"),
        ("v", False, "Dit is de eerste vraag"),
        ("", True, "Typ 4 antwoorden"),
    ],
)
def test_wrong_lines_are_refused_with_a_reason(text: str, can_go_back: bool, reason: str) -> None:
    assert reason in (line_problem(text, 4, can_go_back=can_go_back) or "")
    with pytest.raises(ValueError, match=r"\w"):
        parse_line(text, 4, can_go_back=can_go_back)


answers = st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=2, max_size=12)


@given(answers)
def test_format_and_parse_are_inverse(line: list[int | None]) -> None:
    assert parse_line(format_line(line), len(line)) == tuple(line)


@given(st.text(max_size=40), st.integers(2, 8))
def test_any_typed_text_is_a_valid_line_or_a_reason(text: str, count: int) -> None:
    """Whatever the facilitator types: a full line, back, or a Dutch reason; nothing else."""
    reason = line_problem(text, count)
    if reason is None:
        line = parse_line(text, count)
        assert line is GO_BACK or (
            len(line) == count and all(v is None or 1 <= v <= 5 for v in line)
        )
    else:
        with pytest.raises(ValueError, match=r"\w"):
            parse_line(text, count)


# --- what the room sees -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "marked"),
    [
        ([3, 3, 3, 3], False),
        ([4, 5, 4], False),
        ([1, 2, 3], False),  # all on one side (or on it): agreement enough
        ([2, 4], True),  # both sides of the midpoint
        ([3, 3, 5, 2], True),
        ([1, 4], True),
        ([], False),
    ],
)
def test_bespreken(raw: list[int], marked: bool) -> None:
    assert (bespreken(raw) is not None) is marked


@given(st.lists(st.integers(1, 5), min_size=1, max_size=12))
def test_three_apart_is_always_marked(raw: list[int]) -> None:
    if max(raw) - min(raw) >= 3:
        assert bespreken(raw) is not None
    if len(set(raw)) == 1:
        assert bespreken(raw) is None


def test_verdeling_counts_mean_and_weet_niet() -> None:
    v = verdeling((4, 5, None, 2))
    assert v.aantallen == (0, 1, 0, 1, 1)
    assert v.weet_niet == 1
    assert v.gemiddelde == pytest.approx(11 / 3)
    assert v.bespreken == "antwoorden aan beide kanten van het midden (van 2 tot 5)"
    nobody = verdeling((None, None))
    assert nobody.gemiddelde is None and nobody.bespreken is None and nobody.weet_niet == 2
