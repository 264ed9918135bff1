"""``--fail-under``: thresholds for CI, overall or per dimension, and which scores miss them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring import agreement
from samenwerk_cli.scoring.results import GroupResult


class Threshold(msgspec.Struct, frozen=True):
    dimensie: str | None  # None: every dimension
    drempel: float


class Shortfall(msgspec.Struct, frozen=True):
    partnerschap: str
    ronde: str | None
    dimensie: str
    score: float
    drempel: float


def parse(specs: Iterable[str], bank: Bank) -> list[Threshold]:
    """``3.0`` or ``ambitie=3.5`` (a comma also works as decimal sign)."""
    known = [d.id for d in bank.model.dimensies]
    result = []
    for spec in specs:
        name, _, number = spec.rpartition("=")
        name = name.strip() or None
        try:
            value = float(number.strip().replace(",", "."))
        except ValueError:
            value = float("nan")
        if not 1 <= value <= 5:
            raise SamenwerkError(
                Problem(
                    f"'{spec}' is geen drempel: gebruik een getal van 1 tot 5, zoals 3.0 of "
                    "ambitie=3.5",
                    field="--fail-under",
                )
            )
        if name is not None and name not in known:
            raise SamenwerkError(
                Problem(
                    f"onbekende dimensie '{name}' (kies uit {', '.join(known)})",
                    field="--fail-under",
                )
            )
        result.append(Threshold(name, value))
    return result


def shortfalls(groups: Sequence[GroupResult], thresholds: Sequence[Threshold]) -> list[Shortfall]:
    """Scores below their threshold; dimensions with too few answers (no band) are not judged.

    A threshold for one dimension overrides the overall one; the last given wins.
    """
    general = [t.drempel for t in thresholds if t.dimensie is None]
    found = []
    for group in groups:
        for dim in group.dimensies:
            specific = [t.drempel for t in thresholds if t.dimensie == dim.id]
            limit = (specific or general or [None])[-1]
            if limit is None or dim.score is None or dim.band is None:
                continue
            if not agreement.reaches(dim.score, limit):  # the exact mean: 2.9952 misses 3.0
                found.append(Shortfall(group.partnerschap, group.ronde, dim.id, dim.score, limit))
    return found


def message(s: Shortfall) -> str:
    """``onder de drempel: P (2026-najaar): ambitie 2,99 < 3,0``: decimal comma, and the score
    never rounded up to the threshold it misses (2.9952 shows as 2,99, not 3,00)."""
    import math

    score = round(s.score, 2)
    if score >= s.drempel:
        score = math.floor(s.score * 100) / 100
    limit = f"{s.drempel:g}" if s.drempel != int(s.drempel) else f"{s.drempel:.1f}"
    ronde = f" ({s.ronde})" if s.ronde else ""
    text = f"{s.dimensie} {score:.2f} < {limit}".replace(".", ",")
    return f"onder de drempel: {s.partnerschap}{ronde}: {text}"
