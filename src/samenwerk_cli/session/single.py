"""The ``reflect`` session for one respondent: one way of answering in the shared engine.

The walk, the saving and the resume are the engine's (:mod:`samenwerk_cli.session.engine`); this
module says how a respondent answers: metadata asked one by one, an item as a choice on the scale
with help and an optional comment on a low score, and a review of every answer before the file is
marked complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from samenwerk_cli.formats.answers import FASE_ONBEKEND, WEET_NIET, Antwoorden
from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.formats.names import dimension_label
from samenwerk_cli.session.dialog import (
    BACK_HINT,
    BACK_KEY,
    SEPARATOR,
    Choice,
    Event,
    Help,
    Intro,
    Legend,
    Nav,
    Notice,
    Progress,
    Question,
    Resumed,
    Review,
    ReviewRow,
    stray_keys,
)
from samenwerk_cli.session.engine import (
    Engine,
    Metadata,
    answer_label,
    estimate_minutes,
    is_answered,
    is_low,
    scale_titles,
)

__all__ = ["Metadata", "Session", "Single"]

SELECT_HINT = "(cijfer of ↑↓, dan Enter)"
NAME_HINT = (
    "(leeg = anoniem; anders staan je open antwoorden en toelichtingen met je naam in het rapport)"
)


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
        fits: Callable[[Sequence[ReviewRow]], bool] | None = None,
    ) -> None:
        """``fits``: whether review rows fit one screen, so the review comes in pages."""
        self.engine = Engine(
            bank,
            ask,
            show,
            lambda files: save(files[0]),
            Single(fits),
            quick=quick,
            dimensions=dimensions,
            given=given,
            resume=None if resume is None else [resume],
            today=today,
        )

    @property
    def items(self) -> list[Vraag]:
        return self.engine.items

    @property
    def data(self) -> Antwoorden | None:
        """The answers so far: also after Ctrl-C, when :meth:`run` never returned."""
        return self.engine.files[0] if self.engine.files else None

    def run(self) -> Antwoorden:
        return self.engine.run()[0]


class Single:
    """How one respondent answers: the :class:`~samenwerk_cli.session.engine.Mode` of a Session."""

    fase_in_metadata = True  # the respondent's own view, asked with the name and the role

    def __init__(self, fits: Callable[[Sequence[ReviewRow]], bool] | None = None) -> None:
        self.fits = fits

    # --- start and resume

    def start(self, run: Engine) -> list[Antwoorden]:
        dims = {v.dimensie for v in run.items}
        run.show(
            Intro(
                run.bank.model.titel,
                tuple(
                    (dimension_label(d.id, d.naam), d.kern)
                    for d in run.bank.model.dimensies
                    if d.id in dims
                ),
                sum(v.scored for v in run.items),
                sum(not v.scored for v in run.items),
                estimate_minutes(run.items),
                run.quick,
            )
        )
        g = run.given
        partnerschap = run.partnership()

        def optional(key: str, value: str | None, message: str, instruction: str) -> str | None:
            if value is None:
                value = run.text(key, message, instruction=instruction)
            return value.strip() or None

        skip = "(Enter = overslaan)"
        return [
            run.new_file(
                partnerschap,
                organisatie=optional("organisatie", g.organisatie, "Je organisatie", skip),
                respondent=optional("respondent", g.respondent, "Je naam", NAME_HINT),
                rol=optional("rol", g.rol, "Je rol in de samenwerking", skip),
                ronde=optional(
                    "ronde", g.ronde, "Ronde", "(bijvoorbeeld 2026-najaar; Enter = overslaan)"
                ),
            )
        ]

    def resumed(self, run: Engine) -> None:
        """The file's metadata is kept; flags only fill what the file lacks, saved at once."""
        data = run.files[0]
        for name in ("organisatie", "respondent", "rol", "ronde"):
            flag = getattr(run.given, name)
            if getattr(data, name) is None and flag and flag.strip():
                setattr(data, name, flag.strip())
        if data.datum is None:
            data.datum = run.today
        done = sum(is_answered(v, data) for v in run.items)
        run.show(Resumed(data.partnerschap, data.respondent, done, len(run.items), data.compleet))
        run.save()

    def ask_fase(self, run: Engine) -> None:
        data = run.files[0]
        fases = run.bank.model.fases
        # The meanings above the prompt, wrapped; the choices the names alone (as the group
        # session shows the same list with its line to type).
        run.show(Legend("De fases", tuple((f.naam, f.betekenis) for f in fases)))
        choices = [Choice(f.naam, f.id, _key(i)) for i, f in enumerate(fases)]
        choices.append(Choice(FASE_ONBEKEND, FASE_ONBEKEND, _key(len(fases))))
        data.fase = _select(
            run, "fase", "In welke fase zit de samenwerking volgens jou?", choices, data.fase
        )
        run.save()

    # --- items

    def item(self, run: Engine, i: int, back: str | None) -> Nav | None:
        v = run.items[i]
        run.show(Progress(run.progress(i)))
        if v.scored:
            return self._scored(run, v, back)
        return self._open(run, v, back)

    def _scored(self, run: Engine, v: Vraag, back: str | None) -> Nav | None:
        data = run.files[0]
        titles = scale_titles(run.bank, v)
        offer_help = bool(v.uitleg.strip())
        wants_comment = False
        while True:
            choices = [Choice(t, n, str(n)) for n, t in enumerate(titles, 1)]
            choices.append(Choice(run.bank.model.schaal.weet_niet, WEET_NIET, "6"))
            choices.append(SEPARATOR)
            if not wants_comment:
                choices.append(Choice("toelichting bij mijn antwoord", Nav.COMMENT, "t"))
            if offer_help:
                choices.append(Choice("uitleg bij deze vraag", Nav.HELP, "u"))
            if back:
                choices.append(Choice(back, Nav.BACK, BACK_KEY))
            answer = _select(run, f"item:{v.id}", v.tekst, choices, data.antwoorden.get(v.id))
            if answer is Nav.HELP:
                run.show(Help(v.uitleg.strip()))
                offer_help = False
                continue
            if answer is Nav.COMMENT:
                run.show(Notice("Kies je antwoord; daarna typ je de toelichting."))
                wants_comment = True
                continue
            if answer is Nav.BACK:
                return Nav.BACK
            break
        data.antwoorden[v.id] = answer
        run.save()
        if wants_comment or is_low(v, answer) or data.toelichting.get(v.id):
            self._comment(run, v)  # an earlier comment may no longer fit: offer to keep or clear it
        return None

    def _comment(self, run: Engine, v: Vraag) -> None:
        data = run.files[0]
        text = run.text(
            f"toelichting:{v.id}",
            "Wil je dit toelichten?",
            default=data.toelichting.get(v.id) or "",
            instruction="(optioneel, één zin; Enter = overslaan)",
            validate=stray_keys,  # "4" typed for the next statement is no comment
        ).strip()
        if text:
            data.toelichting[v.id] = text
        else:
            data.toelichting.pop(v.id, None)
        run.save()

    def _open(self, run: Engine, v: Vraag, back: str | None) -> Nav | None:
        data = run.files[0]
        if v.uitleg.strip():
            run.show(Help(v.uitleg.strip()))
        hint = f"(Enter = overslaan; {BACK_HINT})" if back else "(Enter = overslaan)"
        ask = run.text_or_back if back else run.text
        text = ask(
            f"item:{v.id}",
            v.tekst,
            default=data.toelichting.get(v.id) or "",
            instruction=hint,
            validate=stray_keys,
        )
        if text is Nav.BACK:
            return Nav.BACK
        assert isinstance(text, str)
        data.toelichting[v.id] = text.strip()  # "" marks: asked and skipped
        run.save()
        return None

    # --- the end: a review, in which any answer can still change

    def review(self, run: Engine) -> None:
        n = len(run.items)

        def valid(text: str) -> str | None:
            text = text.strip()
            # isascii: "²" passes str.isdigit() but not int()
            if not text or (text.isascii() and text.isdigit() and 1 <= int(text) <= n):
                return None
            return f"Typ een nummer van 1 tot en met {n}, of laat leeg."

        page = 0
        while True:
            rows = review_rows(run)
            pages = review_pages(rows, self.fits)  # again: a changed answer may take more room
            page = min(page, len(pages) - 1)
            run.show(Review(tuple(rows[i] for i in pages[page]), page + 1, len(pages)))
            choices = [
                Choice("Afronden en mijn scores bekijken", Nav.FINISH, "1"),
                Choice("Een antwoord wijzigen", Nav.CHANGE, "2"),
            ]
            if page + 1 < len(pages):
                choices.append(Choice("Volgende bladzijde", Nav.NEXT_PAGE, "3"))
            if page > 0:
                choices.append(Choice("Vorige bladzijde", Nav.PREVIOUS_PAGE, "4"))
            choice = _select(run, "review", "Klopt alles?", choices)
            if choice is Nav.FINISH:
                return
            if choice is Nav.NEXT_PAGE:
                page += 1
                continue
            if choice is Nav.PREVIOUS_PAGE:
                page -= 1
                continue
            text = run.text_or_back(
                "review:nummer",
                "Welk nummer wil je wijzigen?",
                instruction=f"(1–{n}; Enter, {BACK_KEY} of ← = terug naar het overzicht)",
                validate=valid,
            )
            if text is Nav.BACK or not str(text).strip():
                continue
            index = int(str(text).strip()) - 1
            run.item(index, "← terug naar het overzicht", headers=False)
            page = next(p for p, shown in enumerate(pages) if index in shown)

    def close(self, run: Engine) -> None:
        """Nothing more: the command shows where the file is and the scores."""


