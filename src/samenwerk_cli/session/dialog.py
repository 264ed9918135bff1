"""The words between the session and the terminal: questions to ask, events to show.

Plain dataclasses, no prompt library: the session builds them, ``terminal.prompts`` turns questions
into questionary prompts, and ``terminal.screens`` shows the events with rich.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

BACK_TEXT = "<"  # typed in a text prompt: back to the previous item (a text prompt has no choices)


class Nav(Enum):
    """Answers that steer the flow instead of answering the item."""

    BACK = "vorige"
    HELP = "uitleg"
    FINISH = "afronden"
    CHANGE = "wijzigen"


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


@dataclass(frozen=True)
class Notice:
    text: str


Event = Intro | Resumed | DimensionHeader | Progress | Help | Review | Notice
