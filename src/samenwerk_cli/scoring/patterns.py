"""Patterns: the bank's rules over a scored group, read across the lenses. Pure, no printing.

The rule format is in :mod:`samenwerk_cli.formats.patterns`; the rules themselves in the bank's
model.yaml (``patronen``). A condition on missing data never holds: no answers, agreement with
fewer than 3 respondents, an organisation with fewer than 2 respondents (anonymity).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import msgspec

from samenwerk_cli.formats.bank import Bank, Drempels
from samenwerk_cli.formats.patterns import Patroon, Voorwaarde
from samenwerk_cli.scoring import agreement, collect
from samenwerk_cli.scoring.results import Band, Figure, GroupResult, ItemResult, PatternHit

MIN_ORG_RESPONDENTS = 2


def lean(raw: Sequence[int]) -> tuple[Literal["links", "rechts"] | None, float | None]:
    """The lean of a balans item (:func:`samenwerk_cli.scoring.collect.lean`, the one rule) and
    the mean raw answer. The rules read both from the item result; this is for their tests."""
    return collect.lean(raw), (sum(raw) / len(raw) if raw else None)


def _band(score: float, drempels: Drempels) -> Band:
    if agreement.reaches(score, drempels.sterk):
        return "sterk"
    return "aandacht" if agreement.reaches(score, drempels.aandacht) else "zorg"


class _Facts(msgspec.Struct, frozen=True):
    """What the rules can look at, by id."""

    drempels: Drempels
    dimensions: dict[str, tuple[float | None, float | None]]  # id -> (score, rwg(J))
    themes: dict[str, float | None]  # "dimensie.thema" -> score
    phases: dict[str, tuple[float | None, bool]]  # id -> (score, afgerond)
    items: dict[str, ItemResult]
    far_apart: frozenset[str]  # items with uiteenlopende antwoorden
    orgs: dict[str, list[tuple[str, float]]]  # dimension -> (organisation, score), low to high


def _facts(group: GroupResult, bank: Bank) -> _Facts:
    orgs: dict[str, list[tuple[str, float]]] = {}
    for org in group.organisaties_scores:
        if org.n < MIN_ORG_RESPONDENTS:
            continue
        for dim_id, score in org.dimensies.items():
            if score is not None:
                orgs.setdefault(dim_id, []).append((org.organisatie, score))
    for scored in orgs.values():
        scored.sort(key=lambda pair: pair[1])  # stable: equal scores keep name order
    return _Facts(
        drempels=bank.model.drempels,
        # A dimension without a band (too few answers) has no score to judge.
        dimensions={d.id: (d.score if d.band else None, d.rwg) for d in group.dimensies},
        themes={f"{d.id}.{t.id}": t.score for d in group.dimensies for t in d.themas},
        phases={p.id: (p.score, p.afgerond) for p in group.fase.fases},
        items={i.vraag: i for i in group.items},
        far_apart=frozenset(c.vraag for c in group.uiteenlopend if c.vraag),
        orgs=orgs,
    )


def evaluate(group: GroupResult, bank: Bank) -> tuple[PatternHit, ...]:
    """The bank's patterns whose rule holds for ``group``, in bank order."""
    if not bank.model.patronen:
        return ()
    facts = _facts(group, bank)
    hits = []
    for patroon in bank.model.patronen:
        holds, figures = _holds(patroon.rule(), facts)
        if holds:
            hits.append(_hit(patroon, figures))
    return tuple(hits)


def _hit(patroon: Patroon, figures: list[Figure]) -> PatternHit:
    unique = tuple(dict.fromkeys(figures))  # a figure met twice is shown once
    return PatternHit(patroon.id, patroon.naam, patroon.uitleg, patroon.kans, unique)


def _holds(cond: Voorwaarde, facts: _Facts) -> tuple[bool, list[Figure]]:
    """Whether ``cond`` holds, and the figures of every part that holds."""
    if cond.alle is not None or cond.een_van is not None:
        figures: list[Figure] = []
        for part in cond.alle or ():
            ok, found = _holds(part, facts)
            if not ok:
                return False, []
            figures += found
        if cond.een_van is not None:
            any_held = False
            for part in cond.een_van:
                ok, found = _holds(part, facts)
                if ok:
                    any_held = True
                    figures += found
            if not any_held:
                return False, []
        return True, figures
    return _leaf(cond, facts)


def _leaf(cond: Voorwaarde, facts: _Facts) -> tuple[bool, list[Figure]]:
    subject = cond.subject()
    if subject is None:
        return False, []
    kind, ident = subject
    figures: list[Figure] = []
    score, organisation = _score(kind, ident, facts)
    if {"band", "onder", "vanaf"} & cond.tests().keys():
        if score is None or not _compare(cond, score, facts.drempels):
            return False, []
        band = _band(score, facts.drempels)
        figures.append(Figure(kind, ident, "score", score, organisation, band=band))
    if cond.afgerond is not None:
        phase = facts.phases.get(ident)
        if phase is None or phase[0] is None or phase[1] != cond.afgerond:
            return False, []
        figures.append(Figure(kind, ident, "afgerond", phase[1]))
        if not any(f.maat == "score" for f in figures):
            band = _band(phase[0], facts.drempels)
            figures.append(Figure(kind, ident, "score", phase[0], band=band))
    if cond.rwg_onder is not None:
        rwg = _rwg(kind, ident, facts)
        if rwg is None or agreement.reaches(rwg, cond.rwg_onder):
            return False, []
        figures.append(Figure(kind, ident, "rwg", rwg))
    item = facts.items.get(ident) if kind == "vraag" else None
    if cond.neiging is not None:
        side, position = (item.neiging, item.positie) if item is not None else (None, None)
        if side != cond.neiging:
            return False, []
        figures.append(Figure(kind, ident, "neiging", side, positie=position))
    if cond.uiteenlopend is not None:
        if item is None or item.n == 0 or (ident in facts.far_apart) != cond.uiteenlopend:
            return False, []
        figures.append(Figure(kind, ident, "uiteenlopend", cond.uiteenlopend))
    return bool(figures), figures


def _compare(cond: Voorwaarde, score: float, drempels: Drempels) -> bool:
    if cond.band is not None and _band(score, drempels) != cond.band:
        return False
    if cond.onder is not None and agreement.reaches(score, cond.onder):
        return False
    return cond.vanaf is None or agreement.reaches(score, cond.vanaf)


def _score(kind: str, ident: str, facts: _Facts) -> tuple[float | None, str | None]:
    """The score a test looks at, and for organisatie_* the organisation it belongs to."""
    if kind == "dimensie":
        return facts.dimensions.get(ident, (None, None))[0], None
    if kind == "thema":
        return facts.themes.get(ident), None
    if kind == "fase":
        return facts.phases.get(ident, (None, False))[0], None
    if kind == "vraag":
        item = facts.items.get(ident)
        return (item.score if item is not None else None), None
    scored = facts.orgs.get(ident, [])
    if len(scored) < 2:  # one organisation is the team itself: nothing to single out
        return None, None
    name, score = scored[0] if kind == "organisatie_laag" else scored[-1]
    return score, name


def _rwg(kind: str, ident: str, facts: _Facts) -> float | None:
    if kind == "dimensie":
        return facts.dimensions.get(ident, (None, None))[1]
    item = facts.items.get(ident)
    return item.rwg if item is not None else None
