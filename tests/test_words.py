"""How numbers and lengths read for a Dutch user."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerk_cli.render.words import duration, number, percent


@pytest.mark.parametrize(
    ("minutes", "said"),
    [
        (1, "1 minuut"),
        (25, "25 minuten"),
        (89, "89 minuten"),
        (90, "anderhalf uur"),
        (110, "bijna 2 uur"),
        (130, "ruim 2 uur"),
        (160, "2,5 uur"),
        (172, "bijna 3 uur"),
    ],
)
def test_duration(minutes: int, said: str) -> None:
    assert duration(minutes) == said


def test_numbers_use_a_decimal_comma() -> None:
    assert number(3.456) == "3,46"
    assert number(None) == "–"
    assert number(4, 1) == "4,0"
    assert percent(0.5) == "50%"


@pytest.mark.parametrize(
    ("value", "limits", "said"),
    [
        (2.9952, (3.0, 4.0), "2,99"),  # zorg: plain rounding would say 3,00
        (3.9951, (3.0, 4.0), "3,99"),  # aandacht, not 4,00
        (3.0, (3.0, 4.0), "3,00"),  # exactly on the threshold: reached
        (2.994, (3.0, 4.0), "2,99"),  # plain rounding agrees already
        (3.4965, (3.0, 3.5), "3,49"),  # phase not afgerond
        (0.4965, (0.5,), "0,49"),  # no trend change
        (-0.4965, (0.5,), "-0,49"),  # nor downwards
        (-0.5, (0.5,), "-0,50"),
        (0.6996, (0.70,), "0,69"),  # rwg(J) below 0.70: spraakverwarring
        (1.4951, (1.5,), "1,49"),  # an organisation gap on one statement below 1.5
        (4.126, (), "4,13"),
    ],
)
def test_a_number_never_contradicts_its_verdict(
    value: float, limits: tuple[float, ...], said: str
) -> None:
    assert number(value, limits=limits) == said


def test_the_verdict_uses_the_scoring_tolerance() -> None:
    from samenwerk_cli.render import words
    from samenwerk_cli.scoring import agreement

    assert words.EPSILON == agreement.EPSILON


@given(
    st.floats(min_value=-5, max_value=5, allow_nan=False),
    st.lists(st.sampled_from([0.5, 0.7, 0.83, 1.0, 1.5, 2.5, 3.0, 3.5, 4.0]), max_size=3),
)
def test_shown_keeps_the_verdict_and_stays_within_a_hundredth(
    value: float, limits: list[float]
) -> None:
    from samenwerk_cli.render.words import EPSILON, shown

    result = shown(value, limits)
    assert abs(result - value) <= 0.01 + 1e-9
    assert result == round(result, 2)
    for limit in limits:
        assert (abs(result) >= limit) == (abs(value) >= limit - EPSILON)


def test_no_report_says_stelling_en() -> None:
    """Singular and plural done properly: "1 stelling", "2 stellingen", never "stelling(en)"."""
    from pathlib import Path

    from typer.testing import CliRunner

    from samenwerk_cli.cli.app import app
    from samenwerk_cli.render.words import statements

    assert (statements(1), statements(2), statements(0)) == (
        "1 stelling",
        "2 stellingen",
        "0 stellingen",
    )
    examples = str(Path(__file__).resolve().parents[1] / "examples")
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100"})
    for args in (
        ["score", examples],
        ["export", examples, "-o", "-"],
        ["export", examples, "-f", "html"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "(en)" not in result.stdout
