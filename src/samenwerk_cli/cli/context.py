"""What every command shares: its :class:`~samenwerk_cli.terminal.env.Env`, and how it reports.

The seam (``cli.app``) puts the Env on the root context; a test passes its own with
``CliRunner.invoke(..., obj=env)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from samenwerk_cli.terminal.env import Env

if TYPE_CHECKING:
    from samenwerk_cli.scoring import ScoreRun


def environment(ctx: typer.Context) -> Env:
    root = ctx.find_root()
    if not isinstance(root.obj, Env):
        root.obj = Env()
    return root.obj


def report_problems(env: Env, run: ScoreRun) -> None:
    """Files that could not be read, and warnings, go to stderr before any report."""
    for problem in run.errors:
        env.echo(f"fout: {problem}", err=True)
    for warning in run.warnings:
        env.echo(f"waarschuwing: {warning}", err=True)
