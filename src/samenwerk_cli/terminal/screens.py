"""The single session's screens in the terminal: calm, readable on a projector, never colour alone.

Everything a user typed goes through ``escape`` before rich reads it as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from samenwerk_cli.render.words import duration
from samenwerk_cli.session import dialog as s
from samenwerk_cli.session.dialog import BACK_HINT, Event, Review


def count(n: int, one: str, many: str) -> str:
    """``1 stelling``, ``3 stellingen``: the noun agrees with the number."""
    return f"{n} {one if n == 1 else many}"


def answered(done: int, total: int) -> str:
    """``1 van de 80 vragen is al beantwoord``: the verb agrees with the number answered."""
    return f"{done} van de {count(total, 'vraag', 'vragen')} {'is' if done == 1 else 'zijn'} al beantwoord"


def show(console: Console, event: Event) -> None:
    if isinstance(event, s.Intro):
        console.print()
        console.rule(f"[bold]{escape(event.titel)}[/]")
        console.print(
            "Met deze vragenlijst kijk je terug op jullie samenwerking.\n"
            "Je geeft bij elke stelling aan hoe het er volgens jou voor staat; "
            "er zijn geen goede of foute antwoorden.\n"
            "Aan het eind zie je je eigen scores; samen met die van je partners "
            "zijn ze het begin van het gesprek."
        )
        console.print()
        _named_rows(console, "De dimensies", event.dimensies)
        console.print()
        soort = "korte scan: " if event.quick else ""
        stellingen = count(event.stellingen, "stelling", "stellingen")
        open_ = f", {count(event.open, 'open vraag', 'open vragen')}"
        minuten = duration(event.minuten)
        how = Table.grid(padding=(0, 2))
        how.add_column(no_wrap=True, style="bold")
        how.add_column()
        how.add_row(
            "Duur", f"ongeveer {minuten} ({soort}{stellingen}{open_ if event.open else ''})."
        )
        how.add_row(
            "Kiezen",
            f"een cijfer of de pijltjes, dan Enter; t = toelichting erbij; {BACK_HINT} vraag.",
        )
        how.add_row(
            "Stoppen",
            "Ctrl-C. Elk antwoord is meteen bewaard; het scherm laat zien hoe je later verder gaat.",
        )
        console.print(how)
        console.print()
    elif isinstance(event, s.Resumed):
        console.print()
        who = f" ({escape(event.respondent)})" if event.respondent else ""
        console.rule(f"[bold]Verder met {escape(event.partnerschap)}[/]{who}")
        if event.beantwoord >= event.totaal:
            state = "al afgerond" if event.compleet else "helemaal ingevuld"
            console.print(f"Deze vragenlijst is {state}; je kunt je antwoorden nog nakijken.")
        else:
            console.print(
                f"{answered(event.beantwoord, event.totaal)}; "
                "je gaat verder bij de eerste onbeantwoorde vraag."
            )
    elif isinstance(event, s.DimensionHeader):
        console.print()
        console.rule(f"[bold]{escape(event.naam)}[/]")
        console.print(f"[italic]{escape(event.kern)}[/]", justify="center")
    elif isinstance(event, s.Progress):
        console.print()
        console.print(f"[dim]{escape(event.label)}[/]")
    elif isinstance(event, s.Help):
        console.print(Padding(f"[italic]Uitleg: {escape(event.text)}[/]", (0, 0, 0, 2)))
    elif isinstance(event, s.Review):
        console.print()
        console.print(_review_table(event))
    elif isinstance(event, s.Notice):
        console.print(escape(event.text))
    elif isinstance(event, s.Legend):
        console.print()
        _named_rows(console, event.title, event.rows)


def _named_rows(console: Console, title: str, rows: Iterable[tuple[str, str]]) -> None:
    """A bold title, then indented rows of a bold name and its meaning (wrapping between words)."""
    console.print(f"[bold]{escape(title)}[/]")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    for naam, betekenis in rows:
        grid.add_row(escape(naam), escape(betekenis))
    console.print(Padding(grid, (0, 0, 0, 2)))


REVIEW_PROMPT_LINES = 6  # below the table: the question, up to four choices, a line to type


def review_fits(console: Console, rows: Sequence[s.ReviewRow]) -> bool:
    """Whether these review rows and the question below them fit the screen's height."""
    table = _review_table(Review(tuple(rows), 1, 2))
    lines = console.render_lines(table, console.options, pad=False)
    return 1 + len(lines) + REVIEW_PROMPT_LINES <= console.size.height  # 1: the blank line


def _review_table(review: Review) -> Table:
    """Every statement whole (it wraps), a comment under it, the answer short; pages keep it
    on one screen."""
    title = "[bold]Je antwoorden[/]"
    if review.pages > 1:
        title += f" (bladzijde {review.page} van {review.pages})"
    table = Table(
        title=title, title_justify="left", expand=True, box=box.SIMPLE_HEAD, pad_edge=False
    )
    table.add_column("nr", justify="right", no_wrap=True, width=3)
    table.add_column("vraag", ratio=1, overflow="fold")
    table.add_column("antwoord", max_width=24, no_wrap=True, overflow="ellipsis")
    current = None
    for row in review.rows:
        if row.dimensie != current:
            table.add_row("", f"[bold]{escape(row.dimensie)}[/]", "")
            current = row.dimensie
        vraag = Text(row.vraag)
        if row.toelichting:
            vraag.append(f"\ntoelichting: {row.toelichting}", style="italic")
        table.add_row(str(row.nr), vraag, escape(row.antwoord))
    return table
