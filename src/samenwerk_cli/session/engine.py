"""One session engine for the single and the group session: the walk, the saving, the resume.

A single respondent and a facilitator with a room differ only in how they answer: the metadata they
give, how one item is asked, what they see at the start and the end. Everything else is the same
walk and lives here once: the phase question before the first item and ``back`` from the first item
to it, a save after every answer, resuming at the first unanswered item, the dimension headers and
the progress label, and marking the files complete at the end. A :class:`Mode` supplies the
answering; the engine decides when. Both modes work on a list of answer files, one for a single
respondent, so the engine never asks which mode it runs.

Pure logic: questions go to an injected ``ask``, screens to ``show``, every file to ``save``.
Ctrl-C and end of input are exceptions from ``ask``; they pass through untouched, because by then
every answer given is already saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats.answers import FORMAT, WEET_NIET, Antwoorden, scan_of
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.formats.clean import visible
from samenwerk_cli.formats.names import dimension_label, dimension_short
from samenwerk_cli.session.dialog import DimensionHeader, Nav, Notice, Question, is_back

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


def first_unanswered_by_all(items: Sequence[Vraag], files: Sequence[Antwoorden]) -> int:
    """Resume at the first item that not every file has an answer to."""
    return min((first_unanswered(items, f) for f in files), default=0)


BACK_LABEL = "← vorige vraag"


class Mode(Protocol):
    """One way of answering: what the engine asks of the single and of the group session.

    Each method gets the running :class:`Engine` for its questions, screens and saves. A mode
    stores what was answered in ``run.files`` and calls ``run.save()`` after every answer.
    """

    fase_in_metadata: bool
    """True: the phase is part of the metadata, asked once on a new run and kept on resume like
    the rest of a file's metadata; ``back`` reaches it only in the run that asked it. False: the
    phase is the step before the first item, asked whenever a file lacks it, always reachable."""

    def start(self, run: Engine) -> list[Antwoorden]:
        """A new run: show what is coming, ask the metadata, return the (unsaved) new files."""

    def resumed(self, run: Engine) -> None:
        """A resumed run: show where we are; what it adds to the files' metadata it saves."""

    def ask_fase(self, run: Engine) -> None:
        """Ask the phase question, store and save the answer."""

    def item(self, run: Engine, i: int, back: str | None) -> Nav | None:
        """Ask item ``i``, store and save it; :attr:`Nav.BACK` when ``back`` (a label) was chosen."""

    def review(self, run: Engine) -> None:
        """The last look before the files are marked complete."""

    def close(self, run: Engine) -> None:
        """What to show once the files are saved complete."""


def continued_scan(
    files: Sequence[Antwoorden], quick: bool, dimensions: Sequence[str]
) -> tuple[bool, list[str], list[str]]:
    """For ``--resume``: the scan to go on with (:func:`resumed_scan`) and the warning, if any,
    that the flags change the scan the files record (:func:`scan_changed`)."""
    changed = scan_changed(files, quick, dimensions)
    return (*resumed_scan(files, quick, dimensions), [changed] if changed else [])


def resumed_scan(
    files: Sequence[Antwoorden], quick: bool, dimensions: Sequence[str]
) -> tuple[bool, list[str]]:
    """``--resume`` without ``--quick`` or ``--dimension`` continues the scan the files record;
    with either flag, the flags choose (and the files then record that scan)."""
    if quick or dimensions:
        return quick, list(dimensions)
    scan = next((f.scan for f in files if f.scan is not None), None)
    if scan is None:
        return False, []
    return scan.quick, list(scan.dimensies)


def scan_changed(files: Sequence[Antwoorden], quick: bool, dimensions: Sequence[str]) -> str | None:
    """A warning when ``--quick`` or ``--dimension`` on ``--resume`` changes the scan the files
    record (the files then record the new one), or None when nothing changes."""
    scan = next((f.scan for f in files if f.scan is not None), None)
    if scan is None or not (quick or dimensions):
        return None
    if scan.quick == quick and sorted(scan.dimensies) == sorted(dimensions):
        return None

    def said(kort: bool, dims: Sequence[str]) -> str:
        what = "de korte scan" if kort else "de volledige vragenlijst"
        return what + (f" van {', '.join(dims)}" if dims else "")

    return (
        f"dit bestand had {said(scan.quick, scan.dimensies)}; je gaat verder met "
        f"{said(quick, dimensions)} (zonder --quick of --dimension ga je verder zoals het was)"
    )


