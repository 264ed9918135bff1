"""The session's questions as questionary prompts: the only module that imports questionary.

It is imported lazily by ``samenwerk reflect`` alone, so every other command starts without the
~170 ms that questionary and prompt_toolkit cost. Prompts always use ``unsafe_ask()``: ``ask()``
would swallow Ctrl-C and return ``None`` as if it were an answer.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from typing import Any

import questionary
from prompt_toolkit.filters import Condition
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.styles import Style
from questionary.prompts.common import InquirerControl

from samenwerk_cli.session.dialog import Choice, Nav, Question, is_back

QMARK = "›"
INDENT = "  "  # where a wrapped message or instruction goes on: under the text, past the "› "
CHOICE_INDENT = " " * 6  # where a wrapped choice goes on: past " » " and "1) "

# Calm and readable on a projector: one accent colour, bold for what matters, nothing blinking.
_COLOUR = [
    ("qmark", "fg:ansicyan bold"),
    ("question", "bold"),
    ("answer", "fg:ansicyan bold"),
    ("pointer", "fg:ansicyan bold"),
    ("highlighted", "fg:ansicyan bold"),
    ("selected", "fg:ansicyan"),
    ("separator", "fg:ansibrightblack"),
    ("instruction", "fg:ansibrightblack"),
    ("text", ""),
    ("disabled", "fg:ansibrightblack italic"),
]
# NO_COLOR: prompt_toolkit drops colours itself; bold and underline keep the pointer visible.
_MONO = [
    ("qmark", "bold"),
    ("question", "bold"),
    ("answer", "bold"),
    ("pointer", "bold"),
    ("highlighted", "bold underline"),
    ("selected", "bold"),
    ("separator", ""),
    ("instruction", ""),
    ("text", ""),
    ("disabled", "italic"),
]


def style() -> Style:
    return Style(_MONO if os.environ.get("NO_COLOR") else _COLOUR)


def ask(question: Question) -> Any:
    """Ask one question in the terminal; raises KeyboardInterrupt (Ctrl-C) or EOFError (Ctrl-D)."""
    if question.kind == "select":
        return _select(question).unsafe_ask()
    if question.kind == "text":
        return _text(question).unsafe_ask()  # "v" typed alone the session reads as back itself
    raise ValueError(f"unknown question kind {question.kind!r}")


def width() -> int:
    """The screen's width (``COLUMNS`` first, as rich does)."""
    return shutil.get_terminal_size().columns


def wrap(text: str, room: int, indent: str = INDENT) -> str:
    """``text`` in lines of at most ``room`` characters, broken between words only, the later
    lines indented: prompt_toolkit breaks a line wherever the screen ends ("rapp|ort"), and a
    file name or a word longer than ``room`` stays whole on its own line."""
    lines = textwrap.wrap(text, max(room, 20), break_long_words=False, break_on_hyphens=False)
    return f"\n{indent}".join(lines) if lines else text


def _message(message: str, instruction: str | None, screen: int) -> tuple[str, str | None]:
    """The message and instruction wrapped at word boundaries for a ``screen`` wide: the
    message after "› ", the instruction after it on the last line when it fits, else below."""
    room = screen - len(QMARK) - 2  # "› " before, a space after
    text = wrap(message, room)
    if not instruction or not instruction.strip():
        return text, instruction
    last = len(text.rsplit("\n", 1)[-1]) + (len(QMARK) + 1 if "\n" not in text else 0)
    if last + 2 + len(instruction) < screen:
        return text, instruction
    return text + "\n" + INDENT.rstrip(), wrap(instruction, room)


def _choice(choice: Choice, screen: int) -> questionary.Choice | questionary.Separator:
    if choice.separator:
        return questionary.Separator(choice.title or "  ──────────")
    title = wrap(choice.title, screen - len(CHOICE_INDENT) - 1, CHOICE_INDENT)
    return questionary.Choice(title, choice.value, shortcut_key=choice.key)


def _select(question: Question) -> questionary.Question:
    screen = width()
    choices = [_choice(c, screen) for c in question.choices]
    # A blank instruction: questionary would otherwise print English help.
    message, instruction = _message(question.message, question.instruction or " ", screen)
    prompt = questionary.select(
        message,
        choices=choices,
        default=question.default,
        qmark=QMARK,
        style=style(),
        use_shortcuts=any(c.key for c in question.choices),
        instruction=instruction,
    )
    _keys_for_select(prompt, question)
    return prompt


def _keys_for_select(prompt: questionary.Question, question: Question) -> None:
    """Without a default the pointer is on no answer and Enter does nothing, so a stray Enter
    records nothing; ← chooses "back" when the question offers it; ``kill -INT`` (prompt_toolkit's
    ``<sigint>`` key, which questionary leaves unbound) ends it like a typed Ctrl-C.

    questionary has no option for either: these bindings are merged after its own, and
    prompt_toolkit calls the last matching binding.
    """
    app = prompt.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    bindings = KeyBindings()

    @bindings.add(Keys.SIGINT, eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    if question.default is None:
        control.pointed_at = -1  # no row under the pointer; ↓ goes to the first, ↑ to the last
        nothing = Condition(lambda: control.pointed_at < 0)

        @bindings.add(Keys.ControlM, eager=True, filter=nothing)
        def _refuse(event: Any) -> None:
            """Enter on no answer: wait for a choice."""

        @bindings.add(Keys.Up, eager=True, filter=nothing)
        @bindings.add("k", eager=True, filter=nothing)
        def _up(event: Any) -> None:
            control.pointed_at = 0
            control.select_previous()
            while not control.is_selection_valid():
                control.select_previous()

    if any(c.value is Nav.BACK for c in question.choices):

        @bindings.add(Keys.Left, eager=True)
        def _back(event: Any) -> None:
            control.is_answered = True
            control.pointed_at = next(
                i for i, c in enumerate(control.choices) if c.value is Nav.BACK
            )
            event.app.exit(result=Nav.BACK)

    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])


def _text(question: Question) -> questionary.Question:
    validate = question.validate

    def check(text: str) -> bool | str:
        if is_back(question, text):
            return True
        message = validate(text) if validate else None
        return True if message is None else message

    message, instruction = _message(question.message, question.instruction, width())
    prompt = questionary.text(
        message,
        default=str(question.default or ""),
        qmark=QMARK,
        style=style(),
        instruction=instruction,
        validate=check if validate else None,
    )
    if question.back:
        app = prompt.application
        bindings = KeyBindings()
        at_start = Condition(lambda: app.current_buffer.cursor_position == 0)

        @bindings.add(Keys.Left, eager=True, filter=at_start)
        def _back(event: Any) -> None:
            """← at the start of the line: back, as in a select (elsewhere ← moves the cursor)."""
            event.app.exit(result=Nav.BACK)

        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])
    return prompt
