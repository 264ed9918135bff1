"""The score report in the terminal: what a facilitator talks through with a team.

Band words always stand beside colours (``NO_COLOR`` and piped output lose nothing), and
everything a respondent typed is escaped before rich sees it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render.words import (
    BAND_STYLE,
    ahead_text,
    band_word,
    far_apart,
    fase_name,
    number,
    percent,
    score_bar,
    skipped_text,
    worst_band,
)
from samenwerk_cli.scoring.results import GroupResult
from samenwerk_cli.scoring.trend import Partnership, Trend, all_groups

TOP_WEAK_SPOTS = 5
MAX_FLAGS = 3  # items listed per dimension under spraakverwarring


def print_groups(console: Console, groups: Sequence[GroupResult], bank: Bank) -> None:
    """The report of groups scored from answers in memory (the end of ``reflect``)."""
    for group in groups:
        console.print(group_report(group, bank))


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
            console.print(trend_report(partnership.trend, bank))
            console.print()


def trend_report(trend: Trend, bank: Bank) -> Panel:
    table = Table(box=None, padding=(0, 2, 0, 0))
    table.add_column("dimensie")
    table.add_column(escape(trend.vorige_ronde or "vorige"), justify="right")
    table.add_column(escape(trend.huidige_ronde or "nu"), justify="right")
    table.add_column("verandering")
    for d in trend.dimensies:
        arrow = {"omhoog": "▲ beter", "omlaag": "▼ slechter"}.get(d.richting or "", "")
        style = {"omhoog": "green", "omlaag": "bold red"}.get(d.richting or "", "")
        change = "" if d.verschil is None else f"{d.verschil:+.2f}".replace(".", ",")
        table.add_row(
            d.naam,
            number(d.vorige),
            number(d.huidige),
            Text(f"{change} {arrow}".strip(), style=style),
        )
    parts: list[object] = [table]
    then, now = fase_name(bank, trend.fase_toen), fase_name(bank, trend.fase_nu)
    moved = "gelijk gebleven" if then == now else f"van {then} naar {now}"
    parts.append(Text(f"\nFase: {moved}."))
    for label, spots, style in (
        ("Niet langer een zwakke plek", trend.opgelost, "green"),
        ("Nieuwe zwakke plekken", trend.nieuw, "yellow"),
    ):
        if spots:
            text = Text(f"{label} ({len(spots)}):", style=style)
            for spot in spots[:MAX_FLAGS]:
                text.append(f"\n  – {spot.tekst}", style="")
            if len(spots) > MAX_FLAGS:
                text.append(f"\n  – … en nog {len(spots) - MAX_FLAGS}", style="dim")
            parts.append(text)
    threshold = number(bank.model.drempels.trend, 1)
    parts.append(
        Text(f"Een pijl staat alleen bij een verandering van {threshold} of meer.", style="dim")
    )
    title = f"Trend: {escape(trend.vorige_ronde or '?')} → {escape(trend.huidige_ronde or '?')}"
    return Panel(Group(*parts), title=title, title_align="left")


def summary_table(groups: Sequence[GroupResult], bank: Bank) -> Table:
    table = Table(title="Overzicht van de partnerschappen", title_justify="left")
    table.add_column("partnerschap", overflow="fold", min_width=16)
    table.add_column("ronde", no_wrap=True)
    table.add_column("n", justify="right")
    for dim in bank.model.dimensies:
        table.add_column(dim.id[:5], justify="right")
    table.add_column("fase", no_wrap=True)
    table.add_column("zwakste", no_wrap=True)
    for g in groups:
        scores = [number(d.score) for d in g.dimensies]
        worst = worst_band(g)
        table.add_row(
            escape(g.partnerschap),
            escape(g.ronde or "-"),
            str(g.n),
            *scores,
            fase_name(bank, g.fase.huidig),
            Text(band_word(worst), style=BAND_STYLE.get(worst or "", "")),
        )
    return table


def group_report(group: GroupResult, bank: Bank) -> Panel:
    parts: list[object] = [_header(group, bank), dimension_table(group)]
    parts.append(_ambition(group))
    parts.append(_phase(group, bank))
    parts += _weak_spots(group, bank)
    parts += _disagreement(group, bank)
    parts += _organisations(group, bank)
    parts += [Text(f"let op: {w}", style="yellow") for w in group.waarschuwingen]
    title = escape(group.partnerschap) + (f" · ronde {escape(group.ronde)}" if group.ronde else "")
    return Panel(Group(*[p for p in parts if p is not None]), title=title, title_align="left")


def _header(group: GroupResult, bank: Bank) -> Text:
    who = "1 respondent" if group.n == 1 else f"{group.n} respondenten"
    if group.n == 1:
        person = group.respondenten[0]
        who += f" ({person.naam})" if person.naam else " (anoniem)"
    line = Text(who)
    if group.organisaties:
        line.append(" · organisaties: " + ", ".join(group.organisaties))
    line.append(" · fase: ")
    line.append(fase_name(bank, group.fase.huidig), style="bold")
    return line


def dimension_table(group: GroupResult) -> Table:
    team = group.n >= 3
    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column("dimensie")
    table.add_column("score", justify="right")
    table.add_column("band")
    table.add_column("dekking", justify="right")
    table.add_column("1 ─────────── 5")
    if team:
        table.add_column("overeenstemming", justify="right")
    for d in group.dimensies:
        style = BAND_STYLE.get(d.band or "", "")
        row: list[object] = [
            d.naam,
            number(d.score),
            Text(band_word(d.band, d.score), style=style),
            percent(d.dekking),
            Text(score_bar(d.score), style=style),
        ]
        if team:
            row.append("–" if d.rwg is None else f"rwg {number(d.rwg)}")
        table.add_row(*row)
    return table


def _ambition(group: GroupResult) -> Text | None:
    index = group.ambitie_index
    if index is None:
        return None
    line = Text("\nAmbitie = belofte × commitment × doen: ", style="bold")
    if index.waarde is None:
        line.append("nog niet te berekenen (niet elke factor is beantwoord)", style="")
    else:
        line.append(number(index.waarde), style="")
        factors = " × ".join(f"{name} {number(value)}" for name, value in index.factoren.items())
        line.append(f" ({factors}, schaal 0–1)", style="")
    if index.zwakste:
        line.append(f"\nZwakste factor: {index.zwakste}.", style="")
    return line


def _phase(group: GroupResult, bank: Bank) -> Text:
    fase = group.fase
    line = Text("\nFase: ", style="bold")
    line.append(f"het partnerschap zit in de fase {fase_name(bank, fase.huidig)}.", style="")
    steps = " → ".join(
        f"{p.naam} {number(p.score)}{' ✓' if p.afgerond else ''}" for p in fase.fases
    )
    line.append(f"\n  {steps}", style="")
    if fase.zelfbeeld:
        views = ", ".join(f"{fase_name(bank, k)} {n}×" for k, n in fase.zelfbeeld.items())
        line.append(f"\n  Zelfbeeld van de respondenten: {views}.", style="")
    for skipped in fase.overgeslagen:
        line.append(f"\n  Overgeslagen? {skipped_text(bank, skipped)}", style="yellow")
    ahead = ahead_text(group, bank)
    if ahead:
        line.append(f"\n  Let op: {ahead}", style="yellow")
    return line


def _grid() -> Table:
    """Two columns, so that wrapped lines keep their indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    return grid


