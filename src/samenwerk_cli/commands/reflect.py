"""``samenwerk reflect``: the interactive session in a terminal.

Only typer, the standard library and the shared options are imported at the top: questionary,
rich and the session load when the command runs, so other commands start without them.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from samenwerk_cli.options import Questions, Quick

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from samenwerk_cli.answers import Antwoorden
    from samenwerk_cli.dialog import Event, Review

NO_TERMINAL = (
    "samenwerk reflect stelt de vragen in een terminal, maar hier is geen terminal "
    "(invoer via een pipe of CI).\n"
    "Zonder terminal: maak een leeg antwoordbestand met 'samenwerk template -o antwoorden.yaml', "
    "vul het in een editor in, en bereken de scores met 'samenwerk score antwoorden.yaml'."
)

Text = Optional[str]  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10


def reflect(
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="Bewaar de antwoorden in dit bestand "
            "(standaard: <partnerschap>-<naam>-<datum>.yaml in deze map).",
            show_default=False,
        ),
    ] = None,
    resume: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--resume",
            help="Ga verder met een onafgemaakt antwoordbestand, bij de eerste onbeantwoorde vraag.",
            show_default=False,
        ),
    ] = None,
    quick: Quick = False,
    dimension: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--dimension",
            "-d",
            help="Alleen deze dimensie (herhaalbaar), bijv. -d ambitie -d relatie.",
            show_default=False,
        ),
    ] = None,
    questions: Questions = None,
    partnership: Annotated[
        Text, typer.Option("--partnership", "-p", help="Naam van het partnerschap.")
    ] = None,
    organisation: Annotated[
        Text, typer.Option("--organisation", help="Naam van je organisatie.")
    ] = None,
    respondent: Annotated[
        Text, typer.Option("--respondent", help="Je naam (leeg: anoniem).")
    ] = None,
    role: Annotated[Text, typer.Option("--role", help="Je rol in de samenwerking.")] = None,
    round_: Annotated[
        Text, typer.Option("--round", help="Ronde, bijvoorbeeld 2026-najaar.")
    ] = None,
) -> None:
    """Vul de vragenlijst interactief in; elk antwoord wordt meteen bewaard."""
    from samenwerk_cli import answers
    from samenwerk_cli import bank as bank_mod
    from samenwerk_cli.errors import ExitCode, Problem, SamenwerkError
    from samenwerk_cli.session import Metadata, Session

    if not sys.stdin.isatty():
        raise SamenwerkError(NO_TERMINAL)
    if output is not None and resume is not None and output.resolve() != resume.resolve():
        raise SamenwerkError(
            "gebruik --resume BESTAND zonder --output: het bestand blijft hetzelfde"
        )
    bank = bank_mod.load(questions)
    err = _console(stderr=True)

    previous = None
    if resume is not None:
        loaded = answers.read(resume, bank)
        for warning in loaded.warnings:
            err.print(f"let op: {_esc(str(warning))}")
        previous = loaded.data
        output = resume
    elif output is not None:
        if output.exists():
            raise SamenwerkError(
                Problem(
                    f"bestaat al; ga verder met 'samenwerk reflect --resume {_q(output)}' "
                    "of kies een andere naam",
                    str(output),
                )
            )
        if not output.parent.is_dir():
            raise SamenwerkError(Problem("deze map bestaat niet", str(output.parent)))

    saver = _Saver(output)
    console = _console()
    from samenwerk_cli import prompts

    session = Session(
        bank,
        ask=prompts.ask,
        show=lambda event: _render(console, event),
        save=saver,
        quick=quick,
        dimensions=dimension or (),
        given=Metadata(partnership, organisation, respondent, role, round_),
        resume=previous,
    )
    try:
        session.run()
    except (KeyboardInterrupt, EOFError):
        _interrupted(err, saver.path, questions, quick, dimension or [])
        raise typer.Exit(ExitCode.INTERRUPTED) from None

    assert saver.path is not None
    console.print()
    console.rule("[bold]Klaar[/]")
    console.print(f"Je antwoorden zijn bewaard in [bold]{_esc(str(saver.path))}[/].")
    from samenwerk_cli.render.report import print_report

    console.print()
    print_report(console, [answers.read(saver.path, bank)], bank)


class _Saver:
    """Saves after every answer; the default file name is chosen at the first save."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __call__(self, data: Antwoorden) -> None:
        from samenwerk_cli import answers

        if self.path is None:
            self.path = default_output(data)
        answers.save(self.path, data)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def default_output(data: Antwoorden, folder: Path = Path(".")) -> Path:
    """``<partnerschap>-<respondent|anoniem>-<datum>.yaml``, with -2, -3... rather than overwrite."""
    datum = data.datum or dt.date.today()
    parts = [slug(data.partnerschap) or "partnerschap", slug(data.respondent or "") or "anoniem"]
    stem = "-".join([*parts, datum.isoformat()])
    candidate, n = folder / f"{stem}.yaml", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}.yaml"
    return candidate


