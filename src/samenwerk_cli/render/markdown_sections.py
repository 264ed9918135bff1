"""The sections of the markdown report after the dimension table, one function each.

Each lays out one part of the view (:mod:`samenwerk_cli.render.view_model`); every text in it
goes through :mod:`mdtext`.
"""

from __future__ import annotations

from samenwerk_cli.render import mdtext
from samenwerk_cli.render.view_model import (
    ASK_ON,
    CONFUSION,
    DISCUSS_GAPS,
    DIVERGENT,
    NO_ACTIONS,
    NO_CONFUSION,
    NO_PAIR_DIFFERENCE,
    NO_WEAK_SPOTS,
    PAIR_INTRO,
    WEAK_ORDER,
    Action,
    Ambition,
    ConfusedDimension,
    Gap,
    GroupView,
    Lean,
    Organisations,
    Pair,
    Phase,
    Spot,
    TrendView,
    WeakSpots,
    Written,
)
from samenwerk_cli.render.words import BAND_SYMBOL, number, statements

AGREEMENT_ROWS = 4


def ambition(index: Ambition | None) -> str:
    if index is None:
        return ""
    head = "## Ambitie: belofte × commitment × doen"
    if index.waarde is None:
        return f"{head}\n\nNog niet te berekenen: niet elke factor is beantwoord."
    text = (
        f"{head}\n\nAmbitie-index **{number(index.waarde)}** op een schaal van 0 tot 1"
        f" ({mdtext.inline(index.factoren)}). Een ambitie draagt pas als er iets beloofd is, de"
        " partners zich eraan verbinden en het ook doen: is één factor zwak, dan is het geheel"
        " zwak."
    )
    if index.zwakste:
        text += f" Zwakste factor: **{mdtext.inline(index.zwakste)}**."
    return text


def phase(fase: Phase) -> str:
    rows = [
        [
            mdtext.inline(p.naam),
            number(p.score),
            "✓ afgerond" if p.afgerond else "",
            f"{p.zelfbeeld}×" if p.zelfbeeld else "",
        ]
        for p in fase.steps
    ]
    header = ["Fase", "Score", "Stand", "Zelfbeeld"]
    parts = [
        "## Fase van de samenwerking",
        f"Volgens de antwoorden zit het partnerschap in de fase **{mdtext.inline(fase.huidig)}**.",
        mdtext.table(header, rows, right=(1, 3)),
    ]
    if fase.unknown:
        parts.append(mdtext.inline(fase.unknown))
    parts += [f"**Overgeslagen?** {mdtext.inline(text)}" for text in fase.skipped]
    if fase.ahead:
        parts.append(f"**Let op:** {mdtext.inline(fase.ahead)}")
    return "\n\n".join(parts)


def _spot_line(spot: Spot) -> str:
    return (
        f"{spot.position}. {BAND_SYMBOL[spot.band]} **{mdtext.inline(spot.tekst)}**"
        f" ({mdtext.inline(spot.where)} · {number(spot.score)}, {spot.band})\\\n"
        f"   *Advies:* {mdtext.inline(spot.advies)}"
    )


def weak_spots(weak: WeakSpots) -> str:
    """Every zwakke plek with its advice, in the order to work on them."""
    if not weak.spots:
        return f"## Zwakke plekken\n\n{NO_WEAK_SPOTS}"
    head = f"## Zwakke plekken en advies\n\n{statements(weak.total)} in de band zorg, {WEAK_ORDER}:"
    return head + "\n\n" + "\n".join(_spot_line(s) for s in weak.spots)


def attention(points: WeakSpots) -> str:
    """Every aandachtspunt on one line, counted apart from the weak spots."""
    if not points.spots:
        return ""
    lines = [
        f"- {BAND_SYMBOL[s.band]} {mdtext.inline(s.tekst)}"
        f" ({mdtext.inline(s.where)} · {number(s.score)})"
        for s in points.spots
    ]
    return (
        f"### Aandachtspunten ({points.total})\n\nStellingen in de band aandacht, in"
        " dezelfde volgorde:\n\n" + "\n".join(lines)
    )


def differences(view: GroupView) -> str:
    if view.header.n == 1:
        return ""
    parts = ["## Waar de antwoorden uiteenlopen"]
    if view.pair is not None:
        parts.append(_pair(view.pair))
    elif not view.confusion:
        parts.append(NO_CONFUSION)
    else:
        parts.append(_confusion(view.confusion))
    if view.organisations is not None:
        parts.append(_organisations(view.organisations))
    return "\n\n".join(p for p in parts if p)


def _confusion(dims: tuple[ConfusedDimension, ...]) -> str:
    lines = [
        f"**{CONFUSION}** staat bij een dimensie waarover het team het weinig eens is (lage"
        f" rwg(J)): partners verstaan er waarschijnlijk iets anders onder. Een stelling met"
        f" **{DIVERGENT}** verdeelt het team: sommigen zijn het oneens, anderen eens.",
        "",
    ]
    for dim in dims:
        line = f"- **{mdtext.inline(dim.naam)}**"
        if dim.rwg is not None:
            line += f": {CONFUSION} weinig overeenstemming (rwg(J) {number(dim.rwg)})"
        if dim.items.total:
            sep = "; " if dim.rwg is not None else ": "
            line += f"{sep}{statements(dim.items.total)} met {DIVERGENT}"
        lines.append(line)
        lines += [f"  - {mdtext.inline(item)}" for item in dim.items.shown]
        if dim.items.more:
            lines.append(f"  - … en nog {dim.items.more}")
    lines += ["", ASK_ON]
    return "\n".join(lines)


