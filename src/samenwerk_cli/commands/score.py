"""``samenwerk score``: answer files in, a picture per partnership out; CI-friendly exit codes."""

from __future__ import annotations

from typing import Annotated

import typer

from samenwerk_cli.options import Json, Paths, Questions


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
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Ongeldige bestanden melden maar overslaan: geen exit 2 door de rest.",
        ),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            metavar="N",
            help="Processen voor grote mappen (0 = automatisch).",
        ),
    ] = 0,
    questions: Questions = None,
) -> None:
    """Scores per partnerschap (en ronde): dimensies, fase, zwakke plekken, overeenstemming."""
    from samenwerk_cli import bank as bank_mod
    from samenwerk_cli import batch as batch_mod
    from samenwerk_cli import thresholds, trend
    from samenwerk_cli.errors import ExitCode, SamenwerkError

    bank = bank_mod.load(questions)
    limits = thresholds.parse(fail_under, bank)
    batch = batch_mod.load(paths, bank, jobs or None)
    if not batch.files:
        raise SamenwerkError(batch.errors)
    for problem in batch.errors:
        typer.echo(f"fout: {problem}", err=True)
    for warning in batch.warnings:
        typer.echo(f"waarschuwing: {warning}", err=True)
    found = trend.partnerships(batch.files, bank)
    batch.files.clear()  # the results hold what the reports need; let the inputs go
    below = thresholds.shortfalls(trend.all_groups(found), limits)
    if json:
        import sys

        from samenwerk_cli.render.json import write_score_json

        write_score_json(sys.stdout.write, found, batch.errors, below)
    else:
        from samenwerk_cli.render.report import print_partnerships
        from samenwerk_cli.render.terminal import console

        print_partnerships(console(), found, bank)
    for s in below:
        ronde = f" ({s.ronde})" if s.ronde else ""
        typer.echo(
            f"onder de drempel: {s.partnerschap}{ronde}: {s.dimensie} {s.score:.2f} < {s.drempel:g}",
            err=True,
        )
    if batch.errors and not skip_invalid:
        raise typer.Exit(ExitCode.INVALID)
    if below:
        raise typer.Exit(ExitCode.THRESHOLD)
