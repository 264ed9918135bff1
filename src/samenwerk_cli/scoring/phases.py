"""Phase placement, the ambitie-index and the weak-spot list: rules over item means (docs/model.md,
"Wat het rapport eruit haalt").

Pure functions on plain data; the item means come from ``scoring.groups``. Thresholds come from the
bank.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from samenwerk_cli.formats.answers import FASE_ONBEKEND
from samenwerk_cli.formats.bank import Bank, Drempels, Fase
from samenwerk_cli.scoring import agreement
from samenwerk_cli.scoring.results import (
    AmbitionIndex,
    Band,
    ItemResult,
    PhaseResult,
    PhaseScore,
    WeakSpot,
)


def mean_and_coverage(ids: Sequence[str], means: Mapping[str, float]) -> tuple[float | None, float]:
    """Mean of the answered items among ``ids`` (the asked ones) and answered / asked (0 if none)."""
    answered = [means[i] for i in ids if i in means]
    coverage = len(answered) / len(ids) if ids else 0.0
    return agreement.mean(answered), coverage


def place(
    fases: Sequence[Fase],
    asked_by_phase: Mapping[str, Sequence[str]],
    means: Mapping[str, float],
    self_views: Iterable[str],
    drempels: Drempels,
) -> PhaseResult:
    """Where the partnership stands: the first phase that is not afgerond.

    A phase without a single answered item is unknown; it counts as not afgerond, so the placement
    never runs past a phase nobody could judge (foundations first). All phases afgerond: the last.
    """
    scores: list[PhaseScore] = []
    for fase in fases:
        score, coverage = mean_and_coverage(asked_by_phase.get(fase.id, ()), means)
        done = score is not None and agreement.reaches(score, drempels.fase_afgerond)
        scores.append(PhaseScore(fase.id, fase.naam, score, done, coverage))

    current = next((i for i, p in enumerate(scores) if not p.afgerond), len(scores) - 1)
    # Overgeslagen: low while a later phase is afgerond; with none afgerond nothing is skipped.
    last_done = max((i for i, p in enumerate(scores) if p.afgerond), default=0)
    skipped = tuple(
        p.id
        for p in scores[: max(last_done, 0)]  # nothing afgerond (-1): nothing is skipped
        if p.score is not None and not agreement.reaches(p.score, drempels.fase_overgeslagen)
    )

    order = {f.id: i for i, f in enumerate(fases)}
    counts = Counter(self_views)
    # Phase order first, then "weet ik niet"; anything else (not valid in a checked file) last.
    keys = sorted(counts, key=lambda k: (order.get(k, len(order) + (k != FASE_ONBEKEND)), k))
    ahead = tuple(
        k for k in keys if k in order and order[k] - current >= drempels.zelfbeeld_voorsprong
    )
    return PhaseResult(
        huidig=fases[current].id,
        fases=tuple(scores),
        overgeslagen=skipped,
        zelfbeeld={k: counts[k] for k in keys},
        vooruit=ahead,
    )


def ambition_index(
    bank: Bank, asked_by_theme: Mapping[tuple[str, str], Sequence[str]], means: Mapping[str, float]
) -> AmbitionIndex | None:
    """Ambitie = belofte × commitment × doen, each factor (score − 1) / 4.

    A factor without answers is None and then so is the index; the weakest factor is named among
    the factors that could be scored (ties: the first in the bank's order).
    """
    spec = bank.model.ambitie_index
    if spec is None:
        return None
    factors: dict[str, float | None] = {}
    for factor in spec.factoren:
        score, _ = mean_and_coverage(asked_by_theme.get((spec.dimensie, factor), ()), means)
        factors[factor] = None if score is None else (score - 1.0) / 4.0
    known = {k: v for k, v in factors.items() if v is not None}
    value: float | None = None
    if known and len(known) == len(factors):
        value = 1.0
        for v in known.values():
            value *= v
    weakest = min(known, key=lambda k: known[k]) if known else None
    return AmbitionIndex(waarde=value, factoren=factors, zwakste=weakest)


def weak_spots(
    items: Iterable[ItemResult],
    bank: Bank,
    position: Mapping[str, int] | None = None,
    band: Band = "zorg",
) -> tuple[WeakSpot, ...]:
    """The items in ``band`` in the order to work on them: earlier phases first (foundations
    first), then the lowest score. Zorg gives the zwakke plekken, aandacht the aandachtspunten.

    Bank order (``position``, precomputed by a batch) breaks the remaining ties: a stable list.
    """
    spots = [it for it in items if it.band == band and it.score is not None]
    if not spots:
        return ()
    if position is None:
        position = {v.id: i for i, v in enumerate(bank.vragen)}
    phase_order = {f.id: i for i, f in enumerate(bank.model.fases)}
    advice = {d.id: d.advies for d in bank.model.dimensies}
    spots.sort(
        key=lambda it: (
            phase_order.get(it.fase, len(phase_order)),
            it.score,
            position.get(it.vraag, 0),
        )
    )
    result = []
    for it in spots:
        vraag = bank.by_id[it.vraag]
        lean = vraag.pool(it.neiging)
        result.append(
            WeakSpot(
                vraag=it.vraag,
                tekst=vraag.tekst,
                dimensie=it.dimensie,
                fase=it.fase,
                score=float(it.score or 0.0),
                band=band,
                advies=vraag.advies or advice.get(it.dimensie, ""),
                neiging=lean,
            )
        )
    return tuple(result)
