"""Shared fixtures: a small question bank written to disk, and a CLI runner with stable output."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from samenwerk_cli.formats.answers import FORMAT, Antwoorden

MODEL = """\
formaat: samenwerk-vragenlijst/1
naam: mini
versie: "1.10"
schaal:
  labels: [helemaal oneens, oneens, neutraal, eens, helemaal eens]
  weet_niet: weet niet
ambitie_index:
  dimensie: ambitie
  factoren: [belofte, doen]
dimensies:
  - id: ambitie
    naam: Ambitie van betekenis
    kern: Een gedeelde ambitie geeft richting.
    advies: Bespreek wat ieder wil bereiken.
    themas:
      - {id: belofte, naam: Belofte}
      - {id: doen, naam: Doen}
      - {id: halen-brengen, naam: Halen en brengen}
  - id: relatie
    naam: Aandacht voor persoonlijke relaties
    kern: Vertrouwen bouw je samen op.
    advies: Plan een gezamenlijke activiteit.
    themas:
      - {id: vertrouwen, naam: Vertrouwen}
fases:
  - {id: verkennen, naam: Verkennen, betekenis: Elkaar leren kennen.}
  - {id: delen, naam: Delen, betekenis: Belangen delen.}
"""

AMBITIE = """\
formaat: samenwerk-vragen/1
dimensie: ambitie
vragen:
  - id: ambitie.belofte
    soort: stelling
    fase: verkennen
    thema: belofte
    tekst: We hebben elkaar iets beloofd.
    advies: Schrijf de belofte op.
    kort: true
  - id: ambitie.doen
    soort: stelling
    fase: delen
    thema: doen
    tekst: We doen wat we afspreken.
  - id: ambitie.halen-brengen
    soort: balans
    fase: delen
    thema: halen-brengen
    tekst: Hoe verhouden halen en brengen zich?
    polen: [We brengen meer dan we halen, We halen meer dan we brengen]
  - id: ambitie.open
    soort: open
    tekst: Wat willen we samen bereiken?
"""

RELATIE = """\
formaat: samenwerk-vragen/1
dimensie: relatie
vragen:
  - id: relatie.vertrouwen
    soort: stelling
    fase: verkennen
    thema: vertrouwen
    tekst: Er zijn onderwerpen waar we omheen praten.
    omgekeerd: true
    kort: true
"""


def write_bank(directory: Path, **overrides: str) -> Path:
    """Write the mini bank; ``overrides`` replace a file's text by its stem (model, ambitie, ...)."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {"model": MODEL, "ambitie": AMBITIE, "relatie": RELATIE, **overrides}
    for stem, text in files.items():
        (directory / f"{stem}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


@pytest.fixture
def mini_bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "vragen")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"NO_COLOR": "1", "COLUMNS": "120", "SAMENWERK_VRAGEN": None})


def mini_answers(**fields: Any) -> Antwoorden:
    """An answer file for the mini bank; ``fields`` fill or override the metadata and answers."""
    defaults: dict[str, Any] = {
        "formaat": FORMAT,
        "vragenlijst": "mini",
        "versie": "1.10",
        "partnerschap": "Opleidingsschool Noord",
    }
    return Antwoorden(**{**defaults, **fields})
