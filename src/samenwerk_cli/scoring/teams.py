"""Team figures: spread and agreement per item, rwg(J) per dimension, spraakverwarring and
uiteenlopende antwoorden, partner gaps.

With fewer than 3 respondents no agreement figure is given, only the answers and n (docs/model.md,
"Overeenstemming: rwg, rwg(J) en AD").
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import msgspec

from samenwerk_cli.formats.bank import Drempels
from samenwerk_cli.scoring import agreement
from samenwerk_cli.scoring.results import Confusion, OrgGap, OrgItemGap, OrgScores

MIN_AGREEMENT = 3  # respondents (in the team and on the item) needed for rwg, AD and rwg(J)
MIDPOINT = 3


class ItemSpread(msgspec.Struct, frozen=True):
    variance: float | None  # sample variance of the item scores, kept for rwg(J)
    spreiding: float | None
    rwg: float | None
    ad: float | None


NO_SPREAD = ItemSpread(None, None, None, None)  # one respondent: nothing to spread


def item_spread(scores: Sequence[int], team_size: int) -> ItemSpread:
    """Spread from two answers on; rwg and AD only when the team and the item have 3 answers or more."""
    variance = agreement.sample_variance(scores) if team_size >= 2 else None
    spread = None if variance is None else math.sqrt(variance)
    if variance is None or team_size < MIN_AGREEMENT or len(scores) < MIN_AGREEMENT:
        return ItemSpread(variance, spread, None, None)
    rwg = agreement.rwg_from_variance(variance)
    return ItemSpread(variance, spread, rwg, agreement.average_deviation(scores))


def dimension_rwg(variances: Sequence[float | None], team_size: int) -> float | None:
    """rwg(J) over the dimension's items that have a variance, i.e. at least two answers."""
    if team_size < MIN_AGREEMENT:
        return None
    return agreement.rwg_j([v for v in variances if v is not None])


def spans_midpoint(scores: Sequence[int]) -> bool:
    """Some answers below and some above the midpoint: the team may read the item differently."""
    return min(scores, default=MIDPOINT) < MIDPOINT < max(scores, default=MIDPOINT)


def confusion(dimension: str, rwg_j: float | None, drempels: Drempels) -> Confusion | None:
    """Spraakverwarring on a dimension: rwg(J) below the threshold (exact, no rounding)."""
    if rwg_j is None or agreement.reaches(rwg_j, drempels.rwg):
        return None
    reden = f"weinig overeenstemming binnen de dimensie (rwg(J) {_comma(rwg_j)})"
    return Confusion(dimension, None, reden, rwg=rwg_j)


def divergent(
    dimension: str,
    items: Sequence[tuple[str, float | None, Sequence[int]]],
    drempels: Drempels,
) -> list[Confusion]:
    """Uiteenlopende antwoorden: items whose AD reaches the threshold with answers on both sides
    of the midpoint. ``items`` holds (item id, AD, the answers the AD is on), in bank order.

    This is a flag on one statement, not spraakverwarring: one divided statement does not make a
    whole dimension confused.
    """
    flags = []
    for item_id, ad, scores in items:
        if ad is not None and agreement.reaches(ad, drempels.ad) and spans_midpoint(scores):
            reden = f"antwoorden aan beide kanten van het midden (AD {_comma(ad)})"
            flags.append(Confusion(dimension, item_id, reden, ad=ad))
    return flags


def _comma(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def org_gaps(
    orgs: Sequence[OrgScores], dimensions: Sequence[str], drempels: Drempels
) -> tuple[OrgGap, ...]:
    """Dimensions where the highest and lowest organisation differ by the threshold or more.

    Ties for highest or lowest go to the organisation that sorts first (``orgs`` is sorted by name).
    """
    gaps = []
    for dim in dimensions:
        scored: list[tuple[str, float]] = []
        for org in orgs:
            score = org.dimensies.get(dim)
            if score is not None:
                scored.append((org.organisatie, score))
        if len(scored) < 2:
            continue
        high = max(scored, key=lambda p: p[1])  # max/min keep the first of equal scores
        low = min(scored, key=lambda p: p[1])
        if agreement.reaches(high[1] - low[1], drempels.organisatie_verschil):
            gaps.append(OrgGap(dim, high[0], high[1], low[0], low[1], high[1] - low[1]))
    return tuple(gaps)


def org_item_gaps(
    orgs: Sequence[OrgScores], items: Sequence[str], drempels: Drempels
) -> tuple[OrgItemGap, ...]:
    """Statements where the highest and lowest organisation differ by the threshold or more
    (exact: 1.4965 is no gap); largest difference first, then bank order (``items``).

    A balans item compares the mean raw positions, not the scores: 1,1 against 5,5 both score 1,
    yet the organisations stand at opposite poles (docs/model.md, "Per organisatie").
    """
    gaps = []
    for item in items:
        balans = any(item in o.posities for o in orgs)
        scored = [
            (o.organisatie, o.posities[item] if balans else o.vragen[item])
            for o in orgs
            if item in (o.posities if balans else o.vragen)
        ]
        if len(scored) < 2:
            continue
        high = max(scored, key=lambda p: p[1])
        low = min(scored, key=lambda p: p[1])
        if not agreement.reaches(high[1] - low[1], drempels.organisatie_verschil_stelling):
            continue
        gap = OrgItemGap(item, high[0], high[1], low[0], low[1], high[1] - low[1])
        if balans:
            lean = {o.organisatie: o.neigingen.get(item) for o in orgs}
            gap = msgspec.structs.replace(
                gap, maat="positie", hoog_neiging=lean[high[0]], laag_neiging=lean[low[0]]
            )
        gaps.append(gap)
    gaps.sort(key=lambda g: -g.verschil)  # stable: bank order among equal differences
    return tuple(gaps)
