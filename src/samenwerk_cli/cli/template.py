"""``samenwerk template``: a blank answer file to fill in an editor."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from samenwerk_cli.cli.context import environment
from samenwerk_cli.cli.options import Organisation, Partnership, Questions, Quick, to_screen

EXAMPLES = """
samenwerk template -o anna.yaml -p "Opleidingsschool Noord"
    Een leeg antwoordbestand om in een editor in te vullen.
samenwerk template --quick
    Alleen de vragen van de korte scan, op het scherm.
"""


def template(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime
        typer.Option(
            "--output",
            "-o",
            metavar="BESTAND",
            help="Schrijf naar dit bestand (standaard, of met -o -: het scherm).",
            show_default=False,
        ),
    ] = None,
    partnership: Partnership = None,
    organisation: Organisation = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")
    ] = False,
    quick: Quick = False,
    questions: Questions = None,
) -> None:
    """Schrijf een leeg antwoordbestand: elke vraag als regel, met de stelling erboven."""
    from samenwerk_cli import files
    from samenwerk_cli.errors import Problem, SamenwerkError
    from samenwerk_cli.formats import answers
    from samenwerk_cli.formats import bank as bank_mod

    env = environment(ctx)
    bank = bank_mod.load(questions)
    text = answers.template(bank, partnership or "", organisation or "", quick=quick)
    if to_screen(output):
        env.write(text)
        return
    if output.exists() and not force:
        raise SamenwerkError(
            Problem("bestaat al; kies een andere naam of gebruik --force", str(output))
        )
    files.atomic_write(output, text)
    env.echo(f"Geschreven: {output}", err=True)
