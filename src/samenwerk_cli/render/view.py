"""What a report says, decided once for every renderer (terminal, markdown, and later HTML).

A :class:`~samenwerk_cli.render.view_model.GroupView` is built here from scored results and the
bank: which weak spots are shown and how many, which statements count as far apart, which
sentences warn or advise. Renderers (:mod:`samenwerk_cli.terminal.report`,
:mod:`samenwerk_cli.render.markdown`) only lay it out and escape its text.
"""

from __future__ import annotations

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.formats.names import sentence_list
from samenwerk_cli.render import lenses
from samenwerk_cli.render.lenses import label_of
from samenwerk_cli.render.view_model import (
    ANONYMOUS,
    BAND_ORDER,
    MAX_FLAGS,
    MAX_TREND_SPOTS,
    NO_RWG,
    TOP_ACTIONS,
    Action,
    Ambition,
    DimensionRow,
    Dimensions,
    GroupView,
    Header,
    Phase,
    PhaseStep,
    Spot,
    SummaryRow,
    TrendRow,
    TrendView,
    WeakSpots,
    Written,
    WrittenEntry,
)
from samenwerk_cli.render.view_team import (
    confusion,
    leans,
    legend,
    listing,
    organisations,
    pair,
    shown_or_none,
)
from samenwerk_cli.render.words import fase_name, number, percent, shown
from samenwerk_cli.scoring.results import Band, GroupResult
from samenwerk_cli.scoring.trend import Partnership, Trend


def _band_limits(bank: Bank) -> tuple[float, float]:
    return bank.model.drempels.aandacht, bank.model.drempels.sterk


def header(group: GroupResult, bank: Bank) -> Header:
    respondent = None
    if group.n == 1:
        respondent = group.respondenten[0].naam or ANONYMOUS
    return Header(
        group.partnerschap,
        group.ronde,
        group.n,
        respondent,
        group.organisaties,
        fase_name(bank, group.fase.huidig),
        group.waarschuwingen,
        len(group.onvolledig),
    )


def dimensions(group: GroupResult, bank: Bank) -> Dimensions:
    team = group.n >= 3
    bands, rwg = _band_limits(bank), bank.model.drempels.rwg
    rows = tuple(
        DimensionRow(
            label_of(bank, d.id),
            shown_or_none(d.score, *bands),
            d.band,
            d.dekking,
            shown_or_none(d.rwg, rwg) if team else None,
        )
        for d in group.dimensies
    )
    notes = []
    if not team:
        notes.append(NO_RWG)
    if any(d.band is None and d.score is not None for d in group.dimensies):
        pct = percent(bank.model.drempels.dekking)
        notes.append(f"Bij minder dan {pct} beantwoorde stellingen krijgt een dimensie geen band.")
    return Dimensions(rows, team, worst_band(group), tuple(notes))


def ambition(group: GroupResult) -> Ambition | None:
    index = group.ambitie_index
    if index is None:
        return None
    factors = " × ".join(f"{name} {number(value)}" for name, value in index.factoren.items())
    return Ambition(index.waarde, factors, index.zwakste)


def phase(group: GroupResult, bank: Bank) -> Phase:
    fase = group.fase
    d = bank.model.drempels
    steps = tuple(
        PhaseStep(
            p.naam,
            shown_or_none(p.score, d.fase_overgeslagen, d.fase_afgerond),
            p.afgerond,
            fase.zelfbeeld.get(p.id, 0),
        )
        for p in fase.fases
    )
    unknown = fase.zelfbeeld.get("weet ik niet", 0)
    unknown_text = None
    if unknown:
        who = "respondent weet" if unknown == 1 else "respondenten weten"
        unknown_text = f"{unknown} {who} niet in welke fase de samenwerking zit."
    return Phase(
        huidig=fase_name(bank, fase.huidig),
        steps=steps,
        zelfbeeld=tuple((fase_name(bank, k), n) for k, n in fase.zelfbeeld.items()),
        unknown=unknown_text,
        skipped=tuple(_skipped(bank, f) for f in fase.overgeslagen),
        ahead=_ahead(group, bank),
    )


def _skipped(bank: Bank, fase_id: str) -> str:
    """Why a skipped phase matters."""
    return (
        f"De fase {fase_name(bank, fase_id)} scoort laag, terwijl een latere fase al afgerond"
        " lijkt. Ga terug naar die fase: wat daar ontbreekt, komt later terug."
    )


def _ahead(group: GroupResult, bank: Bank) -> str | None:
    """Respondents who place the partnership well ahead of what the answers show."""
    fase = group.fase
    if not fase.vooruit:
        return None
    ahead = sentence_list((fase_name(bank, f) for f in fase.vooruit), last="of")
    count = sum(fase.zelfbeeld.get(f, 0) for f in fase.vooruit)
    who = "Eén respondent denkt" if count == 1 else f"{count} respondenten denken"
    return (
        f"{who} dat jullie al in de fase {ahead} zitten, een flink stuk verder dan de antwoorden"
        " laten zien. Bespreek wat er nog nodig is om daar te komen."
    )