def leans(items: tuple[Lean, ...]) -> str:
    """Balans items: the team's lean in the pole's own words."""
    if not items:
        return ""
    rows = [
        [
            mdtext.inline(lean.tekst),
            mdtext.inline(f"neigt naar: {lean.neiging}" if lean.neiging else "in evenwicht"),
            number(lean.positie),
            mdtext.inline(f"1 = {lean.polen[0]}, 5 = {lean.polen[1]}"),
        ]
        for lean in items
    ]
    header = ["Balansvraag", "Neiging", "Gemiddeld", "Schaal"]
    return (
        "## Balansvragen\n\nHier is het midden gezond; onder 2,5 neigt het team naar de eerste"
        " pool, boven 3,5 naar de tweede.\n\n" + mdtext.table(header, rows, right=(2,))
    )


def _pair(pair: Pair) -> str:
    if not pair.rows:
        return NO_PAIR_DIFFERENCE
    names = [mdtext.inline(n) for n in pair.names]
    rows = [[mdtext.inline(r.tekst), str(r.first), str(r.second)] for r in pair.rows]
    return PAIR_INTRO + "\n\n" + mdtext.table(["Stelling", *names], rows, right=(1, 2))


def _organisations(orgs: Organisations) -> str:
    parts = ["### Per organisatie"]
    if orgs.columns:
        header = ["Dimensie", *[f"{mdtext.inline(org)} (n={n})" for org, n in orgs.columns]]
        rows = [[mdtext.inline(naam), *[number(s) for s in scores]] for naam, scores in orgs.rows]
        parts.append(mdtext.table(header, rows, right=tuple(range(1, len(header)))))
    for gap in orgs.gaps:
        parts.append(f"- **{mdtext.inline(gap.dimensie)}:** {_gap(gap)}.")
    if orgs.statements:
        lines = [f"- {mdtext.inline(gap.dimensie)} — {_gap(gap)}." for gap in orgs.statements]
        parts.append(
            f"**Stellingen waarop organisaties verschillen ({len(orgs.statements)}):**\n\n"
            + "\n".join(lines)
        )
    if orgs.gaps or orgs.statements:
        parts.append(DISCUSS_GAPS)
    parts += [mdtext.inline(note) for note in orgs.notes]
    return "\n\n".join(parts)


def _gap(gap: Gap) -> str:
    if gap.posities is not None:  # a balans item: positions and poles, not scores
        return mdtext.inline(gap.posities)
    return (
        f"{mdtext.inline(gap.hoog)} {number(gap.hoog_score)} tegenover"
        f" {mdtext.inline(gap.laag)} {number(gap.laag_score)} (verschil {number(gap.verschil)})"
    )


def trend(t: TrendView) -> str:
    before, now = t.vorige or "vorige ronde", t.huidige or "nu"
    rows = [[mdtext.inline(d.naam), number(d.vorige), number(d.huidige), d.change] for d in t.rows]
    header = ["Dimensie", mdtext.inline(before), mdtext.inline(now), "Verandering"]
    moved = (
        f"gelijk gebleven ({t.fase_nu})" if t.same_phase else f"van {t.fase_toen} naar {t.fase_nu}"
    )
    parts = [
        f"## Ontwikkeling sinds {mdtext.inline(before)}",
        mdtext.table(header, rows, right=(1, 2)),
        f"{mdtext.inline(t.threshold)} **Fase:** {mdtext.inline(moved)}.",
    ]
    for label, spots in (
        ("Niet langer een zwakke plek", t.solved),
        ("Nieuwe zwakke plekken", t.new),
    ):
        if spots.total:
            listed = [f"- {mdtext.inline(text)}" for text in spots.shown]
            if spots.more:
                listed.append(f"- … en nog {spots.more}")
            parts.append(f"**{label} ({spots.total}):**\n\n" + "\n".join(listed))
    return "\n\n".join(parts)


def written(blocks: tuple[Written, ...]) -> str:
    """Open answers and comments by item; a name only where the respondent gave one."""
    if not blocks:
        return ""
    out = []
    for block in blocks:
        entries = []
        for entry in block.entries:
            line = f"- {mdtext.multiline(entry.text, '  ')}"
            if entry.names:
                line += f" — *{mdtext.inline(entry.names)}*"
            entries.append(line)
        out.append(f"### {block.kind}: {mdtext.inline(block.vraag)}\n\n" + "\n".join(entries))
    intro = "## Wat de deelnemers schreven\n\nAnoniem, tenzij iemand een naam heeft opgegeven."
    return intro + "\n\n" + "\n\n".join(out)


def next_steps(actions: tuple[Action, ...]) -> str:
    head = "## Hoe nu verder?"
    if not actions:
        return f"{head}\n\n{NO_ACTIONS}"
    lines = [
        f"{i}. {mdtext.inline(a.advies)}\\\n   *Bij:* {mdtext.inline(a.tekst)}"
        for i, a in enumerate(actions, 1)
    ]
    return f"{head}\n\nOm mee te beginnen, in de volgorde van aanpak:\n\n" + "\n".join(lines)


def agreements() -> str:
    rows = [["", "", ""] for _ in range(AGREEMENT_ROWS)]
    return "### Onze afspraken\n\n" + mdtext.table(["Wat", "Wie", "Wanneer"], rows)
