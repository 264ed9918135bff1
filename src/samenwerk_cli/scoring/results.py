"""The results of scoring: plain frozen data that every renderer (terminal, JSON, markdown) reads.

Scores are on 1–5 after reversal or balance transform; ``None`` means: no answer to score.
Coverage (``dekking``) is answered / asked, 0–1.
"""

from __future__ import annotations

from typing import Literal

import msgspec

Band = Literal["sterk", "aandacht", "zorg"]
Side = Literal["links", "rechts"]  # a balans lean: towards polen[0] or polen[1]


class ItemResult(msgspec.Struct, frozen=True):
    """One item over all respondents of a group (one respondent: n is 0 or 1)."""

    vraag: str
    dimensie: str
    fase: str
    thema: str
    soort: str
    score: float | None  # mean transformed score
    band: Band | None
    n: int  # respondents with a 1–5 answer
    weet_niet: int  # respondents who said "weet niet"
    antwoorden: tuple[int, ...]  # raw 1–5 answers, respondent order
    # Spread and agreement are on the item scores, except for balans items: there on the raw
    # position x, since a 1 and a 5 are opposite views that both score 1.
    spreiding: float | None = None  # sample standard deviation (n >= 2)
    rwg: float | None = None  # only with n >= 3
    ad: float | None = None  # only with n >= 3
    # Balans only: the team's lean, from the mean raw position (``positie``): below 2.5 towards
    # polen[0] ("links"), above 3.5 towards polen[1] ("rechts"), in between None (in evenwicht).
    neiging: Literal["links", "rechts"] | None = None
    positie: float | None = None  # balans: mean raw answer 1–5


class ThemeResult(msgspec.Struct, frozen=True):
    id: str
    naam: str
    score: float | None
    dekking: float


class DimensionResult(msgspec.Struct, frozen=True):
    id: str
    naam: str
    score: float | None
    band: Band | None  # None when coverage < 50 %: "te weinig antwoorden"
    dekking: float
    rwg: float | None  # rwg(J), only with n >= 3
    themas: tuple[ThemeResult, ...] = ()


class AmbitionIndex(msgspec.Struct, frozen=True):
    waarde: float | None  # product of the normalised factors, 0–1
    factoren: dict[str, float | None]  # factor -> normalised (score - 1) / 4
    zwakste: str | None


class PhaseScore(msgspec.Struct, frozen=True):
    id: str
    naam: str
    score: float | None
    afgerond: bool
    dekking: float


class PhaseResult(msgspec.Struct, frozen=True):
    huidig: str  # the derived phase
    fases: tuple[PhaseScore, ...]
    overgeslagen: tuple[str, ...]
    zelfbeeld: dict[str, int]  # self-reported phase (or "weet ik niet") -> respondents
    vooruit: tuple[str, ...] = ()  # self-views two or more phases ahead of the derived one


class WeakSpot(msgspec.Struct, frozen=True):
    vraag: str
    tekst: str
    dimensie: str
    fase: str
    score: float
    band: Band
    advies: str
    neiging: str | None = None  # balans: the words of the pole the team leans toward


class Confusion(msgspec.Struct, frozen=True):
    """A flag where answers diverge: spraakverwarring on a dimension (low rwg(J), ``vraag`` None)
    or uiteenlopende antwoorden on an item (high AD with answers on both sides of the midpoint)."""

    dimensie: str
    vraag: str | None
    reden: str
    rwg: float | None = None
    ad: float | None = None


class OrgScores(msgspec.Struct, frozen=True):
    organisatie: str
    n: int
    dimensies: dict[str, float | None]
    vragen: dict[str, float] = msgspec.field(default_factory=dict)  # item means of its respondents
    # Balans items: the mean raw answer (1–5) of its respondents, and the pole it leans to.
    posities: dict[str, float] = msgspec.field(default_factory=dict)
    neigingen: dict[str, Side | None] = msgspec.field(default_factory=dict)


class OrgGap(msgspec.Struct, frozen=True):
    dimensie: str
    hoog: str
    hoog_score: float
    laag: str
    laag_score: float
    verschil: float


class Figure(msgspec.Struct, frozen=True):
    """One figure that made a pattern's condition hold."""

    soort: str  # dimensie, thema, fase, vraag, organisatie_laag, organisatie_hoog
    id: str  # dimension, "dimensie.thema", fase or item id (organisatie_*: the dimension)
    maat: str  # score, afgerond, neiging, uiteenlopend, rwg
    waarde: float | str | bool  # the score or rwg; "links"/"rechts"; True/False
    organisatie: str | None = None  # organisatie_*: which organisation
    positie: float | None = None  # neiging: the mean raw answer (1–5)
    band: Band | None = None  # score: its band


class PatternHit(msgspec.Struct, frozen=True):
    """A pattern (a named risk across the lenses) whose rule holds, with the figures behind it."""

    id: str
    naam: str
    uitleg: str
    kans: str
    cijfers: tuple[Figure, ...]


class OrgItemGap(msgspec.Struct, frozen=True):
    """One statement on which two organisations differ by the threshold (1.5) or more.

    A stelling compares item scores. A balans item compares mean raw positions (``maat``
    "positie"): its score 5 − 2·|x − 3| is the same at both poles, so it would hide two
    organisations at opposite ends. Then ``hoog`` is the one nearer the second pole.
    """

    vraag: str
    hoog: str
    hoog_score: float  # the score, or for maat "positie" the mean raw answer
    laag: str
    laag_score: float
    verschil: float
    maat: Literal["score", "positie"] = "score"
    hoog_neiging: Side | None = None  # positie: the pole each organisation leans to
    laag_neiging: Side | None = None


class Respondent(msgspec.Struct, frozen=True):
    """Who answered (for reports and for showing answers when n < 3)."""

    bestand: str
    naam: str | None
    organisatie: str | None
    rol: str | None
    fase: str | None
    antwoorden: dict[str, int | str]
    toelichting: dict[str, str]


class GroupResult(msgspec.Struct, frozen=True):
    """One partnership in one round: one respondent or a team."""

    partnerschap: str
    ronde: str | None
    respondenten: tuple[Respondent, ...]
    organisaties: tuple[str, ...]
    dimensies: tuple[DimensionResult, ...]
    items: tuple[ItemResult, ...]
    ambitie_index: AmbitionIndex | None
    fase: PhaseResult
    zwakke_plekken: tuple[WeakSpot, ...]  # items in zorg, in the order to work on them
    spraakverwarring: tuple[Confusion, ...] = ()  # dimensions with rwg(J) below the threshold
    uiteenlopend: tuple[Confusion, ...] = ()  # items with uiteenlopende antwoorden
    organisaties_scores: tuple[OrgScores, ...] = ()
    organisaties_verschil: tuple[OrgGap, ...] = ()
    waarschuwingen: tuple[str, ...] = ()
    aandachtspunten: tuple[WeakSpot, ...] = ()  # items in aandacht, in the same order
    organisaties_stelling: tuple[OrgItemGap, ...] = ()
    # Organisations below the minimum for a column of their own: (name, respondents).
    organisaties_verborgen: tuple[tuple[str, int], ...] = ()
    onvolledig: tuple[str, ...] = ()  # files saved unfinished or answering under half their scan
    patronen: tuple[PatternHit, ...] = ()

    @property
    def n(self) -> int:
        return len(self.respondenten)
