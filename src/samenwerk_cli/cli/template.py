"""``samenwerk template``: a blank answer file to fill in an editor."""

from __future__ import annotations

import typer

from samenwerk_cli.cli.context import environment, write_one
from samenwerk_cli.cli.options import (
    Force,
    Organisation,
    OutputFile,
    Partnership,
    Questions,
    Quick,
)

EXAMPLES = """
samenwerk template -o anna.yaml -p "Opleidingsschool Noord"
    Een leeg antwoordbestand om in een editor in te vullen.
samenwerk template --quick
    Alleen de vragen van de korte scan, op het scherm.
"""


def template(
    ctx: typer.Context,
    output: OutputFile = None,
    partnership: Partnership = None,
    organisation: Organisation = None,
    force: Force = False,
    quick: Quick = False,
    questions: Questions = None,
) -> None:
    """Schrijf een leeg antwoordbestand: elke vraag als regel, met de stelling erboven."""
    from samenwerk_cli.formats import answers
    from samenwerk_cli.formats import bank as bank_mod

    env = environment(ctx)
    bank = bank_mod.load(questions)
    text = answers.template(bank, partnership or "", organisation or "", quick=quick)
    write_one(env, output, text, force)
