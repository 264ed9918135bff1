"""The group session on a projector: the statement large, then at once how the room answered.

Bars and the word BESPREKEN carry the message without colour (``NO_COLOR``, a grey beamer);
names and summaries typed by the facilitator are escaped before rich reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from samenwerk_cli.render.words import duration
from samenwerk_cli.session import dialog
from samenwerk_cli.session.dialog import BACK_HINT
from samenwerk_cli.session.group import (
    Closing,
    DiscussRow,
    GroupEvent,
    GroupIntro,
    GroupResumed,
    Outcome,
    Statement,
    names_list,
)
from samenwerk_cli.terminal import screens

BAR = "█"
CLOSING_ROOM = 20  # lines the end screen keeps for its title, the folder and the short scores
SHORT_LABEL = 30  # longer scale labels go one per line


def show(console: Console, event: GroupEvent) -> None:
    if isinstance(event, GroupIntro):
        _intro(console, event)
    elif isinstance(event, GroupResumed):
        console.print()
        console.rule(f"[bold]Verder met {escape(event.partnerschap)}[/]")
        console.print(f"Groep: {escape(names_list(event.deelnemers))}.")
        if event.beantwoord >= event.totaal:
            console.print("Alle vragen zijn al beantwoord.")
        else:
            console.print(
                f"{screens.answered(event.beantwoord, event.totaal)}; "
                "de groep gaat verder bij de eerste vraag die nog open staat."
            )
    elif isinstance(event, Statement):
        _statement(console, event)
    elif isinstance(event, Outcome):
        _outcome(console, event)
    elif isinstance(event, Closing):
        _closing(console, event)
    elif isinstance(event, dialog.DimensionHeader | dialog.Notice):
        screens.show(console, event)


def _intro(console: Console, event: GroupIntro) -> None:
    console.print()
    console.rule(f"[bold]{escape(event.titel)} · groepssessie[/]")
    console.print(
        "Samen kijken jullie terug op de samenwerking. Bij elke stelling kiest iedereen "
        "tegelijk een cijfer (hand, kaartje of rondje);\nde begeleider typt de cijfers in, "
        "en het scherm laat meteen zien waar jullie het over eens zijn en waar niet."
    )
    console.print()
    people = Table(box=box.SIMPLE_HEAD, padding=(0, 2, 0, 0))
    people.add_column("#", justify="right")
    people.add_column("deelnemer")
    people.add_column("organisatie")
    for i, d in enumerate(event.deelnemers, 1):
        people.add_row(str(i), escape(d.naam), escape(d.organisatie or ""))
    console.print(Padding(people, (0, 0, 0, 2)))
    soort = "korte scan: " if event.quick else ""
    open_ = f", {event.open} open {'vraag' if event.open == 1 else 'vragen'}" if event.open else ""
    how = Table.grid(padding=(0, 2))
    how.add_column(no_wrap=True, style="bold")
    how.add_column()
    how.add_row(
        "Duur",
        f"ongeveer {duration(event.minuten)} "
        f"({soort}{screens.count(event.stellingen, 'stelling', 'stellingen')}{open_}), "
        "met de gesprekken erbij.",
    )
    how.add_row(
        "Intypen",
        f"één regel per stelling, in de volgorde hierboven: bijvoorbeeld '{event.voorbeeld}'. "
        f"? = weet niet; {BACK_HINT} stelling.",
    )
    how.add_row(
        "Bespreken", "na elke stelling kan de begeleider het gesprek in één regel samenvatten."
    )
    how.add_row("Stoppen", "Ctrl-C. Elke regel is meteen bewaard; later gaat de groep verder.")
    console.print(how)
    console.print()


def _statement(console: Console, event: Statement) -> None:
    console.print()
    console.print(f"[dim]{escape(event.progress)}[/]")
    body: list[object] = [Text(event.tekst, style="bold", justify="center")]
    if event.uitleg:
        body.append(Text(f"\n{event.uitleg}", style="italic", justify="center"))
    console.print(Panel(Group(*body), box=box.HEAVY, padding=(1, 4)))
    if not event.schaal:
        return
    if max(len(label) for label in event.schaal) > SHORT_LABEL:
        for label in event.schaal:  # long labels (the phases) read best one per line
            console.print(Padding(escape(label), (0, 0, 0, 2)))
        return
    scale = Table.grid(padding=(0, 3))
    for _ in event.schaal:
        scale.add_column(no_wrap=True)
    scale.add_row(*(escape(label) for label in event.schaal))
    console.print(Padding(scale, (0, 0, 0, 2)))


def _outcome(console: Console, event: Outcome) -> None:
    table = Table(box=None, padding=(0, 2, 0, 0), show_header=False)
    table.add_column("antwoord", no_wrap=True)
    table.add_column("balk", no_wrap=True)
    table.add_column("aantal", justify="right")
    table.add_column("wie")
    for i, (label, names) in enumerate(event.rows):
        if not names and i == len(event.rows) - 1:
            continue  # nobody said "weet niet": leave the row out
        table.add_row(
            escape(label), BAR * 2 * len(names), str(len(names)), escape(", ".join(names))
        )
    console.print()
    console.print(Padding(table, (0, 0, 0, 2)))
    if not event.beoordeeld:
        return
    if event.cijfers < 2:
        few = "niemand gaf een cijfer" if event.cijfers == 0 else "maar één cijfer gegeven"
        console.print(Padding(Text(f"{few}: niets te vergelijken", style="dim"), (0, 0, 0, 2)))
        return
    if event.posities is not None:
        line = Text("  posities ", style="dim")
        line.append(event.posities, style="bold")
    else:
        line = Text("  gemiddelde ", style="dim")
        line.append(mean(event.gemiddelde), style="bold")
    console.print(line)
    if event.bespreken:
        mark = Text(" BESPREKEN ", style="bold reverse")
        mark.append(f"  {event.bespreken}", style="bold")
        console.print(Padding(mark, (1, 0, 0, 2)))
    else:
        console.print(
            Padding(Text("de antwoorden liggen dicht bij elkaar", style="dim"), (0, 0, 0, 2))
        )


def mean(value: float | None) -> str:
    """A room's mean as it is: 3,25 stays 3,25 (a group of four gives quarters), 3,5 and 3,0
    need no more; a third shows two decimals. Rounded half up, never to the even digit."""
    if value is None:
        return "–"
    text = f"{Decimal(str(value)).quantize(Decimal('0.01'), ROUND_HALF_UP):.2f}"
    if text.endswith("0"):
        text = text[:-1]
    return text.replace(".", ",")


def _closing(console: Console, event: Closing) -> None:
    console.print()
    console.rule("[bold]Klaar: wat vraagt om een gesprek?[/]")
    if not event.rows:
        console.print(
            "Bij geen van de "
            f"{screens.count(event.stellingen, 'stelling', 'stellingen')} "
            "lagen de antwoorden ver uiteen."
        )
        return
    verb = "is" if len(event.rows) == 1 else "zijn"
    console.print(
        f"{len(event.rows)} van de {screens.count(event.stellingen, 'stelling', 'stellingen')} "
        f"{verb} gemarkeerd als BESPREKEN:"
    )
    shown = len(event.rows)
    while shown > 1 and not _fits(console, _closing_table(event.rows[:shown]), CLOSING_ROOM):
        shown -= 1
    console.print(_closing_table(event.rows[:shown]))
    if shown < len(event.rows):
        console.print(
            f"… en nog {screens.count(len(event.rows) - shown, 'stelling', 'stellingen')}: "
            "het hele overzicht staat in het rapport (zie hieronder)."
        )


def _closing_table(rows: Sequence[DiscussRow]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column("nr", justify="right", no_wrap=True)
    table.add_column("stelling", ratio=3)
    table.add_column("antwoorden", no_wrap=True)
    table.add_column("gem.", justify="right", no_wrap=True)
    table.add_column("samenvatting", ratio=2)
    for row in rows:
        table.add_row(
            str(row.nr),
            escape(row.tekst),
            escape(row.antwoorden),
            mean(row.gemiddelde),
            escape(row.samenvatting),
        )
    return table


def _fits(console: Console, table: Table, room: int) -> bool:
    """Whether ``table`` leaves ``room`` lines of the screen for what follows it."""
    lines = console.render_lines(table, console.options, pad=False)
    return len(lines) + room <= console.size.height
