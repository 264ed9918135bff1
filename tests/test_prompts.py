"""Real questionary prompts, driven through prompt_toolkit's pipe input in a fresh app session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.session.dialog import SEPARATOR, Choice, Nav, Question
from samenwerk_cli.session.single import Session
from samenwerk_cli.terminal import prompts
from tests.testbank import write_bank

pytestmark = pytest.mark.timeout(20)

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"

SCALE = Question(
    "item:x",
    "select",
    "We vertrouwen elkaar.",
    (
        *(Choice(t, n, str(n)) for n, t in enumerate(["a", "b", "c", "d", "e"], 1)),
        Choice("weet niet", "weet niet", "6"),
        SEPARATOR,
        Choice("← vorige vraag", Nav.BACK, "v"),
    ),
)


@pytest.fixture
def keys() -> Iterator[Any]:
    """Queue keys, then close the pipe so a prompt waiting for more gets EOF instead of hanging."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):

        def send(text: str, close: bool = True) -> None:
            pipe.send_text(text)
            if close:
                pipe.close()

        yield send


def test_select_number_shortcut(keys: Any) -> None:
    keys("3" + ENTER)
    assert prompts.ask(SCALE) == 3


def test_select_weet_niet(keys: Any) -> None:
    keys("6" + ENTER)
    assert prompts.ask(SCALE) == "weet niet"


def test_select_back_shortcut(keys: Any) -> None:
    keys("v" + ENTER)
    assert prompts.ask(SCALE) is Nav.BACK


def test_select_arrows_from_default(keys: Any) -> None:
    keys(DOWN + ENTER)
    question = Question(SCALE.key, "select", SCALE.message, SCALE.choices, default=4)
    assert prompts.ask(question) == 5


def test_text_default_and_typing(keys: Any) -> None:
    keys("erbij" + ENTER)
    question = Question("toelichting:x", "text", "Wil je dit toelichten?", default="al ")
    assert prompts.ask(question) == "al erbij"


def test_text_validation_rejects_then_accepts(keys: Any) -> None:
    keys(ENTER + "Noord" + ENTER)
    question = Question(
        "partnerschap",
        "text",
        "Naam van het partnerschap",
        validate=lambda t: None if t.strip() else "Vul de naam in.",
    )
    assert prompts.ask(question) == "Noord"


def test_ctrl_c_raises(keys: Any) -> None:
    keys(CTRL_C, close=False)
    with pytest.raises(KeyboardInterrupt):
        prompts.ask(SCALE)


def test_end_of_input_raises(keys: Any) -> None:
    keys("")
    with pytest.raises(EOFError):
        prompts.ask(Question("rol", "text", "Je rol"))


def test_style_honours_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert all("ansi" not in rule for _, rule in prompts.style().style_rules)
    monkeypatch.delenv("NO_COLOR")
    assert any("ansi" in rule for _, rule in prompts.style().style_rules)


def test_whole_quick_session_through_real_prompts(keys: Any, tmp_path: Path) -> None:
    bank = bank_mod.load(write_bank(tmp_path / "vragen"))
    out = tmp_path / "a.yaml"
    keys(
        "Noord" + ENTER  # partnerschap
        + ENTER  # organisatie
        + "Anna" + ENTER  # respondent
        + ENTER + ENTER  # rol, ronde
        + "2" + ENTER  # fase: delen
        + "u" + ENTER  # uitleg
        + "4" + ENTER  # ambitie.belofte
        + "v" + ENTER  # back
        + "5" + ENTER  # ambitie.belofte again
        + "1" + ENTER  # relatie.vertrouwen: low
        + "Weinig contact." + ENTER  # the comment
        + "1" + ENTER  # review: finish
    )  # fmt: skip
    session = Session(
        bank,
        ask=prompts.ask,
        show=lambda event: None,
        save=lambda data: answers.save(out, data),
        quick=True,
        today=dt.date(2026, 11, 28),
    )
    session.run()
    data = answers.read(out, bank).data
    assert data.partnerschap == "Noord" and data.respondent == "Anna" and data.fase == "delen"
    assert data.antwoorden == {"ambitie.belofte": 5, "relatie.vertrouwen": 1}
    assert data.toelichting == {"relatie.vertrouwen": "Weinig contact."}
    assert data.compleet


