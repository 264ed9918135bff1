"""The typer app and its one seam: where errors become Dutch messages and exit codes.

Commands return an :class:`ExitCode` (or None) and raise :class:`SamenwerkError` for bad input;
only this module turns either into a process exit. Only typer and the standard library load here:
every command imports what it needs when it runs, so ``samenwerk --version`` and shell completion
stay fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any

import typer
from typer._click.core import Command
from typer._click.exceptions import ClickException, UsageError

from samenwerk_cli.cli.context import environment, tell
from samenwerk_cli.cli.dutch import DutchCommand, DutchGroup, DutchUsageError
from samenwerk_cli.errors import INTERNAL, ExitCode, SamenwerkError, os_problem
from samenwerk_cli.formats.clean import visible

DEBUG_VAR = "SAMENWERK_DEBUG"  # set to 1 to see the traceback of an internal error


# Each command's module and function, in the order a facilitator meets them (the help page lists
# them so). A command is built only when it is run or listed: typer reads every parameter of a
# command's function to build it (about 2 ms each), and a run needs just one.
COMMANDS = {
    "reflect": ("reflect", "reflect"),
    "score": ("score", "score"),
    "export": ("export", "export"),
    "import": ("import_", "import_"),
    "template": ("template", "template"),
    "questions": ("questions", "app"),
}
_SETTINGS: dict[str, Any] = {
    "add_completion": False,
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
}


def build(name: str) -> Command:
    """The click command ``name``, from its module (a sub-app for ``questions``)."""
    module_name, attribute = COMMANDS[name]
    module = importlib.import_module(f"samenwerk_cli.cli.{module_name}")
    target = getattr(module, attribute)
    if isinstance(target, typer.Typer):
        return typer.main.get_command(target)
    one = typer.Typer(**_SETTINGS)
    one.command(name, cls=DutchCommand, epilog=module.EXAMPLES)(target)
    return typer.main.get_command(one)


class _Commands(MutableMapping[str, Command]):
    """The group's commands by name, each built on first lookup: click and typer list the
    names (help, "did you mean") without building, and a run looks up only its own."""

    def __init__(self) -> None:
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        if name not in COMMANDS:
            raise TypeError("the commands are fixed: add one to COMMANDS")
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        raise TypeError("the commands are fixed")

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _Group(DutchGroup):
    """The seam: a command's exit code, a :class:`SamenwerkError`, Ctrl-C and any internal error
    each end here as one message and one exit code (click would say "Aborted!" and exit 1)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands()

    def invoke(self, ctx: Any) -> Any:
        try:
            code = super().invoke(ctx)
        except UsageError as exc:
            if isinstance(exc, DutchUsageError):
                raise
            raise DutchUsageError(exc.format_message(), exc.ctx) from None
        except SamenwerkError as exc:
            tell(environment(ctx), exc.problems)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            environment(ctx).echo("\nonderbroken", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:  # ``samenwerk score | head -1``: the reader has all it wants
            _silence_stdout()
            ctx.exit(ExitCode.PIPE_CLOSED)
        except OSError as exc:
            tell(environment(ctx), [os_problem(exc)])
            ctx.exit(ExitCode.INVALID)
        except (typer.Exit, typer.Abort, ClickException):
            raise
        except Exception as exc:
            if os.environ.get(DEBUG_VAR):
                raise
            environment(ctx).echo(
                f"{INTERNAL}: {type(exc).__name__}: {visible(str(exc))}\n"
                "Dit is een fout in samenwerk, niet in je invoer. Meld het met het commando dat je "
                f"gaf en de bestanden die je gebruikte; met {DEBUG_VAR}=1 zie je de details.",
                err=True,
            )
            ctx.exit(ExitCode.INTERNAL)
        if isinstance(code, int) and code != ExitCode.OK:
            ctx.exit(int(code))
        return code


EXAMPLES = """
samenwerk reflect
    Vul de vragenlijst in, in de terminal.
samenwerk score antwoorden/
    Scores van alle antwoordbestanden in een map.
samenwerk export antwoorden/ -o rapport.md
    Een rapport om te delen.
"""

app = typer.Typer(
    cls=_Group,
    help="Reflecteren op samenwerken: vragenlijst, scores en rapporten voor partnerschappen.",
    epilog=EXAMPLES,
    context_settings={"help_option_names": ["-h", "--help"]},
    **_SETTINGS,
)


def _version_line() -> str:
    from samenwerk_cli import __version__

    return f"samenwerk {__version__}"


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        environment(ctx).echo(_version_line())
        ctx.exit(ExitCode.OK)


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
    environment(ctx)  # built here once; a test may have passed its own as ``obj``
    if ctx.invoked_subcommand is None:
        environment(ctx).echo(ctx.get_help())


def _silence_stdout() -> None:
    """After a closed pipe, send what is still buffered nowhere instead of failing at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass


def _tolerant_streams() -> None:
    """A legacy code page (cp1252, ascii) cannot hold every character of a report: replace
    what it cannot hold instead of dying halfway with a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main() -> None:
    _tolerant_streams()
    if sys.argv[1:] == ["--version"]:
        # Installers and scripts probe this most: answer before typer builds the commands (~6 ms).
        print(_version_line())
        return
    try:
        app(prog_name="samenwerk")
    except SystemExit:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
            raise SystemExit(ExitCode.PIPE_CLOSED) from None
        raise
