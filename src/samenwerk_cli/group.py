"""The pure parts of a group session: who takes part, one typed line of scores, what it shows.

A facilitator types the answers of the whole room as one line (``4 5 2 ?``), in the order of the
participants. Everything here is plain logic without a terminal, so it is tested directly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import msgspec

from samenwerk_cli import yamlio
from samenwerk_cli.documents import convert, require_format
from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.teams import spans_midpoint

FORMAT = "samenwerk-groep/1"
MIN_DEELNEMERS = 2
UNKNOWN = "?"  # typed for "weet niet"
BACK = "b"  # typed alone: back to the previous item
BESPREKEN_VERSCHIL = 3  # max - min on the raw answers that always calls for a conversation

_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class Deelnemer:
    """One person in the room; ``naam`` may be a label (``P1``) when the group wants anonymity."""

    naam: str
    organisatie: str | None = None
    rol: str | None = None


@dataclass(frozen=True)
class Groep:
    deelnemers: tuple[Deelnemer, ...]
    partnerschap: str | None = None
    ronde: str | None = None


# --- who takes part -----------------------------------------------------------------------------


def _key(naam: str) -> str:
    return " ".join(naam.split()).casefold()


def _check_names(names: Sequence[str], where: Sequence[tuple[str | None, int | None]]) -> None:
    """Every participant needs a name, no name twice, and at least two people."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, (naam, (file, line)) in enumerate(zip(names, where, strict=True)):
        if not naam:
            problems.append(Problem(f"deelnemer {i + 1} heeft geen naam of label", file, line))
            continue
        if _key(naam) in seen:
            problems.append(
                Problem(
                    f"de naam '{naam}' komt twee keer voor (deelnemer {seen[_key(naam)] + 1} en "
                    f"{i + 1}); maak ze verschillend, bijvoorbeeld '{naam} 1' en '{naam} 2'",
                    file,
                    line,
                )
            )
        seen.setdefault(_key(naam), i)
    if problems:
        raise SamenwerkError(problems)


def parse_spec(text: str) -> tuple[Deelnemer, ...]:
    """``"Anna:Hogeschool Noord, Bram"`` -> participants; the organisation is optional."""
    deelnemers = []
    for part in text.split(","):
        if not part.strip():
            continue  # "Anna, Bram," : a trailing comma is harmless
        naam, _, org = part.partition(":")
        deelnemers.append(Deelnemer(" ".join(naam.split()), " ".join(org.split()) or None))
    if len(deelnemers) < MIN_DEELNEMERS:
        raise SamenwerkError(
            f"--group: een groep heeft minstens {MIN_DEELNEMERS} deelnemers, gescheiden door "
            'komma\'s, bijvoorbeeld --group "Anna:Hogeschool Noord, Bram:Basisschool De Linde"'
        )
    try:
        _check_names([d.naam for d in deelnemers], [(None, None)] * len(deelnemers))
    except SamenwerkError as exc:
        raise SamenwerkError([Problem(f"--group: {p.message}") for p in exc.problems]) from None
    return tuple(deelnemers)


