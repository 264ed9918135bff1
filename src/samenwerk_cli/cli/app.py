"""The typer app: thin commands, and the one place where project errors become messages and codes.

Only typer and the standard library are imported here: every command imports what it needs when
it runs, so ``samenwerk --version`` and shell completion stay fast.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError

from samenwerk_cli.cli import export, questions, reflect, score, template
from samenwerk_cli.cli.dutch import DutchCommand, DutchGroup, DutchUsageError
from samenwerk_cli.errors import ExitCode, SamenwerkError


class _Group(DutchGroup):
    """Turns a :class:`SamenwerkError` from any command into a Dutch message and its exit code,
    and Ctrl-C into exit 130 (click would say "Aborted!" and exit 1)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            if isinstance(exc, DutchUsageError):
                raise
            raise DutchUsageError(exc.format_message(), exc.ctx) from None
        except SamenwerkError as exc:
            for problem in exc.problems:
                typer.echo(f"fout: {problem}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("\nonderbroken", err=True)
            raise typer.Exit(ExitCode.INTERRUPTED) from None


app = typer.Typer(
    cls=_Group,
    help="Reflecteren op samenwerken: vragenlijst, scores en rapporten voor partnerschappen.",
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(questions.app, name="questions")
app.command("template", cls=DutchCommand)(template.template)
app.command("reflect", cls=DutchCommand)(reflect.reflect)
app.command("score", cls=DutchCommand)(score.score)
app.command("export", cls=DutchCommand)(export.export)


def _version_line() -> str:
    from samenwerk_cli import __version__

    return f"samenwerk {__version__}"


def _version(value: bool) -> None:
    if value:
        typer.echo(_version_line())
        raise typer.Exit(ExitCode.OK)


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie."),
    ] = False,
) -> None:
    """Reflecteren op samenwerken met het reflectiemodel: ambitie, belangen, relatie,
    organisatie en proces, in vijf fases."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(ExitCode.OK)


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # Installers and scripts probe this most: answer before typer builds the commands (~6 ms).
        print(_version_line())
        return
    app(prog_name="samenwerk")
