"""What a report says, as plain frozen data that every renderer lays out (terminal, markdown, HTML).

:mod:`samenwerk_cli.render.view` builds it from scored results and the bank; renderers only lay
it out. Every ``str`` in a view is plain text, never markup: each renderer escapes all of it for
its own output (``rich.markup.escape``, :mod:`mdtext`, HTML entities). Numbers stay numbers and
bands stay :data:`Band`; :mod:`words` formats them.
"""

from __future__ import annotations

import msgspec

from samenwerk_cli.scoring.results import Band

TOP_WEAK_SPOTS = 5  # weak spots shown on screen, in the order to work on them
TOP_ATTENTION = 5  # aandachtspunten shown on screen (the markdown report lists them all)
TOP_ACTIONS = 3  # next steps, one per distinct advice
MAX_FLAGS = 3  # statements listed per dimension under spraakverwarring
MAX_TREND_SPOTS = 10  # solved or new weak spots listed in a report
SCREEN_STATEMENT_GAPS = 5  # statements where organisations differ, on screen
PRINT_STATEMENT_GAPS = 3  # the same in the printable HTML page (the markdown report has all)
SCREEN_TREND_SPOTS = 3  # the same, on screen, where a panel should stay short
FAR_APART = 2  # two respondents: answers this far apart are shown side by side
BAND_ORDER: tuple[Band, ...] = ("zorg", "aandacht", "sterk")

ANONYMOUS = "anoniem"
NO_WEAK_SPOTS = "Geen zwakke plekken: geen enkele beantwoorde stelling scoort zorg."
WEAK_ORDER = (
    "in volgorde van aanpak: eerst de vroegste fase (het fundament eerst), dan de laagste score"
)
ALL_IN_REPORT = "alle staan in het rapport van samenwerk export"
ALL_IN_MARKDOWN = "alle staan in het markdownrapport (samenwerk export … -o rapport.md)"
NO_CONFUSION = (
    "Geen spraakverwarring en geen uiteenlopende antwoorden: de antwoorden liggen dicht bij elkaar."
)
CONFUSION = "Spraakverwarring?"  # a dimension: rwg(J) below the threshold
DIVERGENT = "uiteenlopende antwoorden"  # a statement: high AD, answers on both sides of the middle
ASK_ON = "Vraag door: wat bedoelt ieder met deze woorden?"
PAIR_INTRO = (
    "Met twee respondenten zeggen overeenstemmingsmaten weinig; hier verschillen de antwoorden"
    f" {FAR_APART} of meer:"
)
NO_PAIR_DIFFERENCE = (
    f"Twee respondenten: op geen stelling verschillen de antwoorden {FAR_APART} of meer."
)
DISCUSS_GAPS = "Waar je staat, hangt af van waar je zit: bespreek deze verschillen samen."
NO_RWG = "Overeenstemming wordt berekend vanaf 3 respondenten."
NO_ACTIONS = (
    "Geen zwakke plekken om aan te werken. Bespreek wat deze samenwerking sterk maakt, en hoe"
    " jullie dat vasthouden."
)
ARROWS = {"omhoog": "▲ beter", "omlaag": "▼ slechter"}
CREDIT = (
    "Gebaseerd op het model Reflecteren op samenwerken, ontwikkeld door Common Eye met de"
    " projectleiders van VSLs en PBT."
)
PATTERNS_INTRO = "Patronen zijn risico's die pas zichtbaar worden als je de dimensies samen leest."
START_INTRO = (
    "Nog geen enkele fase is afgerond: deze samenwerking staat aan het begin. Het fundament ligt"
    " in de eerste fases; tijd die jullie daar nu in steken, verdienen jullie later terug. Werk"
    " daarom niet alle zwakke plekken tegelijk af, maar begin hier:"
)


