"""The framework's own words in Dutch: usage errors and the frame of every ``--help`` page.

Click (vendored by typer) writes "Usage:", "Options:", "[required]" and "Show this message and
exit." in English. The command classes below override the few methods that write them, so a user
reads one language; nothing global is patched. Only typer and ``re`` are imported: start-up
stays as fast as before.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

_USAGE_WORDS = [
    (r"No such option: (\S+)", r"onbekende optie: \1"),
    (r"No such command '([^']*)'\.", r"onbekend commando '\1'."),
    (r"Did you mean (.+)\?", r"Bedoel je \1?"),
    (r"\(Possible options: (.+)\)", r"(mogelijk: \1)"),
    (r"Missing argument '([^']*)'\.", r"\1 ontbreekt."),
    (
        r"Missing option '([^']*)'(?: / '[^']*')*\.\s*Choose from:\s*(.*)",
        lambda m: (
            f"optie {m.group(1)} ontbreekt; kies uit "
            + ", ".join(c.strip(" \t\n,") for c in m.group(2).split(",") if c.strip(" \t\n,"))
            + "."
        ),
    ),
    (r"Missing option '([^']*)'(?: / '[^']*')*\.", r"optie \1 ontbreekt."),
    (r"Option '([^']*)' requires an argument\.", r"optie \1 heeft een waarde nodig."),
    (r"Option '([^']*)' does not take a value\.", r"optie \1 neemt geen waarde."),
    (r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", r"onverwacht extra argument: \1"),
    (r"Invalid value for (.+?): ", r"ongeldige waarde voor \1: "),
    (r"'([^']*)' is not a valid (?:int|integer)(?: range)?\.", r"'\1' is geen geheel getal."),
    (r"'([^']*)' is not a valid float(?: range)?\.", r"'\1' is geen getal."),
    (r"(\S+) is not in the range (.+)\.", r"\1 ligt niet in het bereik \2."),
    (r"(?:Path|File|Directory) '([^']*)' does not exist\.", r"'\1' bestaat niet."),
    (
        r"(?:Path|File|Directory) '([^']*)' is not readable\.",
        r"'\1' is niet leesbaar: je hebt geen leesrechten (vraag de eigenaar of kopieer het).",
    ),
    (r"(?:Path|File|Directory) '([^']*)' is not writable\.", r"in '\1' mag je niet schrijven."),
    (r"(?:Path|File|Directory) '([^']*)' is a file\.", r"'\1' is een bestand; geef een map op."),
    (
        r"(?:Path|File|Directory) '([^']*)' is a directory\.",
        r"'\1' is een map; geef een bestand op.",
    ),
    (r"'([^']*)' is not one of (.+)\.", r"'\1' is geen van \2."),
]
# The help pages: metavars typer derives from types, and the notes after an option's help.
_HELP_WORDS = [
    (r"<path>", "PAD"),
    (r"<int(?: range)?>", "GETAL"),
    (r"<float(?: range)?>", "GETAL"),
    (r"<str>", "TEKST"),
    (r"<(?:text|choice)>", "TEKST"),
    (r"\[required\]", "[verplicht]"),
    (r"\[default: ", "[standaard: "),
    (r"; default: ", "; standaard: "),
    (r"\[env var: ", "[omgevingsvariabele: "),
]
HELP_OPTION = "Toon deze uitleg en stop."


def usage(message: str) -> str:
    for pattern, replacement in _USAGE_WORDS:
        message = re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message


def _help(text: str) -> str:
    for pattern, replacement in _HELP_WORDS:
        text = re.sub(pattern, replacement, text)
    return text


class DutchUsageError(UsageError):
    """Click's usage errors, shown in Dutch: the user reads Dutch, whatever the framework says."""

    def show(self, file: Any = None) -> None:
        hint = ""
        if self.ctx is not None:
            usage_line = self.ctx.get_usage().replace("Usage:", "Gebruik:", 1)
            hint = f"{usage_line}\nZie '{self.ctx.command_path} --help' voor uitleg.\n\n"
        typer.echo(f"{hint}fout: {usage(self.format_message())}", err=True)


class _DutchHelp:
    """Overrides for :class:`TyperCommand` and :class:`TyperGroup` (mixed in before them)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[OPTIES]"
        if hasattr(self, "subcommand_metavar"):
            self.subcommand_metavar = "COMMANDO [ARGUMENTEN]..."

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, _help(pieces), prefix="Gebruik: ")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
        return option

    def format_options(self, ctx: Any, formatter: Any) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Argumenten": [], "Opties": []}
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is not None:
                where = "Argumenten" if param.param_type_name == "argument" else "Opties"
                sections[where].append((_help(record[0]), _help(record[1])))
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        if isinstance(self, TyperGroup):
            self._format_commands(ctx, formatter)

    def _format_commands(self, ctx: Any, formatter: Any) -> None:
        group: TyperGroup = self  # type: ignore[assignment]
        commands = [
            (name, cmd)
            for name in group.list_commands(ctx)
            if (cmd := group.get_command(ctx, name)) is not None and not cmd.hidden
        ]
        if commands:
            with formatter.section("Commando's"):  # whole first sentences, wrapped, never cut
                formatter.write_dl(
                    [(name, cmd.get_short_help_str(10_000)) for name, cmd in commands]
                )

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        """The epilog holds examples, one command a line with its explanation on the next:
        written as they are (click would rewrap them into one paragraph)."""
        epilog: str | None = getattr(self, "epilog", None)
        if not epilog:
            return
        with formatter.section("Voorbeelden"):
            for line in epilog.strip("\n").splitlines():
                indent = " " * formatter.current_indent
                formatter.write(f"{indent}{line}\n" if line.strip() else "\n")


class DutchCommand(_DutchHelp, TyperCommand):
    """A command whose help page reads Dutch throughout."""


class DutchGroup(_DutchHelp, TyperGroup):
    """A group whose help page and usage errors read Dutch."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            if isinstance(exc, DutchUsageError):
                raise
            raise DutchUsageError(exc.format_message(), exc.ctx) from None
