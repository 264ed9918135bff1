"""How a ``reflect`` session ends, alone or as a group: the one place that turns Ctrl-C, a
signal, answers changed by someone else and a failing disk into a message, the command to go on,
and an exit code. The answers given so far are always on disk by then."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from samenwerk_cli.cli.context import tell
from samenwerk_cli.errors import ExitCode, os_problem
from samenwerk_cli.terminal.env import Env

T = TypeVar("T")


class Releasing(Protocol):
    def release(self) -> None: ...


def run_session(
    env: Env,
    saver: Releasing,
    run: Callable[[], T],
    written: Callable[[], Path | None],
    resume_hint: Callable[[Path], str],
    whose: str,
) -> T | ExitCode:
    """``run()``'s result, or the exit code of how it ended; ``written()`` is where the answers
    are by then, ``resume_hint(path)`` the command that goes on from there."""
    from samenwerk_cli.session.storage import Changed
    from samenwerk_cli.terminal import ending, signals

    def hint() -> str:
        path = written()
        return resume_hint(path) if path is not None else ""

    try:
        with signals.ending_on_signals():
            try:
                return run()
            finally:
                saver.release()  # before the handlers go: a signal now must not leave the lock
    except (KeyboardInterrupt, EOFError) as exc:
        ending.interrupted(env.err, written(), hint(), whose)
        return signals.exit_code(exc)
    except Changed as exc:
        tell(env, exc.problems)
        ending.changed(env.err, resume_hint(exc.aside))
        return ExitCode.INVALID
    except OSError as exc:
        tell(env, [os_problem(exc)])
        ending.save_failed(env.err, written(), hint(), whose)
        return ExitCode.INVALID
