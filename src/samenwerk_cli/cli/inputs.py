"""Reading answer files for ``score`` and ``export`` alike: one way to report bad files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from samenwerk_cli.errors import ExitCode, SamenwerkError
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring import batch as batch_mod
from samenwerk_cli.scoring import trend
from samenwerk_cli.scoring.batch import Batch
from samenwerk_cli.scoring.trend import Partnership


def load_partnerships(
    paths: Sequence[Path], bank: Bank, jobs: int = 0
) -> tuple[list[Partnership], Batch]:
    """Score every partnership found; bad files go to stderr and stay in ``batch.errors``."""
    batch = batch_mod.load(paths, bank, jobs or None)
    if not batch.files:
        raise SamenwerkError(batch.errors)
    for problem in batch.errors:
        typer.echo(f"fout: {problem}", err=True)
    for warning in batch.warnings:
        typer.echo(f"waarschuwing: {warning}", err=True)
    found = trend.partnerships(batch.files, bank)
    batch.files.clear()  # the results hold what the reports need; let the inputs go
    return found, batch


def fail_on_bad_files(batch: Batch, skip_invalid: bool) -> None:
    """Exit 2 at the end when a file was bad, unless the user chose to skip those."""
    if batch.errors and not skip_invalid:
        raise typer.Exit(ExitCode.INVALID)
