"""The report to share: GitHub-flavoured markdown for one partnership, and an index for several.

It says what the terminal report says, in the order a board reads it: the picture, the phase,
the weak spots with advice, where partners differ, what changed, what respondents wrote, and
what to do next. Everything a respondent typed goes through :mod:`mdtext`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render import markdown_lenses, mdtext
from samenwerk_cli.render.markdown_sections import (
    agreements,
    ambition,
    attention,
    differences,
    leans,
    next_steps,
    phase,
    trend,
    weak_spots,
    written,
)
from samenwerk_cli.render.view import partnership_view, summary_row
from samenwerk_cli.render.view_model import Dimensions, Header
from samenwerk_cli.render.words import BAND_SYMBOL, band_word, number, percent
from samenwerk_cli.scoring.results import Band, GroupResult
from samenwerk_cli.scoring.rounds import MONTHS
from samenwerk_cli.scoring.trend import Partnership


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def band_cell(band: Band | None, score: float | None) -> str:
    """Symbol and word: the band reads without colour, also in print."""
    return band_word(band, score) if band is None else f"{BAND_SYMBOL[band]} {band}"


def partnership_report(
    partnership: Partnership, bank: Bank, chart: str | None, today: dt.date, version: str = ""
) -> str:
    """One partnership's report on its latest round; earlier rounds feed the trend section."""
    view, trend_view = partnership_view(partnership, bank, complete=True)  # the full report
    parts = [
        _title(view.header, today),
        _reading_guide(bank) + "\n" + markdown_lenses.legend(view.legend),
        _dimensions(view.dimensions, chart),
        ambition(view.ambition),
        phase(view.phase),
        markdown_lenses.patterns(view.patterns),
        markdown_lenses.start(view.start) if view.start else weak_spots(view.weak_spots),
        attention(view.attention),
        markdown_lenses.dimension_advice(view.dimension_advice),
        leans(view.leans),
        differences(view),
        trend(trend_view) if trend_view else "",
        written(view.written),
        next_steps(view.actions),
        agreements(),
        _footer(bank, today, version),
    ]
    return "\n\n".join(p for p in parts if p).rstrip() + "\n"


def _title(head: Header, today: dt.date) -> str:
    facts = []
    if head.ronde:
        facts.append(f"**Ronde:** {mdtext.inline(head.ronde)}")
    facts.append(f"**Rapport van:** {dutch_date(today)}")
    if head.respondent is not None:
        facts.append(f"**Respondent:** 1 ({mdtext.inline(head.respondent)})")
    else:
        facts.append(f"**Respondenten:** {head.n}")
    if head.onvolledig:
        facts.append(f"**Onvolledig:** {head.onvolledig}")
    if head.organisaties:
        facts.append("**Organisaties:** " + ", ".join(mdtext.inline(o) for o in head.organisaties))
    facts.append(f"**Fase:** {mdtext.inline(head.fase)}")
    heading = f"# Samenwerkingsreflectie: {mdtext.inline(head.partnerschap)}"
    warnings = [f"> **Let op:** {mdtext.inline(w)}" for w in head.waarschuwingen]
    return "\n\n".join([heading, " · ".join(facts), *warnings])


def _reading_guide(bank: Bank) -> str:
    d = bank.model.drempels
    labels = bank.model.schaal.labels
    dims = ", ".join(f"**{dim.id}**" for dim in bank.model.dimensies)
    fases = ", ".join(f.naam.lower() for f in bank.model.fases)
    return "\n".join(
        [
            "> **Zo lees je dit rapport.** Het reflectiemodel op samenwerken kijkt met vijf brillen"
            f" naar een partnerschap: {dims}.",
            f"> Een samenwerking doorloopt daarbij de fases {fases}.",
            f"> Elke stelling is beantwoord van 1 ({labels[0]}) tot 5 ({labels[-1]});"
            " omgekeerde stellingen zijn omgerekend, zodat hoger overal beter is.",
            ">",
            f"> {BAND_SYMBOL['sterk']} **sterk**: {number(d.sterk, 1)} of hoger ·"
            f" {BAND_SYMBOL['aandacht']} **aandacht**: {number(d.aandacht, 1)} tot"
            f" {number(d.sterk, 1)} · {BAND_SYMBOL['zorg']} **zorg**: onder"
            f" {number(d.aandacht, 1)}.",
        ]
    )


def _dimensions(dims: Dimensions, chart: str | None) -> str:
    header = ["Dimensie", "Score", "Band", "Dekking", "Overeenstemming"]
    rows = [
        [
            mdtext.inline(d.naam),
            number(d.score),
            band_cell(d.band, d.score),
            percent(d.dekking),
            number(d.rwg),
        ]
        for d in dims.rows
    ]
    parts = ["## De vijf dimensies", mdtext.table(header, rows, right=(1, 3, 4))]
    if dims.notes:
        parts.append(mdtext.inline(" ".join(dims.notes)))
    if chart:
        parts.append(f"![Radar van de scores per dimensie, schaal 1 tot 5]({chart})")
    worst = dims.worst
    if worst is not None:
        parts.append(f"Zwakste band: {BAND_SYMBOL[worst]} **{worst}**.")
    return "\n\n".join(parts)


def _footer(bank: Bank, today: dt.date, version: str) -> str:
    tool = f"samenwerk {version}".strip()
    return (
        "---\n\n"
        f"*Gemaakt met {tool} op {dutch_date(today)}, vragenlijst {mdtext.inline(bank.naam)}"
        f" versie {mdtext.inline(bank.versie)}.*\n\n{markdown_lenses.credit()}"
    )


def index(reports: Sequence[tuple[str, GroupResult]], bank: Bank, today: dt.date) -> str:
    """The front page of a folder of reports: one line per partnership, linked."""
    header = ["Partnerschap", "Ronde", "n", *[d.id.capitalize() for d in bank.model.dimensies]]
    header.append("Zwakste band")
    rows = []
    for link, g in reports:
        row = summary_row(g, bank)
        worst = row.worst
        rows.append(
            [
                f"[{mdtext.inline(row.partnerschap)}]({link})",
                mdtext.inline(row.ronde or "–"),
                str(row.n),
                *[number(s) for s in row.scores],
                f"{BAND_SYMBOL[worst]} {worst}" if worst else "–",
            ]
        )
    numeric = tuple(range(2, 3 + len(bank.model.dimensies)))
    return (
        "# Samenwerkingsreflectie: overzicht\n\n"
        f"{len(reports)} {'partnerschap' if len(reports) == 1 else 'partnerschappen'}"
        f" · rapport van {dutch_date(today)}\n\n"
        + mdtext.table(header, rows, right=numeric)
        + f"\n\n---\n\n{markdown_lenses.credit()}\n"
    )
