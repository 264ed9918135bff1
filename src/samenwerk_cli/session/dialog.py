"""The words between the session and the terminal: questions to ask, events to show.

Plain dataclasses, no prompt library: the session builds them, ``terminal.prompts`` turns questions
into questionary prompts, and ``terminal.screens`` shows the events with rich.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

BACK_KEY = "v"  # "vorige": the one key for back, in every prompt (and the left arrow)
BACK_HINT = f"{BACK_KEY} of ← = vorige"  # said the same way in every hint and intro screen


class Nav(Enum):
    """Answers that steer the flow instead of answering the item."""

    BACK = "vorige"
    HELP = "uitleg"
    FINISH = "afronden"
    CHANGE = "wijzigen"
    COMMENT = "toelichting"
    NEXT_PAGE = "volgende bladzijde"
    PREVIOUS_PAGE = "vorige bladzijde"


@dataclass(frozen=True)
class Choice:
    title: str
    value: Any = None
    key: str | None = None  # shortcut key shown as "3) ..."
    separator: bool = False


SEPARATOR = Choice("", separator=True)


@dataclass(frozen=True)
class Question:
    """What to ask, independent of any prompt library. ``key`` names it for tests and logs."""

    key: str
    kind: Literal["select", "text"]
    message: str
    choices: tuple[Choice, ...] = ()
    default: Any = None
    instruction: str | None = None
    validate: Callable[[str], str | None] | None = field(default=None, compare=False)
    back: bool = False  # a text prompt: ``v`` alone, or ← at the start of the line, means back


def is_back(question: Question, answer: Any) -> bool:
    """Whether ``answer`` to a text ``question`` that allows back asks to go back."""
    if not question.back:
        return False
    return answer is Nav.BACK or (isinstance(answer, str) and answer.strip().lower() == BACK_KEY)


def stray_keys(text: str) -> str | None:
    """Digits only, or one character, where a sentence is asked: almost surely a stray key (the
    next answer typed too early, or an old back key), never worth keeping as a comment."""
    text = text.strip()
    if text and (len(text) == 1 or all(c.isdigit() or c.isspace() for c in text)):
        shown = text if len(text) <= 12 else text[:11] + "…"
        return (
            f"'{shown}' lijkt een losse toets, geen tekst: typ een zin, "
            "of maak de regel leeg en druk op Enter."
        )
    return None


# --- what the session shows -------------------------------------------------------------------


@dataclass(frozen=True)
class Intro:
    titel: str
    dimensies: tuple[tuple[str, str], ...]  # (naam, kern) of the dimensions in this run
    stellingen: int
    open: int
    minuten: int
    quick: bool


@dataclass(frozen=True)
class Resumed:
    partnerschap: str
    respondent: str | None
    beantwoord: int
    totaal: int
    compleet: bool


@dataclass(frozen=True)
class DimensionHeader:
    naam: str
    kern: str


@dataclass(frozen=True)
class Progress:
    label: str  # "Ambitie 3/12 · totaal 15/58"


@dataclass(frozen=True)
class Help:
    text: str


@dataclass(frozen=True)
class ReviewRow:
    nr: int
    dimensie: str
    vraag: str
    antwoord: str
    toelichting: str


@dataclass(frozen=True)
class Review:
    rows: tuple[ReviewRow, ...]
    page: int = 1
    pages: int = 1


@dataclass(frozen=True)
class Notice:
    text: str


@dataclass(frozen=True)
class Legend:
    """Names and what each means, shown above a prompt whose choices are the names alone: a
    prompt cannot wrap a long choice, the screen above it can."""

    title: str
    rows: tuple[tuple[str, str], ...]  # (name, meaning)


Event = Intro | Resumed | DimensionHeader | Progress | Help | Review | Notice | Legend