def resume_command(path: Path, questions: Path | None, quick: bool, dimensions: list[str]) -> str:
    parts = ["samenwerk", "reflect", "--resume", _q(path)]
    if questions is not None:
        parts += ["--questions", _q(questions)]
    if quick:
        parts.append("--quick")
    for d in dimensions:
        parts += ["--dimension", shlex.quote(d)]
    return " ".join(parts)


def _interrupted(
    err: Console, path: Path | None, questions: Path | None, quick: bool, dims: list[str]
) -> None:
    err.print()
    if path is None or not path.exists():
        err.print("Gestopt. Er was nog niets om te bewaren.")
        return
    err.print(f"Gestopt. Je antwoorden tot nu toe zijn bewaard in [bold]{_esc(str(path))}[/].")
    err.print("Later verder gaan:")
    err.print(f"  {_esc(resume_command(path, questions, quick, dims))}", soft_wrap=True)


# --- rendering the session's events ------------------------------------------------------------


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _q(path: Path) -> str:
    return shlex.quote(str(path))


def _render(console: Console, event: Event) -> None:
    from rich.padding import Padding
    from rich.table import Table

    from samenwerk_cli import dialog as s

    if isinstance(event, s.Intro):
        console.print()
        console.rule(f"[bold]{_esc(event.titel)}[/]")
        console.print(
            "Met deze vragenlijst kijk je terug op jullie samenwerking.\n"
            "Je geeft bij elke stelling aan hoe het er volgens jou voor staat; "
            "er zijn geen goede of foute antwoorden.\n"
            "Aan het eind zie je je eigen scores; samen met die van je partners "
            "zijn ze het begin van het gesprek."
        )
        console.print()
        console.print("[bold]De dimensies[/]")
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column()
        for naam, kern in event.dimensies:
            grid.add_row(_esc(naam), _esc(kern))
        console.print(Padding(grid, (0, 0, 0, 2)))
        console.print()
        soort = "korte scan: " if event.quick else ""
        stellingen = f"{event.stellingen} {'stelling' if event.stellingen == 1 else 'stellingen'}"
        open_ = f", {event.open} open {'vraag' if event.open == 1 else 'vragen'}"
        minuten = f"{event.minuten} {'minuut' if event.minuten == 1 else 'minuten'}"
        how = Table.grid(padding=(0, 2))
        how.add_column(no_wrap=True, style="bold")
        how.add_column()
        how.add_row(
            "Duur", f"ongeveer {minuten} ({soort}{stellingen}{open_ if event.open else ''})."
        )
        how.add_row(
            "Kiezen", "een cijfer of de pijltjes, dan Enter. Terug met 'v' (← vorige vraag)."
        )
        how.add_row(
            "Stoppen",
            "Ctrl-C. Elk antwoord is meteen bewaard; het scherm laat zien hoe je later verder gaat.",
        )
        console.print(how)
        console.print()
    elif isinstance(event, s.Resumed):
        console.print()
        who = f" ({_esc(event.respondent)})" if event.respondent else ""
        console.rule(f"[bold]Verder met {_esc(event.partnerschap)}[/]{who}")
        if event.beantwoord >= event.totaal:
            state = "al afgerond" if event.compleet else "helemaal ingevuld"
            console.print(f"Deze vragenlijst is {state}; je kunt je antwoorden nog nakijken.")
        else:
            console.print(
                f"{event.beantwoord} van de {event.totaal} vragen zijn al beantwoord; "
                "je gaat verder bij de eerste onbeantwoorde vraag."
            )
    elif isinstance(event, s.DimensionHeader):
        console.print()
        console.rule(f"[bold]{_esc(event.naam)}[/]")
        console.print(f"[italic]{_esc(event.kern)}[/]", justify="center")
    elif isinstance(event, s.Progress):
        console.print()
        console.print(f"[dim]{_esc(event.label)}[/]")
    elif isinstance(event, s.Help):
        console.print(Padding(f"[italic]Uitleg: {_esc(event.text)}[/]", (0, 0, 0, 2)))
    elif isinstance(event, s.Review):
        console.print()
        console.print(_review_table(event))
    elif isinstance(event, s.Notice):
        console.print(_esc(event.text))


def _review_table(review: Review) -> Table:
    """One line per item, so even a long questionnaire stays a compact overview."""
    from rich.table import Table

    table = Table(title="[bold]Je antwoorden[/]", title_justify="left", expand=True)
    table.add_column("nr", justify="right", no_wrap=True, width=3)
    table.add_column("vraag", ratio=3, no_wrap=True, overflow="ellipsis")
    table.add_column("antwoord", max_width=22, no_wrap=True, overflow="ellipsis")
    table.add_column("toelichting", ratio=1, no_wrap=True, overflow="ellipsis")
    current = None
    for row in review.rows:
        if row.dimensie != current:
            if current is not None:
                table.add_section()
            table.add_row("", f"[bold]{_esc(row.dimensie)}[/]", "", "")
            current = row.dimensie
        table.add_row(str(row.nr), _esc(row.vraag), _esc(row.antwoord), _esc(row.toelichting))
    return table
