"""Partnerships over rounds: their groups in time order, and what changed between the last two.

Pure functions over scored groups: a change of ``drempels.trend`` or more counts (docs/model.md,
"Trend over rondes").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from samenwerk_cli.formats.answers import AnswerFile
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring import groups as scoring
from samenwerk_cli.scoring.results import GroupResult, WeakSpot


@dataclass(frozen=True)
class DimensionTrend:
    id: str
    naam: str
    vorige: float | None
    huidige: float | None
    richting: Literal["omhoog", "omlaag"] | None  # only where the change reaches the threshold

    @property
    def verschil(self) -> float | None:
        """The change between the scores as shown (two decimals), so the numbers add up."""
        if self.vorige is None or self.huidige is None:
            return None
        return round(round(self.huidige, 2) - round(self.vorige, 2), 2)


@dataclass(frozen=True)
class Trend:
    vorige_ronde: str | None
    huidige_ronde: str | None
    dimensies: tuple[DimensionTrend, ...]
    opgelost: tuple[WeakSpot, ...]  # weak then, not any more
    nieuw: tuple[WeakSpot, ...]  # weak now, not then
    fase_toen: str
    fase_nu: str


@dataclass(frozen=True)
class Partnership:
    """One partnership: its rounds oldest first, and the trend between the last two."""

    naam: str
    rondes: tuple[GroupResult, ...]
    trend: Trend | None

    @property
    def laatste(self) -> GroupResult:
        return self.rondes[-1]


def compare(before: GroupResult, after: GroupResult, bank: Bank) -> Trend:
    threshold = bank.model.drempels.trend
    previous = {d.id: d for d in before.dimensies}
    dims = []
    for d in after.dimensies:
        old = previous[d.id].score if d.id in previous else None
        dim = DimensionTrend(d.id, d.naam, old, d.score, None)
        change = dim.verschil
        if change is not None and abs(change) >= threshold:
            dim = DimensionTrend(d.id, d.naam, old, d.score, "omhoog" if change > 0 else "omlaag")
        dims.append(dim)
    weak_then = {w.vraag: w for w in before.zwakke_plekken}
    weak_now = {w.vraag: w for w in after.zwakke_plekken}
    return Trend(
        vorige_ronde=before.ronde,
        huidige_ronde=after.ronde,
        dimensies=tuple(dims),
        opgelost=tuple(w for k, w in weak_then.items() if k not in weak_now),
        nieuw=tuple(w for k, w in weak_now.items() if k not in weak_then),
        fase_toen=before.fase.huidig,
        fase_nu=after.fase.huidig,
    )


def partnerships(
    files: Iterable[AnswerFile], bank: Bank, items: set[str] | None = None
) -> list[Partnership]:
    """Score every (partnership, round) group; partnerships in first-seen order, rounds in time."""
    by_partnership: dict[str, list[list[AnswerFile]]] = {}
    for group in scoring.group_files(files):
        by_partnership.setdefault(scoring.group_key(group[0].data)[0], []).append(group)
    result = []
    for groups in by_partnership.values():
        rounds = tuple(scoring.score_group(g, bank, items) for g in scoring.order_rounds(groups))
        trend = compare(rounds[-2], rounds[-1], bank) if len(rounds) >= 2 else None
        result.append(Partnership(rounds[-1].partnerschap, rounds, trend))
    return result


def all_groups(found: Sequence[Partnership]) -> list[GroupResult]:
    return [group for p in found for group in p.rondes]