def review_rows(run: Engine) -> tuple[ReviewRow, ...]:
    data = run.files[0]
    rows = []
    for nr, v in enumerate(run.items, 1):
        if v.scored:
            antwoord = answer_label(run.bank, v, data.antwoorden.get(v.id))
            toelichting = data.toelichting.get(v.id) or ""
        else:
            antwoord = data.toelichting.get(v.id) or "—"
            toelichting = ""
        dimensie = dimension_label(v.dimensie, run.bank.dimensie(v.dimensie).naam)
        rows.append(ReviewRow(nr, dimensie, v.tekst, antwoord, toelichting))
    return tuple(rows)


def review_pages(
    rows: Sequence[ReviewRow], fits: Callable[[Sequence[ReviewRow]], bool] | None
) -> list[list[int]]:
    """The review's rows in pages that each fit the screen; one page without ``fits``.

    A page holds at least one row, whatever ``fits`` says.
    """
    if fits is None:
        return [list(range(len(rows)))]
    pages: list[list[int]] = [[]]
    for i in range(len(rows)):
        page = pages[-1]
        if page and not fits([rows[j] for j in (*page, i)]):
            pages.append([])
        pages[-1].append(i)
    return pages


def _select(
    run: Engine, key: str, message: str, choices: list[Choice], default: object = None
) -> Any:
    """A choice among ``choices``; a default that is not among them is dropped."""
    values = [c.value for c in choices if not c.separator]
    default = default if default in values else None
    answer = run.ask(Question(key, "select", message, tuple(choices), default, SELECT_HINT))
    if answer not in values:
        raise ValueError(f"{key}: {answer!r} is not one of the choices")
    return answer


def _key(index: int) -> str | None:
    return str(index + 1) if index < 9 else None
