"""The world outside a command, built once at the CLI's seam and injected (httpie's ``Environment``).

A command reads the terminal, the consoles, today's date and the prompt function from here, never
from globals, so tests run any command in-process with a fake ``ask`` and a fixed date. The rich
consoles and questionary are created on first use: most commands never need the prompts.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from samenwerk_cli.errors import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from samenwerk_cli.session.dialog import Question

Ask = Callable[["Question"], Any]


def _stdin_isatty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced stdin
        return False


class Env:
    """What a command may know about where it runs; every part can be replaced in a test.

    A plain class, not a dataclass: it loads with every command, and start-up is felt.
    """

    def __init__(
        self,
        stdin_isatty: bool | None = None,
        today: dt.date | None = None,
        ask: Ask | None = None,
        out: Console | None = None,
        err: Console | None = None,
    ) -> None:
        self.stdin_isatty = _stdin_isatty() if stdin_isatty is None else stdin_isatty
        self.today = today or dt.date.today()
        self.ask = ask  # None: the questionary prompts of terminal.prompts
        self._out = out
        self._err = err

    @property
    def out(self) -> Console:
        """Standard output: reports and prompts."""
        if self._out is None:
            self._out = console()
        return self._out

    @property
    def err(self) -> Console:
        """Standard error: messages, warnings and the resume hint, so stdout stays clean."""
        if self._err is None:
            self._err = console(stderr=True)
        return self._err

    def prompt(self) -> Ask:
        if self.ask is None:
            from samenwerk_cli.terminal import prompts

            self.ask = prompts.ask
        return self.ask

    def echo(self, text: str, err: bool = False) -> None:
        """A line of plain text, no markup: file names and messages can hold brackets."""
        self.write(text + "\n", err)

    def write(self, text: str, err: bool = False) -> None:
        """Text as it is (a report, JSON), to stdout or stderr."""
        stream = sys.stderr if err else sys.stdout
        stream.write(text)
        stream.flush()


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """``samenwerk score | head -1``: rich would exit 1, the code of a missed
            threshold; a closed pipe is not a failure, so go quietly (as SIGPIPE would)."""
            try:
                super().on_broken_pipe()
            except SystemExit:
                raise SystemExit(ExitCode.PIPE_CLOSED) from None

    # emoji=False: a partnership named ':smile:' is text, never a picture
    return _Console(stderr=stderr, highlight=False, emoji=False)