class Header(msgspec.Struct, frozen=True):
    partnerschap: str
    ronde: str | None
    n: int
    respondent: str | None  # one respondent: their name, or "anoniem"; a team: None
    organisaties: tuple[str, ...]
    fase: str  # the derived phase's name
    waarschuwingen: tuple[str, ...]
    onvolledig: int = 0  # files saved unfinished or answering under half of their scan

    @property
    def who(self) -> str:
        """``"4 respondenten (1 onvolledig)"``: always n, and how many files are incomplete."""
        if self.n == 1:
            return "1 respondent" + (", onvolledig" if self.onvolledig else "")
        return f"{self.n} respondenten" + (
            f" ({self.onvolledig} onvolledig)" if self.onvolledig else ""
        )


class DimensionRow(msgspec.Struct, frozen=True):
    naam: str
    score: float | None
    band: Band | None
    dekking: float
    rwg: float | None  # rwg(J); None also when the group is too small for it


class Dimensions(msgspec.Struct, frozen=True):
    rows: tuple[DimensionRow, ...]
    team: bool  # three or more respondents: agreement is shown
    worst: Band | None
    notes: tuple[str, ...]  # what the table leaves out, and why


class Ambition(msgspec.Struct, frozen=True):
    waarde: float | None  # None: not every factor is answered
    factoren: str  # "belofte 0,75 × commitment 0,50 × doen 0,75"
    zwakste: str | None


class PhaseStep(msgspec.Struct, frozen=True):
    naam: str
    score: float | None
    afgerond: bool
    zelfbeeld: int  # respondents who place the partnership in this phase


class Phase(msgspec.Struct, frozen=True):
    huidig: str
    steps: tuple[PhaseStep, ...]
    zelfbeeld: tuple[tuple[str, int], ...]  # (phase name or "weet ik niet", respondents)
    unknown: str | None  # "2 respondenten weten niet in welke fase ..."
    skipped: tuple[str, ...]  # one warning per phase that looks skipped
    ahead: str | None  # respondents who think the partnership is much further


class Spot(msgspec.Struct, frozen=True):
    position: int
    band: Band
    tekst: str
    where: str  # "ambitie van betekenis · verkennen"
    score: float
    advies: str  # for a balans item it starts with the lean, so it steers the right way
    neiging: str | None = None  # balans: the words of the pole the team leans toward


class WeakSpots(msgspec.Struct, frozen=True):
    """Zwakke plekken (zorg) or aandachtspunten (aandacht): all, in the order to work on them."""

    spots: tuple[Spot, ...]
    total: int


class Listing(msgspec.Struct, frozen=True):
    """A capped list: what is shown, and how many more there are."""

    shown: tuple[str, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.shown)


class ConfusedDimension(msgspec.Struct, frozen=True):
    naam: str
    rwg: float | None  # rwg(J) when the dimension as a whole shows little agreement
    items: Listing  # statement text with its AD: "Tekst (AD 1,25)"


class PairRow(msgspec.Struct, frozen=True):
    tekst: str
    first: int
    second: int


class Pair(msgspec.Struct, frozen=True):
    """Two respondents: agreement figures mean little, so show where their answers differ."""

    names: tuple[str, str]
    rows: tuple[PairRow, ...]


class Gap(msgspec.Struct, frozen=True):
    dimensie: str  # the dimension's name, or a statement's text
    hoog: str
    hoog_score: float
    laag: str
    laag_score: float
    verschil: float
    # A balans item: the whole comparison in words (positions and poles, not scores); the
    # renderers show it as is instead of the two scores.
    posities: str | None = None


class Organisations(msgspec.Struct, frozen=True):
    columns: tuple[tuple[str, int], ...]  # (organisation, respondents)
    rows: tuple[tuple[str, tuple[float | None, ...]], ...]  # dimension name, score per column
    gaps: tuple[Gap, ...]  # dimensions
    statements: tuple[Gap, ...] = ()  # single statements, largest difference first
    notes: tuple[str, ...] = ()  # organisations without a column, and why


class WrittenEntry(msgspec.Struct, frozen=True):
    text: str  # as typed, line breaks kept
    names: str | None  # "Anna, Bram en Eva"; None when nobody gave a name


class Written(msgspec.Struct, frozen=True):
    kind: str  # "Open vraag" or "Toelichting bij de stelling"
    vraag: str
    entries: tuple[WrittenEntry, ...]