class DeelnemerRegel(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    naam: str
    organisatie: str | None = None
    rol: str | None = None


class GroepBestand(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The group file of ``reflect --group-file``: who takes part, in the order of a line."""

    deelnemers: list[DeelnemerRegel]
    formaat: str = FORMAT
    partnerschap: str | None = None
    ronde: str | None = None


def _clean(text: str | None) -> str | None:
    return (" ".join(text.split()) or None) if text else None


def load_group_file(path: Path) -> Groep:
    """Read a group file (``deelnemers: [{naam, organisatie, rol}]``); errors name file and line."""
    doc = yamlio.load_file(path)
    require_format(doc, FORMAT)
    data = convert(doc, GroepBestand)
    if len(data.deelnemers) < MIN_DEELNEMERS:
        raise SamenwerkError(
            Problem(
                f"een groep heeft minstens {MIN_DEELNEMERS} deelnemers",
                doc.file,
                doc.line_of(("deelnemers",)),
                "deelnemers",
            )
        )
    names = [_clean(d.naam) or "" for d in data.deelnemers]
    _check_names(
        names, [(doc.file, doc.line_of(("deelnemers", i))) for i in range(len(data.deelnemers))]
    )
    deelnemers = tuple(
        Deelnemer(naam, _clean(d.organisatie), _clean(d.rol))
        for naam, d in zip(names, data.deelnemers, strict=True)
    )
    return Groep(deelnemers, _clean(data.partnerschap), _clean(data.ronde))


# --- one line of scores -------------------------------------------------------------------------


class Back:
    """The facilitator typed ``b``: back to the previous item."""


GO_BACK = Back()

Line = tuple[int | None, ...]  # one answer per participant; None = weet niet


def _tokens(text: str) -> list[str]:
    return [t for t in _SEPARATORS.split(text.strip()) if t]


def line_problem(text: str, count: int, top: int = 5, can_go_back: bool = True) -> str | None:
    """Why ``text`` is not a valid line of ``count`` answers 1..``top`` (Dutch), or None."""
    tokens = _tokens(text)
    expected = f"Typ {count} antwoorden (1–{top} of ?), gescheiden door spaties."
    if not tokens:
        return expected
    if [t.lower() for t in tokens] == [BACK]:
        return None if can_go_back else "Dit is de eerste vraag: verder terug kan niet."
    for token in tokens:
        if token.lower() == BACK:
            return "Typ b alleen, zonder antwoorden, om terug te gaan."
        if token != UNKNOWN and not (
            token.isascii() and token.isdigit() and 1 <= int(token) <= top
        ):
            shown = token if len(token) <= 12 else token[:11] + "…"
            return f"'{shown}' is geen antwoord: typ 1–{top}, of ? voor weet niet."
    if len(tokens) != count:
        return f"{len(tokens)} antwoorden getypt voor {count} deelnemers: typ er één per persoon."
    return None


def parse_line(text: str, count: int, top: int = 5, can_go_back: bool = True) -> Line | Back:
    """A validated line as answers, or :data:`GO_BACK`; raises ``ValueError`` with the reason."""
    problem = line_problem(text, count, top, can_go_back)
    if problem is not None:
        raise ValueError(problem)
    tokens = _tokens(text)
    if [t.lower() for t in tokens] == [BACK]:
        return GO_BACK
    return tuple(None if t == UNKNOWN else int(t) for t in tokens)


def format_line(line: Sequence[int | None]) -> str:
    """The inverse of :func:`parse_line`, used to prefill a line after going back."""
    return " ".join(UNKNOWN if v is None else str(v) for v in line)


# --- what the room sees after a line ------------------------------------------------------------


@dataclass(frozen=True)
class Verdeling:
    aantallen: tuple[int, ...]  # how many chose 1, 2, ..., top
    weet_niet: int
    gemiddelde: float | None  # mean of the raw answers, weet niet left out
    bespreken: str | None  # why the item needs a conversation, or None


def bespreken(raw: Sequence[int]) -> str | None:
    """The issue's rule on the raw answers: both sides of the midpoint, or 3 or more apart.

    On a 1–5 scale two answers 3 apart always lie on both sides of 3; the second test keeps the rule
    as stated should a bank ever use another midpoint.
    """
    if not raw:
        return None
    low, high = min(raw), max(raw)
    if spans_midpoint(raw):
        return f"antwoorden aan beide kanten van het midden (van {low} tot {high})"
    if high - low >= BESPREKEN_VERSCHIL:
        return f"antwoorden liggen {high - low} uit elkaar (van {low} tot {high})"
    return None


def verdeling(line: Sequence[int | None], top: int = 5) -> Verdeling:
    raw = [v for v in line if v is not None]
    counts = tuple(raw.count(n) for n in range(1, top + 1))
    mean = sum(raw) / len(raw) if raw else None
    return Verdeling(counts, len(line) - len(raw), mean, bespreken(raw))
