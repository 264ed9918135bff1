"""One typed line of scores for the whole room, and what the room sees after it.

A facilitator types the answers of the whole room as one line (``4 5 2 ?``), in the order of the
participants. Everything here is plain logic without a terminal, so it is tested directly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from samenwerk_cli.scoring.teams import spans_midpoint
from samenwerk_cli.session.dialog import BACK_KEY

UNKNOWN = "?"  # typed for "weet niet"
BACK = BACK_KEY  # typed alone: back to the previous item
BESPREKEN_VERSCHIL = 3  # max - min on the raw answers that always calls for a conversation

_SEPARATORS = re.compile(r"[\s,;]+")


# --- one line of scores -------------------------------------------------------------------------


class Back:
    """The facilitator typed ``v`` (or ←): back to the previous item."""


GO_BACK = Back()

Line = tuple[int | None, ...]  # one answer per participant; None = weet niet


def _tokens(text: str, count: int, top: int) -> list[str]:
    """The answers typed; ``2345`` for four people is four answers (one digit each, 1..9)."""
    tokens = [t for t in _SEPARATORS.split(text.strip()) if t]
    if (
        len(tokens) == 1
        and count > 1
        and top <= 9
        and len(tokens[0]) > 1
        and all(c == UNKNOWN or (c.isascii() and c.isdigit()) for c in tokens[0])
    ):
        return list(tokens[0])
    return tokens


def line_problem(text: str, count: int, top: int = 5, can_go_back: bool = True) -> str | None:
    """Why ``text`` is not a valid line of ``count`` answers 1..``top`` (Dutch), or None."""
    tokens = _tokens(text, count, top)
    expected = f"Typ {count} antwoorden (1–{top} of ?), gescheiden door spaties."
    if not tokens:
        return expected
    if [t.lower() for t in tokens] == [BACK]:
        return None if can_go_back else "Dit is de eerste vraag: verder terug kan niet."
    for token in tokens:
        if token.lower() == BACK:
            return f"Typ {BACK} alleen, zonder antwoorden, om terug te gaan."
        if token != UNKNOWN and not (
            token.isascii() and token.isdigit() and 1 <= int(token) <= top
        ):
            shown = token if len(token) <= 12 else token[:11] + "…"
            return f"'{shown}' is geen antwoord: typ 1–{top}, of ? voor weet niet."
    if len(tokens) != count:
        return f"{len(tokens)} antwoorden getypt voor {count} deelnemers: typ er één per persoon."
    return None


def parse_line(text: str, count: int, top: int = 5, can_go_back: bool = True) -> Line | Back:
    """A validated line as answers, or :data:`GO_BACK`; raises ``ValueError`` with the reason."""
    problem = line_problem(text, count, top, can_go_back)
    if problem is not None:
        raise ValueError(problem)
    tokens = _tokens(text, count, top)
    if [t.lower() for t in tokens] == [BACK]:
        return GO_BACK
    return tuple(None if t == UNKNOWN else int(t) for t in tokens)


def format_line(line: Sequence[int | None]) -> str:
    """The inverse of :func:`parse_line`, used to prefill a line after going back."""
    return " ".join(UNKNOWN if v is None else str(v) for v in line)


# --- what the room sees after a line ------------------------------------------------------------


@dataclass(frozen=True)
class Verdeling:
    aantallen: tuple[int, ...]  # how many chose 1, 2, ..., top
    weet_niet: int
    gemiddelde: float | None  # mean of the raw answers, weet niet left out
    bespreken: str | None  # why the item needs a conversation, or None


def bespreken(raw: Sequence[int]) -> str | None:
    """The issue's rule on the raw answers: both sides of the midpoint, or 3 or more apart.

    On a 1–5 scale two answers 3 apart always lie on both sides of 3; the second test keeps the rule
    as stated should a bank ever use another midpoint.
    """
    if not raw:
        return None
    low, high = min(raw), max(raw)
    if spans_midpoint(raw):
        return f"antwoorden aan beide kanten van het midden (van {low} tot {high})"
    if high - low >= BESPREKEN_VERSCHIL:
        return f"antwoorden liggen {high - low} uit elkaar (van {low} tot {high})"
    return None


def verdeling(line: Sequence[int | None], top: int = 5) -> Verdeling:
    raw = [v for v in line if v is not None]
    counts = tuple(raw.count(n) for n in range(1, top + 1))
    mean = sum(raw) / len(raw) if raw else None
    return Verdeling(counts, len(line) - len(raw), mean, bespreken(raw))


def positions(line: Sequence[int | None], polen: Sequence[str]) -> str:
    """Where the room stands on a balans item: towards which pole, or in balance (a mean of the
    raw answers says nothing here: 1 and 5 average to a perfect balance)."""
    left = sum(1 for a in line if a is not None and a < 3)
    middle = sum(1 for a in line if a == 3)
    right = sum(1 for a in line if a is not None and a > 3)
    parts = []
    if left:
        parts.append(f"{left} naar '{polen[0]}'")
    if middle:
        parts.append(f"{middle} in evenwicht")
    if right:
        parts.append(f"{right} naar '{polen[1]}'")
    return " · ".join(parts)
