"""The parts of the report view that teach the model: patterns read across the lenses, the advice
of a dimension in zorg, where a young partnership starts, and the legend.

Built here from scored results and the bank, laid out by every renderer; see
:mod:`samenwerk_cli.render.view_model` for the shapes.
"""

from __future__ import annotations

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render.view_model import (
    Action,
    DimensionAdvice,
    Patterns,
    PatternView,
    Start,
    StartItem,
)
from samenwerk_cli.render.words import dimension_label, fase_name, number
from samenwerk_cli.scoring.results import Figure, GroupResult, PatternHit

START_ITEMS = 3  # a young partnership: items to begin with


def label_of(bank: Bank, dim_id: str) -> str:
    dim = next((d for d in bank.model.dimensies if d.id == dim_id), None)
    return dimension_label(dim_id, dim.naam) if dim is not None else dim_id


def patterns(group: GroupResult, bank: Bank) -> Patterns | None:
    if not bank.model.patronen:
        return None
    found = tuple(_pattern(hit, bank) for hit in group.patronen)
    return Patterns(found, tuple(p.naam for p in bank.model.patronen))


def _pattern(hit: PatternHit, bank: Bank) -> PatternView:
    lines: list[str] = []
    # A phase's "afgerond" figure says its score too: one line, not two.
    settled = {f.id for f in hit.cijfers if f.soort == "fase" and f.maat == "afgerond"}
    for fig in hit.cijfers:
        if fig.soort == "fase" and fig.maat == "score" and fig.id in settled:
            continue
        lines.append(figure_text(fig, bank, hit.cijfers))
    return PatternView(hit.naam, hit.uitleg, hit.kans, tuple(dict.fromkeys(lines)))


def figure_text(fig: Figure, bank: Bank, all_figures: tuple[Figure, ...] = ()) -> str:
    """One figure as a reader sees it: "Fase Delen: 3,25, niet afgerond"."""
    value = fig.waarde
    if fig.soort == "fase":
        name = f"Fase {fase_name(bank, fig.id)}"
        if fig.maat == "afgerond":
            score = next(
                (f.waarde for f in all_figures if f.id == fig.id and f.maat == "score"), None
            )
            shown = f"{number(score)}, " if isinstance(score, float) else ""
            return f"{name}: {shown}{'afgerond' if value else 'niet afgerond'}"
        return f"{name}: {_scored(fig)}"
    if fig.soort in ("organisatie_laag", "organisatie_hoog"):
        return f"{label_of(bank, fig.id)} bij {fig.organisatie}: {_scored(fig)}"
    if fig.soort == "dimensie":
        name = label_of(bank, fig.id)
        if fig.maat == "rwg":
            return f"{name}: weinig overeenstemming (rwg(J) {number(_float(value))})"
        return f"{name}: {_scored(fig)}"
    if fig.soort == "thema":
        dim_id, _, theme_id = fig.id.partition(".")
        dim = bank.dimensie(dim_id)
        theme = next((t.naam for t in dim.themas if t.id == theme_id), theme_id)
        return f"Thema {theme} ({label_of(bank, dim_id)}): {_scored(fig)}"
    vraag = bank.by_id.get(fig.id)
    text = f"‘{vraag.tekst if vraag else fig.id}’"
    if fig.maat == "uiteenlopend":
        return f"{text}: de antwoorden liggen ver uiteen, aan beide kanten van het midden"
    if fig.maat == "neiging":
        poles = (vraag.polen if vraag else None) or ["links", "rechts"]
        pole = poles[0] if value == "links" else poles[1]
        return f"{text}: neigt naar ‘{pole}’ (gemiddeld {number(fig.positie)})"
    if fig.maat == "rwg":
        return f"{text}: weinig overeenstemming (rwg {number(_float(value))})"
    return f"{text}: {_scored(fig)}"


def _float(value: object) -> float | None:
    return value if isinstance(value, float) else None


def _scored(fig: Figure) -> str:
    """A score with its band: "2,93 (zorg)"."""
    score = number(_float(fig.waarde))
    return f"{score} ({fig.band})" if fig.band else score


def dimension_advice(group: GroupResult, bank: Bank) -> tuple[DimensionAdvice, ...]:
    """The model's advice for each dimension in zorg, in bank order."""
    return tuple(
        DimensionAdvice(label_of(bank, d.id), bank.dimensie(d.id).advies)
        for d in group.dimensies
        if d.band == "zorg" and bank.dimensie(d.id).advies.strip()
    )


def is_young(group: GroupResult) -> bool:
    """Young: the first fase has answers, and no fase is afgerond (every fase mean below 3,5)."""
    fases = group.fase.fases
    return bool(fases) and fases[0].score is not None and not any(p.afgerond for p in fases)


def start(group: GroupResult, bank: Bank) -> Start | None:
    """A young partnership begins at the first fase, with its most basic items.

    Most basic: the first fase's items that do not score sterk, weakest first; on equal scores
    the quick-scan items (the bank's core) first. At most :data:`START_ITEMS`.
    """
    if not is_young(group):
        return None
    first = bank.model.fases[0]
    drempel = bank.model.drempels.sterk
    position = {v.id: n for n, v in enumerate(bank.vragen)}
    candidates = [
        i for i in group.items if i.fase == first.id and i.score is not None and i.score < drempel
    ]
    candidates.sort(key=lambda i: (i.score, not bank.by_id[i.vraag].kort, position.get(i.vraag, 0)))
    chosen = candidates[:START_ITEMS]
    items = tuple(
        StartItem(bank.by_id[i.vraag].tekst, i.score or 0.0, _advice(bank, i.vraag)) for i in chosen
    )
    picked = {i.vraag for i in chosen}
    rest = sum(1 for w in group.zwakke_plekken if w.vraag not in picked)
    return Start(first.naam, first.betekenis, items, rest)


def _advice(bank: Bank, item_id: str) -> str:
    """The item's advice; without one, its dimension's (as for a weak spot)."""
    vraag = bank.by_id[item_id]
    return vraag.advies.strip() or bank.dimensie(vraag.dimensie).advies


def start_actions(begin: Start) -> tuple[Action, ...]:
    return tuple(Action(i.advies, i.tekst) for i in begin.items if i.advies.strip())


def legend(bank: Bank) -> tuple[str, ...]:
    """One line per symbol the report uses; renderers show them together."""
    afgerond = number(bank.model.drempels.fase_afgerond, 1)
    return (f"✓ afgerond: het gemiddelde van de fase is {afgerond} of hoger.",)
