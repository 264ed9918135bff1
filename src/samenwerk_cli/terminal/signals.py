"""Signals from outside (``kill -INT/-TERM/-HUP``, a closed terminal) end a session like Ctrl-C.

A typed Ctrl-C reaches a prompt as a key; a signal does not. While a prompt_toolkit application
runs, prompt_toolkit turns SIGINT into a ``<sigint>`` key (its own asyncio signal handler) that a
questionary ``select`` does not bind, so ``kill -INT`` was ignored there; SIGTERM and SIGHUP killed
the process at once, without the resume command and leaving the session's lock behind.

:func:`ending_on_signals` installs handlers for the three signals during an interactive session.
Each handler turns its signal into :class:`Stopped` (a ``KeyboardInterrupt``, so the flow's
Ctrl-C path saves and shows the resume command) and, when a prompt is waiting, makes that prompt's
application exit with it, so prompt_toolkit leaves raw mode and its event loop cleanly. A
``select`` binds ``<sigint>`` to the same exit (:mod:`samenwerk_cli.terminal.prompts`).
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from samenwerk_cli.errors import ExitCode

_CODES = {
    signal.SIGINT: ExitCode.INTERRUPTED,
    getattr(signal, "SIGTERM", None): ExitCode.TERMINATED,
    getattr(signal, "SIGHUP", None): ExitCode.HANGUP,
}
SIGNALS = tuple(s for s in _CODES if s is not None)


class Stopped(KeyboardInterrupt):
    """A signal that ends the session; ``exit_code`` is 128 + its number, as a shell reports it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_code = _CODES.get(signum, ExitCode.INTERRUPTED)


def exit_code(exc: BaseException) -> ExitCode:
    """The code a session ends with after ``exc``: 143 for SIGTERM, 129 for SIGHUP, else 130."""
    return getattr(exc, "exit_code", ExitCode.INTERRUPTED)


_pending: list[Stopped] = []  # arrived while a prompt was closing: raised after it
_received: list[Stopped] = []  # every signal of this session, first first


def _exit_app(app: Any, exc: Stopped) -> None:
    """Runs inside the prompt's event loop: end the prompt with ``exc``, unless it has just been
    answered (then ``exc`` stays pending and :func:`guarded` raises it after the answer)."""
    future = getattr(app, "future", None)
    if future is not None and not future.done():
        _pending.remove(exc)
        app.exit(exception=exc, style="class:aborting")


def _running_app() -> Any:
    """The prompt_toolkit application waiting for input, if any (none before it is loaded)."""
    current = sys.modules.get("prompt_toolkit.application.current")
    app = current.get_app_or_none() if current is not None else None
    if app is not None and app.is_running and getattr(app, "loop", None) is not None:
        return app
    return None


def _handler(signum: int, frame: object) -> None:
    exc = Stopped(signum)
    _received.append(exc)
    app = _running_app()
    if app is None:
        raise exc
    # Raising here would escape from the middle of the event loop and leave the terminal in raw
    # mode. The loop is blocked in select(): wake it the thread-safe way, and keep the signal
    # pending in case the prompt finishes before the loop runs the callback.
    _pending.append(exc)
    with contextlib.suppress(RuntimeError):  # the loop closed a moment ago
        app.loop.call_soon_threadsafe(_exit_app, app, exc)


@contextmanager
def ending_on_signals() -> Iterator[None]:
    """During the block, SIGINT, SIGTERM and SIGHUP raise :class:`Stopped`; then the old handlers
    return. Only in the main thread (elsewhere Python cannot set handlers).

    A terminal that closes sends SIGHUP, and the prompt's next read or write fails at once
    (``EIO``, end of input), often before the handler runs: such a failure after a signal is
    that signal, not a disk fault."""
    previous: dict[int, Any] = {}
    try:
        for signum in SIGNALS:
            previous[signum] = signal.signal(signum, _handler)
    except ValueError:  # not the main thread: leave the handlers alone
        pass
    _pending.clear()
    _received.clear()
    try:
        yield
    except (OSError, EOFError) as exc:
        if _received:
            raise _received[0] from exc
        raise
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
        _pending.clear()
        _received.clear()


def raise_pending() -> None:
    """A signal that arrived while a prompt was closing ends the session now."""
    if _pending:
        raise _pending.pop()


def guarded(ask: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``ask``, raising a signal that came just as a question was answered."""

    def guarded_ask(question: Any) -> Any:
        raise_pending()
        answer = ask(question)
        raise_pending()
        return answer

    return guarded_ask
