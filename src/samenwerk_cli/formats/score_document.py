"""The ``samenwerk score --json`` document (``samenwerk-score/2``) as types.

The JSON Schema in ``schema/score.schema.json`` is generated from these types, and a test decodes
the real output of ``score --json`` with them (unknown keys refused), so the schema, the types and
the output cannot drift apart. :mod:`samenwerk_cli.render.json` writes the document.

Numbers are rounded to two decimals as the reports show them: never across a threshold that
judges them (2.9952 is zorg and appears as 2.99, not 3.0; docs/model.md, "Precies, niet afgerond").
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

FORMAT = "samenwerk-score/2"

Band = Literal["sterk", "aandacht", "zorg"]


class Closed(Struct, forbid_unknown_fields=True, kw_only=True):
    """Every object of the document: no keys beyond the documented ones."""


class Dimensie(Closed):
    id: str
    naam: str
    score: float | None
    band: Band | None  # null: no answers, or coverage below 50 % ("te weinig antwoorden")
    dekking: float  # answered / asked, 0–1
    rwg: float | None  # rwg(J), from 3 respondents
    spraakverwarring: bool  # rwg(J) below the threshold (0.70)


class FaseScore(Closed):
    id: str
    naam: str
    score: float | None
    dekking: float
    afgerond: bool


class Fase(Closed):
    huidig: str
    fases: list[FaseScore]
    overgeslagen: list[str]
    zelfbeeld: dict[str, int]  # phase id (or "weet ik niet") -> respondents
    vooruit: list[str]  # self-views two or more phases ahead: a warning


class Ambitie(Closed):
    waarde: float | None
    factoren: dict[str, float | None]
    zwakste: str | None


class Plek(Closed):
    vraag: str
    dimensie: str
    fase: str
    score: float
    band: Band
    advies: str
    neiging: str | None  # balans: the words of the pole the team leans toward


class Balans(Closed):
    vraag: str
    n: int
    positie: float  # mean raw answer, 1 (first pole) to 5 (second pole)
    neiging: Literal["links", "rechts"] | None  # below 2.5 / above 3.5; null: in evenwicht
    pool: str | None  # the words of that pole


class Spraakverwarring(Closed):
    dimensie: str
    rwg: float


class Uiteenlopend(Closed):
    dimensie: str
    vraag: str
    ad: float


class OrganisatieScores(Closed):
    organisatie: str
    n: int
    dimensies: dict[str, float | None]


class ZonderKolom(Closed):
    organisatie: str
    n: int


class Kant(Closed):
    organisatie: str
    score: float


class Verschil(Closed):
    dimensie: str
    hoog: Kant
    laag: Kant
    verschil: float


class KantStelling(Closed):
    """One organisation on one item: its score (stelling) or its position and lean (balans)."""

    organisatie: str
    score: float | None = None  # maat "score": the mean item score
    positie: float | None = None  # maat "positie": the mean raw answer, 1 to 5
    neiging: Literal["links", "rechts"] | None = None  # maat "positie": below 2.5 / above 3.5
    pool: str | None = None  # the words of that pole


class VerschilStelling(Closed):
    vraag: str
    # "score" for a stelling; "positie" for a balans item, compared on the mean raw answer
    # (its score is the same at both poles). hoog is then the one nearer the second pole.
    maat: Literal["score", "positie"]
    hoog: KantStelling
    laag: KantStelling
    verschil: float


class TrendDimensie(Closed):
    id: str
    vorige: float | None
    huidige: float | None
    verschil: float | None
    richting: Literal["omhoog", "omlaag"] | None  # only at a change of 0.5 or more


class FaseToenNu(Closed):
    toen: str
    nu: str


class Trend(Closed):
    vorige_ronde: str | None
    dimensies: list[TrendDimensie]
    opgelost: list[str]
    nieuw: list[str]
    fase: FaseToenNu


class Cijfer(Closed):
    """One figure behind a pattern."""

    soort: str  # dimensie, thema, fase, vraag, organisatie_laag, organisatie_hoog
    id: str
    maat: str  # score, afgerond, neiging, uiteenlopend, rwg
    waarde: float | str | bool
    organisatie: str | None = None
    band: Band | None = None
    positie: float | None = None


class Patroon(Closed):
    """A named risk across the lenses whose rule holds, with the figures behind it."""

    id: str
    naam: str
    uitleg: str
    kans: str
    cijfers: list[Cijfer]


class Groep(Closed):
    partnerschap: str
    ronde: str | None
    respondenten: int
    onvolledig: list[str]  # files saved unfinished or answering under half of their scan
    organisaties: list[str]
    dimensies: list[Dimensie]
    ambitie_index: Ambitie | None
    fase: Fase
    zwakke_plekken: list[Plek]  # items in zorg, in the order to work on them
    aandachtspunten: list[Plek]  # items in aandacht, in the same order
    balans: list[Balans]
    spraakverwarring: list[Spraakverwarring]
    uiteenlopend: list[Uiteenlopend]
    organisaties_scores: list[OrganisatieScores]
    organisaties_zonder_kolom: list[ZonderKolom]
    organisaties_verschil: list[Verschil]
    organisaties_verschil_stelling: list[VerschilStelling]
    waarschuwingen: list[str]
    patronen: list[Patroon]
    trend: Trend | None = None  # on the latest round of a partnership with earlier rounds


class Fout(Closed):
    bestand: str | None
    melding: str


class OnderDrempel(Closed):
    partnerschap: str
    ronde: str | None
    dimensie: str
    score: float
    drempel: float


class ScoreDocument(Closed):
    formaat: Literal["samenwerk-score/2"]
    partnerschappen: list[Groep]
    fouten: list[Fout]
    onder_drempel: list[OnderDrempel]
