"""``samenwerk score``: answer files in, a picture per partnership out; CI-friendly exit codes.

No ``from __future__ import annotations`` here: typer reads the signature when it builds the
command, and annotations that are already objects spare it evaluating a string per parameter
(about a millisecond of every ``score``).
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from samenwerk_cli.cli.context import environment
from samenwerk_cli.cli.options import (
    Jobs,
    Json,
    MinPerOrganisation,
    Paths,
    Questions,
    SkipInvalid,
    with_minimum,
)
from samenwerk_cli.errors import ExitCode

if TYPE_CHECKING:
    from samenwerk_cli.scoring.thresholds import Shortfall
    from samenwerk_cli.scoring.trend import Partnership

EXAMPLES = """
samenwerk score antwoorden/
    Scores van alle antwoordbestanden in de map, per partnerschap en ronde.
samenwerk score antwoorden/ --json > scores.json
    Dezelfde scores als JSON, voor scripts.
samenwerk score antwoorden/ --fail-under 3.0
    Exit 1 als een dimensie in de laatste ronde van een partnerschap
    onder 3,0 scoort (voor CI); --alle-rondes beoordeelt elke ronde.
"""


def score(
    ctx: typer.Context,
    paths: Paths,
    json: Json = False,
    fail_under: Annotated[
        list[str],
        typer.Option(
            "--fail-under",
            metavar="DREMPEL",
            help="Exit 1 als een dimensie lager scoort: '3.0' voor alle, 'ambitie=3.5' voor één "
            "(herhaalbaar).",
            show_default=False,
        ),
    ] = [],  # noqa: B006 - typer needs a literal default
    all_rounds: Annotated[
        bool,
        typer.Option(
            "--alle-rondes",
            "--all-rounds",
            help="--fail-under beoordeelt elke ronde, niet alleen de laatste per partnerschap.",
        ),
    ] = False,
    skip_invalid: SkipInvalid = False,
    jobs: Jobs = 0,
    questions: Questions = None,
    min_per_organisation: MinPerOrganisation = None,
) -> ExitCode:
    """Scores per partnerschap (en ronde): dimensies, fase, zwakke plekken, overeenstemming."""
    from samenwerk_cli.cli.context import report_problems
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.scoring import score_paths, thresholds

    env = environment(ctx)
    bank = with_minimum(bank_mod.load(questions), min_per_organisation)
    limits = thresholds.parse(fail_under, bank)
    with score_paths(paths, bank, jobs or None) as run:  # the workers stop, whatever happens
        report_problems(env, run)
        below: list[Shortfall] = []
        if json:
            import sys

            from samenwerk_cli.render.json import write_score_json

            def judged() -> Iterator["Partnership"]:  # thresholds judged as each streams by
                for partnership in run.stream():
                    rondes = partnership.rondes if all_rounds else [partnership.laatste]
                    below.extend(thresholds.shortfalls(rondes, limits))
                    yield partnership

            write_score_json(sys.stdout.write, judged(), run.errors, bank, below)
        else:
            from samenwerk_cli.terminal.report import print_partnerships

            chosen = run.groups if all_rounds else [p.laatste for p in run.partnerships]
            below = thresholds.shortfalls(chosen, limits)
            print_partnerships(env.out, run.partnerships, bank)
    for s in below:
        env.echo(thresholds.message(s), err=True)
    files = run.files_code(skip_invalid)
    if files is not ExitCode.OK:
        return files
    return ExitCode.THRESHOLD if below else ExitCode.OK
