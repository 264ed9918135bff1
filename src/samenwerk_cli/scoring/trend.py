"""Partnerships over rounds: their groups in time order, and what changed between the last two.

Pure functions over scored groups: a change of ``drempels.trend`` or more counts (docs/model.md,
"Trend over rondes").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

import msgspec

from samenwerk_cli.errors import Problem
from samenwerk_cli.formats.answers import AnswerFile
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring import agreement, rounds
from samenwerk_cli.scoring import groups as scoring
from samenwerk_cli.scoring.packed import Packed, unpack
from samenwerk_cli.scoring.results import GroupResult, WeakSpot


class DimensionTrend(msgspec.Struct, frozen=True):
    id: str
    naam: str
    vorige: float | None
    huidige: float | None
    richting: Literal["omhoog", "omlaag"] | None  # only where the change reaches the threshold

    @property
    def verschil(self) -> float | None:
        """The exact change: the trend rule judges it, not the difference of rounded scores."""
        if self.vorige is None or self.huidige is None:
            return None
        return self.huidige - self.vorige


class Trend(msgspec.Struct, frozen=True):
    vorige_ronde: str | None
    huidige_ronde: str | None
    dimensies: tuple[DimensionTrend, ...]
    opgelost: tuple[WeakSpot, ...]  # weak then, not any more
    nieuw: tuple[WeakSpot, ...]  # weak now, not then
    fase_toen: str
    fase_nu: str


class Partnership(msgspec.Struct, frozen=True):
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
        if change is not None and agreement.reaches(abs(change), threshold):
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


def find(
    files: Iterable[AnswerFile], bank: Bank, items: set[str] | None = None
) -> tuple[list[Partnership], list[Problem]]:
    """Score every team; partnerships in first-seen order, rounds in time. Also the warnings of
    putting the teams together (spelling variants, the same respondent twice)."""
    found = rounds.teams(files)
    by_partnership: dict[str, list[rounds.Team]] = {}
    for team in found.teams:
        by_partnership.setdefault(rounds.group_key(team.files[0].data)[0], []).append(team)
    result = []
    for teams in by_partnership.values():
        order = rounds.order_rounds([t.files for t in teams], [t.ronde for t in teams])
        scored = tuple(
            scoring.score_group(t.files, bank, items, (t.partnerschap, t.ronde))
            for t in (teams[i] for i in order)
        )
        trend = compare(scored[-2], scored[-1], bank) if len(scored) >= 2 else None
        result.append(Partnership(scored[-1].partnerschap, scored, trend))
    return result, found.warnings


def partnerships(
    files: Iterable[AnswerFile], bank: Bank, items: set[str] | None = None
) -> list[Partnership]:
    """:func:`find` without the warnings."""
    return find(files, bank, items)[0]


def partition(packed: list[Packed | AnswerFile]) -> Iterator[list[Packed | AnswerFile]]:
    """The files of each partnership (as :func:`find` groups them), in the order of its first
    file; ``packed`` is emptied."""
    members: dict[str, list[Packed | AnswerFile]] = {}
    for p in packed:
        data = p.data if isinstance(p, AnswerFile) else p
        members.setdefault(rounds.group_key(data)[0], []).append(p)  # type: ignore[arg-type]
    packed.clear()
    while members:
        yield members.pop(next(iter(members)))


def team_warnings(parts: Sequence[Sequence[Packed | AnswerFile]], bank: Bank) -> list[Problem]:
    """The warnings of :func:`find` (spelling variants, doubles), one partnership at a time, so
    that no more than one partnership is unpacked at once."""
    return [w for files in parts for w in rounds.teams([unpack(f, bank) for f in files]).warnings]


def stream_partnerships(
    parts: list[list[Packed | AnswerFile]], bank: Bank, items: set[str] | None = None
) -> Iterator[Partnership]:
    """As :func:`partnerships`, one partnership at a time from packed files (see :func:`partition`):
    a partnership's files are unpacked just before it is scored, and let go after."""
    parts.reverse()  # popped from the end: each partnership's files go as soon as it is done
    while parts:
        files = parts.pop()
        yield from partnerships([unpack(p, bank) for p in files], bank, items)


def all_groups(found: Sequence[Partnership]) -> list[GroupResult]:
    return [group for p in found for group in p.rondes]
