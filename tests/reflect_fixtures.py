"""A small question bank for the reflect tests: two dimensions, every item kind, a quick scan.

Order (all items): ambitie.belofte (stelling, kort, uitleg), ambitie.juich (stelling, omgekeerd),
ambitie.balans (balans), ambitie.open (open), relatie.vertrouwen (stelling, kort),
relatie.macht (stelling). Quick scan: ambitie.belofte, relatie.vertrouwen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from samenwerk_cli.session.dialog import Question
from tests.conftest import write_bank

MODEL = """\
formaat: samenwerk-vragenlijst/1
naam: reflect-test
versie: "1"
titel: Reflectiemodel op samenwerken
dimensies:
  - id: ambitie
    naam: Ambitie van betekenis
    kern: Een gedeelde ambitie die richting geeft.
    advies: Bespreek wat ieder wil bereiken.
    themas:
      - {id: belofte, naam: Belofte}
      - {id: begrip, naam: Begrip}
      - {id: halen-brengen, naam: Halen en brengen}
  - id: relatie
    naam: Aandacht voor persoonlijke relaties
    kern: Vertrouwen bouw je samen op.
    advies: Plan een gezamenlijke activiteit.
    themas:
      - {id: vertrouwen, naam: Vertrouwen}
      - {id: macht, naam: Macht}
fases:
  - {id: verkennen, naam: Verkennen, betekenis: Elkaar leren kennen.}
  - {id: delen, naam: Delen, betekenis: Belangen delen.}
  - {id: uitvoeren, naam: Uitvoeren, betekenis: Het samen doen.}
"""

AMBITIE = """\
formaat: samenwerk-vragen/1
dimensie: ambitie
vragen:
  - id: ambitie.belofte
    soort: stelling
    fase: verkennen
    thema: belofte
    tekst: We hebben afgesproken wat we elkaar beloven.
    uitleg: De belofte is wat partners elkaar concreet toezeggen.
    kort: true
  - id: ambitie.juich
    soort: stelling
    fase: delen
    thema: begrip
    tekst: Onze ambitie bestaat vooral uit mooie woorden.
    omgekeerd: true
  - id: ambitie.balans
    soort: balans
    fase: delen
    thema: halen-brengen
    tekst: Hoe verhoudt halen zich tot brengen?
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
    tekst: We vertrouwen elkaar.
    kort: true
  - id: relatie.macht
    soort: stelling
    fase: delen
    thema: macht
    tekst: Niemand bepaalt alleen de koers.
"""

ALL_IDS = [
    "ambitie.belofte",
    "ambitie.juich",
    "ambitie.balans",
    "ambitie.open",
    "relatie.vertrouwen",
    "relatie.macht",
]
QUICK_IDS = ["ambitie.belofte", "relatie.vertrouwen"]


def write_reflect_bank(directory: Path) -> Path:
    return write_bank(directory, model=MODEL, ambitie=AMBITIE, relatie=RELATIE)


class Script:
    """A fake ``ask``: answers questions in order and checks each one's key."""

    def __init__(self, steps: list[tuple[str, Any]]) -> None:
        self.steps = list(steps)
        self.asked: list[Question] = []

    def __call__(self, question: Question) -> Any:
        assert self.steps, f"unexpected question {question.key}"
        key, answer = self.steps.pop(0)
        assert question.key == key, f"expected {key}, got {question.key}"
        self.asked.append(question)
        if isinstance(answer, BaseException):
            raise answer
        return answer


def run_flow(
    flow: Any, bank: Any, steps: list[tuple[str, Any]], **kwargs: Any
) -> tuple[Any, list[Any], list[Any], Script]:
    """Run a session class with a scripted ask; every question scripted must have been asked."""
    script = Script(steps)
    events: list[Any] = []
    saved: list[Any] = []
    session = flow(
        bank,
        ask=script,
        show=events.append,
        save=lambda data: saved.append(msgspec.to_builtins(data)),
        **kwargs,
    )
    result = session.run()
    assert not script.steps, f"questions never asked: {script.steps}"
    return result, events, saved, script
