"""The group flow of ``reflect --group`` as pure logic: one typed line per item for the whole room.

Like :class:`samenwerk_cli.session.single.Session` it never touches the terminal: questions go to an
injected ``ask``, screens to ``show`` as plain events, and ``save`` receives every participant's
answers (one :class:`Antwoorden` each, in participant order) after every line. Ctrl-C and end of
input are exceptions from ``ask`` and pass through: by then every line typed is saved.

Decisions: the phase question is asked as a line too (each participant's own view of the phase,
as in a single session); an open item is shown for discussion and the facilitator may type a
one-line summary, saved for everyone; there is no review step, ``b`` goes back instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from samenwerk_cli.formats.answers import FASE_ONBEKEND, FORMAT, WEET_NIET, Antwoorden
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.formats.group_file import MIN_DEELNEMERS, Deelnemer
from samenwerk_cli.session.dialog import DimensionHeader, Nav, Notice, Question
from samenwerk_cli.session.engine import (
    Flow,
    Metadata,
    answer_label,
    estimate_minutes,
    first_unanswered,
    in_bank_order,
)
from samenwerk_cli.session.lines import (
    Back,
    Line,
    format_line,
    line_problem,
    parse_line,
    verdeling,
)

SECONDS_SCORED = 90  # a line, the distribution and a short conversation
SECONDS_OPEN = 300
BACK_HINT = "b = vorige"

# --- what the group session shows ---------------------------------------------------------------


@dataclass(frozen=True)
class GroupIntro:
    titel: str
    deelnemers: tuple[Deelnemer, ...]
    stellingen: int
    open: int
    minuten: int
    quick: bool


@dataclass(frozen=True)
class GroupResumed:
    partnerschap: str
    deelnemers: tuple[Deelnemer, ...]
    beantwoord: int
    totaal: int


@dataclass(frozen=True)
class Statement:
    """One item, shown large: the text, the scale or poles, and a help text for open items."""

    progress: str
    tekst: str
    schaal: tuple[str, ...] = ()
    uitleg: str = ""


@dataclass(frozen=True)
class Outcome:
    """The room's answers to one line: who chose what, the mean, and the "bespreken" mark."""

    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (label of a value, names who chose it)
    gemiddelde: float | None = None
    bespreken: str | None = None
    beoordeeld: bool = True  # False for the phase question: no mean, no mark


@dataclass(frozen=True)
class DiscussRow:
    nr: int
    tekst: str
    antwoorden: str  # "1×1 · 4×2 · 5×1"
    gemiddelde: float | None
    reden: str
    samenvatting: str


@dataclass(frozen=True)
class Closing:
    rows: tuple[DiscussRow, ...]  # the items marked "bespreken", in questionnaire order
    stellingen: int


GroupEvent = GroupIntro | GroupResumed | Statement | Outcome | Closing | DimensionHeader | Notice


def participants_of(files: Sequence[Antwoorden]) -> tuple[Deelnemer, ...]:
    """On resume the participants come from their files, in the files' order."""
    return tuple(
        Deelnemer(f.respondent or f"deelnemer {i}", f.organisatie, f.rol)
        for i, f in enumerate(files, 1)
    )


def names_list(deelnemers: Sequence[Deelnemer]) -> str:
    names = [d.naam for d in deelnemers]
    return ", ".join(names[:-1]) + f" en {names[-1]}" if len(names) > 1 else "".join(names)


