"""Patterns (``patronen`` in model.yaml): the format of their rules and the check of their ids.

A pattern names a risk that shows only when the lenses are read together (schijnsamenwerking:
structure runs while the ambition is not shared). Its rule is data, so an own bank can define its
own. A rule is a condition (:class:`Voorwaarde`): either a list that must all hold (``alle``) or
of which one must hold (``een_van``), or one subject with one or more tests::

    {dimensie: ambitie, band: zorg}          # a dimension's score is in a band
    {thema: ambitie.begrip, onder: 3.0}      # a theme's score below a number
    {fase: delen, afgerond: false}           # a phase (not) afgerond
    {vraag: proces.tempo, neiging: links}    # a balans item leans to its first pole
    {vraag: ambitie.begrip, uiteenlopend: true}   # answers far apart on both sides of the middle
    {dimensie: ambitie, rwg_onder: 0.70}     # little agreement within a dimension
    {organisatie_laag: belangen, band: zorg} # the lowest organisation on a dimension
    {organisatie_hoog: belangen, vanaf: 3.5} # the highest organisation on a dimension

Missing data (no answers, fewer than 3 respondents for agreement, one organisation) never holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal

import msgspec

from samenwerk_cli.errors import Problem
from samenwerk_cli.formats.yamlio import Document

# The bank module imports this one: its ModelFile and Vraag are typed loosely here (no cycle).
ModelFile = Any
Vraag = Any

BandName = Literal["sterk", "aandacht", "zorg"]
SUBJECTS = ("dimensie", "thema", "fase", "vraag", "organisatie_laag", "organisatie_hoog")
TESTS = ("band", "onder", "vanaf", "afgerond", "neiging", "uiteenlopend", "rwg_onder")
# Which tests make sense on which subject.
ALLOWED: dict[str, tuple[str, ...]] = {
    "dimensie": ("band", "onder", "vanaf", "rwg_onder"),
    "thema": ("band", "onder", "vanaf"),
    "fase": ("band", "onder", "vanaf", "afgerond"),
    "vraag": ("band", "onder", "vanaf", "neiging", "uiteenlopend", "rwg_onder"),
    "organisatie_laag": ("band", "onder", "vanaf"),
    "organisatie_hoog": ("band", "onder", "vanaf"),
}


class Voorwaarde(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One condition: a combination (``alle`` / ``een_van``) or a subject with its tests."""

    alle: list[Voorwaarde] | None = None
    een_van: list[Voorwaarde] | None = None
    dimensie: str | None = None
    thema: str | None = None  # "dimensie.thema", e.g. ambitie.begrip
    fase: str | None = None
    vraag: str | None = None
    organisatie_laag: str | None = None  # a dimension id
    organisatie_hoog: str | None = None
    band: BandName | None = None
    onder: float | None = None  # score < onder
    vanaf: float | None = None  # score >= vanaf
    afgerond: bool | None = None
    neiging: Literal["links", "rechts"] | None = None
    uiteenlopend: bool | None = None
    rwg_onder: float | None = None

    def subject(self) -> tuple[str, str] | None:
        """(kind, id) of the subject, or None for a combination."""
        for kind in SUBJECTS:
            value = getattr(self, kind)
            if value is not None:
                return kind, value
        return None

    def tests(self) -> dict[str, object]:
        return {t: getattr(self, t) for t in TESTS if getattr(self, t) is not None}


