"""``samenwerk questions``: show and check a question bank."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from samenwerk_cli.cli.context import environment, write_one
from samenwerk_cli.cli.dutch import DutchCommand, DutchGroup
from samenwerk_cli.cli.options import (
    Dimensions,
    Force,
    Json,
    OutputFile,
    Questions,
    Quick,
)

EXAMPLES = """
samenwerk questions list --quick
    De vragen van de korte scan.
samenwerk questions check mijn-vragen/
    Controleer een eigen vragenlijst voordat je hem gebruikt.
samenwerk questions export --format limesurvey -o enquete.txt
    De vragenlijst als online formulier (ook: google, tekst).
"""

app = typer.Typer(
    name="questions",
    cls=DutchGroup,
    add_completion=False,
    rich_markup_mode=None,
    help="Bekijk, controleer of exporteer een vragenlijst.",
    no_args_is_help=False,
    epilog=EXAMPLES,
)


@app.callback(invoke_without_command=True)
def _questions(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        environment(ctx).echo(ctx.get_help())


@app.command(
    "list",
    cls=DutchCommand,
    epilog="""
samenwerk questions list
    Alle vragen als tabel.
samenwerk questions list --json > vragen.json
    Alle vragen als JSON, voor scripts.
""",
)
def list_(
    ctx: typer.Context, questions: Questions = None, json: Json = False, quick: Quick = False
) -> None:
    """Toon alle vragen (id, dimensie, fase, thema, soort, tekst)."""
    from samenwerk_cli.formats import bank as bank_mod

    env = environment(ctx)
    bank = bank_mod.load(questions)
    vragen = [v for v in bank.vragen if v.kort or not quick]
    if json:
        from samenwerk_cli.render.json import bank_json

        env.echo(bank_json(bank, vragen))
        return
    from samenwerk_cli.terminal.tables import bank_table

    env.out.print(bank_table(bank, vragen, env.out.width))


@app.command(
    "check",
    cls=DutchCommand,
    epilog="""
samenwerk questions check
    Controleer de ingebouwde vragenlijst.
samenwerk questions check mijn-vragen/
    Controleer een eigen vragenlijst, met bestand en regel bij elke fout.
""",
)
def check(
    ctx: typer.Context,
    directory: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime
        typer.Argument(
            help="Map met de vragenlijst (standaard: de ingebouwde).",
            show_default=False,
            metavar="[MAP]",
        ),
    ] = None,
) -> None:
    """Controleer een vragenlijst; toont per dimensie en fase hoeveel vragen er zijn."""
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.render.text import coverage_summary

    env = environment(ctx)
    bank = bank_mod.load(directory)
    summary, complete = coverage_summary(bank)
    env.echo(summary)
    if not complete:
        env.echo("let op: niet elke combinatie van dimensie en fase heeft een vraag", err=True)


class FormFormat(str, Enum):
    limesurvey = "limesurvey"
    google = "google"
    tekst = "tekst"


@app.command(
    "export",
    cls=DutchCommand,
    epilog="""
samenwerk questions export --format limesurvey -o enquete.txt
    Structuur voor LimeSurvey: Enquête maken > Importeren.
samenwerk questions export --format google -o formulier.gs
    Apps Script dat het Google-formulier maakt.
samenwerk questions export --format tekst --quick
    De korte scan als tekst voor Microsoft Forms.
""",
)
def export(
    ctx: typer.Context,
    format_: Annotated[
        FormFormat,
        typer.Option(
            "--format",
            "-f",
            help="limesurvey: structuur om te importeren (.txt) · google: Apps Script dat het "
            "formulier maakt · tekst: stellingen en labels voor Microsoft Forms.",
            show_default=False,
        ),
    ],
    output: OutputFile = None,
    quick: Quick = False,
    dimension: Dimensions = None,
    force: Force = False,
    questions: Questions = None,
) -> None:
    """Zet de vragenlijst in een online formulier: LimeSurvey, Google Forms of Microsoft Forms."""
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.forms import codes

    env = environment(ctx)
    bank = bank_mod.load(questions)
    vragen = codes.select(bank, quick, dimension or ())
    if format_ is FormFormat.limesurvey:
        from samenwerk_cli.forms.limesurvey import structure as build
    elif format_ is FormFormat.google:
        from samenwerk_cli.forms.google import script as build
    else:
        from samenwerk_cli.forms.tekst import text as build
    text = build(bank, vragen)
    write_one(env, output, text, force)