class GroupSession(Flow):
    """A facilitator's run through the items with the room; :meth:`run` returns all answers."""

    def __init__(
        self,
        bank: Bank,
        ask: Callable[[Question], Any],
        show: Callable[[GroupEvent], None],
        save: Callable[[Sequence[Antwoorden]], None],
        *,
        deelnemers: Sequence[Deelnemer] = (),
        quick: bool = False,
        dimensions: Sequence[str] = (),
        given: Metadata | None = None,
        resume: Sequence[Antwoorden] | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(
            bank, ask, show, quick=quick, dimensions=dimensions, given=given, today=today
        )
        self.save_cb = save
        self.resume = list(resume) if resume is not None else None
        self.deelnemers = tuple(deelnemers) if resume is None else participants_of(resume)
        if len(self.deelnemers) < MIN_DEELNEMERS:
            raise ValueError(f"a group needs at least {MIN_DEELNEMERS} participants")
        self.files: list[Antwoorden] = self.resume or []

    def run(self) -> list[Antwoorden]:
        if self.resume is None:
            self.show(self._intro())
            self.files = self._metadata()
            self._save()
        else:
            done = first_unanswered_by_all(self.items, self.files)
            d = self.files[0]
            self.show(GroupResumed(d.partnerschap, self.deelnemers, done, len(self.items)))
        if any(f.fase is None for f in self.files):
            self._ask_fase()
        self._walk(first_unanswered_by_all(self.items, self.files))
        for f in self.files:
            f.compleet = True
        self._save()
        self.show(Closing(self.discussion_rows(), sum(v.scored for v in self.items)))
        return self.files

    # --- intro and metadata

    def _intro(self) -> GroupIntro:
        scored = sum(v.scored for v in self.items)
        return GroupIntro(
            self.bank.model.titel,
            self.deelnemers,
            scored,
            len(self.items) - scored,
            estimate_minutes(self.items, SECONDS_SCORED, SECONDS_OPEN),
            self.quick,
        )

    def _metadata(self) -> list[Antwoorden]:
        g = self.given
        partnerschap = self._partnership()
        ronde = g.ronde
        if ronde is None:
            ronde = self._text(
                "ronde", "Ronde", instruction="(bijvoorbeeld 2026-najaar; Enter = overslaan)"
            )
        return [
            Antwoorden(
                formaat=FORMAT,
                vragenlijst=self.bank.naam,
                versie=self.bank.versie,
                partnerschap=partnerschap,
                ronde=ronde.strip() or None,
                respondent=d.naam,
                organisatie=d.organisatie,
                rol=d.rol,
                datum=self.today,
            )
            for d in self.deelnemers
        ]

    # --- the phase question: each participant's own view, typed as a line

    def _ask_fase(self) -> None:
        fases = self.bank.model.fases
        ids = [f.id for f in fases]
        self.show(
            Statement(
                "Vooraf",
                "In welke fase zit de samenwerking volgens jou?",
                tuple(f"{i} · {f.naam}: {f.betekenis}" for i, f in enumerate(fases, 1)),
            )
        )
        known = [f.fase for f in self.files]
        default = ""
        if all(k is not None and (k == FASE_ONBEKEND or k in ids) for k in known):
            default = format_line([None if k == FASE_ONBEKEND else ids.index(k) + 1 for k in known])
        line = self._line("fase", len(fases), default, can_go_back=False, unknown=FASE_ONBEKEND)
        assert not isinstance(line, Back)
        for f, value in zip(self.files, line, strict=True):
            f.fase = FASE_ONBEKEND if value is None else ids[value - 1]
        self._save()
        labels = [f"{i} · {f.naam}" for i, f in enumerate(fases, 1)]
        self.show(self._outcome(line, labels, FASE_ONBEKEND, judged=False))

    # --- items

    def _walk(self, start: int) -> None:
        i = start
        while i < len(self.items):
            if self._item(i) is Nav.BACK:
                if i == 0:
                    self._ask_fase()
                else:
                    i -= 1
            else:
                i += 1

    def _item(self, i: int) -> Nav | None:
        v = self.items[i]
        self._header(v)
        if not v.scored:
            return self._open(i, v)
        scale = tuple(answer_label(self.bank, v, n) for n in range(1, 6))
        self.show(Statement(self._progress(i), v.tekst, scale))
        given = [f.antwoorden.get(v.id) for f in self.files]
        default = ""
        if all(a is not None for a in given):
            default = format_line([None if a == WEET_NIET else a for a in given])  # type: ignore[misc]
        line = self._line(f"item:{v.id}", 5, default, can_go_back=True)
        if isinstance(line, Back):
            return Nav.BACK
        for f, value in zip(self.files, line, strict=True):
            f.antwoorden[v.id] = WEET_NIET if value is None else value
        self._save()
        labels = list(scale)
        self.show(self._outcome(line, labels, self.bank.model.schaal.weet_niet, judged=True))
        self._summary(v)
        return None

    def _summary(self, v: Vraag) -> None:
        """The facilitator's one-line summary of the conversation, saved for every participant."""
        text = self._text(
            f"samenvatting:{v.id}",
            "Samenvatting van het gesprek",
            default=self.files[0].toelichting.get(v.id) or "",
            instruction="(optioneel, één regel; Enter = volgende)",
        ).strip()
        for f in self.files:
            if text:
                f.toelichting[v.id] = text
            else:
                f.toelichting.pop(v.id, None)
        self._save()

    def _open(self, i: int, v: Vraag) -> Nav | None:
        """An open item is a conversation: the facilitator may note its gist for everyone."""
        label = f"{self._progress(i)} · open vraag: bespreek het samen"
        self.show(Statement(label, v.tekst, (), v.uitleg.strip()))
        text = self._text(
            f"item:{v.id}",
            "Samenvatting van het gesprek",
            default=self.files[0].toelichting.get(v.id) or "",
            instruction=f"(optioneel, één regel; Enter = overslaan, {BACK_HINT})",
        ).strip()
        if text.lower() == "b":
            return Nav.BACK
        for f in self.files:
            f.toelichting[v.id] = text  # "" marks: asked and skipped, as in a single session
        self._save()
        return None

    def _outcome(self, line: Line, labels: list[str], unknown: str, judged: bool) -> Outcome:
        names = [d.naam for d in self.deelnemers]
        rows = [
            (label, tuple(n for n, a in zip(names, line, strict=True) if a == value))
            for value, label in enumerate(labels, 1)
        ]
        rows.append((unknown, tuple(n for n, a in zip(names, line, strict=True) if a is None)))
        if not judged:
            return Outcome(tuple(rows), beoordeeld=False)
        spread = verdeling(line, len(labels))
        return Outcome(tuple(rows), spread.gemiddelde, spread.bespreken)

    # --- the end

    def discussion_rows(self) -> tuple[DiscussRow, ...]:
        """The items whose answers call for a conversation, with the summary typed for them."""
        rows = []
        for nr, v in enumerate(self.items, 1):
            if not v.scored:
                continue
            given = [f.antwoorden.get(v.id) for f in self.files]
            line = tuple(a if isinstance(a, int) else None for a in given if a is not None)
            spread = verdeling(line)
            if spread.bespreken is None:
                continue
            counts = [f"{n}×{c}" for n, c in enumerate(spread.aantallen, 1) if c]
            if spread.weet_niet:
                counts.append(f"?×{spread.weet_niet}")
            rows.append(
                DiscussRow(
                    nr,
                    v.tekst,
                    " · ".join(counts),
                    spread.gemiddelde,
                    spread.bespreken,
                    self.files[0].toelichting.get(v.id) or "",
                )
            )
        return tuple(rows)

    # --- plumbing

    def _line(
        self, key: str, top: int, default: str, can_go_back: bool, unknown: str = WEET_NIET
    ) -> Line | Back:
        count = len(self.deelnemers)
        hint = f"(1–{top} · ? = {unknown}" + (f" · {BACK_HINT})" if can_go_back else ")")
        while True:
            text = self._text(
                key,
                f"Antwoorden van {names_list(self.deelnemers)}",
                default=default,
                instruction=hint,
                validate=lambda t: line_problem(t, count, top, can_go_back),
            )
            try:
                return parse_line(text, count, top, can_go_back)
            except ValueError as exc:  # only without a validating prompt, e.g. a scripted ask
                self.show(Notice(str(exc)))

    def _save(self) -> None:
        for f in self.files:
            in_bank_order(self.bank, f)
        self.save_cb(self.files)


def first_unanswered_by_all(items: Sequence[Vraag], files: Sequence[Antwoorden]) -> int:
    """Resume at the first item that not every participant has an answer to."""
    return min((first_unanswered(items, f) for f in files), default=0)
