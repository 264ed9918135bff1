"""``samenwerk score``: answer files in, a picture per partnership out; CI-friendly exit codes."""

from __future__ import annotations

from typing import Annotated

import typer

from samenwerk_cli.cli.options import Jobs, Json, Paths, Questions, SkipInvalid


def score(
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
    skip_invalid: SkipInvalid = False,
    jobs: Jobs = 0,
    questions: Questions = None,
) -> None:
    """Scores per partnerschap (en ronde): dimensies, fase, zwakke plekken, overeenstemming."""
    from samenwerk_cli.cli.inputs import fail_on_bad_files, load_partnerships
    from samenwerk_cli.errors import ExitCode
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.scoring import thresholds, trend

    bank = bank_mod.load(questions)
    limits = thresholds.parse(fail_under, bank)
    found, batch = load_partnerships(paths, bank, jobs)
    below = thresholds.shortfalls(trend.all_groups(found), limits)
    if json:
        import sys

        from samenwerk_cli.render.json import write_score_json

        write_score_json(sys.stdout.write, found, batch.errors, below)
    else:
        from samenwerk_cli.terminal.report import print_partnerships
        from samenwerk_cli.terminal.tables import console

        print_partnerships(console(), found, bank)
    for s in below:
        ronde = f" ({s.ronde})" if s.ronde else ""
        typer.echo(
            f"onder de drempel: {s.partnerschap}{ronde}: {s.dimensie} {s.score:.2f} < {s.drempel:g}",
            err=True,
        )
    fail_on_bad_files(batch, skip_invalid)
    if below:
        raise typer.Exit(ExitCode.THRESHOLD)
