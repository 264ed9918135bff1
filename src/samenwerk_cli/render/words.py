"""How numbers, bands and phases read for a Dutch user, shared by the terminal and markdown."""

from __future__ import annotations

from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.scoring.results import Band, GroupResult

BAND_STYLE = {"sterk": "green", "aandacht": "yellow", "zorg": "bold red"}
BAND_SYMBOL = {"sterk": "●", "aandacht": "◐", "zorg": "○"}
BAND_ORDER = ("zorg", "aandacht", "sterk")
TOO_FEW = "te weinig antwoorden"
BAR_WIDTH = 16


def number(value: float | None, decimals: int = 2) -> str:
    """Dutch decimal comma; a dash for no value."""
    if value is None:
        return "–"
    return f"{value:.{decimals}f}".replace(".", ",")


def duration(minutes: int) -> str:
    """``"1 minuut"``, ``"25 minuten"``, ``"ruim 2 uur"``: a session's length as people say it."""
    if minutes < 90:
        return f"{minutes} {'minuut' if minutes == 1 else 'minuten'}"
    hours, rest = divmod(minutes, 60)
    if rest < 15:
        return f"ruim {hours} uur"
    if rest < 45:
        return f"{hours},5 uur" if hours > 1 else "anderhalf uur"
    return f"bijna {hours + 1} uur"


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def band_word(band: Band | None, score: float | None = 0.0) -> str:
    if band is None:
        return TOO_FEW if score is not None else "geen antwoorden"
    return band


def score_bar(score: float | None, width: int = BAR_WIDTH) -> str:
    """A bar from 1 to 5: filled up to the score, so it reads without colour too."""
    if score is None:
        return "·" * width
    filled = round((score - 1) / 4 * width)
    return "█" * filled + "·" * (width - filled)


def fase_name(bank: Bank, fase_id: str) -> str:
    for fase in bank.model.fases:
        if fase.id == fase_id:
            return fase.naam
    return fase_id


def worst_band(group: GroupResult) -> Band | None:
    bands = {d.band for d in group.dimensies if d.band is not None}
    return next((b for b in BAND_ORDER if b in bands), None)


def skipped_text(bank: Bank, fase_id: str) -> str:
    """Why a skipped phase matters, in the terminal and in the report alike."""
    return (
        f"De fase {fase_name(bank, fase_id)} scoort laag, terwijl een latere fase al afgerond"
        " lijkt. Ga terug naar die fase: wat daar ontbreekt, komt later terug."
    )


def ahead_text(group: GroupResult, bank: Bank) -> str | None:
    """Respondents who place the partnership well ahead of what the answers show."""
    fase = group.fase
    if not fase.vooruit:
        return None
    ahead = " of ".join(fase_name(bank, f) for f in fase.vooruit)
    count = sum(fase.zelfbeeld.get(f, 0) for f in fase.vooruit)
    who = "Eén respondent denkt" if count == 1 else f"{count} respondenten denken"
    return (
        f"{who} dat jullie al in de fase {ahead} zitten, een flink stuk verder dan de antwoorden"
        " laten zien. Bespreek wat er nog nodig is om daar te komen."
    )


def far_apart(group: GroupResult, bank: Bank) -> tuple[list[str], list[Vraag]]:
    """With two respondents: their labels, and the statements where their answers differ 2 or more."""
    first, second = group.respondenten
    differ = [
        v
        for v in bank.scored
        if isinstance(a := first.antwoorden.get(v.id), int)
        and isinstance(b := second.antwoorden.get(v.id), int)
        and abs(a - b) >= 2
    ]
    names = [r.naam or r.organisatie or f"respondent {i}" for i, r in enumerate((first, second), 1)]
    return names, differ
