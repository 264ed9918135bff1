"""The ``reflect`` flow as pure logic: what to ask, in which order, and what to save.

The session never touches the terminal. It hands plain :class:`Question` objects to an injected
``ask`` callable and plain event objects (:class:`Intro`, :class:`Progress`, ...) to ``show``, and
calls ``save`` after every answer, so the whole flow can be tested with a scripted fake ``ask``.
Ctrl-C and end of input are exceptions from ``ask``; they pass through untouched, because by then
every answer given is already saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from samenwerk_cli.formats.answers import FASE_ONBEKEND, FORMAT, WEET_NIET, Antwoorden
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.session.dialog import (
    BACK_TEXT,
    SEPARATOR,
    Choice,
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
from samenwerk_cli.session.engine import (
    Flow,
    Metadata,
    answer_label,
    estimate_minutes,
    first_unanswered,
    in_bank_order,
    is_answered,
    is_low,
    scale_titles,
)

SELECT_HINT = "(cijfer of ↑↓, dan Enter)"


# --- the session --------------------------------------------------------------------------------


class Session(Flow):
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
        super().__init__(
            bank, ask, show, quick=quick, dimensions=dimensions, given=given, today=today
        )
        self.save_cb = save
        self.resume = resume
        self.data: Antwoorden | None = resume
        self._fase_asked = False

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
        partnerschap = self._partnership()

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

    def _item(self, i: int, back: str | None, headers: bool = True) -> Nav | None:
        """Ask item ``i``; returns :attr:`Nav.BACK` when the user chose the back option."""
        v = self.items[i]
        if headers:
            self._header(v)
        self.show(Progress(self._progress(i)))
        if v.scored:
            return self._scored(v, back)
        return self._open(v, back)

    def _scored(self, v: Vraag, back: str | None) -> Nav | None:
        assert self.data is not None
        titles = scale_titles(self.bank, v)
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

    def _save(self) -> None:
        assert self.data is not None
        in_bank_order(self.bank, self.data)
        self.save_cb(self.data)


def _key(index: int) -> str | None:
    return str(index + 1) if index < 9 else None