class Action(msgspec.Struct, frozen=True):
    advies: str
    tekst: str  # the weak spot it comes from


class PatternView(msgspec.Struct, frozen=True):
    """A named risk across the lenses that the answers show, with what a team can do."""

    naam: str
    uitleg: str
    kans: str
    cijfers: tuple[str, ...]  # the figures behind it, one short line each


class Patterns(msgspec.Struct, frozen=True):
    found: tuple[PatternView, ...]
    checked: tuple[str, ...]  # the names of every pattern the bank knows

    @property
    def none_found(self) -> str:
        names = ", ".join(n.lower() for n in self.checked)
        return f"Geen van de bekende patronen ({names}) is in deze antwoorden te zien."


class DimensionAdvice(msgspec.Struct, frozen=True):
    """A dimension in zorg: the model's advice for the dimension as a whole."""

    naam: str
    advies: str


class StartItem(msgspec.Struct, frozen=True):
    tekst: str
    score: float
    advies: str


class Start(msgspec.Struct, frozen=True):
    """A young partnership (no fase afgerond): where to begin, instead of every weak spot."""

    fase: str  # the first fase's name
    betekenis: str  # what that fase is about
    items: tuple[StartItem, ...]  # its most basic items, weakest first
    rest: int  # weak spots left for later

    @property
    def later(self) -> str:
        if not self.rest:
            return ""
        spots = "zwakke plek komt" if self.rest == 1 else "zwakke plekken komen"
        return f"De andere {self.rest} {spots} aan de beurt als deze fase staat."


class Lean(msgspec.Struct, frozen=True):
    """A balans item: where the team stands between the two poles."""

    tekst: str
    polen: tuple[str, str]
    positie: float  # mean raw answer 1–5, as shown
    neiging: str | None  # the words of the pole the team leans toward; None: in evenwicht
    n: int


class GroupView(msgspec.Struct, frozen=True):
    """One partnership in one round, as every report tells it."""

    header: Header
    dimensions: Dimensions
    ambition: Ambition | None
    phase: Phase
    weak_spots: WeakSpots  # zwakke plekken: zorg
    confusion: tuple[ConfusedDimension, ...] | None  # three or more respondents, else None
    pair: Pair | None  # exactly two respondents
    organisations: Organisations | None  # two or more organisations
    written: tuple[Written, ...]
    actions: tuple[Action, ...]
    patterns: Patterns | None = None  # None: the bank defines no patterns
    dimension_advice: tuple[DimensionAdvice, ...] = ()
    start: Start | None = None  # a young partnership: shown instead of the weak spots
    legend: tuple[str, ...] = ()  # one line per symbol or figure the report uses
    attention: WeakSpots = WeakSpots((), 0)  # aandachtspunten: aandacht
    leans: tuple[Lean, ...] = ()  # every answered balans item


class TrendRow(msgspec.Struct, frozen=True):
    naam: str
    vorige: float | None
    huidige: float | None
    verschil: float | None
    richting: str | None  # "omhoog", "omlaag" or None: below the threshold

    @property
    def change(self) -> str:
        """``"+0,35"`` or ``"+1,00 ▲ beter"``: an arrow only past the trend threshold."""
        change = "" if self.verschil is None else f"{self.verschil:+.2f}".replace(".", ",")
        return f"{change} {ARROWS.get(self.richting or '', '')}".strip()


class TrendView(msgspec.Struct, frozen=True):
    vorige: str | None  # round names as given
    huidige: str | None
    rows: tuple[TrendRow, ...]
    fase_toen: str
    fase_nu: str
    threshold: str  # "Een pijl staat alleen bij een verandering van 0,5 of meer."
    solved: Listing  # no longer a weak spot
    new: Listing  # new weak spots

    @property
    def same_phase(self) -> bool:
        return self.fase_toen == self.fase_nu


class SummaryRow(msgspec.Struct, frozen=True):
    partnerschap: str
    ronde: str | None
    n: int
    scores: tuple[float | None, ...]  # per dimension, bank order
    bands: tuple[Band | None, ...]  # per dimension, bank order
    fase: str
    worst: Band | None
