"""A tiny bank built in code and an answer-file factory, for the scoring tests.

Built programmatically so the scoring tests do not depend on the built-in question bank.
"""

from __future__ import annotations

from pathlib import Path

from samenwerk_cli.formats.answers import FORMAT, AnswerFile, Antwoorden
from samenwerk_cli.formats.bank import (
    AmbitieIndex,
    Bank,
    Dimensie,
    Drempels,
    Fase,
    ModelFile,
    Thema,
    Vraag,
)
from samenwerk_cli.scoring.results import GroupResult

FASES = ["verkennen", "delen", "overeenkomen", "vormgeven"]


def make_bank(drempels: Drempels | None = None, with_index: bool = True) -> Bank:
    """ambitie: 3 stellingen (one per factor) + 1 balans + 1 open; relatie: 3 stellingen, 1 reversed."""
    model = ModelFile(
        formaat="samenwerk-vragenlijst/1",
        naam="mini",
        versie="1",
        dimensies=[
            Dimensie(
                id="ambitie",
                naam="Ambitie van betekenis",
                kern="k",
                advies="Bespreek de ambitie.",
                themas=[
                    Thema(id="belofte", naam="Belofte"),
                    Thema(id="commitment", naam="Commitment"),
                    Thema(id="doen", naam="Doen"),
                    Thema(id="halen-brengen", naam="Halen en brengen"),
                ],
            ),
            Dimensie(
                id="relatie",
                naam="Aandacht voor persoonlijke relaties",
                kern="k",
                advies="Plan een gezamenlijke activiteit.",
                themas=[Thema(id="vertrouwen", naam="Vertrouwen")],
            ),
        ],
        fases=[Fase(id=f, naam=f.capitalize(), betekenis="b") for f in FASES],
        drempels=drempels or Drempels(),
        ambitie_index=(
            AmbitieIndex(dimensie="ambitie", factoren=["belofte", "commitment", "doen"])
            if with_index
            else None
        ),
    )
    vragen = [
        Vraag(
            id="ambitie.belofte",
            soort="stelling",
            tekst="We hebben elkaar iets beloofd.",
            fase="verkennen",
            thema="belofte",
            advies="Schrijf de belofte op.",
        ),
        Vraag(
            id="ambitie.commitment",
            soort="stelling",
            tekst="Iedereen zet zich in.",
            fase="delen",
            thema="commitment",
        ),
        Vraag(
            id="ambitie.doen",
            soort="stelling",
            tekst="We doen wat we afspreken.",
            fase="overeenkomen",
            thema="doen",
            advies="Maak een actielijst.",
        ),
        Vraag(
            id="ambitie.halen-brengen",
            soort="balans",
            tekst="Halen en brengen",
            fase="delen",
            thema="halen-brengen",
            polen=["We brengen meer dan we halen", "We halen meer dan we brengen"],
        ),
        Vraag(id="ambitie.open", soort="open", tekst="Wat willen we bereiken?"),
        Vraag(
            id="relatie.vertrouwen",
            soort="stelling",
            tekst="We vertrouwen elkaar.",
            fase="verkennen",
            thema="vertrouwen",
        ),
        Vraag(
            id="relatie.omheen",
            soort="stelling",
            tekst="Er zijn onderwerpen waar we omheen praten.",
            fase="delen",
            thema="vertrouwen",
            omgekeerd=True,
        ),
        Vraag(
            id="relatie.samen",
            soort="stelling",
            tekst="We doen dingen samen.",
            fase="vormgeven",
            thema="vertrouwen",
        ),
    ]
    return Bank(model, vragen, Path("."))


SCORED = [
    "ambitie.belofte",
    "ambitie.commitment",
    "ambitie.doen",
    "ambitie.halen-brengen",
    "relatie.vertrouwen",
    "relatie.omheen",
    "relatie.samen",
]
STELLINGEN = ["ambitie.belofte", "ambitie.commitment", "ambitie.doen", "relatie.vertrouwen"]
STELLINGEN += ["relatie.samen"]  # the non-reversed ones


def answer_file(
    antwoorden: dict[str, int | str | None],
    path: str = "a.yaml",
    partnerschap: str = "School Noord",
    ronde: str | None = "2026-najaar",
    **fields: object,
) -> AnswerFile:
    data = Antwoorden(
        formaat=FORMAT,
        vragenlijst="mini",
        versie=str(fields.pop("versie", "1")),
        partnerschap=partnerschap,
        ronde=ronde,
        antwoorden=dict(antwoorden),
        **fields,  # type: ignore[arg-type]
    )
    return AnswerFile(path, data)


def team(*answer_sets: dict[str, int | str | None], **fields: object) -> list[AnswerFile]:
    """One file per answer set, paths r1.yaml, r2.yaml, ..."""
    return [answer_file(a, path=f"r{i}.yaml", **fields) for i, a in enumerate(answer_sets, 1)]


BANK = make_bank()


def dims(result: GroupResult) -> dict:
    return {d.id: d for d in result.dimensies}


def items(result: GroupResult) -> dict:
    return {i.vraag: i for i in result.items}


def phases(result: GroupResult) -> dict:
    return {p.id: p for p in result.fase.fases}