# --- a stray Enter records nothing; one key for back ---------------------------------------------

UP, LEFT = "\x1b[A", "\x1b[D"


def test_select_without_default_refuses_enter_until_a_choice(keys: Any) -> None:
    keys(ENTER + ENTER + "3" + ENTER)
    assert prompts.ask(SCALE) == 3


def test_select_without_default_down_starts_at_the_first_choice(keys: Any) -> None:
    keys(DOWN + ENTER)
    assert prompts.ask(SCALE) == 1


def test_select_without_default_up_starts_at_the_last_choice(keys: Any) -> None:
    keys(UP + ENTER)
    assert prompts.ask(SCALE) is Nav.BACK


def test_select_with_default_enter_keeps_the_earlier_answer(keys: Any) -> None:
    keys(ENTER)
    question = Question(SCALE.key, "select", SCALE.message, SCALE.choices, default=2)
    assert prompts.ask(question) == 2


def test_select_left_arrow_goes_back(keys: Any) -> None:
    keys(LEFT)
    assert prompts.ask(SCALE) is Nav.BACK


def test_select_left_arrow_does_nothing_without_back(keys: Any) -> None:
    keys(LEFT + "2" + ENTER)
    question = Question("review", "select", "Klopt alles?", SCALE.choices[:5])
    assert prompts.ask(question) == 2


def test_text_left_arrow_at_the_start_goes_back(keys: Any) -> None:
    keys(LEFT)
    question = Question("item:open", "text", "Wat gaat goed?", back=True)
    assert prompts.ask(question) is Nav.BACK


def test_text_left_arrow_inside_the_text_moves_the_cursor(keys: Any) -> None:
    keys("ab" + LEFT + "x" + ENTER)
    question = Question("item:open", "text", "Wat gaat goed?", back=True)
    assert prompts.ask(question) == "axb"


def test_text_left_arrow_without_back_is_a_cursor_key(keys: Any) -> None:
    keys(LEFT + "ja" + ENTER)
    assert prompts.ask(Question("rol", "text", "Je rol")) == "ja"


def test_text_back_key_passes_the_validator(keys: Any) -> None:
    keys("v" + ENTER)
    question = Question(
        "review:nummer", "text", "Welk nummer?", validate=lambda t: "nee", back=True
    )
    assert prompts.ask(question) == "v"


@pytest.mark.parametrize("typed", ["²", "①", "٣"])
def test_review_number_refuses_unicode_digits_as_typed(
    keys: Any, tmp_path: Path, typed: str
) -> None:
    """Issue 12.11: '²' passed str.isdigit() and int() raised inside prompt_toolkit."""
    bank = bank_mod.load(write_bank(tmp_path / "vragen"))
    out = tmp_path / "a.yaml"
    keys(
        "Noord" + ENTER + ENTER + ENTER + ENTER + ENTER  # metadata
        + "2" + ENTER  # fase
        + "4" + ENTER + "4" + ENTER  # both items
        + "2" + ENTER  # review: change
        + typed + ENTER  # refused as typed: the prompt stays
        + "\x7f" + "1" + ENTER  # backspace, then a real number
        + "3" + ENTER  # ambitie.belofte again
        + "1" + ENTER  # review: finish
    )  # fmt: skip
    session = Session(
        bank,
        ask=prompts.ask,
        show=lambda event: None,
        save=lambda data: answers.save(out, data),
        quick=True,
        today=dt.date(2026, 11, 28),
    )
    session.run()
    assert answers.read(out, bank).data.antwoorden == {
        "ambitie.belofte": 3,
        "relatie.vertrouwen": 4,
    }


def test_digits_typed_as_a_comment_are_refused_as_typed(keys: Any) -> None:
    from samenwerk_cli.session.dialog import stray_keys

    keys("4" + ENTER + "\x7f" + "Klopt." + ENTER)
    question = Question("toelichting:x", "text", "Wil je dit toelichten?", validate=stray_keys)
    assert prompts.ask(question) == "Klopt."
