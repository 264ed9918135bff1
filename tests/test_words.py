"""How numbers and lengths read for a Dutch user."""

from __future__ import annotations

import pytest

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