def _weak_spots(group: GroupResult, bank: Bank) -> list[object]:
    spots = group.zwakke_plekken[:TOP_WEAK_SPOTS]
    if not spots:
        return [Text("\nGeen zwakke plekken: alle beantwoorde vragen scoren sterk.", style="green")]
    grid = _grid()
    for position, spot in enumerate(spots, 1):
        line = Text()
        line.append(f"[{spot.band}] ", style=BAND_STYLE[spot.band])
        line.append(spot.tekst)
        where = f"{bank.dimensie(spot.dimensie).naam} · {fase_name(bank, spot.fase)}"
        line.append(f"  ({where.lower()} · {number(spot.score)})", style="dim")
        line.append(f"\n→ {spot.advies}")
        grid.add_row(f"{position}.", line)
    title = Text(
        f"\nZwakke plekken (de eerste {len(spots)} van {len(group.zwakke_plekken)}):", style="bold"
    )
    return [title, grid]


def _disagreement(group: GroupResult, bank: Bank) -> list[object]:
    if group.n < 3:
        return _answers_side_by_side(group, bank) if group.n == 2 else []
    if not group.spraakverwarring:
        return [Text("\nGeen tekenen van spraakverwarring: de antwoorden liggen dicht bij elkaar.")]
    out: list[object] = [Text("\nSpraakverwarring? Hier lopen de antwoorden uiteen:", style="bold")]
    grid = _grid()
    for dim in bank.model.dimensies:
        flags = [f for f in group.spraakverwarring if f.dimensie == dim.id]
        if not flags:
            continue
        items = sorted((f for f in flags if f.vraag), key=lambda f: -(f.ad or 0))
        low = [f for f in flags if not f.vraag and f.rwg is not None]
        head = Text(dim.naam, style="bold")
        if low:
            head.append(f": weinig overeenstemming (rwg(J) {number(low[0].rwg)})", style="")
        if items:
            head.append(
                f"{'; ' if low else ': '}{len(items)} stelling(en) met antwoorden aan beide kanten "
                "van het midden",
                style="",
            )
        for flag in items[:MAX_FLAGS]:
            head.append(f"\n– {bank.by_id[flag.vraag].tekst} (AD {number(flag.ad)})", style="")
        if len(items) > MAX_FLAGS:
            head.append(f"\n– … en nog {len(items) - MAX_FLAGS}", style="dim")
        grid.add_row("•", head)
    out.append(grid)
    out.append(Text("Vraag door: wat bedoelt ieder met deze woorden?", style="dim"))
    return out


