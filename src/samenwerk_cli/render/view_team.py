"""The team parts of a report's view: where answers diverge, two respondents side by side,
partner organisations, balans leans and the legend of the agreement figures.

Split from :mod:`samenwerk_cli.render.view`, which assembles the whole view.
"""

from __future__ import annotations

from collections.abc import Sequence

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render.lenses import label_of
from samenwerk_cli.render.view_model import (
    FAR_APART,
    MAX_FLAGS,
    ConfusedDimension,
    Gap,
    Lean,
    Listing,
    Organisations,
    Pair,
    PairRow,
)
from samenwerk_cli.render.words import number, shown
from samenwerk_cli.scoring.collect import LEAN_LIMITS
from samenwerk_cli.scoring.results import GroupResult, OrgItemGap, Side


def shown_or_none(value: float | None, *limits: float) -> float | None:
    """A number as the report shows it: never rounded across a threshold it is judged by."""
    return None if value is None else shown(value, limits)


def listing(texts: Sequence[str], limit: int | None) -> Listing:
    """The first ``limit`` texts (all with None) and how many there are in all."""
    return Listing(tuple(texts if limit is None else texts[:limit]), len(texts))


def confusion(
    group: GroupResult, bank: Bank, limit: int | None = MAX_FLAGS
) -> tuple[ConfusedDimension, ...]:
    """Per dimension in bank order: spraakverwarring (low rwg(J)) and the statements with
    uiteenlopende antwoorden, furthest apart first."""
    out = []
    for dim in bank.model.dimensies:
        low = [f for f in group.spraakverwarring if f.dimensie == dim.id and f.rwg is not None]
        items = sorted(
            (f for f in group.uiteenlopend if f.dimensie == dim.id and f.vraag),
            key=lambda f: -(f.ad or 0),
        )
        if not low and not items:
            continue
        d = bank.model.drempels
        texts = [
            f"{bank.by_id[f.vraag].tekst} (AD {number(f.ad, limits=(d.ad,))})"
            for f in items
            if f.vraag
        ]
        rwg = shown_or_none(low[0].rwg, d.rwg) if low else None
        out.append(ConfusedDimension(label_of(bank, dim.id), rwg, listing(texts, limit)))
    return tuple(out)


def pair(group: GroupResult, bank: Bank) -> Pair:
    """Two respondents: their labels, and the statements where their answers differ 2 or more."""
    first, second = group.respondenten
    rows = tuple(
        PairRow(v.tekst, a, b)
        for v in bank.scored
        if isinstance(a := first.antwoorden.get(v.id), int)
        and isinstance(b := second.antwoorden.get(v.id), int)
        and abs(a - b) >= FAR_APART
    )
    one, two = (
        r.naam or r.organisatie or f"respondent {i}" for i, r in enumerate(group.respondenten, 1)
    )
    return Pair((one, two), rows)


def organisations(group: GroupResult, bank: Bank) -> Organisations | None:
    """Per organisation, for organisations with enough respondents; why others have no column."""
    orgs = group.organisaties_scores
    notes = tuple(_hidden(name, n, bank) for name, n in group.organisaties_verborgen)
    if len(orgs) < 2 and not (notes and len(group.organisaties) >= 2):
        return None
    rows = tuple(
        (label_of(bank, dim.id), tuple(shown_or_none(o.dimensies.get(dim.id)) for o in orgs))
        for dim in bank.model.dimensies
    )
    d = bank.model.drempels
    gaps = tuple(
        Gap(
            label_of(bank, g.dimensie),
            g.hoog,
            g.hoog_score,
            g.laag,
            g.laag_score,
            shown(g.verschil, (d.organisatie_verschil,)),
        )
        for g in group.organisaties_verschil
    )
    statements = tuple(
        Gap(
            bank.by_id[g.vraag].tekst,
            g.hoog,
            g.hoog_score,
            g.laag,
            g.laag_score,
            shown(g.verschil, (d.organisatie_verschil_stelling,)),
            _positions(g, bank) if g.maat == "positie" else None,
        )
        for g in group.organisaties_stelling
    )
    columns = tuple((o.organisatie, o.n) for o in orgs) if len(orgs) >= 2 else ()
    return Organisations(columns, rows if columns else (), gaps, statements, notes)


def _positions(gap: OrgItemGap, bank: Bank) -> str:
    """A balans item per organisation: where each stands, in the pole's words, first pole first:
    "A in evenwicht (3,0) · B neigt naar ‘Te veel: …’ (4,5) (verschil 1,5)". One decimal, never
    rounded across the lean's edges or the threshold the difference is judged by."""
    vraag = bank.by_id[gap.vraag]
    limit = bank.model.drempels.organisatie_verschil_stelling

    def side(org: str, position: float, lean: Side | None) -> str:
        where = number(position, 1, LEAN_LIMITS)
        pole = vraag.pool(lean)
        if pole is None:
            return f"{org} in evenwicht ({where})"
        return f"{org} neigt naar ‘{pole}’ ({where})"

    low = side(gap.laag, gap.laag_score, gap.laag_neiging)
    high = side(gap.hoog, gap.hoog_score, gap.hoog_neiging)
    return f"{low} · {high} (verschil {number(gap.verschil, 1, (limit,))})"


def _hidden(name: str, n: int, bank: Bank) -> str:
    minimum = bank.model.drempels.organisatie_minimum
    who = "1 respondent" if n == 1 else f"{n} respondenten"
    return (
        f"{name} ({who}) heeft geen eigen kolom: een organisatie krijgt die pas vanaf {minimum}"
        " respondenten, zodat niemand herkenbaar wordt. De antwoorden tellen wel mee in het team."
    )


def leans(group: GroupResult, bank: Bank) -> tuple[Lean, ...]:
    """Every answered balans item with the team's lean, named in the pole's own words."""
    out = []
    for item in group.items:
        vraag = bank.by_id[item.vraag]
        if item.soort != "balans" or item.positie is None or not vraag.polen:
            continue
        position = shown(item.positie, LEAN_LIMITS)
        poles = (vraag.polen[0], vraag.polen[1])
        out.append(Lean(vraag.tekst, poles, position, vraag.pool(item.neiging), item.n))
    return tuple(out)


def legend(group: GroupResult, bank: Bank) -> tuple[str, ...]:
    """One line for each figure the report shows that needs explaining (rwg, AD); renderers print
    them in this order. Other parts of the report may add their own lines."""
    if group.n < 3:
        return ()
    d = bank.model.drempels
    return (
        "rwg: overeenstemming, van 0 (zo verdeeld als toeval) tot 1 (iedereen hetzelfde"
        f" antwoord); een dimensie onder {number(d.rwg)} krijgt de melding spraakverwarring?",
        "AD: de gemiddelde afstand van de antwoorden tot hun gemiddelde (schaal 1–5); vanaf"
        f" {number(d.ad)} met antwoorden aan beide kanten van het midden: uiteenlopende"
        " antwoorden",
    )
