"""The report as one self-contained HTML page: a board can open it from an e-mail and print it.

Laid out by Jinja2 templates (``render/templates/``) from the same view model as the markdown
report. Jinja2 escapes every value by default (autoescape), so text people typed can never
become markup; only the charts, which escape their own text, are passed in as ``Markup``.
Everything is inline: CSS in a ``<style>``, charts as ``<svg>``, no scripts, fonts or images
from elsewhere. Jinja2 is imported only here, when an HTML report is asked for.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render.bar_chart import organisations_svg
from samenwerk_cli.render.chart import group_chart
from samenwerk_cli.render.markdown import dutch_date
from samenwerk_cli.render.markdown_sections import AGREEMENT_ROWS
from samenwerk_cli.render.trend_chart import partnership_trend, round_scores
from samenwerk_cli.render.view import partnership_view, summary_row
from samenwerk_cli.render.view_model import (
    ALL_IN_MARKDOWN,
    ASK_ON,
    CONFUSION,
    CREDIT,
    DISCUSS_GAPS,
    DIVERGENT,
    NO_ACTIONS,
    NO_CONFUSION,
    NO_PAIR_DIFFERENCE,
    NO_WEAK_SPOTS,
    PAIR_INTRO,
    PATTERNS_INTRO,
    PRINT_STATEMENT_GAPS,
    START_INTRO,
    TOP_ATTENTION,
    WEAK_ORDER,
    GroupView,
    TrendView,
)
from samenwerk_cli.render.words import (
    BAND_SYMBOL,
    band_word,
    dimension_short,
    number,
    percent,
    shown,
    statements,
)
from samenwerk_cli.scoring.results import GroupResult
from samenwerk_cli.scoring.trend import Partnership

if TYPE_CHECKING:
    import jinja2

# Colours as (name, value); tests/test_html.py holds every text-on-background pair the CSS uses
# to WCAG's 4.5:1. The bands are also told by symbol and word.
PALETTE = {
    "tekst": "#1a1a1a",
    "zacht": "#4a4a4a",  # secondary text
    "accent": "#1f3a5f",  # headings, rules
    "papier": "#ffffff",
    "vlak": "#eef2f7",  # table heads, reading guide
    "lijn": "#b9c3cf",
    "sterk-tekst": "#1d5a2a",
    "sterk-vlak": "#e3f1e6",
    "aandacht-tekst": "#6a4a00",
    "aandacht-vlak": "#fdf1d0",
    "zorg-tekst": "#8a1c1c",
    "zorg-vlak": "#fbe3e3",
    "let-op-vlak": "#fff4e0",
    "let-op-rand": "#9a5b00",
}

# HTML cannot hold most control characters; a name typed with one is shown without it.
_NOT_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2
    from markupsafe import Markup

    def finalize(value: object) -> object:
        if isinstance(value, str) and not isinstance(value, Markup):
            return _NOT_HTML.sub("", value)
        return value

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("samenwerk_cli.render", "templates"),
        autoescape=True,  # every value escaped, whatever the template's file name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )
    env.filters["number"] = number
    env.filters["percent"] = percent
    env.filters["statements"] = statements
    env.globals["symbol"] = BAND_SYMBOL
    env.globals["band_word"] = band_word
    env.globals["palette"] = PALETTE
    return env


def _markup(svg: str | None) -> Any:
    """A chart as markup: :mod:`chart` and friends escape every text they put in."""
    if svg is None:
        return None
    from markupsafe import Markup

    return Markup(svg)


def _guide(bank: Bank) -> dict[str, Any]:
    d = bank.model.drempels
    labels = bank.model.schaal.labels
    return {
        "dimensies": [dim.id for dim in bank.model.dimensies],
        "fases": [f.naam.lower() for f in bank.model.fases],
        "laag": labels[0],
        "hoog": labels[-1],
        "sterk": number(d.sterk, 1),
        "aandacht": number(d.aandacht, 1),
        "rwg": number(d.rwg),
    }


def _rounds(partnership: Partnership, bank: Bank) -> dict[str, Any] | None:
    """Every round's score per dimension: the trend chart's text equivalent (as shown: never
    rounded across a band's threshold)."""
    if len(partnership.rondes) < 2:
        return None
    names, rows = round_scores(partnership)
    bands = (bank.model.drempels.aandacht, bank.model.drempels.sterk)
    return {
        "names": names,
        "rows": [
            (naam, tuple(None if s is None else shown(s, bands) for s in scores))
            for _, naam, scores in rows
        ],
    }


def lenses(view: GroupView) -> dict[str, Any]:
    """The parts that teach the model: patterns, where a young partnership starts, the advice
    per dimension in zorg, the legend lines and the credit (see :mod:`render.lenses`)."""
    return {
        "patterns": view.patterns,
        "start": view.start,
        "dimension_advice": view.dimension_advice,
        "legend": view.legend,
        "patterns_intro": PATTERNS_INTRO,
        "start_intro": START_INTRO,
        "credit": CREDIT,
    }


def partnership_html(
    partnership: Partnership, bank: Bank, today: dt.date, version: str = ""
) -> str:
    """One partnership's report on its latest round, with the trend over all its rounds."""
    view, trend_view = partnership_view(partnership, bank)
    return render_report(view, trend_view, partnership, bank, today, version)


def render_report(
    view: GroupView,
    trend_view: TrendView | None,
    partnership: Partnership,
    bank: Bank,
    today: dt.date,
    version: str = "",
) -> str:
    """The page from its view; ``partnership`` feeds the charts and the table of every round."""
    drempels = bank.model.drempels
    thresholds = {"aandacht": drempels.aandacht, "sterk": drempels.sterk}
    orgs_chart = None
    if view.organisations is not None and view.organisations.columns:
        orgs_chart = organisations_svg(
            view.organisations,
            [dimension_short(d.id) for d in bank.model.dimensies],
            thresholds,
            f"{view.header.partnerschap}: scores per organisatie",
        )
    page = _environment().get_template("report.html.j2")
    return page.render(
        view=view,
        trend=trend_view,
        rounds=_rounds(partnership, bank),
        lenses=lenses(view),
        guide=_guide(bank),
        radar=_markup(group_chart(partnership.laatste, bank)),
        orgs_chart=_markup(orgs_chart),
        trend_chart=_markup(partnership_trend(partnership, bank)),
        agreement_rows=AGREEMENT_ROWS + 1,
        today=dutch_date(today),
        tool=f"samenwerk {version}".strip(),
        bank=bank,
        texts={
            "ask_on": ASK_ON,
            "discuss_gaps": DISCUSS_GAPS,
            "no_actions": NO_ACTIONS,
            "no_confusion": NO_CONFUSION,
            "no_pair_difference": NO_PAIR_DIFFERENCE,
            "no_weak_spots": NO_WEAK_SPOTS,
            "pair_intro": PAIR_INTRO,
            "weak_order": WEAK_ORDER,
            "top_attention": TOP_ATTENTION,
            "top_statements": PRINT_STATEMENT_GAPS,
            "all_in_markdown": ALL_IN_MARKDOWN,
            "confusion": CONFUSION,
            "divergent": DIVERGENT,
        },
    )


def index_html(reports: Sequence[tuple[str, GroupResult]], bank: Bank, today: dt.date) -> str:
    """The front page of a folder of reports: one row per partnership, linked."""
    rows = [(link, summary_row(g, bank)) for link, g in reports]
    page = _environment().get_template("index.html.j2")
    return page.render(
        rows=rows,
        dimensions=[dimension_short(d.id) for d in bank.model.dimensies],
        today=dutch_date(today),
        credit=CREDIT,
    )
