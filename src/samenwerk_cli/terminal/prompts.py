"""The session's questions as questionary prompts: the only module that imports questionary.

It is imported lazily by ``samenwerk reflect`` alone, so every other command starts without the
~170 ms that questionary and prompt_toolkit cost. Prompts always use ``unsafe_ask()``: ``ask()``
would swallow Ctrl-C and return ``None`` as if it were an answer.
"""

from __future__ import annotations

import os
from typing import Any

import questionary
from prompt_toolkit.styles import Style

from samenwerk_cli.session.dialog import Choice, Question

QMARK = "›"

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
        return _text(question).unsafe_ask()
    raise ValueError(f"unknown question kind {question.kind!r}")


def _choice(choice: Choice) -> questionary.Choice | questionary.Separator:
    if choice.separator:
        return questionary.Separator(choice.title or "  ──────────")
    return questionary.Choice(choice.title, choice.value, shortcut_key=choice.key)


def _select(question: Question) -> questionary.Question:
    choices = [_choice(c) for c in question.choices]
    return questionary.select(
        question.message,
        choices=choices,
        default=question.default,
        qmark=QMARK,
        style=style(),
        use_shortcuts=any(c.key for c in question.choices),
        # A blank instruction: questionary would otherwise print English help.
        instruction=question.instruction or " ",
    )


def _text(question: Question) -> questionary.Question:
    validate = question.validate

    def check(text: str) -> bool | str:
        message = validate(text) if validate else None
        return True if message is None else message

    return questionary.text(
        question.message,
        default=str(question.default or ""),
        qmark=QMARK,
        style=style(),
        instruction=question.instruction,
        validate=check if validate else None,
    )
