"""What every command shares: its :class:`~samenwerk_cli.terminal.env.Env`, and how it reports.

The seam (``cli.app``) puts the Env on the root context; a test passes its own with
``CliRunner.invoke(..., obj=env)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from samenwerk_cli.formats.clean import visible
from samenwerk_cli.terminal.env import Env

if TYPE_CHECKING:
    from samenwerk_cli.scoring import ScoreRun


def environment(ctx: typer.Context) -> Env:
    root = ctx.find_root()
    if not isinstance(root.obj, Env):
        root.obj = Env()
    return root.obj


def tell(env: Env, problems: Iterable[object], kind: str = "fout") -> None:
    """The one way a problem reaches the user: ``fout: file:line: veld 'x': message`` on stderr,
    control characters in file names and values shown, never sent to the terminal raw."""
    for problem in problems:
        env.echo(visible(f"{kind}: {problem}", keep_lines=True), err=True)


def report_problems(env: Env, run: ScoreRun) -> None:
    """Files that could not be read, and warnings, go to stderr before any report."""
    tell(env, run.errors)
    tell(env, run.warnings, "waarschuwing")


def write_one(env: Env, output: Path | None, text: str, force: bool) -> None:
    """One text to the screen (no ``-o``, or ``-o -``) or to a file: never over an existing
    file unless ``--force``, and all or nothing."""
    from samenwerk_cli.cli.options import to_screen
    from samenwerk_cli.errors import Problem, SamenwerkError
    from samenwerk_cli.files import atomic_write

    if output is None or to_screen(output):  # None: for the type checker below
        env.write(text.removeprefix("\ufeff"))  # a BOM is for files, not for the screen
        return
    if output.exists() and not force:
        raise SamenwerkError(
            Problem("bestaat al; kies een andere naam of gebruik --force", str(output))
        )
    atomic_write(output, text)
    env.echo(f"Geschreven: {output}", err=True)
