"""The typer app: thin commands, and the one place where project errors become messages and codes.

Only typer and the standard library are imported here: every command imports what it needs when
it runs, so ``samenwerk --version`` and shell completion stay fast.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperGroup

from samenwerk_cli.commands import export, questions, reflect, score, template
from samenwerk_cli.errors import ExitCode, SamenwerkError

_USAGE_WORDS = [
    (r"No such option: (\S+)", r"onbekende optie: \1"),
    (r"No such command '([^']*)'\.", r"onbekend commando '\1'."),
    (r"Did you mean (.+)\?", r"Bedoel je \1?"),
    (r"\(Possible options: (.+)\)", r"(mogelijk: \1)"),
    (r"Missing argument '([^']*)'\.", r"\1 ontbreekt."),
    (r"Missing option '([^']*)'\.", r"optie \1 ontbreekt."),
    (r"Option '([^']*)' requires an argument\.", r"optie \1 heeft een waarde nodig."),
    (r"Option '([^']*)' does not take a value\.", r"optie \1 neemt geen waarde."),
    (r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", r"onverwacht extra argument: \1"),
    (r"Invalid value for (.+?): ", r"ongeldige waarde voor \1: "),
    (r"'([^']*)' is not a valid (?:int|integer)(?: range)?\.", r"'\1' is geen geheel getal."),
    (r"'([^']*)' is not a valid float(?: range)?\.", r"'\1' is geen getal."),
    (r"(\S+) is not in the range (.+)\.", r"\1 ligt niet in het bereik \2."),
    (r"Path '([^']*)' does not exist\.", r"'\1' bestaat niet."),
]


def _dutch_usage(message: str) -> str:
    for pattern, replacement in _USAGE_WORDS:
        message = re.sub(pattern, replacement, message)
    return message


class _DutchUsageError(UsageError):
    """Click's usage errors, shown in Dutch: the user reads Dutch, whatever the framework says."""

    def show(self, file: Any = None) -> None:
        hint = ""
        if self.ctx is not None:
            usage = self.ctx.get_usage().replace("Usage:", "Gebruik:", 1)
            hint = f"{usage}\nZie '{self.ctx.command_path} --help' voor uitleg.\n\n"
        typer.echo(f"{hint}fout: {_dutch_usage(self.format_message())}", err=True)


class _Group(TyperGroup):
    """Turns a :class:`SamenwerkError` from any command into a Dutch message and its exit code,
    and Ctrl-C into exit 130 (click would say "Aborted!" and exit 1)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            raise _DutchUsageError(exc.format_message(), exc.ctx) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            if isinstance(exc, _DutchUsageError):
                raise
            raise _DutchUsageError(exc.format_message(), exc.ctx) from None
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
app.command("template")(template.template)
app.command("reflect")(reflect.reflect)
app.command("score")(score.score)
app.command("export")(export.export)


def _version(value: bool) -> None:
    if value:
        from samenwerk_cli import __version__

        typer.echo(f"samenwerk {__version__}")
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
    app(prog_name="samenwerk")
