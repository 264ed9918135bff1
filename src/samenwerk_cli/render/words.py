"""How numbers, bands and phases read for a Dutch user, shared by every renderer.

What a report says (which sentences, which caps) is decided in :mod:`samenwerk_cli.render.view`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

# One name per dimension (also for the session's screens, below this layer): re-exported here.
from samenwerk_cli.formats.names import dimension_label as dimension_label
from samenwerk_cli.formats.names import dimension_short as dimension_short

if TYPE_CHECKING:  # types only: `questions list --json` must not load the scoring modules
    from samenwerk_cli.formats.bank import Bank
    from samenwerk_cli.scoring.results import Band

BAND_STYLE = {"sterk": "green", "aandacht": "yellow", "zorg": "bold red"}
BAND_SYMBOL = {"sterk": "●", "aandacht": "◐", "zorg": "○"}
TOO_FEW = "te weinig antwoorden"
EPSILON = 1e-9  # the scoring's tolerance for float noise (scoring.agreement.EPSILON; tested)
BAR_WIDTH = 10  # with the other columns, a report fits an 80-column screen


def shown(value: float, limits: Iterable[float] = (), decimals: int = 2) -> float:
    """``value`` rounded as a report shows it, never across a threshold it is judged by.

    Every rule judges the exact value (docs/model.md, "Precies, niet afgerond"). Where plain
    rounding would land on the other side of one of ``limits``, the value is rounded toward its
    verdict instead: 2.9952 is zorg (below 3.0) and shows as 2,99, not 3,00. The sign is kept
    aside, so a change of −0.4965 (no trend at 0.5) shows as −0,49.
    """
    sign = -1.0 if value < 0 else 1.0
    size = abs(value)
    scale = 10**decimals
    result = round(size, decimals)
    for limit in limits:
        reached = size >= limit - EPSILON
        if not reached and result >= limit:
            result = math.floor(size * scale) / scale
        elif reached and result < limit:
            result = math.ceil(size * scale) / scale
    return sign * result


def number(value: float | None, decimals: int = 2, limits: Iterable[float] = ()) -> str:
    """Dutch decimal comma; a dash for no value. With ``limits``: see :func:`shown`."""
    if value is None:
        return "–"
    return f"{shown(value, limits, decimals):.{decimals}f}".replace(".", ",")


def duration(minutes: int) -> str:
    """``"1 minuut"``, ``"25 minuten"``, ``"ruim 2 uur"``: a session's length as people say it."""
    if minutes < 90:
        return f"{minutes} {'minuut' if minutes == 1 else 'minuten'}"
    hours, rest = divmod(minutes, 60)
    if rest < 15:
        return f"ruim {hours} uur"
    if rest < 45:
        return f"{hours},5 uur" if hours > 1 else "anderhalf uur"
    return f"bijna {hours + 1} uur"


def statements(count: int) -> str:
    """``"1 stelling"``, ``"3 stellingen"``."""
    return f"{count} {'stelling' if count == 1 else 'stellingen'}"


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def band_word(band: Band | None, score: float | None = 0.0) -> str:
    if band is None:
        return TOO_FEW if score is not None else "geen antwoorden"
    return band


def score_bar(score: float | None, width: int = BAR_WIDTH) -> str:
    """A bar from 1 to 5: filled up to the score, so it reads without colour too."""
    if score is None:
        return "·" * width
    filled = round((score - 1) / 4 * width)
    return "█" * filled + "·" * (width - filled)


def fase_name(bank: Bank, fase_id: str) -> str:
    for fase in bank.model.fases:
        if fase.id == fase_id:
            return fase.naam
    return fase_id