def _answers_side_by_side(group: GroupResult, bank: Bank) -> list[object]:
    """With two respondents agreement figures mean little: show where their answers differ."""
    first, second = group.respondenten
    raw_names, differ = far_apart(group, bank)
    if not differ:
        return [Text("\nTwee respondenten: geen vraag waarop de antwoorden 2 of meer verschillen.")]
    names = [escape(n) for n in raw_names]
    table = Table(
        title="Twee respondenten: hier verschillen de antwoorden 2 of meer",
        title_justify="left",
        box=None,
        padding=(0, 2, 0, 0),
    )
    table.add_column("stelling", overflow="fold")
    table.add_column(names[0], justify="right")
    table.add_column(names[1], justify="right")
    for v in differ:
        table.add_row(escape(v.tekst), str(first.antwoorden[v.id]), str(second.antwoorden[v.id]))
    return [Text(""), table]


def _organisations(group: GroupResult, bank: Bank) -> list[object]:
    if len(group.organisaties_scores) < 2:
        return []
    table = Table(title="Per organisatie", title_justify="left", box=None, padding=(0, 2, 0, 0))
    table.add_column("dimensie")
    for org in group.organisaties_scores:
        table.add_column(f"{escape(org.organisatie)} (n={org.n})", justify="right")
    for dim in bank.model.dimensies:
        table.add_row(
            dim.naam, *[number(o.dimensies.get(dim.id)) for o in group.organisaties_scores]
        )
    out: list[object] = [Text(""), table]
    for gap in group.organisaties_verschil:
        out.append(
            Text(
                f"• {bank.dimensie(gap.dimensie).naam}: {gap.hoog} {number(gap.hoog_score)} "
                f"tegenover {gap.laag} {number(gap.laag_score)} (verschil "
                f"{number(gap.verschil)}). Waar je staat, hangt af van waar je zit: bespreek het.",
                style="yellow",
            )
        )
    return out