def weak_spots(group: GroupResult, bank: Bank, band: str = "zorg") -> WeakSpots:
    """The zwakke plekken (zorg) or the aandachtspunten (aandacht), all of them, in the order to
    work on them; renderers decide how many fit."""
    found = group.zwakke_plekken if band == "zorg" else group.aandachtspunten
    bands = _band_limits(bank)
    spots = tuple(
        Spot(
            position,
            spot.band,
            spot.tekst,
            f"{label_of(bank, spot.dimensie)} · {fase_name(bank, spot.fase)}".lower(),
            shown(spot.score, bands),
            _steered(spot.advies, spot.neiging),
            spot.neiging,
        )
        for position, spot in enumerate(found, 1)
    )
    return WeakSpots(spots, len(found))


def _steered(advice: str, lean: str | None) -> str:
    """A balans item's advice says which way to steer: away from the pole the team leans to."""
    if lean is None:
        return advice
    return f"Jullie neigen naar: {lean}. Zoek samen het midden. {advice}".strip()


FACILITATOR = "begeleider, samenvatting van het groepsgesprek"


def written(group: GroupResult, bank: Bank) -> tuple[Written, ...]:
    """Open answers and comments by item; a name only where the respondent gave one.

    The same text from several people is shown once, with the names of all who gave it; the same
    text from every one of two or more is a group session's summary, saved for everyone by the
    facilitator, and is shown as the facilitator's.
    """
    blocks = []
    everyone = len(group.respondenten)
    for v in bank.vragen:
        texts: dict[str, list[str]] = {}
        givers: dict[str, int] = {}
        for r in group.respondenten:
            text = (r.toelichting.get(v.id) or "").strip()
            if text:
                texts.setdefault(text, [])
                givers[text] = givers.get(text, 0) + 1
                if r.naam:
                    texts[text].append(r.naam)
        if not texts:
            continue
        kind = "Open vraag" if not v.scored else "Toelichting bij de stelling"
        entries = tuple(
            WrittenEntry(
                t,
                FACILITATOR if everyone > 1 and givers[t] == everyone else sentence_list(n) or None,
            )
            for t, n in texts.items()
        )
        blocks.append(Written(kind, v.tekst, entries))
    return tuple(blocks)


def actions(group: GroupResult) -> tuple[Action, ...]:
    """Where to start: the advice of the weakest spots, each advice once."""
    seen: set[str] = set()
    found = []
    for spot in (*group.zwakke_plekken, *group.aandachtspunten):
        advice = _steered(spot.advies, spot.neiging).strip()
        if advice and advice not in seen:
            seen.add(advice)
            found.append(Action(advice, spot.tekst))
        if len(found) == TOP_ACTIONS:
            break
    return tuple(found)


def worst_band(group: GroupResult) -> Band | None:
    bands = {d.band for d in group.dimensies if d.band is not None}
    return next((b for b in BAND_ORDER if b in bands), None)


def summary_row(group: GroupResult, bank: Bank) -> SummaryRow:
    return SummaryRow(
        group.partnerschap,
        group.ronde,
        group.n,
        tuple(shown_or_none(d.score, *_band_limits(bank)) for d in group.dimensies),
        tuple(d.band for d in group.dimensies),
        fase_name(bank, group.fase.huidig),
        worst_band(group),
    )


def group_view(group: GroupResult, bank: Bank, complete: bool = False) -> GroupView:
    """What a report says of one group; ``complete`` (the markdown report) lists every statement
    where a short report shows the first few."""
    begin = lenses.start(group, bank)
    return GroupView(
        header=header(group, bank),
        dimensions=dimensions(group, bank),
        ambition=ambition(group),
        phase=phase(group, bank),
        weak_spots=weak_spots(group, bank),
        attention=weak_spots(group, bank, "aandacht"),
        leans=leans(group, bank),
        confusion=(
            confusion(group, bank, None if complete else MAX_FLAGS) if group.n >= 3 else None
        ),
        pair=pair(group, bank) if group.n == 2 else None,
        organisations=organisations(group, bank),
        written=written(group, bank),
        actions=lenses.start_actions(begin) if begin else actions(group),
        patterns=lenses.patterns(group, bank),
        dimension_advice=lenses.dimension_advice(group, bank),
        start=begin,
        legend=lenses.legend(bank) + legend(group, bank),
    )


def trend_view(trend: Trend, bank: Bank, limit: int | None = MAX_TREND_SPOTS) -> TrendView:
    bands = _band_limits(bank)
    rows = tuple(
        TrendRow(
            label_of(bank, d.id),
            shown_or_none(d.vorige, *bands),
            shown_or_none(d.huidige, *bands),
            shown_or_none(d.verschil, bank.model.drempels.trend),
            d.richting,
        )
        for d in trend.dimensies
    )
    threshold = number(bank.model.drempels.trend, 1)
    return TrendView(
        vorige=trend.vorige_ronde,
        huidige=trend.huidige_ronde,
        rows=rows,
        fase_toen=fase_name(bank, trend.fase_toen),
        fase_nu=fase_name(bank, trend.fase_nu),
        threshold=f"Een pijl staat alleen bij een verandering van {threshold} of meer.",
        solved=listing([s.tekst for s in trend.opgelost], limit),
        new=listing([s.tekst for s in trend.nieuw], limit),
    )


def partnership_view(
    partnership: Partnership, bank: Bank, complete: bool = False
) -> tuple[GroupView, TrendView | None]:
    """A report's content: the latest round, and the trend when there are earlier rounds;
    ``complete`` lists everything (the markdown report), else the printable page's share."""
    trend = None
    if partnership.trend:
        trend = trend_view(partnership.trend, bank, None if complete else MAX_TREND_SPOTS)
    return group_view(partnership.laatste, bank, complete), trend