class Patroon(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A named risk read across the lenses: shown when its rule holds."""

    id: str
    naam: str
    uitleg: str  # what the risk is and why it matters
    kans: str  # what a team can do about it
    alle: list[Voorwaarde] | None = None
    een_van: list[Voorwaarde] | None = None

    def rule(self) -> Voorwaarde:
        return Voorwaarde(alle=self.alle, een_van=self.een_van)


def check(
    model: ModelFile,
    doc: Document,
    vragen: Mapping[str, Vraag],
    at: Callable[[Document, tuple[object, ...], str], Problem],
) -> list[Problem]:
    """Every problem of the ``patronen`` list: ids, texts, unknown subjects and misfit tests."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, patroon in enumerate(model.patronen):
        where: tuple[object, ...] = ("patronen", i)
        if patroon.id in seen:
            problems.append(at(doc, (*where, "id"), f"patroon '{patroon.id}' komt twee keer voor"))
        seen.add(patroon.id)
        for key in ("id", "naam", "uitleg", "kans"):
            if not str(getattr(patroon, key)).strip():
                problems.append(at(doc, (*where, key), "mag niet leeg zijn"))
        if not patroon.alle and not patroon.een_van:
            problems.append(at(doc, where, "een patroon heeft een regel nodig: alle of een_van"))
        for path, message in _walk(patroon.rule(), where, model, vragen, top=True):
            problems.append(at(doc, path, message))
    return problems


def _walk(
    cond: Voorwaarde,
    where: tuple[object, ...],
    model: ModelFile,
    vragen: Mapping[str, Vraag],
    top: bool = False,
) -> Iterator[tuple[tuple[object, ...], str]]:
    subject = cond.subject()
    combined = [k for k in ("alle", "een_van") if getattr(cond, k) is not None]
    if combined:
        if subject is not None or cond.tests():
            yield where, "kies één: een combinatie (alle/een_van) of één onderwerp met toetsen"
        for key in combined:
            parts = getattr(cond, key)
            if not parts:
                yield (*where, key), "mag niet leeg zijn"
            for j, part in enumerate(parts):
                yield from _walk(part, (*where, key, j), model, vragen)
        return
    if top:
        return
    named = [k for k in SUBJECTS if getattr(cond, k) is not None]
    if not named:
        kinds = ", ".join(SUBJECTS)
        yield where, f"geen onderwerp: noem er één van {kinds}, of gebruik alle/een_van"
        return
    if len(named) > 1:
        yield where, f"meer dan één onderwerp ({', '.join(named)}): splits in alle/een_van"
        return
    kind, ident = named[0], getattr(cond, named[0])
    unknown = _unknown(kind, ident, model, vragen)
    if unknown:
        yield (*where, kind), unknown
    tests = cond.tests()
    if not tests:
        yield where, f"geen toets: noem er één van {', '.join(ALLOWED[kind])}"
    for test in tests:
        if test not in ALLOWED[kind]:
            yield (
                (*where, test),
                f"'{test}' past niet bij {kind} (kies uit {', '.join(ALLOWED[kind])})",
            )
    vraag = vragen.get(ident) if kind == "vraag" else None
    if vraag is not None and not vraag.scored:
        yield (*where, kind), f"'{ident}' is een open vraag en heeft geen score"
    elif vraag is not None and cond.neiging is not None and vraag.soort != "balans":
        yield (*where, "neiging"), f"'{ident}' is geen balans-vraag en heeft geen neiging"


def _unknown(kind: str, ident: str, model: ModelFile, vragen: Mapping[str, Vraag]) -> str | None:
    dims = {d.id: d for d in model.dimensies}
    if kind in ("dimensie", "organisatie_laag", "organisatie_hoog"):
        if ident not in dims:
            return f"onbekende dimensie '{ident}' (kies uit {', '.join(dims)})"
    elif kind == "fase":
        fases = [f.id for f in model.fases]
        if ident not in fases:
            return f"onbekende fase '{ident}' (kies uit {', '.join(fases)})"
    elif kind == "thema":
        dim_id, _, theme = ident.partition(".")
        if dim_id not in dims:
            return f"onbekend thema '{ident}': schrijf dimensie.thema, bijv. ambitie.begrip"
        if theme not in {t.id for t in dims[dim_id].themas}:
            return f"'{theme}' is geen thema van dimensie {dim_id}"
    elif kind == "vraag" and ident not in vragen:
        return f"onbekende vraag '{ident}'"
    return None
