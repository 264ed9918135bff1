"""``samenwerk reflect``: the interactive session in a terminal.

Only typer, the standard library and the shared options are imported at the top: questionary,
rich and the session load when the command runs, so other commands start without them.
"""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from samenwerk_cli.cli.options import Questions, Quick

if TYPE_CHECKING:
    from rich.console import Console

    from samenwerk_cli.formats.answers import Antwoorden

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
            metavar="BESTAND",
            help="Bewaar de antwoorden in dit bestand "
            "(standaard: <partnerschap>-<naam>-<datum>.yaml in deze map); "
            "bij --group een map.",
            show_default=False,
        ),
    ] = None,
    resume: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--resume",
            metavar="PAD",
            help="Ga verder met een onafgemaakt antwoordbestand (of de map van een groepssessie), "
            "bij de eerste onbeantwoorde vraag.",
            show_default=False,
        ),
    ] = None,
    quick: Quick = False,
    dimension: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--dimension",
            "-d",
            metavar="DIMENSIE",
            help="Alleen deze dimensie (herhaalbaar), bijv. -d ambitie -d relatie.",
            show_default=False,
        ),
    ] = None,
    questions: Questions = None,
    partnership: Annotated[
        Text, typer.Option("--partnership", "-p", metavar="NAAM", help="Naam van het partnerschap.")
    ] = None,
    organisation: Annotated[
        Text, typer.Option("--organisation", metavar="NAAM", help="Naam van je organisatie.")
    ] = None,
    respondent: Annotated[
        Text, typer.Option("--respondent", metavar="NAAM", help="Je naam (leeg: anoniem).")
    ] = None,
    role: Annotated[
        Text, typer.Option("--role", metavar="ROL", help="Je rol in de samenwerking.")
    ] = None,
    round_: Annotated[
        Text, typer.Option("--round", metavar="RONDE", help="Ronde, bijvoorbeeld 2026-najaar.")
    ] = None,
    group: Annotated[
        Text,
        typer.Option(
            "--group",
            "-g",
            metavar="DEELNEMERS",
            help="Groepssessie: de deelnemers in volgorde, bijv. "
            '"Anna:Hogeschool Noord, Bram:De Linde" (namen mogen labels zijn).',
            show_default=False,
        ),
    ] = None,
    group_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--group-file",
            metavar="BESTAND",
            help="Groepssessie met de deelnemers uit een YAML-bestand "
            "(deelnemers: [{naam, organisatie, rol}]).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Vul de vragenlijst interactief in, alleen of als groep; elk antwoord wordt meteen bewaard.

    Met --group typt de begeleider per stelling de cijfers van de hele groep op één regel;
    -o is dan een map met één antwoordbestand per deelnemer.
    """
    from samenwerk_cli.errors import ExitCode, Problem, SamenwerkError
    from samenwerk_cli.formats import answers
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.session.single import Metadata, Session

    if not stdin_is_terminal():
        raise SamenwerkError(NO_TERMINAL)
    if output is not None and resume is not None and output.resolve() != resume.resolve():
        raise SamenwerkError(
            "gebruik --resume BESTAND zonder --output: het bestand blijft hetzelfde"
        )
    bank = bank_mod.load(questions)
    if group is not None or group_file is not None or (resume is not None and resume.is_dir()):
        from samenwerk_cli.cli import reflect_group

        reflect_group.refuse_single_flags(organisation, respondent, role)
        reflect_group.run(
            bank,
            spec=group,
            group_file=group_file,
            output=output,
            resume=resume,
            quick=quick,
            dimensions=dimension or (),
            questions=questions,
            partnership=partnership,
            round_=round_,
        )
        return
    err = console_for(stderr=True)

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
    console = console_for()
    from samenwerk_cli.terminal import prompts, screens

    session = Session(
        bank,
        ask=prompts.ask,
        show=lambda event: screens.show(console, event),
        save=saver,
        quick=quick,
        dimensions=dimension or (),
        given=Metadata(partnership, organisation, respondent, role, round_),
        resume=previous,
    )
    try:
        data = session.run()
    except (KeyboardInterrupt, EOFError):
        interrupted(err, saver.path, questions, quick, dimension or [])
        raise typer.Exit(ExitCode.INTERRUPTED) from None

    assert saver.path is not None
    console.print()
    console.rule("[bold]Klaar[/]")
    console.print(f"Je antwoorden zijn bewaard in [bold]{_esc(str(saver.path))}[/].")
    from samenwerk_cli.terminal.report import print_report

    console.print()
    print_report(console, [answers.AnswerFile(str(saver.path), data)], bank)


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


class _Saver:
    """Saves after every answer; the default file name is chosen at the first save."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __call__(self, data: Antwoorden) -> None:
        from samenwerk_cli.formats import answers

        if self.path is None:
            self.path = default_output(data)
        answers.save(self.path, data)


def default_output(data: Antwoorden, folder: Path = Path(".")) -> Path:
    """``<partnerschap>-<respondent|anoniem>-<datum>.yaml``, with -2, -3... rather than overwrite."""
    from samenwerk_cli.files import free_path, slug

    datum = data.datum or dt.date.today()
    parts = [slug(data.partnerschap) or "partnerschap", slug(data.respondent or "") or "anoniem"]
    return free_path(folder, "-".join([*parts, datum.isoformat()]), ".yaml")


def resume_command(path: Path, questions: Path | None, quick: bool, dimensions: list[str]) -> str:
    parts = ["samenwerk", "reflect", "--resume", _q(path)]
    if questions is not None:
        parts += ["--questions", _q(questions)]
    if quick:
        parts.append("--quick")
    for d in dimensions:
        parts += ["--dimension", shlex.quote(d)]
    return " ".join(parts)


def interrupted(
    err: Console,
    path: Path | None,
    questions: Path | None,
    quick: bool,
    dims: list[str],
    whose: str = "Je antwoorden",
) -> None:
    err.print()
    if path is None or not path.exists():
        err.print("Gestopt. Er was nog niets om te bewaren.")
        return
    err.print(f"Gestopt. {whose} tot nu toe zijn bewaard in [bold]{_esc(str(path))}[/].")
    err.print("Later verder gaan:")
    err.print(f"  {_esc(resume_command(path, questions, quick, dims))}", soft_wrap=True)


# --- rendering the session's events ------------------------------------------------------------


def console_for(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _q(path: Path) -> str:
    return shlex.quote(str(path))
