"""The score report in the terminal: what a facilitator talks through with a team.

It lays out the report's view (:mod:`samenwerk_cli.render.view`) with rich; it computes no scores.
Band words always stand beside colours (``NO_COLOR`` and piped output lose nothing), and every
text of the view is escaped or put in a :class:`~rich.text.Text`, so rich never reads it as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.text import Text

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render.view import group_view, summary_row, trend_view
from samenwerk_cli.render.view_model import (
    ALL_IN_REPORT,
    ASK_ON,
    CONFUSION,
    DISCUSS_GAPS,
    DIVERGENT,
    FAR_APART,
    NO_CONFUSION,
    NO_PAIR_DIFFERENCE,
    NO_WEAK_SPOTS,
    SCREEN_STATEMENT_GAPS,
    SCREEN_TREND_SPOTS,
    TOP_ATTENTION,
    TOP_WEAK_SPOTS,
    WEAK_ORDER,
    ConfusedDimension,
    Dimensions,
    Gap,
    GroupView,
    Header,
    Lean,
    Organisations,
    Pair,
    Phase,
    TrendView,
    WeakSpots,
)
from samenwerk_cli.render.words import (
    BAND_STYLE,
    BAND_SYMBOL,
    band_word,
    number,
    percent,
    score_bar,
    statements,
)
from samenwerk_cli.scoring.results import GroupResult
from samenwerk_cli.scoring.trend import Partnership, all_groups
from samenwerk_cli.terminal import report_lenses
from samenwerk_cli.terminal.columns import Columns
from samenwerk_cli.terminal.lean import DASH, Cell, Frame, Hanging


def print_partnerships(console: Console, found: Sequence[Partnership], bank: Bank) -> None:
    groups = all_groups(found)
    if len(groups) > 1:
        console.print(summary_table(groups, bank))
        console.print()
    for partnership in found:
        for group in partnership.rondes:
            console.print(group_report(group, bank))
            console.print()
        if partnership.trend is not None:
            console.print(trend_report(trend_view(partnership.trend, bank, SCREEN_TREND_SPOTS)))
            console.print()
    if found:
        console.print(report_lenses.credit())


def trend_report(trend: TrendView) -> Frame:
    table = Columns()
    table.add_column("dimensie")
    table.add_column(escape(trend.vorige or "vorige"), justify="right")
    table.add_column(escape(trend.huidige or "nu"), justify="right")
    table.add_column("verandering")
    for d in trend.rows:
        style = {"omhoog": "green", "omlaag": "bold red"}.get(d.richting or "", "")
        table.add_row(
            escape(d.naam), Cell(number(d.vorige)), Cell(number(d.huidige)), Cell(d.change, style)
        )
    parts: list[object] = [table]
    moved = "gelijk gebleven" if trend.same_phase else f"van {trend.fase_toen} naar {trend.fase_nu}"
    parts.append(Text(f"\nFase: {moved}."))
    for label, spots, style in (
        ("Niet langer een zwakke plek", trend.solved, "green"),
        ("Nieuwe zwakke plekken", trend.new, "yellow"),
    ):
        if spots.total:
            listed = Hanging(*((DASH, Text(spot)) for spot in spots.shown))
            if spots.more:
                listed.add_row(DASH, Text(f"… en nog {spots.more}", style="dim"))
            parts += [Text(f"{label} ({spots.total}):", style=style), listed]
    parts.append(Text(trend.threshold, style="dim"))
    title = Text(f"Trend: {trend.vorige or '?'} → {trend.huidige or '?'}")  # Text: never markup
    return Frame(parts, title)


def summary_table(groups: Sequence[GroupResult], bank: Bank) -> Group:
    """One row per partnership and round, any number of them, within 80 columns: short fixed
    labels for the dimensions and a band symbol beside each score, explained below the table."""
    from rich import box
    from rich.table import Table  # only here: Columns lays out the other tables

    labels = short_labels([d.id for d in bank.model.dimensies])
    table = Table(
        title="Overzicht van de partnerschappen",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1, 0, 0),
        pad_edge=False,
    )
    table.add_column("partnerschap · ronde", overflow="fold", min_width=12, ratio=1)
    table.add_column("n", justify="right", no_wrap=True)
    for label in labels:
        table.add_column(label, justify="right", no_wrap=True, min_width=5)
    table.add_column("fase", no_wrap=True)
    for row in (summary_row(g, bank) for g in groups):
        name = row.partnerschap + (f" · {row.ronde}" if row.ronde else "")
        scores = [
            Cell(f"{number(s)}{BAND_SYMBOL.get(b or '', ' ')}", BAND_STYLE.get(b or "", ""))
            for s, b in zip(row.scores, row.bands, strict=True)
        ]
        table.add_row(escape(name), Cell(str(row.n)), *scores, escape(row.fase))
    names = " · ".join(
        f"{label} {dim.naam.lower()}"
        for label, dim in zip(labels, bank.model.dimensies, strict=True)
    )
    bands = " · ".join(f"{BAND_SYMBOL[b]} {b}" for b in ("sterk", "aandacht", "zorg"))
    return Group(table, Text(f"{names}.\n{bands}; n = aantal respondenten.", style="dim"))


def short_labels(ids: Sequence[str], size: int = 3) -> list[str]:
    """``ambitie`` -> ``Amb``: for each id its shortest prefix of at least ``size`` letters
    that no other id shares."""

    def label(own: str) -> str:
        width = size
        while width < len(own) and any(o != own and o.startswith(own[:width]) for o in ids):
            width += 1
        return own[:width].capitalize()

    return [label(i) for i in ids]


def group_report(group: GroupResult, bank: Bank) -> Frame:
    return view_report(group_view(group, bank))


def view_report(view: GroupView) -> Frame:
    head = view.header
    parts: list[object] = [_header(head), dimension_table(view.dimensions)]
    if view.ambition is not None:
        parts.append(_ambition(view))
    parts.append(_phase(view.phase))
    parts += report_lenses.patterns(view.patterns)
    if view.start is not None:
        parts += report_lenses.start(view.start)
    else:
        parts += _weak_spots(view.weak_spots)
    parts += _attention(view.attention)
    parts += report_lenses.dimension_advice(view.dimension_advice)
    if view.pair is not None:
        parts += _pair(view.pair)
    elif view.confusion is not None:
        parts += _confusion(view.confusion)
    parts += _leans(view.leans)
    if view.organisations is not None:
        parts += _organisations(view.organisations)
    parts += [Text(f"let op: {w}", style="yellow") for w in head.waarschuwingen]
    parts += report_lenses.legend(view.legend)
    # A Text, not a string: rich would read a title string as markup and ':smile:' as an emoji.
    title = Text(head.partnerschap + (f" · ronde {head.ronde}" if head.ronde else ""))
    return Frame(parts, title)


def _header(head: Header) -> Text:
    who = head.who
    if head.respondent is not None:
        who += f" ({head.respondent})"
    line = Text(who)
    if head.organisaties:
        line.append(" · organisaties: " + ", ".join(head.organisaties))
    line.append(" · fase: ")
    line.append(head.fase, style="bold")
    return line


def dimension_table(dims: Dimensions) -> Columns:
    table = Columns(pad_edge=False)
    table.add_column("dimensie")
    table.add_column("score", justify="right")
    table.add_column("band")
    table.add_column("dekking", justify="right")
    table.add_column("1 ────── 5", no_wrap=True)
    if dims.team:
        table.add_column("overeenstemming", justify="right")
    for d in dims.rows:
        style = BAND_STYLE.get(d.band or "", "")
        row: list[str | Cell] = [
            escape(d.naam),
            Cell(number(d.score)),
            Cell(band_word(d.band, d.score), style),
            Cell(percent(d.dekking)),
            Cell(score_bar(d.score), style),
        ]
        if dims.team:
            row.append(Cell("–" if d.rwg is None else f"rwg {number(d.rwg)}"))
        table.add_row(*row)
    return table


def _ambition(view: GroupView) -> Text:
    index = view.ambition
    assert index is not None
    line = Text("\nAmbitie = belofte × commitment × doen: ", style="bold")
    if index.waarde is None:
        line.append("nog niet te berekenen (niet elke factor is beantwoord)", style="")
    else:
        line.append(f"{number(index.waarde)} ({index.factoren}, schaal 0–1)", style="")
    if index.zwakste:
        line.append(f"\nZwakste factor: {index.zwakste}.", style="")
    return line


def _phase(fase: Phase) -> Group:
    """The phase, then its details indented: a wrapped detail keeps the indent."""
    line = Text("\nFase: ", style="bold")
    line.append(f"het partnerschap zit in de fase {fase.huidig}.", style="")
    steps = " → ".join(
        f"{p.naam} {number(p.score)}{' ✓' if p.afgerond else ''}" for p in fase.steps
    )
    details = [Text(steps)]
    if fase.zelfbeeld:
        views = ", ".join(f"{name} {n}×" for name, n in fase.zelfbeeld)
        details.append(Text(f"Zelfbeeld van de respondenten: {views}."))
    details += [Text(f"Overgeslagen? {skipped}", style="yellow") for skipped in fase.skipped]
    if fase.ahead:
        details.append(Text(f"Let op: {fase.ahead}", style="yellow"))
    return Group(line, Padding(Group(*details), (0, 0, 0, 2)))


def _weak_spots(weak: WeakSpots) -> list[object]:
    """Zwakke plekken with advice, capped, saying how many more there are."""
    if not weak.spots:
        return [Text(f"\n{NO_WEAK_SPOTS}", style="green")]
    grid = Hanging()
    for spot in weak.spots[:TOP_WEAK_SPOTS]:
        line = Text()
        line.append(f"[{spot.band}] ", style=BAND_STYLE[spot.band])
        line.append(spot.tekst)
        line.append(f"  ({spot.where} · {number(spot.score)})", style="dim")
        line.append(f"\n→ {spot.advies}")
        grid.add_row(f"{spot.position}.", line)
    out: list[object] = [
        Text(f"\nZwakke plekken ({weak.total}), {WEAK_ORDER}:", style="bold"),
        grid,
    ]
    more = weak.total - min(weak.total, TOP_WEAK_SPOTS)
    if more:
        out.append(Text(f"… en nog {more}; {ALL_IN_REPORT}.", style="dim"))
    return out


def _attention(points: WeakSpots) -> list[object]:
    """The aandachtspunten one line each, counted apart and capped."""
    if not points.spots:
        return []
    title = f"\nAandachtspunten ({points.total}): stellingen in de band aandacht."
    grid = Hanging()
    for spot in points.spots[:TOP_ATTENTION]:
        line = Text(spot.tekst)
        line.append(f"  ({spot.where} · {number(spot.score)})", style="dim")
        grid.add_row("–", line)
    more = points.total - min(points.total, TOP_ATTENTION)
    if more:
        grid.add_row("–", Text(f"… en nog {more}; {ALL_IN_REPORT}.", style="dim"))
    return [Text(title, style="bold"), grid]


def _confusion(dims: tuple[ConfusedDimension, ...]) -> list[object]:
    if not dims:
        return [Text(f"\n{NO_CONFUSION}")]
    out: list[object] = [Text("\nWaar de antwoorden uiteenlopen:", style="bold")]
    grid = Hanging()
    for dim in dims:
        head = Text(dim.naam, style="bold")
        if dim.rwg is not None:
            head.append(
                f": {CONFUSION} weinig overeenstemming (rwg(J) {number(dim.rwg)})", style=""
            )
        if dim.items.total:
            head.append(
                f"{'; ' if dim.rwg is not None else ': '}{statements(dim.items.total)} met "
                f"{DIVERGENT}",
                style="",
            )
        items = Hanging(*(("–", Text(item)) for item in dim.items.shown))
        if dim.items.more:
            items.add_row("–", Text(f"… en nog {dim.items.more}", style="dim"))
        grid.add_row("•", Group(head, items) if items.rows else head)
    out.append(grid)
    out.append(Text(ASK_ON, style="dim"))
    return out


def _leans(leans: tuple[Lean, ...]) -> list[object]:
    """Balans items: towards which pole the team leans, in the pole's own words."""
    if not leans:
        return []
    grid = Hanging()
    for lean in leans:
        line = Text(f"{lean.tekst} — ")
        where = f"neigt naar: {lean.neiging}" if lean.neiging else "in evenwicht"
        line.append(where, style="yellow" if lean.neiging else "")
        line.append(
            f"  (gemiddeld {number(lean.positie)}; 1 = {lean.polen[0]}, 5 = {lean.polen[1]})",
            style="dim",
        )
        grid.add_row("–", line)
    return [Text("\nBalansvragen, waar het midden gezond is:", style="bold"), grid]


