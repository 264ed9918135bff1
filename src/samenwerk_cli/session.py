"""The ``reflect`` flow as pure logic: what to ask, in which order, and what to save.

The session never touches the terminal. It hands plain :class:`Question` objects to an injected
``ask`` callable and plain event objects (:class:`Intro`, :class:`Progress`, ...) to ``show``, and
calls ``save`` after every answer, so the whole flow can be tested with a scripted fake ``ask``.
Ctrl-C and end of input are exceptions from ``ask``; they pass through untouched, because by then
every answer given is already saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from samenwerk_cli.answers import FASE_ONBEKEND, FORMAT, WEET_NIET, Antwoorden
from samenwerk_cli.bank import Bank, Vraag
from samenwerk_cli.dialog import (
    BACK_TEXT,
    SEPARATOR,
    Choice,
    DimensionHeader,
    Event,
    Help,
    Intro,
    Nav,
    Notice,
    Progress,
    Question,
    Resumed,
    Review,
    ReviewRow,
)
from samenwerk_cli.errors import SamenwerkError

SECONDS_SCORED = 15
SECONDS_OPEN = 45
SELECT_HINT = "(cijfer of ↑↓, dan Enter)"


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


def estimate_minutes(items: Iterable[Vraag]) -> int:
    seconds = sum(SECONDS_SCORED if v.scored else SECONDS_OPEN for v in items)
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
    return f"{answer} · {_scale_titles(bank, v)[answer - 1]}"


def _scale_titles(bank: Bank, v: Vraag) -> list[str]:
    if v.soort == "balans" and v.polen:
        return [v.polen[0], "neigt naar 1", "in evenwicht", "neigt naar 5", v.polen[1]]
    return list(bank.model.schaal.labels)


# --- the session --------------------------------------------------------------------------------


class Session:
    """One respondent's run through the questions; :meth:`run` returns the completed answers."""

    def __init__(
        self,
        bank: Bank,
        ask: Callable[[Question], Any],
        show: Callable[[Event], None],
        save: Callable[[Antwoorden], None],
        *,
        quick: bool = False,
        dimensions: Sequence[str] = (),
        given: Metadata | None = None,
        resume: Antwoorden | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.bank = bank
        self.ask = ask
        self.show = show
        self.save_cb = save
        self.quick = quick
        self.items = select_items(bank, quick, dimensions)
        self.given = given or Metadata()
        self.resume = resume
        self.today = today or dt.date.today()
        self.data: Antwoorden | None = resume
        self._fase_asked = False
        self._shown_dim: str | None = None

    def run(self) -> Antwoorden:
        if self.resume is None:
            self.show(self._intro())
            self.data = self._metadata()
        else:
            self.data = self.resume
            self._fill_missing_metadata(self.data)
            d, done = self.data, sum(is_answered(v, self.data) for v in self.items)
            self.show(Resumed(d.partnerschap, d.respondent, done, len(self.items), d.compleet))
        self._save()
        self._walk(first_unanswered(self.items, self.data))
        self._review()
        self.data.compleet = True
        self._save()
        return self.data

    # --- intro and metadata

    def _intro(self) -> Intro:
        dims = {v.dimensie for v in self.items}
        return Intro(
            self.bank.model.titel,
            tuple((d.naam, d.kern) for d in self.bank.model.dimensies if d.id in dims),
            sum(v.scored for v in self.items),
            sum(not v.scored for v in self.items),
            estimate_minutes(self.items),
            self.quick,
        )

    def _metadata(self) -> Antwoorden:
        g = self.given
        partnerschap = g.partnerschap.strip() if g.partnerschap else ""
        while not partnerschap:
            partnerschap = self._text(
                "partnerschap",
                "Naam van het partnerschap",
                instruction="(verplicht)",
                validate=lambda t: None if t.strip() else "Vul de naam van het partnerschap in.",
            ).strip()

        def optional(key: str, value: str | None, message: str, instruction: str) -> str | None:
            if value is None:
                value = self._text(key, message, instruction=instruction)
            return value.strip() or None

        data = Antwoorden(
            formaat=FORMAT,
            vragenlijst=self.bank.naam,
            versie=self.bank.versie,
            partnerschap=partnerschap,
            organisatie=optional(
                "organisatie", g.organisatie, "Je organisatie", "(Enter = overslaan)"
            ),
            respondent=optional(
                "respondent", g.respondent, "Je naam", "(leeg laten = anoniem meedoen)"
            ),
            rol=optional("rol", g.rol, "Je rol in de samenwerking", "(Enter = overslaan)"),
            ronde=optional(
                "ronde", g.ronde, "Ronde", "(bijvoorbeeld 2026-najaar; Enter = overslaan)"
            ),
            datum=self.today,
        )
        self.data = data
        self._ask_fase()
        return data

    def _fill_missing_metadata(self, data: Antwoorden) -> None:
        """On resume the file's metadata is kept; flags only fill what the file lacks."""
        for name in ("organisatie", "respondent", "rol", "ronde"):
            flag = getattr(self.given, name)
            if getattr(data, name) is None and flag and flag.strip():
                setattr(data, name, flag.strip())
        if data.datum is None:
            data.datum = self.today

    def _ask_fase(self) -> None:
        assert self.data is not None
        fases = self.bank.model.fases
        choices = [Choice(f"{f.naam} — {f.betekenis}", f.id, _key(i)) for i, f in enumerate(fases)]
        choices.append(Choice(FASE_ONBEKEND, FASE_ONBEKEND, _key(len(fases))))
        answer = self._select(
            "fase",
            "In welke fase zit de samenwerking volgens jou?",
            choices,
            default=self.data.fase,
        )
        self.data.fase = answer
        self._fase_asked = True

    # --- items

    def _walk(self, start: int) -> None:
        i = start
        while i < len(self.items):
            back = "← vorige vraag" if i > 0 or self._fase_asked else None
            if self._item(i, back) is Nav.BACK:
                if i == 0:
                    self._ask_fase()
                    self._save()
                else:
                    i -= 1
            else:
                i += 1

    def _progress(self, i: int) -> str:
        v = self.items[i]
        same = [j for j, w in enumerate(self.items) if w.dimensie == v.dimensie]
        return (
            f"{short_name(v.dimensie)} {same.index(i) + 1}/{len(same)}"
            f" · totaal {i + 1}/{len(self.items)}"
        )

    def _item(self, i: int, back: str | None, headers: bool = True) -> Nav | None:
        """Ask item ``i``; returns :attr:`Nav.BACK` when the user chose the back option."""
        v = self.items[i]
        if headers and v.dimensie != self._shown_dim:
            dim = self.bank.dimensie(v.dimensie)
            self.show(DimensionHeader(dim.naam, dim.kern))
            self._shown_dim = v.dimensie
        self.show(Progress(self._progress(i)))
        if v.scored:
            return self._scored(v, back)
        return self._open(v, back)

    def _scored(self, v: Vraag, back: str | None) -> Nav | None:
        assert self.data is not None
        titles = _scale_titles(self.bank, v)
        offer_help = bool(v.uitleg.strip())
        while True:
            choices = [Choice(t, n, str(n)) for n, t in enumerate(titles, 1)]
            choices.append(Choice(self.bank.model.schaal.weet_niet, WEET_NIET, "6"))
            if offer_help or back:
                choices.append(SEPARATOR)
            if offer_help:
                choices.append(Choice("uitleg bij deze vraag", Nav.HELP, "u"))
            if back:
                choices.append(Choice(back, Nav.BACK, "v"))
            answer = self._select(
                f"item:{v.id}", v.tekst, choices, default=self.data.antwoorden.get(v.id)
            )
            if answer is Nav.HELP:
                self.show(Help(v.uitleg.strip()))
                offer_help = False
                continue
            if answer is Nav.BACK:
                return Nav.BACK
            break
        self.data.antwoorden[v.id] = answer
        self._save()
        if is_low(v, answer) or self.data.toelichting.get(v.id):
            self._comment(v)  # an earlier comment may no longer fit: offer to keep or clear it
        return None

    def _comment(self, v: Vraag) -> None:
        assert self.data is not None
        before = self.data.toelichting.get(v.id) or ""
        text = self._text(
            f"toelichting:{v.id}",
            "Wil je dit toelichten?",
            default=before,
            instruction="(optioneel, één zin; Enter = overslaan)",
        ).strip()
        if text:
            self.data.toelichting[v.id] = text
        else:
            self.data.toelichting.pop(v.id, None)
        self._save()

    def _open(self, v: Vraag, back: str | None) -> Nav | None:
        assert self.data is not None
        if v.uitleg.strip():
            self.show(Help(v.uitleg.strip()))
        hint = "(Enter = overslaan" + (
            f", {BACK_TEXT} = {back.removeprefix('← ')})" if back else ")"
        )
        text = self._text(
            f"item:{v.id}", v.tekst, default=self.data.toelichting.get(v.id) or "", instruction=hint
        ).strip()
        if back and text == BACK_TEXT:
            return Nav.BACK
        self.data.toelichting[v.id] = text  # "" marks: asked and skipped
        self._save()
        return None

    # --- review

    def review_rows(self) -> tuple[ReviewRow, ...]:
        assert self.data is not None
        rows = []
        for nr, v in enumerate(self.items, 1):
            if v.scored:
                antwoord = answer_label(self.bank, v, self.data.antwoorden.get(v.id))
                toelichting = self.data.toelichting.get(v.id) or ""
            else:
                antwoord = self.data.toelichting.get(v.id) or "—"
                toelichting = ""
            rows.append(
                ReviewRow(nr, self.bank.dimensie(v.dimensie).naam, v.tekst, antwoord, toelichting)
            )
        return tuple(rows)

    def _review(self) -> None:
        n = len(self.items)

        def valid(text: str) -> str | None:
            text = text.strip()
            if not text or (text.isdigit() and 1 <= int(text) <= n):
                return None
            return f"Typ een nummer van 1 tot en met {n}, of laat leeg."

        while True:
            self.show(Review(self.review_rows()))
            choice = self._select(
                "review",
                "Klopt alles?",
                [
                    Choice("Afronden en mijn scores bekijken", Nav.FINISH, "1"),
                    Choice("Een antwoord wijzigen", Nav.CHANGE, "2"),
                ],
            )
            if choice is Nav.FINISH:
                return
            text = self._text(
                "review:nummer",
                "Welk nummer wil je wijzigen?",
                instruction=f"(1–{n}; Enter = terug naar het overzicht)",
                validate=valid,
            ).strip()
            if not text:
                continue
            if valid(text):
                self.show(Notice(valid(text) or ""))
                continue
            self._item(int(text) - 1, "← terug naar het overzicht", headers=False)

    # --- plumbing

    def _select(self, key: str, message: str, choices: list[Choice], default: object = None) -> Any:
        values = [c.value for c in choices if not c.separator]
        default = default if default in values else None
        answer = self.ask(Question(key, "select", message, tuple(choices), default, SELECT_HINT))
        if answer not in values:
            raise ValueError(f"{key}: {answer!r} is not one of the choices")
        return answer

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

    def _save(self) -> None:
        assert self.data is not None
        in_bank_order(self.bank, self.data)
        self.save_cb(self.data)


def in_bank_order(bank: Bank, data: Antwoorden) -> None:
    """Sort answers and comments in bank order, so the saved file reads like the questionnaire."""
    order = {v.id: i for i, v in enumerate(bank.vragen)}

    def ordered(d: dict[str, Any]) -> dict[str, Any]:
        return dict(sorted(d.items(), key=lambda kv: order.get(kv[0], len(order))))

    data.antwoorden = ordered(data.antwoorden)
    data.toelichting = ordered(data.toelichting)


def _key(index: int) -> str | None:
    return str(index + 1) if index < 9 else None