class Engine:
    """The walk through the run's items that both sessions share; :meth:`run` returns the files."""

    def __init__(
        self,
        bank: Bank,
        ask: Callable[[Question], Any],
        show: Callable[[Any], None],
        save: Callable[[list[Antwoorden]], None],
        mode: Mode,
        *,
        quick: bool = False,
        dimensions: Sequence[str] = (),
        given: Metadata | None = None,
        resume: Sequence[Antwoorden] | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.bank = bank
        self.ask = ask
        self.show = show
        self.save_cb = save
        self.mode = mode
        self.quick = quick
        self.scan = scan_of(quick, list(dimensions))
        self.items = select_items(bank, quick, dimensions)
        self.given = given or Metadata()
        self.today = today or dt.date.today()
        self.resuming = resume is not None
        self.files: list[Antwoorden] = list(resume or ())
        self.fase_asked = False
        self._shown_dim: str | None = None

    def record_scan(self) -> None:
        """Each file records what this run asks; its first save writes it."""
        for f in self.files:
            f.scan = self.scan

    def run(self) -> list[Antwoorden]:
        mode = self.mode
        if self.resuming:
            self.record_scan()
            mode.resumed(self)
        else:
            self.files = mode.start(self)
            self.record_scan()
            if mode.fase_in_metadata:
                self.ask_fase()  # its save is the first: a file is never kept without its phase
            else:
                self.save()
        if not mode.fase_in_metadata and any(f.fase is None for f in self.files):
            self.ask_fase()
        self.walk(first_unanswered_by_all(self.items, self.files))
        mode.review(self)
        for f in self.files:
            f.compleet = True
        self.save()
        mode.close(self)
        return self.files

    def ask_fase(self) -> None:
        self.mode.ask_fase(self)
        self.fase_asked = True

    def walk(self, start: int) -> None:
        """Items from ``start`` to the end; ``back`` steps to the previous item or the phase."""
        i = start
        while i < len(self.items):
            can_go_back = i > 0 or self.fase_asked or not self.mode.fase_in_metadata
            if self.item(i, BACK_LABEL if can_go_back else None) is Nav.BACK:
                if i == 0:
                    self.ask_fase()
                else:
                    i -= 1
            else:
                i += 1

    def item(self, i: int, back: str | None, headers: bool = True) -> Nav | None:
        if headers:
            self._header(self.items[i])
        return self.mode.item(self, i, back)

    def save(self) -> None:
        for f in self.files:
            in_bank_order(self.bank, f)
        self.save_cb(self.files)

    # --- what both modes use

    def progress(self, i: int) -> str:
        """``Ambitie 3/12 · totaal 15/58``: where item ``i`` stands in its dimension and the run."""
        v = self.items[i]
        same = [j for j, w in enumerate(self.items) if w.dimensie == v.dimensie]
        return (
            f"{dimension_short(v.dimensie)} {same.index(i) + 1}/{len(same)}"
            f" · totaal {i + 1}/{len(self.items)}"
        )

    def _header(self, v: Vraag) -> None:
        """The dimension's name and core line, once, when the run enters a dimension."""
        if v.dimensie != self._shown_dim:
            dim = self.bank.dimensie(v.dimensie)
            self.show(DimensionHeader(dimension_label(dim.id, dim.naam), dim.kern))
            self._shown_dim = v.dimensie

    def new_file(
        self,
        partnerschap: str,
        *,
        organisatie: str | None = None,
        respondent: str | None = None,
        rol: str | None = None,
        ronde: str | None = None,
    ) -> Antwoorden:
        """An empty answer file for this bank, dated today."""
        return Antwoorden(
            formaat=FORMAT,
            vragenlijst=self.bank.naam,
            versie=self.bank.versie,
            partnerschap=partnerschap,
            organisatie=organisatie,
            respondent=respondent,
            rol=rol,
            ronde=ronde,
            datum=self.today,
        )

    def partnership(self) -> str:
        """The partnership from the flags, or asked until given: a file needs one."""
        partnerschap = (self.given.partnerschap or "").strip()
        while not partnerschap:
            partnerschap = self.text(
                "partnerschap",
                "Naam van het partnerschap",
                instruction="(verplicht)",
                validate=lambda t: None if t.strip() else "Vul de naam van het partnerschap in.",
            ).strip()
        return partnerschap

    def text(
        self,
        key: str,
        message: str,
        default: str = "",
        instruction: str | None = None,
        validate: Callable[[str], str | None] | None = None,
    ) -> str:
        answer = self._text(Question(key, "text", message, (), default, instruction, validate))
        assert isinstance(answer, str)
        return answer

    def text_or_back(
        self,
        key: str,
        message: str,
        default: str = "",
        instruction: str | None = None,
        validate: Callable[[str], str | None] | None = None,
    ) -> str | Nav:
        """A text in which ``v`` alone (or ← at the start of the line) means back."""
        question = Question(key, "text", message, (), default, instruction, validate, back=True)
        return self._text(question)

    def _text(self, question: Question) -> str | Nav:
        """Asked again, with the reason, while the validator refuses: a real prompt refuses as
        the user types, a scripted ``ask`` gets here."""
        while True:
            answer = self.ask(question)
            if is_back(question, answer):
                return Nav.BACK
            # A pasted control character (an escape sequence) is kept visibly, as in a file.
            text = visible(str(answer or ""), keep_lines=True)
            problem = question.validate(text) if question.validate else None
            if problem is None:
                return text
            self.show(Notice(problem))
