"""The ``reflect --group`` session: one typed line per item for the whole room.

One way of answering in the shared engine (:mod:`samenwerk_cli.session.engine`), which walks,
saves and resumes; ``save`` receives every participant's answers (one :class:`Antwoorden` each, in
participant order) after every line. This module says how the room answers: one line of scores,
then at once how the room answered, and a closing screen with what calls for a conversation.

Decisions: the phase question is asked as a line too (each participant's own view of the phase,
as in a single session); an open item is shown for discussion and the facilitator may type a
one-line summary, saved for everyone; there is no review step, ``v`` goes back instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from samenwerk_cli.formats.answers import FASE_ONBEKEND, WEET_NIET, Antwoorden
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.formats.group_file import MIN_DEELNEMERS, Deelnemer
from samenwerk_cli.formats.names import sentence_list
from samenwerk_cli.session.dialog import (
    BACK_HINT,
    DimensionHeader,
    Nav,
    Notice,
    Question,
    stray_keys,
)
from samenwerk_cli.session.engine import (
    Engine,
    Metadata,
    answer_label,
    estimate_minutes,
    first_unanswered_by_all,
)
from samenwerk_cli.session.lines import (
    GO_BACK,
    Back,
    Line,
    format_line,
    line_problem,
    parse_line,
    positions,
    verdeling,
)

SECONDS_SCORED = 90  # a line, the distribution and a short conversation
SECONDS_OPEN = 300
EXAMPLE = (4, 5, 2, 3, 4, 3, 5, 2, 4)

# --- what the group session shows ---------------------------------------------------------------


@dataclass(frozen=True)
class GroupIntro:
    titel: str
    deelnemers: tuple[Deelnemer, ...]
    stellingen: int
    open: int
    minuten: int
    quick: bool

    @property
    def voorbeeld(self) -> str:
        """An example line with one answer per participant: '4 5 2' for three people."""
        return " ".join(str(EXAMPLE[i % len(EXAMPLE)]) for i in range(len(self.deelnemers)))


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
    cijfers: int = 0  # how many gave a number (not "weet niet")
    posities: str | None = None  # a balans item: where the room stands, instead of a mean


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
    return sentence_list(names)


class GroupSession:
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
        room = tuple(deelnemers) if resume is None else participants_of(resume)
        if len(room) < MIN_DEELNEMERS:
            raise ValueError(f"a group needs at least {MIN_DEELNEMERS} participants")
        self.engine = Engine(
            bank,
            ask,
            show,
            save,
            Group(room),
            quick=quick,
            dimensions=dimensions,
            given=given,
            resume=resume,
            today=today,
        )

    @property
    def files(self) -> list[Antwoorden]:
        return self.engine.files

    def run(self) -> list[Antwoorden]:
        return self.engine.run()


class Group:
    """How a room answers: the :class:`~samenwerk_cli.session.engine.Mode` of a GroupSession."""

    fase_in_metadata = False  # the phase is typed as a line, like the items, whenever it is missing

    def __init__(self, deelnemers: tuple[Deelnemer, ...]) -> None:
        self.deelnemers = deelnemers

    # --- start and resume

    def start(self, run: Engine) -> list[Antwoorden]:
        scored = sum(v.scored for v in run.items)
        run.show(
            GroupIntro(
                run.bank.model.titel,
                self.deelnemers,
                scored,
                len(run.items) - scored,
                estimate_minutes(run.items, SECONDS_SCORED, SECONDS_OPEN),
                run.quick,
            )
        )
        partnerschap = run.partnership()
        ronde = run.given.ronde
        if ronde is None:
            ronde = run.text(
                "ronde", "Ronde", instruction="(bijvoorbeeld 2026-najaar; Enter = overslaan)"
            )
        return [
            run.new_file(
                partnerschap,
                ronde=ronde.strip() or None,
                respondent=d.naam,
                organisatie=d.organisatie,
                rol=d.rol,
            )
            for d in self.deelnemers
        ]

    def resumed(self, run: Engine) -> None:
        done = first_unanswered_by_all(run.items, run.files)
        partnerschap = run.files[0].partnerschap
        run.show(GroupResumed(partnerschap, self.deelnemers, done, len(run.items)))

    # --- the phase question: each participant's own view, typed as a line

    def ask_fase(self, run: Engine) -> None:
        fases = run.bank.model.fases
        ids = [f.id for f in fases]
        run.show(
            Statement(
                "Vooraf",
                "In welke fase zit de samenwerking volgens jou?",
                tuple(f"{i} · {f.naam}: {f.betekenis}" for i, f in enumerate(fases, 1)),
            )
        )
        known = [f.fase for f in run.files]
        default = ""
        if all(k is not None and (k == FASE_ONBEKEND or k in ids) for k in known):
            default = format_line([None if k == FASE_ONBEKEND else ids.index(k) + 1 for k in known])
        line = self._line(
            run, "fase", len(fases), default, can_go_back=False, unknown=FASE_ONBEKEND
        )
        assert not isinstance(line, Back)
        for f, value in zip(run.files, line, strict=True):
            f.fase = FASE_ONBEKEND if value is None else ids[value - 1]
        run.save()
        labels = [f"{i} · {f.naam}" for i, f in enumerate(fases, 1)]
        run.show(self._outcome(line, labels, FASE_ONBEKEND, judged=False))

    # --- items

    def item(self, run: Engine, i: int, back: str | None) -> Nav | None:
        v = run.items[i]
        if not v.scored:
            return self._open(run, i, v, back)
        scale = tuple(answer_label(run.bank, v, n) for n in range(1, 6))
        run.show(Statement(run.progress(i), v.tekst, scale))
        while True:
            given = [f.antwoorden.get(v.id) for f in run.files]
            default = ""
            if all(a is not None for a in given):
                default = format_line([None if a == WEET_NIET else a for a in given])  # type: ignore[misc]
            line = self._line(run, f"item:{v.id}", 5, default, can_go_back=back is not None)
            if isinstance(line, Back):
                return Nav.BACK
            for f, value in zip(run.files, line, strict=True):
                f.antwoorden[v.id] = WEET_NIET if value is None else value
            run.save()
            labels = list(scale)
            outcome = self._outcome(line, labels, run.bank.model.schaal.weet_niet, judged=True)
            if v.soort == "balans" and v.polen:
                outcome = replace(outcome, posities=positions(line, v.polen))
            run.show(outcome)
            if self._summary(run, v) is not Nav.BACK:
                return None
            run.show(Statement(run.progress(i), v.tekst, scale))  # back: this item's line again

    def _summary(self, run: Engine, v: Vraag) -> Nav | None:
        """The facilitator's one-line summary of the conversation, saved for every participant;
        back returns to this item's line."""
        text = run.text_or_back(
            f"samenvatting:{v.id}",
            "Samenvatting van het gesprek",
            default=run.files[0].toelichting.get(v.id) or "",
            instruction=f"(optioneel, één regel; Enter = volgende; {BACK_HINT})",
            validate=stray_keys,
        )
        if text is Nav.BACK:
            return Nav.BACK
        assert isinstance(text, str)
        for f in run.files:
            if text.strip():
                f.toelichting[v.id] = text.strip()
            else:
                f.toelichting.pop(v.id, None)
        run.save()
        return None

    def _open(self, run: Engine, i: int, v: Vraag, back: str | None) -> Nav | None:
        """An open item is a conversation: the facilitator may note its gist for everyone."""
        label = f"{run.progress(i)} · open vraag: bespreek het samen"
        run.show(Statement(label, v.tekst, (), v.uitleg.strip()))
        ask = run.text_or_back if back else run.text
        text = ask(
            f"item:{v.id}",
            "Samenvatting van het gesprek",
            default=run.files[0].toelichting.get(v.id) or "",
            instruction="(optioneel, één regel; Enter = overslaan"
            + (f"; {BACK_HINT})" if back else ")"),
            validate=stray_keys,
        )
        if text is Nav.BACK:
            return Nav.BACK
        assert isinstance(text, str)
        for f in run.files:
            f.toelichting[v.id] = (
                text.strip()
            )  # "" marks: asked and skipped, as in a single session
        run.save()
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
        given = len(line) - spread.weet_niet
        return Outcome(tuple(rows), spread.gemiddelde, spread.bespreken, cijfers=given)

    def _line(
        self,
        run: Engine,
        key: str,
        top: int,
        default: str,
        can_go_back: bool,
        unknown: str = WEET_NIET,
    ) -> Line | Back:
        count = len(self.deelnemers)
        hint = f"(1–{top} · ? = {unknown}" + (f" · {BACK_HINT})" if can_go_back else ")")
        ask = run.text_or_back if can_go_back else run.text
        while True:
            text = ask(
                key,
                f"Antwoorden van {names_list(self.deelnemers)}",
                default=default,
                instruction=hint,
                validate=lambda t: line_problem(t, count, top, can_go_back),
            )
            if text is Nav.BACK:
                return GO_BACK
            assert isinstance(text, str)
            try:
                return parse_line(text, count, top, can_go_back)
            except ValueError as exc:  # only without a validating prompt, e.g. a scripted ask
                run.show(Notice(str(exc)))

    # --- the end: no review (``v`` goes back instead), a closing screen for the conversation

    def review(self, run: Engine) -> None:
        """None: the room has seen every outcome, and ``v`` went back where needed."""

    def close(self, run: Engine) -> None:
        run.show(Closing(discussion_rows(run), sum(v.scored for v in run.items)))


def discussion_rows(run: Engine) -> tuple[DiscussRow, ...]:
    """The items whose answers call for a conversation, with the summary typed for them."""
    rows = []
    for nr, v in enumerate(run.items, 1):
        if not v.scored:
            continue
        given = [f.antwoorden.get(v.id) for f in run.files]
        line = tuple(a if isinstance(a, int) else None for a in given if a is not None)
        spread = verdeling(line)
        if spread.bespreken is None:
            continue
        counts = [f"{n}×{c}" for n, c in enumerate(spread.aantallen, 1) if c]
        if spread.weet_niet:
            counts.append(f"?×{spread.weet_niet}")
        summary = run.files[0].toelichting.get(v.id) or ""
        rows.append(
            DiscussRow(
                nr,
                v.tekst,
                " · ".join(counts),
                None if v.soort == "balans" else spread.gemiddelde,  # 1 and 5 are no balance
                spread.bespreken,
                summary,
            )
        )
    return tuple(rows)
