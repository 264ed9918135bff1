"""What the single and the group session share: the items of a run, and how they are asked.

Pure logic like the sessions themselves: questions go to an injected ``ask``, screens to ``show``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats.answers import WEET_NIET, Antwoorden
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.session.dialog import DimensionHeader, Question

SECONDS_SCORED = 15
SECONDS_OPEN = 45


@dataclass(frozen=True)
class Metadata:
    """Metadata given as flags; ``None`` means: ask for it."""

    partnerschap: str | None = None
    organisatie: str | None = None
    respondent: str | None = None
    rol: str | None = None
    ronde: str | None = None


# --- pure helpers -------------------------------------------------------------------------------


def select_items(bank: Bank, quick: bool = False, dimensions: Sequence[str] = ()) -> list[Vraag]:
    """The items of this run, in bank order; unknown dimension ids are an input error."""
    known = [d.id for d in bank.model.dimensies]
    unknown = [d for d in dimensions if d not in known]
    if unknown:
        raise SamenwerkError(
            f"onbekende dimensie {', '.join(repr(d) for d in unknown)} (kies uit {', '.join(known)})"
        )
    items = [
        v
        for v in bank.vragen
        if (not quick or v.kort) and (not dimensions or v.dimensie in dimensions)
    ]
    if not items:
        raise SamenwerkError("met deze keuze (--quick, --dimension) blijven er geen vragen over")
    return items


def estimate_minutes(
    items: Iterable[Vraag], scored: int = SECONDS_SCORED, open_: int = SECONDS_OPEN
) -> int:
    """Minutes for a run: ``scored`` and ``open_`` seconds per statement and per open item."""
    seconds = sum(scored if v.scored else open_ for v in items)
    return max(1, int(seconds / 60 + 0.5))


def is_answered(v: Vraag, data: Antwoorden) -> bool:
    """Scored: a value in ``antwoorden``; open: any text in ``toelichting``, "" meaning skipped."""
    if v.scored:
        return data.antwoorden.get(v.id) is not None
    return data.toelichting.get(v.id) is not None


def first_unanswered(items: Sequence[Vraag], data: Antwoorden) -> int:
    return next((i for i, v in enumerate(items) if not is_answered(v, data)), len(items))


def is_low(v: Vraag, answer: object) -> bool:
    """A low item score (1 or 2 after reversal; a balans answer at either pole)."""
    if not isinstance(answer, int) or isinstance(answer, bool):
        return False
    if v.soort == "balans":
        return answer in (1, 5)
    return (6 - answer if v.omgekeerd else answer) <= 2


def short_name(dim_id: str) -> str:
    return dim_id.replace("-", " ").capitalize()


def answer_label(bank: Bank, v: Vraag, answer: object) -> str:
    """The words for a stored answer, as in the choices."""
    if answer is None:
        return "—"
    if answer == WEET_NIET:
        return bank.model.schaal.weet_niet
    assert isinstance(answer, int)
    return f"{answer} · {scale_titles(bank, v)[answer - 1]}"


def scale_titles(bank: Bank, v: Vraag) -> list[str]:
    if v.soort == "balans" and v.polen:
        return [v.polen[0], "neigt naar 1", "in evenwicht", "neigt naar 5", v.polen[1]]
    return list(bank.model.schaal.labels)


def in_bank_order(bank: Bank, data: Antwoorden) -> None:
    """Sort answers and comments in bank order, so the saved file reads like the questionnaire."""
    order = {v.id: i for i, v in enumerate(bank.vragen)}

    def ordered(d: dict[str, Any]) -> dict[str, Any]:
        return dict(sorted(d.items(), key=lambda kv: order.get(kv[0], len(order))))

    data.antwoorden = ordered(data.antwoorden)
    data.toelichting = ordered(data.toelichting)


class Flow:
    """The base of the single and the group session.

    (:class:`~samenwerk_cli.session.single.Session`, :class:`~samenwerk_cli.session.group.GroupSession`)
    """

    def __init__(
        self,
        bank: Bank,
        ask: Callable[[Question], Any],
        show: Callable[[Any], None],
        *,
        quick: bool = False,
        dimensions: Sequence[str] = (),
        given: Metadata | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.bank = bank
        self.ask = ask
        self.show = show
        self.quick = quick
        self.items = select_items(bank, quick, dimensions)
        self.given = given or Metadata()
        self.today = today or dt.date.today()
        self._shown_dim: str | None = None

    def _progress(self, i: int) -> str:
        v = self.items[i]
        same = [j for j, w in enumerate(self.items) if w.dimensie == v.dimensie]
        return (
            f"{short_name(v.dimensie)} {same.index(i) + 1}/{len(same)}"
            f" · totaal {i + 1}/{len(self.items)}"
        )

    def _header(self, v: Vraag) -> None:
        """The dimension's name and core line, once, when the run enters a dimension."""
        if v.dimensie != self._shown_dim:
            dim = self.bank.dimensie(v.dimensie)
            self.show(DimensionHeader(dim.naam, dim.kern))
            self._shown_dim = v.dimensie

    def _partnership(self) -> str:
        """The partnership from the flags, or asked until given: a file needs one."""
        partnerschap = (self.given.partnerschap or "").strip()
        while not partnerschap:
            partnerschap = self._text(
                "partnerschap",
                "Naam van het partnerschap",
                instruction="(verplicht)",
                validate=lambda t: None if t.strip() else "Vul de naam van het partnerschap in.",
            ).strip()
        return partnerschap

    def _text(
        self,
        key: str,
        message: str,
        default: str = "",
        instruction: str | None = None,
        validate: Callable[[str], str | None] | None = None,
    ) -> str:
        answer = self.ask(Question(key, "text", message, (), default, instruction, validate))
        return str(answer or "")
