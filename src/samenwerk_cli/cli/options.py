"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

Questions = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
    typer.Option(
        "--questions",
        "-q",
        metavar="MAP",
        help="Map met een eigen vragenlijst (anders $SAMENWERK_VRAGEN of de ingebouwde).",
        show_default=False,
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Uitvoer als JSON (voor scripts en CI).")]
Quick = Annotated[bool, typer.Option("--quick", help="Alleen de vragen van de korte scan.")]
Dimensions = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
    typer.Option(
        "--dimension",
        "-d",
        metavar="DIMENSIE",
        help="Alleen deze dimensie (herhaalbaar), bijv. -d ambitie -d relatie.",
        show_default=False,
    ),
]
Paths = Annotated[
    list[Path],
    typer.Argument(
        help="Antwoordbestanden of mappen (die worden doorzocht op *.yaml).",
        show_default=False,
        metavar="PAD...",
    ),
]
SkipInvalid = Annotated[
    bool,
    typer.Option(
        "--skip-invalid",
        help="Ongeldige bestanden melden maar overslaan: geen exit 2 door de rest.",
    ),
]
Jobs = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        metavar="N",
        help="Processen voor grote mappen (0 = automatisch).",
    ),
]

MinPerOrganisation = Annotated[
    Optional[int],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
    typer.Option(
        "--min-per-organisatie",
        "--min-per-organisation",
        min=1,
        metavar="N",
        help="Respondenten die een organisatie nodig heeft voor een eigen kolom (standaard 2).",
        show_default=False,
    ),
]


OutputFile = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
    typer.Option(
        "--output",
        "-o",
        metavar="BESTAND",
        help="Schrijf naar dit bestand (standaard, of met -o -: het scherm).",
        show_default=False,
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")]


def to_screen(output: object) -> bool:
    """No ``-o``, or ``-o -``: standard output, in every command that writes a file."""
    return output is None or str(output) == "-"


def with_minimum(bank: Any, minimum: int | None) -> Any:
    """The bank with ``--min-per-organisatie`` as its organisation minimum (when given)."""
    if minimum is not None:
        import msgspec

        drempels = msgspec.structs.replace(bank.model.drempels, organisatie_minimum=minimum)
        bank.model.drempels = drempels
    return bank


# Metadata of an answer file; the Dutch spelling works too, as people type it.
Text = Optional[str]  # noqa: UP045 - typer reads the annotation at runtime on Python 3.10
Partnership = Annotated[
    Text,
    typer.Option(
        "--partnership", "--partnerschap", "-p", metavar="NAAM", help="Naam van het partnerschap."
    ),
]
Organisation = Annotated[
    Text,
    typer.Option(
        "--organisation", "--organisatie", metavar="NAAM", help="Naam van je organisatie."
    ),
]
Round = Annotated[
    Text,
    typer.Option("--round", "--ronde", metavar="RONDE", help="Ronde, bijvoorbeeld 2026-najaar."),
]