def _pair(pair: Pair) -> list[object]:
    """With two respondents agreement figures mean little: show where their answers differ."""
    if not pair.rows:
        return [Text(f"\n{NO_PAIR_DIFFERENCE}")]
    table = Columns(f"Twee respondenten: hier verschillen de antwoorden {FAR_APART} of meer")
    table.add_column("stelling", overflow="fold")
    table.add_column(escape(pair.names[0]), justify="right")
    table.add_column(escape(pair.names[1]), justify="right")
    for r in pair.rows:
        table.add_row(escape(r.tekst), Cell(str(r.first)), Cell(str(r.second)))
    return [Text(""), table]


def _organisations(orgs: Organisations) -> list[object]:
    out: list[object] = [Text("")]
    if orgs.columns:
        table = Columns("Per organisatie")
        table.add_column("dimensie")
        for org, n in orgs.columns:
            table.add_column(f"{escape(org)} (n={n})", justify="right")
        for naam, scores in orgs.rows:
            table.add_row(escape(naam), *[Cell(number(s)) for s in scores])
        out.append(table)
    if orgs.gaps:
        out.append(
            Hanging(*(("•", Text(f"{g.dimensie}: {_gap(g)}.", style="yellow")) for g in orgs.gaps))
        )
    if orgs.statements:
        grid = Hanging()
        for gap in orgs.statements[:SCREEN_STATEMENT_GAPS]:
            grid.add_row("–", Text(f"{gap.dimensie} — {_gap(gap)}", style="yellow"))
        more = len(orgs.statements) - min(len(orgs.statements), SCREEN_STATEMENT_GAPS)
        if more:
            grid.add_row("–", Text(f"… en nog {more}; {ALL_IN_REPORT}.", style="dim"))
        out += [Text(f"Stellingen waarop organisaties verschillen ({len(orgs.statements)}):"), grid]
    if orgs.gaps or orgs.statements:
        out.append(Text(DISCUSS_GAPS, style="yellow"))
    out += [Text(note, style="dim") for note in orgs.notes]
    return out


def _gap(gap: Gap) -> str:
    if gap.posities is not None:  # a balans item: positions and poles, not scores
        return gap.posities
    return (
        f"{gap.hoog} {number(gap.hoog_score)} tegenover {gap.laag} {number(gap.laag_score)}"
        f" (verschil {number(gap.verschil)})"
    )
