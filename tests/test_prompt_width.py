"""The prompts of ``reflect`` drawn on a laptop (80) and a projector (100): questionary draws them
with prompt_toolkit, which cuts a choice at the screen's edge and breaks a message anywhere
("rapp|ort"); here every choice, message and hint must read whole (issue 17)."""

from __future__ import annotations

import asyncio

import pytest

from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.session import dialog
from samenwerk_cli.terminal import screens
from tests.test_screen_width import LONG, WIDTHS, assert_fits, console, flat, lines_of


@pytest.fixture(scope="module")
def bank() -> Bank:
    return bank_mod.load(None)


def drawn(question: dialog.Question, width: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The rows a prompt draws on a screen ``width`` wide (prompt_toolkit's own layout)."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.application.current import set_app
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.layout.mouse_handlers import MouseHandlers
    from prompt_toolkit.layout.screen import Screen, WritePosition
    from prompt_toolkit.output import DummyOutput

    from samenwerk_cli.terminal import prompts

    monkeypatch.setenv("COLUMNS", str(width))
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        made = prompts._select(question) if question.kind == "select" else prompts._text(question)
        app = made.application
        screen = Screen()

        async def draw() -> None:  # a text prompt loads its history in the event loop
            with set_app(app):
                app.layout.container.write_to_screen(
                    screen, MouseHandlers(), WritePosition(0, 0, width, 60), "", False, None
                )

        asyncio.run(draw())
    rows = [
        "".join(screen.data_buffer[y][x].char for x in range(width)).rstrip()
        for y in range(screen.height)
    ]
    return [row for row in rows if row]


def assert_whole(question: dialog.Question, width: int, mp: pytest.MonkeyPatch) -> str:
    """Every choice and the message readable: the drawn rows joined give each text whole (a
    word cut at the edge, "samenwerke|n", or a choice cut off would not)."""
    rows = drawn(question, width, mp)
    assert_fits(rows, width)
    text = flat(" ".join(rows))
    assert flat(question.message) in text, rows
    if question.instruction and question.instruction.strip():
        assert flat(question.instruction) in text, rows
    for c in question.choices:
        assert c.separator or flat(c.title) in text, (c.title, rows)
    return text


def asked_until(bank: Bank, key: str, shown: list[dialog.Event]) -> list[dialog.Question]:
    """Every question a whole single session asks, in order, up to the first under ``key``;
    what it showed goes into ``shown``."""
    from samenwerk_cli.formats.answers import FASE_ONBEKEND
    from samenwerk_cli.session.single import Session

    class Found(Exception):
        pass

    asked: list[dialog.Question] = []

    def ask(q: dialog.Question) -> object:
        asked.append(q)
        if q.key.startswith(key):
            raise Found
        if q.key == "partnerschap":
            return "Opleidingsschool Noord"
        if q.key == "fase":
            return FASE_ONBEKEND
        return "" if q.kind == "text" else 3

    with pytest.raises(Found):
        Session(bank, ask, shown.append, lambda d: None).run()
    return asked


@pytest.mark.parametrize("width", WIDTHS)
def test_the_phase_prompt_fits_and_every_phase_is_explained(
    bank: Bank, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[dialog.Event] = []
    fase = asked_until(bank, "fase", shown)[-1]
    text = assert_whole(fase, width, monkeypatch)
    for f in bank.model.fases:
        assert f.naam in text and f.betekenis not in text  # the names only …
    con = console(width)
    for event in shown:
        screens.show(con, event)
    lines = lines_of(con)
    assert_fits(lines, width)
    above = flat("\n".join(lines))
    for f in bank.model.fases:  # … their meanings in a block above the prompt
        assert flat(f"{f.naam} {f.betekenis}") in above


@pytest.mark.parametrize("width", WIDTHS)
def test_every_prompt_of_a_session_fits_whole(
    bank: Bank, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every question of a whole session as it is asked, balans poles and the review's
    choices included: long ones wrap between words, none is cut."""
    asked = asked_until(bank, "review", [])
    assert {q.key for q in asked} >= {"respondent", "fase", "review"}
    assert sum(q.key.startswith("item:") for q in asked) == len(bank.vragen)
    for question in asked:
        assert_whole(question, width, monkeypatch)


@pytest.mark.parametrize("width", WIDTHS)
def test_long_choices_messages_and_hints_wrap_between_words(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An own bank's long pole; the name prompt's long hint ("rapp|ort" before)."""
    from samenwerk_cli.session.single import NAME_HINT

    pole = "Vooral steun zoeken bij alle partners: er is heel veel overleg, maar er gebeurt weinig"
    question = dialog.Question(
        "item:x", "select", LONG, (dialog.Choice(pole, 1, "1"), dialog.Choice("kort", 2, "2"))
    )
    rows = drawn(question, width, monkeypatch)
    assert_whole(question, width, monkeypatch)
    if width == 80:  # the pole's second line under its text
        assert rows[-2].startswith(" " * 6) and not rows[-2].startswith(" " * 7)
    name = dialog.Question("respondent", "text", "Je naam", instruction=NAME_HINT)
    assert_whole(name, width, monkeypatch)
